using Governance.Rules.Engine;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Rules;

[TestFixture]
[Category("GOV904")]
public sealed class GOV904InProgressRoadmapItemHasNoDeliveringWorkTests
{
    private const string RuleId = "GOV904";
    private const string Act = "link the backlog items that deliver it (roadmapItemId) or the project (roadmapItemIds)";

    private const string Roadmap = """
        apiVersion: governance/v1
        kind: Roadmap
        metadata:
          id: roadmap-checkout
        spec:
          productId: product-checkout
          items:
            - id: ri-1
              title: One-click checkout
              status: inProgress
            - id: ri-2
              title: Wallet payments
              status: planned
        """;

    private static string Backlog(string items, string productLine = "productId: product-checkout") => $"""
        apiVersion: governance/v1
        kind: Backlog
        metadata:
          id: backlog-checkout
        spec:
          {productLine}
          items:
        {string.Join('\n', items.Split('\n').Select(l => "    " + l))}
        """;

    private static string Project(string fields, string id = "proj-checkout") => $"""
        apiVersion: governance/v1
        kind: Project
        metadata:
          id: {id}
        spec:
        {string.Join('\n', fields.Split('\n').Select(l => "  " + l))}
        """;

    private static string Stream(params string[] documents) => string.Join("\n---\n", documents);

    private static ExpectedFinding OneClick(string note = "") =>
        new(Severity.Warning, $"Roadmap item 'ri-1' (One-click checkout) is in progress but no backlog item or project delivers it{note}; {Act}",
            "roadmap-checkout", "/spec/items/0", 8, 7);

    [Test]
    public void In_progress_item_without_work_is_a_warning_at_the_item()
    {
        RuleHarness.Findings(RuleId, Roadmap).ShouldBeExactly(OneClick());
    }

