using Governance.Rules.Engine;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Rules;

[TestFixture]
[Category("GOV901")]
public sealed class GOV901DanglingReferenceTests
{
    private const string RuleId = "GOV901";
    private const string PersonFix = "correct the id, or add the person to the people of the Portfolio";

    private const string People = """
        apiVersion: governance/v1
        kind: Portfolio
        metadata:
          id: portfolio
        spec:
          name: Kestrel
          people:
            - { id: p-lena, name: Lena Fischer }
            - { id: p-priya, name: Priya Raman }
        """;

    /// <summary>A document whose spec lines start on line 6, indented by two spaces.</summary>
    private static string Doc(string kind, string id, string spec = "") => $"""
        apiVersion: governance/v1
        kind: {kind}
        metadata:
          id: {id}
        spec:
        {string.Join('\n', spec.Split('\n').Select(l => "  " + l))}
        """;

    private static string Stream(params string[] documents) => string.Join("\n---\n", documents);

    private static string Product(string id = "product-checkout", string spec = "lifecycleStage: launched") => Doc("Product", id, spec);

    private static string Roadmap(string id = "roadmap-checkout", string productId = "product-checkout", string items = "- id: ri-1") =>
        Doc("Roadmap", id, $"productId: {productId}\nitems:\n" + Indent(items));

    private static string Backlog(string items, string id = "backlog-checkout", string productId = "product-checkout") =>
        Doc("Backlog", id, $"productId: {productId}\nitems:\n" + Indent(items));

    private static string Indent(string lines) => string.Join('\n', lines.Split('\n').Select(l => "  " + l));

    private static IEnumerable<(string? ArtifactId, string? Pointer, string Message)> Located(string yaml, IReadOnlyDictionary<string, RuleSettings>? rules = null) =>
        RuleHarness.Findings(RuleId, yaml, rules: rules).Select(f => (f.ArtifactId, f.Pointer, f.Message));

    private static string NotAPerson(string field, string id) =>
        $"{field} '{id}' does not resolve to a person: no person in the Portfolio's people has that id; {PersonFix}";

    private static string NoArtifact(string field, string id, string kind) =>
        $"{field} '{id}' does not resolve to a {kind}: no artifact has that id; correct the id, or add the {kind}";

    private static string WrongKind(string field, string id, string kind, string actual) =>
        $"{field} '{id}' does not resolve to a {kind}: it names a {actual}, not a {kind}; name a {kind}";

    private static string NoItem(string field, string id, string noun, string holders, string scope, string hint = "") =>
        $"{field} '{id}' does not resolve to {noun}: no {noun[(noun.IndexOf(' ', StringComparison.Ordinal) + 1)..]} in the {holders} of {scope} has that id{hint}; correct the id, or add the {noun[(noun.IndexOf(' ', StringComparison.Ordinal) + 1)..]}";

    [Test]
    public void A_backlog_item_pointing_at_a_missing_roadmap_item_is_an_error_at_the_reference()
    {
        var yaml = Stream(
            Backlog("- id: st-1\n  roadmapItemId: ri-1\n- id: st-2\n  roadmapItemId: ri-9"),
            Roadmap(),
            Product());

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(new ExpectedFinding(
            Severity.Error,
            NoItem("items[1].roadmapItemId", "ri-9", "a roadmap item", "roadmaps", "product 'product-checkout'"),
            "backlog-checkout", "/spec/items/1/roadmapItemId", 11, 22));
    }

    [Test]
    public void Item_references_resolve_only_among_the_items_of_the_referrers_product()
    {
        var yaml = Stream(
            Backlog("- id: st-1\n  roadmapItemId: ri-pay"),
            Roadmap(),
            Roadmap("roadmap-payments", "product-payments", "- id: ri-pay"),
            Product(),
            Product("product-payments"));

        Located(yaml).Should().Equal((
            "backlog-checkout", "/spec/items/0/roadmapItemId",
            NoItem("items[0].roadmapItemId", "ri-pay", "a roadmap item", "roadmaps", "product 'product-checkout'", " (Roadmap 'roadmap-payments' of product 'product-payments' has one)")));
    }

