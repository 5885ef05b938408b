using System.Text.Json;
using Governance.Rules.Engine;
using Governance.Rules.Loading;
using Governance.Rules.Model;
using Governance.Rules.Rules;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Rules;

[TestFixture]
[Category("GOV305")]
public sealed class GOV305BacklogItemNotTraceableToRoadmapTests
{
    private const string RuleId = "GOV305";
    private const string Fix = "set roadmapItemId on it or on an ancestor epic";

    private static string Message(string item, string reason) => $"{item} is not traceable to the roadmap: {reason}; {Fix}";

    [Test]
    public void A_story_without_roadmapItemId_or_parent_is_a_warning_at_the_item()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: Backlog
            metadata:
              id: backlog-checkout
            spec:
              productId: product-checkout
              items:
                - id: bl-1
                  type: story
                  title: Pay with saved card
                  status: ready
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, Message("Story 'bl-1' (Pay with saved card)", "it has no roadmapItemId and no parent"),
                "backlog-checkout", "/spec/items/0", 8, 7));
    }

    [Test]
    public void An_item_with_a_roadmapItemId_does_not_fire_even_when_it_does_not_resolve()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: Backlog
            metadata:
              id: backlog-checkout
            spec:
              items:
                - id: bl-1
                  type: story
                  roadmapItemId: ri-missing
            """;

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [Test]
    public void An_ancestor_with_a_roadmapItemId_makes_the_item_traceable()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: Backlog
            metadata:
              id: backlog-checkout
            spec:
              items:
                - id: ep-1
                  type: epic
                  roadmapItemId: ri-1
                - id: ep-2
                  type: epic
                  parentId: ep-1
                - id: bl-1
                  type: story
                  parentId: ep-2
                - id: bl-2
                  type: story
                  parentId: ep-1
            """;

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [Test]
    public void A_chain_without_roadmapItemId_fires_naming_the_ancestors()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: Backlog
            metadata:
              id: backlog-checkout
            spec:
              items:
                - id: ep-1
                  type: epic
                - id: ep-2
                  type: epic
                  parentId: ep-1
                - id: bl-1
                  type: story
                  parentId: ep-2
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, Message("Epic 'ep-1'", "it has no roadmapItemId and no parent"), "backlog-checkout", "/spec/items/0", 7, 7),
            new ExpectedFinding(Severity.Warning, Message("Epic 'ep-2'", "neither it nor its parent 'ep-1' has a roadmapItemId"), "backlog-checkout", "/spec/items/1", 9, 7),
            new ExpectedFinding(Severity.Warning, Message("Story 'bl-1'", "neither it nor its ancestors 'ep-2' → 'ep-1' has a roadmapItemId"), "backlog-checkout", "/spec/items/2", 12, 7));
    }

    [Test]
    public void A_parent_that_does_not_resolve_ends_the_walk()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: Backlog
            metadata:
              id: backlog-checkout
            spec:
              items:
                - id: bl-1
                  type: story
                  parentId: ep-9
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, Message("Story 'bl-1'", "it has no roadmapItemId, and parent 'ep-9' is not an item of the product's backlogs"),
                "backlog-checkout", "/spec/items/0", 7, 7));
    }

    [Test]
    public void A_parent_cycle_ends_the_walk()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: Backlog
            metadata:
              id: backlog-checkout
            spec:
              items:
                - id: ep-1
                  type: epic
                  parentId: ep-2
                - id: ep-2
                  type: epic
                  parentId: ep-1
                - id: bl-1
                  type: story
                  parentId: bl-1
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, Message("Epic 'ep-1'", "neither it nor its parent 'ep-2' has a roadmapItemId, and the parent chain loops back to 'ep-1'"),
                "backlog-checkout", "/spec/items/0", 7, 7),
            new ExpectedFinding(Severity.Warning, Message("Epic 'ep-2'", "neither it nor its parent 'ep-1' has a roadmapItemId, and the parent chain loops back to 'ep-2'"),
                "backlog-checkout", "/spec/items/1", 10, 7),
            new ExpectedFinding(Severity.Warning, Message("Story 'bl-1'", "it has no roadmapItemId, and the parent chain loops back to 'bl-1'"),
                "backlog-checkout", "/spec/items/2", 13, 7));
    }

    [Test]
    public void A_cycle_above_a_traced_ancestor_does_not_matter()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: Backlog
            metadata:
              id: backlog-checkout
            spec:
              items:
                - id: ep-1
                  type: epic
                  parentId: bl-1
                  roadmapItemId: ri-1
                - id: bl-1
                  type: story
                  parentId: ep-1
            """;

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [Test]
    public void Parents_resolve_among_every_backlog_of_the_same_product_in_document_order()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: Backlog
            metadata:
              id: backlog-epics
            spec:
              productId: product-checkout
              items:
                - id: ep-1
                  type: epic
                  roadmapItemId: ri-1
            ---
            apiVersion: governance/v1
            kind: Backlog
            metadata:
              id: backlog-other-product
            spec:
              productId: product-search
              items:
                - id: ep-2
                  type: epic
                  roadmapItemId: ri-7
            ---
            apiVersion: governance/v1
            kind: Backlog
            metadata:
              id: backlog-stories
            spec:
              productId: product-checkout
              items:
                - id: bl-1
                  type: story
                  parentId: ep-1
                - id: bl-2
                  type: story
                  parentId: ep-2
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, Message("Story 'bl-2'", "it has no roadmapItemId, and parent 'ep-2' is not an item of the product's backlogs"),
                "backlog-stories", "/spec/items/1", 33, 7));
    }

    [Test]
    public void The_first_item_with_a_parent_id_wins()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: Backlog
            metadata:
              id: backlog-checkout
            spec:
              items:
                - id: ep-1
                  type: epic
                - id: ep-1
                  type: epic
                  roadmapItemId: ri-1
                - id: bl-1
                  type: story
                  parentId: ep-1
            """;

        RuleHarness.Findings(RuleId, yaml).Select(f => f.Pointer).Should().Equal("/spec/items/0", "/spec/items/2");
    }

    [Test]
    public void Backlogs_without_productId_resolve_parents_among_all_backlogs()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: Backlog
            metadata:
              id: backlog-epics
            spec:
              productId: product-checkout
              items:
                - id: ep-1
                  type: epic
                  roadmapItemId: ri-1
            ---
            apiVersion: governance/v1
            kind: Backlog
            metadata:
              id: backlog-loose
            spec:
              items:
                - id: bl-1
                  type: story
                  parentId: ep-1
            """;

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [TestCase("bug")]
    [TestCase("task")]
    [TestCase("spike")]
    public void Bugs_tasks_and_spikes_are_exempt_by_default(string type)
    {
        var yaml = $"""
            apiVersion: governance/v1
            kind: Backlog
            metadata:
              id: backlog-checkout
            spec:
              items:
                - id: bl-1
                  type: {type}
            """;

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [TestCase("type: epic", "Epic")]
    [TestCase("type: story", "Story")]
    [TestCase("", "Backlog item")]
    public void Epics_stories_and_untyped_items_are_checked(string typeLine, string label)
    {
        var yaml = $"""
            apiVersion: governance/v1
            kind: Backlog
            metadata:
              id: backlog-checkout
            spec:
              items:
                - id: bl-1
                  {typeLine}
            """;

        RuleHarness.Findings(RuleId, yaml).Should().ContainSingle().Which.Message.Should().Be(Message($"{label} 'bl-1'", "it has no roadmapItemId and no parent"));
    }

    [TestCase("removed")]
    [TestCase("done")]
    public void Every_status_is_checked(string status)
    {
        var yaml = $"""
            apiVersion: governance/v1
            kind: Backlog
            metadata:
              id: backlog-checkout
            spec:
              items:
                - id: bl-1
                  type: story
                  status: {status}
            """;

        RuleHarness.Findings(RuleId, yaml).Should().ContainSingle();
    }

    [Test]
    public void Option_exemptTypes_replaces_the_exempt_list()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: Backlog
            metadata:
              id: backlog-checkout
            spec:
              items:
                - id: bl-1
                  type: bug
                - id: ep-1
                  type: epic
                - id: bl-2
                  type: spike
            """;

        var rules = RuleHarness.WithOptions(RuleId, new { exemptTypes = new[] { "epic", "spike" } });

        RuleHarness.Findings(RuleId, yaml, rules: rules).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, Message("Bug 'bl-1'", "it has no roadmapItemId and no parent"), "backlog-checkout", "/spec/items/0", 7, 7));
    }

    [Test]
    public void Options_bind_from_camelCase_json_type_names()
    {
        using var json = JsonDocument.Parse("""{ "exemptTypes": ["bug"] }""");

        json.RootElement.Deserialize<GOV305Options>(ArtifactSerialization.Options)!.ExemptTypes.Should().Equal(BacklogItemType.Bug);
        new GOV305Options().ExemptTypes.Should().Equal(BacklogItemType.Bug, BacklogItemType.Task, BacklogItemType.Spike);
    }

    [Test]
    public void A_configured_severity_applies()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: Backlog
            metadata:
              id: backlog-checkout
            spec:
              items:
                - id: bl-1
                  type: story
            """;

        RuleHarness.Findings(RuleId, yaml, rules: RuleHarness.WithSeverity(RuleId, Severity.Error))
            .Should().ContainSingle().Which.Severity.Should().Be(Severity.Error);
    }

    [Test]
    public void Json_input_points_at_the_item()
    {
        const string json = """
            {
              "apiVersion": "governance/v1",
              "kind": "Backlog",
              "metadata": { "id": "backlog-checkout" },
              "spec": {
                "items": [
                  { "id": "ep-1", "type": "epic", "roadmapItemId": "ri-1" },
                  { "id": "bl-1", "type": "story", "parentId": "ep-1" },
                  { "id": "bl-2", "type": "story", "parentId": "" }
                ]
              }
            }
            """;

        RuleHarness.Findings(RuleId, json, file: "backlog.json").ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, Message("Story 'bl-2'", "it has no roadmapItemId and no parent"), "backlog-checkout", "/spec/items/2", 9, 7));
    }

    [Test]
    public void Null_and_empty_items_are_skipped()
    {
        var backlog = new Backlog
        {
            Kind = "Backlog",
            Metadata = new ArtifactMetadata { Id = "backlog-checkout" },
            Spec = new BacklogSpec { Items = [null!, new BacklogItem(), new BacklogItem { Id = "bl-1", ParentId = "bl-1" }] },
        };
        var engine = new GovernanceEngine(BuiltInRules.Create(), new ArtifactLoader(), TimeProvider.System);

        var findings = engine.Analyze([backlog], new AnalysisOptions { AsOf = RuleHarness.DefaultToday }).Findings;

        findings.Where(f => f.RuleId == "GOV009").Should().BeEmpty();
        findings.Where(f => f.RuleId == RuleId).Select(f => f.Pointer).Should().Equal("/spec/items/2");
    }

    [Test]
    public void An_empty_object_item_is_not_an_item()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: Backlog
            metadata:
              id: backlog-checkout
            spec:
              items:
                - {}
                -
            """;

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }
}