    [TestCase("new")]
    [TestCase("ready")]
    [TestCase("inProgress")]
    [TestCase("done")]
    public void A_backlog_item_that_is_not_removed_delivers_it(string status)
    {
        var yaml = Stream(Roadmap, Backlog($"- id: st-1\n  type: story\n  status: {status}\n  roadmapItemId: ri-1"));

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [Test]
    public void A_backlog_item_without_status_delivers_it()
    {
        RuleHarness.Findings(RuleId, Stream(Roadmap, Backlog("- id: st-1\n  roadmapItemId: ri-1"))).Should().BeEmpty();
    }

    [Test]
    public void A_removed_backlog_item_does_not_count_and_the_message_says_so()
    {
        var yaml = Stream(Roadmap, Backlog("- id: st-1\n  status: removed\n  roadmapItemId: ri-1"));

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(OneClick(" (not counted: removed backlog item 'st-1')"));
    }

    [Test]
    public void A_story_delivers_it_through_its_parent_epic()
    {
        var yaml = Stream(Roadmap, Backlog("- id: st-1\n  type: story\n  parentId: ep-1\n- id: ep-1\n  type: epic\n  status: removed\n  roadmapItemId: ri-1"));

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [Test]
    public void The_link_is_inherited_through_every_ancestor()
    {
        var yaml = Stream(Roadmap, Backlog(
            "- id: ep-1\n  type: epic\n  status: removed\n  roadmapItemId: ri-1\n- id: st-1\n  type: story\n  status: removed\n  parentId: ep-1\n- id: tk-1\n  type: task\n  parentId: st-1"));

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [Test]
    public void Ancestors_shared_by_several_children_deliver_for_each_whatever_the_order_of_the_items()
    {
        // The removed theme and epic come first (they deliver nothing themselves); each child reaches both links, the
        // second child through an epic the first child's walk has already been through.
        var roadmap = Roadmap.Replace("status: planned", "status: inProgress");
        var yaml = Stream(roadmap, Backlog(
            "- id: th-1\n  status: removed\n  roadmapItemId: ri-2\n- id: ep-1\n  status: removed\n  parentId: th-1\n  roadmapItemId: ri-1\n" +
            "- id: st-1\n  parentId: ep-1\n- id: st-2\n  parentId: ep-1\n- id: tk-1\n  parentId: st-2"));

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [Test]
    public void A_removed_story_under_a_linked_epic_does_not_count()
    {
        var yaml = Stream(Roadmap, Backlog("- id: st-1\n  status: removed\n  parentId: ep-1\n- id: ep-1\n  type: epic\n  status: removed\n  roadmapItemId: ri-1"));

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(OneClick(" (not counted: removed backlog item 'ep-1')"));
    }

    [Test]
    public void A_parent_cycle_ends_the_walk()
    {
        var yaml = Stream(Roadmap, Backlog("- id: st-1\n  parentId: st-2\n- id: st-2\n  parentId: st-1"));

        RuleHarness.Analyze(yaml).Findings.Where(f => f.RuleId is RuleId or "GOV009").ShouldBeExactly(OneClick());
    }

    [Test]
    public void A_backlog_of_another_product_does_not_count()
    {
        var yaml = Stream(Roadmap, Backlog("- id: st-1\n  roadmapItemId: ri-1", "productId: product-payments"));

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(OneClick());
    }

    [Test]
    public void A_backlog_without_productId_resolves_among_every_roadmap()
    {
        var yaml = Stream(Roadmap, Backlog("- id: st-1\n  roadmapItemId: ri-1", productLine: string.Empty));

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [TestCase("notStarted")]
    [TestCase("inProgress")]
    [TestCase("onHold")]
    [TestCase("completed")]
    public void A_project_that_is_not_cancelled_delivers_it(string status)
    {
        var yaml = Stream(Roadmap, Project($"productId: product-checkout\nstatus: {status}\nroadmapItemIds: [ri-1]"));

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [Test]
    public void A_cancelled_project_does_not_count_and_the_message_says_so()
    {
        var yaml = Stream(
            Roadmap,
            Project("productId: product-checkout\nstatus: cancelled\nroadmapItemIds: [ri-1]"),
            Backlog("- id: st-1\n  status: removed\n  roadmapItemId: ri-1"));

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            OneClick(" (not counted: removed backlog item 'st-1', cancelled project 'proj-checkout')"));
    }

    [Test]
    public void A_project_of_another_product_does_not_count_but_one_without_product_does()
    {
        RuleHarness.Findings(RuleId, Stream(Roadmap, Project("productId: product-payments\nstatus: inProgress\nroadmapItemIds: [ri-1]")))
            .ShouldBeExactly(OneClick());
        RuleHarness.Findings(RuleId, Stream(Roadmap, Project("status: inProgress\nroadmapItemIds: [ri-1]"))).Should().BeEmpty();
    }

    [TestCase("proposed")]
    [TestCase("planned")]
    [TestCase("delivered")]
    [TestCase("dropped")]
    public void Items_not_in_progress_are_out_of_scope(string status)
    {
        RuleHarness.Findings(RuleId, Roadmap.Replace("status: inProgress", $"status: {status}", StringComparison.Ordinal)).Should().BeEmpty();
    }

    [Test]
    public void A_duplicated_roadmap_item_id_resolves_to_the_first_in_document_order()
    {
        var roadmap = Roadmap.Replace("id: ri-2", "id: ri-1", StringComparison.Ordinal).Replace("status: planned", "status: inProgress", StringComparison.Ordinal);
        var yaml = Stream(roadmap, Backlog("- id: st-1\n  roadmapItemId: ri-1"));

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Roadmap item 'ri-1' (Wallet payments) is in progress but no backlog item or project delivers it; {Act}",
                "roadmap-checkout", "/spec/items/1", 11, 7));
    }

    [Test]
    public void Items_without_id_are_named_by_title_or_index()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: Roadmap
            metadata:
              id: roadmap-checkout
            spec:
              items:
                - {}
                - title: Saved cards
                  status: inProgress
                - status: inProgress
            """;

        RuleHarness.Findings(RuleId, yaml).Select(f => (f.Pointer, f.Message)).Should().Equal(
            ("/spec/items/1", $"Roadmap item (Saved cards) is in progress but no backlog item or project delivers it; {Act}"),
            ("/spec/items/2", $"Roadmap item at index 2 is in progress but no backlog item or project delivers it; {Act}"));
    }

    [Test]
    public void A_configured_severity_applies()
    {
        RuleHarness.Findings(RuleId, Roadmap, rules: RuleHarness.WithSeverity(RuleId, Severity.Error))
            .Select(f => f.Severity).Should().Equal(Severity.Error);
    }

    [Test]
    public void Json_input_points_at_the_item()
    {
        const string json = """
            [
              {
                "apiVersion": "governance/v1",
                "kind": "Roadmap",
                "metadata": { "id": "roadmap-checkout" },
                "spec": {
                  "productId": "product-checkout",
                  "items": [
                    { "id": "ri-1", "status": "inProgress" },
                    { "id": "ri-2", "status": "inProgress" }
                  ]
                }
              },
              {
                "apiVersion": "governance/v1",
                "kind": "Backlog",
                "metadata": { "id": "backlog-checkout" },
                "spec": { "productId": "product-checkout", "items": [ { "id": "st-1", "roadmapItemId": "ri-2" } ] }
              }
            ]
            """;

        RuleHarness.Findings(RuleId, json, file: "product.json").ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Roadmap item 'ri-1' is in progress but no backlog item or project delivers it; {Act}",
                "roadmap-checkout", "/spec/items/0", 9, 9));
    }
}