    [Test]
    public void Items_of_an_artifact_without_productId_do_not_serve_a_referrer_with_one()
    {
        var yaml = Stream(Backlog("- id: st-1\n  roadmapItemId: ri-1"), Doc("Roadmap", "roadmap-loose", "items:\n  - id: ri-1"), Product());

        Located(yaml).Should().Equal((
            "backlog-checkout", "/spec/items/0/roadmapItemId",
            NoItem("items[0].roadmapItemId", "ri-1", "a roadmap item", "roadmaps", "product 'product-checkout'", " (Roadmap 'roadmap-loose', which has no productId, has one)")));
    }

    [Test]
    public void A_referrer_without_productId_resolves_among_every_artifact()
    {
        var yaml = Stream(
            Doc("Backlog", "backlog-loose", "items:\n  - { id: st-1, roadmapItemId: ri-pay }\n  - { id: st-2, roadmapItemId: ri-none }"),
            Roadmap("roadmap-payments", "product-payments", "- id: ri-pay"),
            Product("product-payments"));

        Located(yaml).Should().Equal((
            "backlog-loose", "/spec/items/1/roadmapItemId",
            "items[1].roadmapItemId 'ri-none' does not resolve to a roadmap item: no Roadmap holds a roadmap item with that id; correct the id, or add the roadmap item"));
    }

    [Test]
    public void Blank_references_are_not_dangling()
    {
        var yaml = Stream(
            Backlog("- { id: st-1, roadmapItemId: \"\", parentId: \"  \" }\n- { id: st-2, roadmapItemId: null }"),
            Roadmap(items: "- { id: ri-1, objectiveIds: [\"\", null] }"),
            Doc("Project", "project-billing", "productId: \"\"\nplanId: \" \"\nroadmapItemIds: []"),
            Product());

        Located(yaml).Should().BeEmpty();
    }

    [Test]
    public void Parent_items_resolve_among_the_backlogs_of_the_same_product()
    {
        var yaml = Stream(
            Backlog("- { id: st-1, parentId: ep-1 }\n- { id: st-2, parentId: ep-9 }\n- { id: st-3, parentId: ep-pay }"),
            Backlog("- { id: ep-1, type: epic }", "backlog-checkout-epics"),
            Backlog("- { id: ep-pay, type: epic }", "backlog-payments", "product-payments"),
            Product(),
            Product("product-payments"));

        Located(yaml).Should().Equal(
            ("backlog-checkout", "/spec/items/1/parentId", NoItem("items[1].parentId", "ep-9", "a backlog item", "backlogs", "product 'product-checkout'")),
            ("backlog-checkout", "/spec/items/2/parentId", NoItem(
                "items[2].parentId", "ep-pay", "a backlog item", "backlogs", "product 'product-checkout'", " (Backlog 'backlog-payments' of product 'product-payments' has one)")));
    }

    [Test]
    public void Objective_ids_resolve_among_the_strategies_of_the_product_and_each_element_is_reported()
    {
        var yaml = Stream(
            Roadmap(items: "- id: ri-1\n  objectiveIds: [obj-1, obj-9, obj-1, obj-8]"),
            Doc("ProductStrategy", "strategy-checkout", "productId: product-checkout\nobjectives:\n  - { id: obj-1, statement: Convert }"),
            Product());

        // The engine cannot point inside a list of strings yet: the findings point at the list, the message names the element.
        Located(yaml).Should().Equal(
            ("roadmap-checkout", "/spec/items/0/objectiveIds/1", NoItem("items[0].objectiveIds[1]", "obj-9", "an objective", "strategies", "product 'product-checkout'")),
            ("roadmap-checkout", "/spec/items/0/objectiveIds/3", NoItem("items[0].objectiveIds[3]", "obj-8", "an objective", "strategies", "product 'product-checkout'")));
    }

    [Test]
    public void Feedback_and_known_issues_name_backlog_items_of_their_product()
    {
        var yaml = Stream(
            Backlog("- id: bug-1"),
            Doc("ProductAnalytics", "analytics-checkout", "productId: product-checkout\nfeedback:\n  - { date: 2026-10-01, summary: Slow, backlogItemId: bug-1 }\n  - { date: 2026-10-02, summary: Lost card, backlogItemId: bug-9 }"),
            Doc("Handover", "handover-billing", "projectId: project-billing\nproductId: product-checkout\nknownIssues:\n  - { id: ki-1, backlogItemId: bug-9 }"),
            Doc("Handover", "handover-loose", "projectId: project-billing\nknownIssues:\n  - { id: ki-1, backlogItemId: bug-1 }"),
            Doc("Project", "project-billing"),
            Product());

        Located(yaml).Should().Equal(
            ("analytics-checkout", "/spec/feedback/1/backlogItemId", NoItem("feedback[1].backlogItemId", "bug-9", "a backlog item", "backlogs", "product 'product-checkout'")),
            ("handover-billing", "/spec/knownIssues/0/backlogItemId", NoItem("knownIssues[0].backlogItemId", "bug-9", "a backlog item", "backlogs", "product 'product-checkout'")));
    }

