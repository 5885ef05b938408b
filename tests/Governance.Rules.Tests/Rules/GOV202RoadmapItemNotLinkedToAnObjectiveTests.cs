using Governance.Rules.Engine;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Rules;

[TestFixture]
[Category("GOV202")]
public sealed class GOV202RoadmapItemNotLinkedToAnObjectiveTests
{
    private const string RuleId = "GOV202";
    private const string Fix = "is not linked to any objective; list the strategy objectives it serves in objectiveIds";

    [Test]
    public void An_item_without_objectiveIds_is_an_error_at_the_item()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: Roadmap
            metadata:
              id: roadmap-checkout
            spec:
              productId: product-checkout
              items:
                - id: ri-1
                  title: One-click checkout
                  horizon: now
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"Roadmap item 'ri-1' (One-click checkout) {Fix}", "roadmap-checkout", "/spec/items/0", 8, 7));
    }

    [TestCase("objectiveIds: []", TestName = "Blank objectiveIds: empty list")]
    [TestCase("objectiveIds:", TestName = "Blank objectiveIds: null")]
    [TestCase("objectiveIds: ~", TestName = "Blank objectiveIds: explicit null")]
    [TestCase("objectiveIds: [\"\", \" \"]", TestName = "Blank objectiveIds: blank strings")]
    [TestCase("objectiveIds:\n        -", TestName = "Blank objectiveIds: a null entry")]
    public void Blank_objectiveIds_fire_at_the_item(string line)
    {
        var yaml = "apiVersion: governance/v1\nkind: Roadmap\nmetadata:\n  id: roadmap-checkout\nspec:\n  items:\n    - id: ri-1\n      " + line + "\n";

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"Roadmap item 'ri-1' {Fix}", "roadmap-checkout", "/spec/items/0", 7, 7));
    }

    [TestCase("objectiveIds: [obj-fast-checkout]", TestName = "Linked: one objective")]
    [TestCase("objectiveIds: [\"\", obj-fast-checkout]", TestName = "Linked: beside a blank entry")]
    [TestCase("objectiveIds: [obj-does-not-exist]", TestName = "Linked: an unresolved id still counts")]
    public void An_item_with_an_objective_does_not_fire(string line)
    {
        var yaml = "apiVersion: governance/v1\nkind: Roadmap\nmetadata:\n  id: roadmap-checkout\nspec:\n  items:\n    - id: ri-1\n      " + line + "\n";

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [TestCase("proposed")]
    [TestCase("inProgress")]
    [TestCase("delivered")]
    [TestCase("dropped")]
    public void Every_status_is_checked(string status)
    {
        var yaml = $"""
            apiVersion: governance/v1
            kind: Roadmap
            metadata:
              id: roadmap-checkout
            spec:
              items:
                - id: ri-1
                  status: {status}
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"Roadmap item 'ri-1' {Fix}", "roadmap-checkout", "/spec/items/0", 7, 7));
    }

    [Test]
    public void Items_are_named_by_id_title_or_index_and_blank_entries_are_skipped()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: Roadmap
            metadata:
              id: roadmap-checkout
            spec:
              items:
                -
                - {}
                - title: Dark mode
                - horizon: later
                - id: ri-5
                  objectiveIds: [obj-1]
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"Roadmap item (Dark mode) {Fix}", "roadmap-checkout", "/spec/items/2", 9, 7),
            new ExpectedFinding(Severity.Error, $"Roadmap item at index 3 {Fix}", "roadmap-checkout", "/spec/items/3", 10, 7));
    }

    [TestCase("spec: {}", TestName = "No items: empty spec")]
    [TestCase("spec:\n  items: []", TestName = "No items: empty list")]
    [TestCase("", TestName = "No items: no spec")]
    public void A_roadmap_without_items_does_not_fire(string spec)
    {
        var yaml = "apiVersion: governance/v1\nkind: Roadmap\nmetadata:\n  id: roadmap-checkout\n" + spec + "\n";

        RuleHarness.Analyze(yaml).Findings.Where(f => f.RuleId is RuleId or "GOV009").Should().BeEmpty();
    }

    [Test]
    public void A_configured_severity_is_used()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: Roadmap
            metadata:
              id: roadmap-checkout
            spec:
              items:
                - id: ri-1
            """;

        RuleHarness.Findings(RuleId, yaml, rules: RuleHarness.WithSeverity(RuleId, Severity.Warning)).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Roadmap item 'ri-1' {Fix}", "roadmap-checkout", "/spec/items/0", 7, 7));
    }

    [Test]
    public void Json_input_points_at_the_item()
    {
        const string json = """
            {
              "apiVersion": "governance/v1",
              "kind": "Roadmap",
              "metadata": { "id": "roadmap-checkout" },
              "spec": {
                "items": [
                  { "id": "ri-1", "objectiveIds": ["obj-1"] },
                  { "id": "ri-2", "objectiveIds": [] }
                ]
              }
            }
            """;

        RuleHarness.Findings(RuleId, json, file: "roadmap.json").ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"Roadmap item 'ri-2' {Fix}", "roadmap-checkout", "/spec/items/1", 8, 7));
    }
}
