using Governance.Rules.Engine;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Rules;

[TestFixture]
[Category("GOV203")]
public sealed class GOV203RoadmapItemUnprioritizedTests
{
    private const string RuleId = "GOV203";
    private const string SetPriority = "set priority (1 = highest) to rank it against the other items";
    private const string OwnPriority = "give each item its own priority, or set allowTies";

    [Test]
    public void An_item_without_priority_is_a_warning_at_the_item()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: Roadmap
            metadata:
              id: roadmap-checkout
            spec:
              items:
                - id: ri-1
                  title: One-click checkout
                  horizon: now
                - id: ri-2
                  title: Gift cards
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Roadmap item 'ri-1' (One-click checkout) has no priority; {SetPriority} in horizon 'now'",
                "roadmap-checkout", "/spec/items/0", 7, 7),
            new ExpectedFinding(Severity.Warning, $"Roadmap item 'ri-2' (Gift cards) has no priority; {SetPriority} among the items without a horizon",
                "roadmap-checkout", "/spec/items/1", 10, 7));
    }

    [TestCase("priority:", TestName = "Blank priority: null")]
    [TestCase("priority: ~", TestName = "Blank priority: explicit null")]
    [TestCase("priority: \"\"", TestName = "Blank priority: empty string")]
    public void A_blank_priority_fires_at_the_item(string line)
    {
        var yaml = "apiVersion: governance/v1\nkind: Roadmap\nmetadata:\n  id: roadmap-checkout\nspec:\n  items:\n    - id: ri-1\n      horizon: next\n      " + line + "\n";

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Roadmap item 'ri-1' has no priority; {SetPriority} in horizon 'next'", "roadmap-checkout", "/spec/items/0", 7, 7));
    }

    [Test]
    public void A_priority_that_is_not_an_integer_counts_as_missing()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: Roadmap
            metadata:
              id: roadmap-checkout
            spec:
              items:
                - id: ri-1
                  horizon: now
                  priority: high
                - id: ri-2
                  horizon: now
                  priority: high
            """;

        var result = RuleHarness.Analyze(yaml);

        result.Findings.Should().Contain(f => f.RuleId == "GOV002" && f.Pointer == "/spec/items/0/priority");
        result.Findings.Where(f => f.RuleId == RuleId).Select(f => (f.Message, f.Pointer)).Should().Equal(
            ($"Roadmap item 'ri-1' has no priority; {SetPriority} in horizon 'now'", "/spec/items/0"),
            ($"Roadmap item 'ri-2' has no priority; {SetPriority} in horizon 'now'", "/spec/items/1"));
    }

    [Test]
    public void A_later_item_sharing_a_priority_in_its_horizon_fires_at_its_priority()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: Roadmap
            metadata:
              id: roadmap-checkout
            spec:
              items:
                - id: ri-1
                  title: One-click checkout
                  horizon: now
                  priority: 1
                - id: ri-2
                  title: Saved cards
                  horizon: now
                  priority: 1
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning,
                $"Roadmap item 'ri-2' (Saved cards) has priority 1, like item 'ri-1' (One-click checkout) in horizon 'now'; {OwnPriority}",
                "roadmap-checkout", "/spec/items/1/priority", 14, 17));
    }

    [Test]
    public void Each_later_item_of_a_group_fires_and_names_the_first()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: Roadmap
            metadata:
              id: roadmap-checkout
            spec:
              items:
                - {id: ri-1, horizon: later, priority: 3}
                - {id: ri-2, horizon: later, priority: 2}
                - {id: ri-3, horizon: later, priority: 3}
                - {id: ri-4, horizon: later, priority: 3}
                - {id: ri-5, horizon: later, priority: 2}
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Roadmap item 'ri-3' has priority 3, like item 'ri-1' in horizon 'later'; {OwnPriority}",
                "roadmap-checkout", "/spec/items/2/priority", 9, 44),
            new ExpectedFinding(Severity.Warning, $"Roadmap item 'ri-4' has priority 3, like item 'ri-1' in horizon 'later'; {OwnPriority}",
                "roadmap-checkout", "/spec/items/3/priority", 10, 44),
            new ExpectedFinding(Severity.Warning, $"Roadmap item 'ri-5' has priority 2, like item 'ri-2' in horizon 'later'; {OwnPriority}",
                "roadmap-checkout", "/spec/items/4/priority", 11, 44));
    }

    [Test]
    public void The_same_priority_in_different_horizons_does_not_fire()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: Roadmap
            metadata:
              id: roadmap-checkout
            spec:
              items:
                - {id: ri-1, horizon: now, priority: 1}
                - {id: ri-2, horizon: next, priority: 1}
                - {id: ri-3, horizon: later, priority: 1}
                - {id: ri-4, priority: 1}
                - {id: ri-5, horizon: now, priority: 2}
            """;

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [Test]
    public void Items_without_a_horizon_form_one_group()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: Roadmap
            metadata:
              id: roadmap-checkout
            spec:
              format: timeline
              items:
                - {id: ri-1, priority: 1}
                - {id: ri-2, horizon: now, priority: 2}
                - {title: Refunds, priority: 1}
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Roadmap item (Refunds) has priority 1, like item 'ri-1' among the items without a horizon; {OwnPriority}",
                "roadmap-checkout", "/spec/items/2/priority", 10, 34));
    }

    [Test]
    public void Items_without_priority_take_no_part_in_the_duplicate_check()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: Roadmap
            metadata:
              id: roadmap-checkout
            spec:
              items:
                - {id: ri-1, horizon: now}
                - {id: ri-2, horizon: now}
            """;

        RuleHarness.Findings(RuleId, yaml).Select(f => f.Pointer).Should().Equal("/spec/items/0", "/spec/items/1");
    }

    [TestCase("delivered")]
    [TestCase("dropped")]
    public void Finished_items_still_count(string status)
    {
        var yaml = $"""
            apiVersion: governance/v1
            kind: Roadmap
            metadata:
              id: roadmap-checkout
            spec:
              items:
                - {"{"}id: ri-1, horizon: now, priority: 1, status: {status}{"}"}
                - {"{"}id: ri-2, horizon: now, priority: 1, status: planned{"}"}
                - {"{"}id: ri-3, horizon: now, status: {status}{"}"}
            """;

        RuleHarness.Findings(RuleId, yaml).Select(f => f.Pointer).Should().Equal("/spec/items/1/priority", "/spec/items/2");
    }

    [Test]
    public void Option_allowTies_turns_the_duplicate_check_off_but_not_the_missing_priority()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: Roadmap
            metadata:
              id: roadmap-checkout
            spec:
              items:
                - {id: ri-1, horizon: now, priority: 1}
                - {id: ri-2, horizon: now, priority: 1}
                - {id: ri-3, horizon: now}
            """;

        RuleHarness.Findings(RuleId, yaml, rules: RuleHarness.WithOptions(RuleId, new { allowTies = true })).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Roadmap item 'ri-3' has no priority; {SetPriority} in horizon 'now'", "roadmap-checkout", "/spec/items/2", 9, 7));
        RuleHarness.Findings(RuleId, yaml, rules: RuleHarness.WithOptions(RuleId, new { allowTies = false }))
            .Select(f => f.Pointer).Should().Equal("/spec/items/1/priority", "/spec/items/2");
    }

    [Test]
    public void Blank_entries_are_skipped_and_unnamed_items_are_named_by_index()
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
                - horizon: now
                  priority: 2
                - horizon: now
                  priority: 2
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Roadmap item at index 3 has priority 2, like item at index 2 in horizon 'now'; {OwnPriority}",
                "roadmap-checkout", "/spec/items/3/priority", 12, 17));
    }

    [TestCase(Severity.Error)]
    [TestCase(Severity.Info)]
    public void A_configured_severity_applies_to_both_cases(Severity configured)
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: Roadmap
            metadata:
              id: roadmap-checkout
            spec:
              items:
                - {id: ri-1, horizon: now, priority: 1}
                - {id: ri-2, horizon: now, priority: 1}
                - {id: ri-3, horizon: now}
            """;

        RuleHarness.Findings(RuleId, yaml, rules: RuleHarness.WithSeverity(RuleId, configured)).Select(f => (f.Pointer, f.Severity)).Should().Equal(
            ("/spec/items/1/priority", configured), ("/spec/items/2", configured));
    }

    [Test]
    public void Json_input_points_at_the_item_and_the_priority()
    {
        const string json = """
            {
              "apiVersion": "governance/v1",
              "kind": "Roadmap",
              "metadata": { "id": "roadmap-checkout" },
              "spec": {
                "items": [
                  { "id": "ri-1", "horizon": "now", "priority": 1 },
                  { "id": "ri-2", "horizon": "now", "priority": 1 },
                  { "id": "ri-3", "horizon": "now", "priority": null }
                ]
              }
            }
            """;

        RuleHarness.Findings(RuleId, json, file: "roadmap.json").ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Roadmap item 'ri-2' has priority 1, like item 'ri-1' in horizon 'now'; {OwnPriority}",
                "roadmap-checkout", "/spec/items/1/priority", 8, 53),
            new ExpectedFinding(Severity.Warning, $"Roadmap item 'ri-3' has no priority; {SetPriority} in horizon 'now'",
                "roadmap-checkout", "/spec/items/2", 9, 7));
    }
}