    [Test]
    public void A_project_names_roadmap_items_of_its_own_product()
    {
        var yaml = Stream(
            Doc("Project", "project-billing", "productId: product-checkout\nroadmapItemIds: [ri-1, ri-pay]"),
            Doc("Project", "project-loose", "roadmapItemIds: [ri-pay]"),
            Roadmap(),
            Roadmap("roadmap-payments", "product-payments", "- id: ri-pay"),
            Product(),
            Product("product-payments"));

        Located(yaml).Should().Equal((
            "project-billing", "/spec/roadmapItemIds/1",
            NoItem("roadmapItemIds[1]", "ri-pay", "a roadmap item", "roadmaps", "product 'product-checkout'", " (Roadmap 'roadmap-payments' of product 'product-payments' has one)")));
    }

    [Test]
    public void An_artifact_reference_must_name_an_artifact_of_the_expected_kind()
    {
        var yaml = Stream(
            Doc("ProductStrategy", "strategy-1", "productId: product-missing"),
            Doc("Roadmap", "roadmap-1", "productId: project-billing"),
            Doc("Project", "project-billing"));

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, NoArtifact("productId", "product-missing", "Product"), "strategy-1", "/spec/productId", 6, 14),
            new ExpectedFinding(Severity.Error, WrongKind("productId", "project-billing", "Product", "Project"), "roadmap-1", "/spec/productId", 13, 14));
    }

    [Test]
    public void The_optional_links_of_a_product_must_resolve_when_present()
    {
        var yaml = Stream(
            Product(spec: "strategyId: strategy-checkout\nroadmapId: roadmap-missing\nbacklogId: strategy-checkout\nanalyticsId: analytics-checkout"),
            Doc("ProductStrategy", "strategy-checkout", "productId: product-checkout"),
            Doc("ProductAnalytics", "analytics-checkout", "productId: product-checkout"));

        Located(yaml).Should().Equal(
            ("product-checkout", "/spec/roadmapId", NoArtifact("roadmapId", "roadmap-missing", "Roadmap")),
            ("product-checkout", "/spec/backlogId", WrongKind("backlogId", "strategy-checkout", "Backlog", "ProductStrategy")));
    }

    [Test]
    public void The_optional_links_of_a_project_must_resolve_when_present()
    {
        var yaml = Stream(
            Doc("Project", "project-billing", "productId: product-checkout\nplanId: plan-billing\nhandoverId: handover-missing\npostMortemIds: [pm-1, pm-missing, plan-billing]"),
            Doc("ProjectPlan", "plan-billing", "projectId: project-billing"),
            Doc("PostMortem", "pm-1", "type: projectRetrospective\nsubjectId: project-billing"),
            Product());

        Located(yaml).Should().Equal(
            ("project-billing", "/spec/handoverId", NoArtifact("handoverId", "handover-missing", "Handover")),
            ("project-billing", "/spec/postMortemIds/1", NoArtifact("postMortemIds[1]", "pm-missing", "PostMortem")),
            ("project-billing", "/spec/postMortemIds/2", WrongKind("postMortemIds[2]", "plan-billing", "PostMortem", "ProjectPlan")));
    }

    [Test]
    public void A_portfolio_lists_products_and_projects_that_exist()
    {
        var yaml = Stream(
            Doc("Portfolio", "portfolio", "name: Kestrel\nproductIds: [product-checkout, product-missing]\nprojectIds: [product-checkout]"),
            Product());

        Located(yaml).Should().Equal(
            ("portfolio", "/spec/productIds/1", NoArtifact("productIds[1]", "product-missing", "Product")),
            ("portfolio", "/spec/projectIds/0", WrongKind("projectIds[0]", "product-checkout", "Project", "Product")));
    }

    [Test]
    public void An_id_resolves_to_the_first_artifact_in_document_order()
    {
        var yaml = Stream(
            Doc("Project", "shared-id"),
            Doc("Product", "shared-id"),
            Doc("Backlog", "backlog-1", "productId: shared-id"),
            Doc("StatusReport", "report-1", "projectId: shared-id"));

        Located(yaml).Should().Equal(("backlog-1", "/spec/productId", WrongKind("productId", "shared-id", "Product", "Project")));
    }

    [Test]
    public void Top_risks_resolve_among_the_risks_of_the_plans_of_the_reports_project()
    {
        var yaml = Stream(
            Doc("StatusReport", "report-1", "projectId: project-billing\ntopRiskIds: [rk-1, rk-crm, rk-9]"),
            Doc("StatusReport", "report-loose", "topRiskIds: [rk-crm, rk-9]"),
            Doc("ProjectPlan", "plan-billing", "projectId: project-billing\nriskRegister:\n  - { id: rk-1, title: Vendor late }"),
            Doc("ProjectPlan", "plan-crm", "projectId: project-crm\nriskRegister:\n  - { id: rk-crm, title: Data loss }"),
            Doc("Project", "project-billing"),
            Doc("Project", "project-crm"));

        Located(yaml).Should().Equal(
            ("report-1", "/spec/topRiskIds/1", NoItem("topRiskIds[1]", "rk-crm", "a risk", "plans", "project 'project-billing'", " (ProjectPlan 'plan-crm' of project 'project-crm' has one)")),
            ("report-1", "/spec/topRiskIds/2", NoItem("topRiskIds[2]", "rk-9", "a risk", "plans", "project 'project-billing'")),
            ("report-loose", "/spec/topRiskIds/1", "topRiskIds[1] 'rk-9' does not resolve to a risk: no ProjectPlan holds a risk with that id; correct the id, or add the risk"));
    }

    [Test]
    public void A_retrospective_must_name_a_project_and_an_incident_may_name_anything()
    {
        var yaml = Stream(
            Doc("PostMortem", "pm-1", "type: projectRetrospective\nsubjectId: project-missing"),
            Doc("PostMortem", "pm-2", "type: projectRetrospective\nsubjectId: product-checkout"),
            Doc("PostMortem", "pm-3", "type: projectRetrospective\nsubjectId: project-billing"),
            Doc("PostMortem", "pm-4", "type: incident\nsubjectId: INC-2026-0917"),
            Doc("PostMortem", "pm-5", "type: incident\nsubjectId: product-checkout"),
            Doc("PostMortem", "pm-6", "subjectId: INC-1"),
            Doc("Project", "project-billing"),
            Product());

        Located(yaml).Should().Equal(
            ("pm-1", "/spec/subjectId", NoArtifact("subjectId", "project-missing", "Project")),
            ("pm-2", "/spec/subjectId", WrongKind("subjectId", "product-checkout", "Project", "Product")));
    }

    [Test]
    public void Without_a_portfolio_person_references_are_free_text()
    {
        var yaml = Doc("Project", "project-billing", "sponsor: Amara from finance\nprojectManager: p-nobody");

        Located(yaml).Should().BeEmpty();
    }

    [Test]
    public void With_a_portfolio_an_unknown_owner_is_reported_at_metadata_owner()
    {
        var yaml = Stream(
            People,
            """
            apiVersion: governance/v1
            kind: Project
            metadata:
              id: project-billing
              owner: p-ghost
            spec:
              sponsor: p-lena
              projectManager: p-priya
            """);

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(new ExpectedFinding(
            Severity.Error, NotAPerson("metadata.owner", "p-ghost"), "project-billing", "/metadata/owner", 15, 10));
    }

    [Test]
    public void Every_person_field_of_a_plan_is_checked()
    {
        var yaml = Stream(
            People,
            Doc("Project", "project-billing"),
            Doc("ProjectPlan", "plan-billing", """
                projectId: project-billing
                approvedBy: p-x1
                resources:
                  - { personId: p-x2, allocationPct: 50 }
                  - { personId: p-lena, allocationPct: 50 }
                stakeholders:
                  - { personId: p-x3, role: sponsor }
                  - { name: Vendor account team, role: vendor }
                raci:
                  - { deliverable: API, responsible: [p-lena, p-x4], accountable: [p-x5], consulted: [p-x6], informed: [p-priya, p-x7] }
                riskRegister:
                  - { id: rk-1, owner: p-x8 }
                communicationPlan:
                  - { audience: [Steering committee, p-unknown-audience], owner: p-x9 }
                assumptions:
                  - { id: as-1, owner: p-x10 }
                dependencies:
                  - { id: dp-1, owner: p-x11 }
                successCriteria:
                  - { id: sc-1, owner: p-x12 }
                """));

        Located(yaml).Should().Equal(
            ("plan-billing", "/spec/approvedBy", NotAPerson("approvedBy", "p-x1")),
            ("plan-billing", "/spec/resources/0/personId", NotAPerson("resources[0].personId", "p-x2")),
            ("plan-billing", "/spec/stakeholders/0/personId", NotAPerson("stakeholders[0].personId", "p-x3")),
            ("plan-billing", "/spec/raci/0/responsible/1", NotAPerson("raci[0].responsible[1]", "p-x4")),
            ("plan-billing", "/spec/raci/0/accountable/0", NotAPerson("raci[0].accountable[0]", "p-x5")),
            ("plan-billing", "/spec/raci/0/consulted/0", NotAPerson("raci[0].consulted[0]", "p-x6")),
            ("plan-billing", "/spec/raci/0/informed/1", NotAPerson("raci[0].informed[1]", "p-x7")),
            ("plan-billing", "/spec/riskRegister/0/owner", NotAPerson("riskRegister[0].owner", "p-x8")),
            ("plan-billing", "/spec/communicationPlan/0/owner", NotAPerson("communicationPlan[0].owner", "p-x9")),
            ("plan-billing", "/spec/assumptions/0/owner", NotAPerson("assumptions[0].owner", "p-x10")),
            ("plan-billing", "/spec/dependencies/0/owner", NotAPerson("dependencies[0].owner", "p-x11")),
            ("plan-billing", "/spec/successCriteria/0/owner", NotAPerson("successCriteria[0].owner", "p-x12")));
    }

    [Test]
    public void Every_person_field_of_the_other_kinds_is_checked()
    {
        var yaml = Stream(
            People,
            Doc("Product", "product-checkout", "productManager: p-x1"),
            Doc("ProductStrategy", "strategy-checkout", "productId: product-checkout\nobjectives:\n  - id: obj-1\n    owner: p-x2\n    keyResults:\n      - { id: kr-1, owner: p-x3 }"),
            Doc("Roadmap", "roadmap-checkout", "productId: product-checkout\nitems:\n  - { id: ri-1, owner: p-x4, successMetrics: [{ id: m-1, owner: p-x5 }] }"),
            Doc("Backlog", "backlog-checkout", "productId: product-checkout\nitems:\n  - { id: st-1, assignee: p-x6 }"),
            Doc("ProductAnalytics", "analytics-checkout", "productId: product-checkout\nmetrics:\n  - { id: m-1, owner: p-x7 }"),
            Doc("Project", "project-billing", "sponsor: p-x8\nprojectManager: p-x9"),
            Doc("StatusReport", "report-1", "projectId: project-billing\nauthor: p-x10\nrecoveryActions:\n  - { id: ra-1, owner: p-x11 }"),
            Doc("Handover", "handover-billing", "projectId: project-billing\nreceivingOwner: p-x12\noperations: { onCallOwner: p-x13 }\nuat: { signedOffBy: p-x14 }\nsignOff: { by: p-x15, date: 2026-10-01 }"),
            Doc("PostMortem", "pm-1", "type: incident\nsubjectId: INC-1\nactionItems:\n  - { id: ai-1, owner: p-x16 }\nparticipants: [p-lena, p-x17]"));

        Located(yaml).Select(f => (f.ArtifactId, f.Pointer, f.Message)).Should().Equal(
            ("product-checkout", "/spec/productManager", NotAPerson("productManager", "p-x1")),
            ("strategy-checkout", "/spec/objectives/0/owner", NotAPerson("objectives[0].owner", "p-x2")),
            ("strategy-checkout", "/spec/objectives/0/keyResults/0/owner", NotAPerson("objectives[0].keyResults[0].owner", "p-x3")),
            ("roadmap-checkout", "/spec/items/0/owner", NotAPerson("items[0].owner", "p-x4")),
            ("roadmap-checkout", "/spec/items/0/successMetrics/0/owner", NotAPerson("items[0].successMetrics[0].owner", "p-x5")),
            ("backlog-checkout", "/spec/items/0/assignee", NotAPerson("items[0].assignee", "p-x6")),
            ("analytics-checkout", "/spec/metrics/0/owner", NotAPerson("metrics[0].owner", "p-x7")),
            ("project-billing", "/spec/sponsor", NotAPerson("sponsor", "p-x8")),
            ("project-billing", "/spec/projectManager", NotAPerson("projectManager", "p-x9")),
            ("report-1", "/spec/author", NotAPerson("author", "p-x10")),
            ("report-1", "/spec/recoveryActions/0/owner", NotAPerson("recoveryActions[0].owner", "p-x11")),
            ("handover-billing", "/spec/receivingOwner", NotAPerson("receivingOwner", "p-x12")),
            ("handover-billing", "/spec/operations/onCallOwner", NotAPerson("operations.onCallOwner", "p-x13")),
            ("handover-billing", "/spec/uat/signedOffBy", NotAPerson("uat.signedOffBy", "p-x14")),
            ("handover-billing", "/spec/signOff/by", NotAPerson("signOff.by", "p-x15")),
            ("pm-1", "/spec/actionItems/0/owner", NotAPerson("actionItems[0].owner", "p-x16")),
            ("pm-1", "/spec/participants/1", NotAPerson("participants[1]", "p-x17")));
    }

    [Test]
    public void People_of_every_portfolio_count()
    {
        var yaml = Stream(
            People,
            Doc("Portfolio", "portfolio-2", "name: Second\npeople:\n  - { id: p-sam, name: Sam Roy }"),
            Doc("Project", "project-billing", "sponsor: p-sam\nprojectManager: p-lena"));

        Located(yaml).Should().BeEmpty();
    }

    [Test]
    public void NorthStarMetricId_is_left_to_GOV802()
    {
        var yaml = Stream(Doc("ProductAnalytics", "analytics-checkout", "productId: product-checkout\nnorthStarMetricId: m-missing"), Product());

        Located(yaml).Should().BeEmpty();
    }

    [Test]
    public void Ids_with_an_external_prefix_are_never_reported()
    {
        var yaml = Stream(
            People,
            Backlog("- { id: st-1, roadmapItemId: JIRA-12, parentId: jira-13, assignee: ext:dana }"),
            Doc("Project", "project-billing", "productId: JIRA-PROD-1\nsponsor: ext:amara\nroadmapItemIds: [JIRA-1, RI-2]"),
            Product());
        var rules = RuleHarness.WithOptions(RuleId, new { externalPrefixes = new[] { "JIRA-", "ext:", "" } });

        Located(yaml, rules).Should().Equal(
            ("backlog-checkout", "/spec/items/0/parentId", NoItem("items[0].parentId", "jira-13", "a backlog item", "backlogs", "product 'product-checkout'")),
            ("project-billing", "/spec/roadmapItemIds/1", "roadmapItemIds[1] 'RI-2' does not resolve to a roadmap item: no roadmap item in the roadmaps of product 'JIRA-PROD-1' has that id; correct the id, or add the roadmap item"));
    }

    [Test]
    public void A_configured_severity_applies()
    {
        var yaml = Doc("ProductStrategy", "strategy-1", "productId: product-missing");

        RuleHarness.Findings(RuleId, yaml, rules: RuleHarness.WithSeverity(RuleId, Severity.Warning)).Select(f => f.Severity).Should().Equal(Severity.Warning);
    }

    [Test]
    public void Json_input_points_at_the_reference()
    {
        const string json = """
            [
              { "apiVersion": "governance/v1", "kind": "Product", "metadata": { "id": "product-checkout" }, "spec": {} },
              {
                "apiVersion": "governance/v1",
                "kind": "Backlog",
                "metadata": { "id": "backlog-checkout" },
                "spec": {
                  "productId": "product-checkout",
                  "items": [ { "id": "st-1", "roadmapItemId": "ri-9" } ]
                }
              }
            ]
            """;

        RuleHarness.Findings(RuleId, json, file: "backlog.json").ShouldBeExactly(new ExpectedFinding(
            Severity.Error,
            NoItem("items[0].roadmapItemId", "ri-9", "a roadmap item", "roadmaps", "product 'product-checkout'"),
            "backlog-checkout", "/spec/items/0/roadmapItemId", 9, 51));
    }
}
