using Governance.Rules.Engine;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Rules;

/// <summary>Today is 2026-11-01 (<see cref="RuleHarness.DefaultToday"/>) unless a test says otherwise.</summary>
[TestFixture]
[Category("GOV414")]
public sealed class GOV414AssumptionDependencyUnmanagedTests
{
    private const string RuleId = "GOV414";
    private const string Validate = "validate it (status validated or invalid) or set a new validateBy date";
    private const string Chase = "chase it, re-plan the work that needs it, or set status met once it is";

    private static string Plan(string raid) => $"""
        apiVersion: governance/v1
        kind: ProjectPlan
        metadata:
          id: plan-billing
        spec:
        {raid}
        """;

    [Test]
    public void An_assumption_past_validateBy_fires_at_validateBy()
    {
        var yaml = Plan("  assumptions:\n    - id: a-1\n      statement: The ledger API is stable\n      owner: p-ann\n      validateBy: 2026-10-31\n      status: unvalidated");

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Assumption 'a-1' was to be validated by 2026-10-31, 1 day(s) ago, and is still unvalidated; {Validate}",
                "plan-billing", "/spec/assumptions/0/validateBy", 10, 19));
    }

    [TestCase("unvalidated", true)]
    [TestCase("validated", false)]
    [TestCase("invalid", false)]
    public void Only_assumptions_not_yet_validated_or_invalidated_are_overdue(string status, bool fires) =>
        RuleHarness.Findings(RuleId, Plan($"  assumptions:\n    - {{ id: a-1, owner: p-ann, validateBy: 2026-10-01, status: {status} }}"))
            .Should().HaveCount(fires ? 1 : 0);

    [Test]
    public void An_assumption_without_status_counts_as_unvalidated() =>
        RuleHarness.Findings(RuleId, Plan("  assumptions:\n    - { id: a-1, owner: p-ann, validateBy: 2026-10-01 }")).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Assumption 'a-1' was to be validated by 2026-10-01, 31 day(s) ago, and is without status; {Validate}",
                "plan-billing", "/spec/assumptions/0/validateBy", 7, 44));

    [TestCase("2026-11-01", TestName = "validateBy today is not past due")]
    [TestCase("2026-12-01", TestName = "validateBy in the future")]
    public void A_validateBy_today_or_later_does_not_fire(string date) =>
        RuleHarness.Findings(RuleId, Plan($"  assumptions:\n    - {{ id: a-1, owner: p-ann, validateBy: {date} }}")).Should().BeEmpty();

    [Test]
    public void A_dependency_past_needBy_fires_at_needBy()
    {
        var yaml = Plan("  dependencies:\n    - id: d-1\n      description: Payments team ships the refund endpoint\n      owner: p-bob\n      needBy: 2026-10-15\n      status: late");

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Dependency 'd-1' was needed by 2026-10-15, 17 day(s) ago, and is still late; {Chase}",
                "plan-billing", "/spec/dependencies/0/needBy", 10, 15));
    }

    [TestCase("open", true)]
    [TestCase("late", true)]
    [TestCase("met", false)]
    public void Only_dependencies_not_met_are_overdue(string status, bool fires) =>
        RuleHarness.Findings(RuleId, Plan($"  dependencies:\n    - {{ id: d-1, owner: p-bob, needBy: 2026-10-31, status: {status} }}"))
            .Should().HaveCount(fires ? 1 : 0);

    [Test]
    public void The_clock_decides_needBy_on_both_sides_of_the_boundary()
    {
        var yaml = Plan("  dependencies:\n    - { id: d-1, owner: p-bob, needBy: 2027-02-01, status: open }");

        RuleHarness.Findings(RuleId, yaml, today: new DateOnly(2027, 2, 1)).Should().BeEmpty();
        RuleHarness.Findings(RuleId, yaml, today: new DateOnly(2027, 2, 2)).Should().ContainSingle()
            .Which.Message.Should().Be($"Dependency 'd-1' was needed by 2027-02-01, 1 day(s) ago, and is still open; {Chase}");
    }

    [Test]
    public void An_item_without_owner_fires_at_the_item_whatever_its_status()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata:
              id: plan-billing
            spec:
              assumptions:
                - { id: a-1, statement: The ledger API is stable, status: validated }
                - {}
                - { statement: Auditors accept e-invoices, owner: "" }
              dependencies:
                - { id: d-1, description: Refund endpoint, status: met }
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, "Assumption 'a-1' has no owner; name who validates it", "plan-billing", "/spec/assumptions/0", 7, 7),
            new ExpectedFinding(Severity.Warning, "Assumption at index 2 has no owner; name who validates it", "plan-billing", "/spec/assumptions/2", 9, 7),
            new ExpectedFinding(Severity.Warning, "Dependency 'd-1' has no owner; name who chases it", "plan-billing", "/spec/dependencies/0", 11, 7));
    }

    [Test]
    public void An_unowned_overdue_item_gets_both_findings()
    {
        var yaml = Plan("  dependencies:\n    - { id: d-1, needBy: 2026-10-31 }");

        RuleHarness.Findings(RuleId, yaml).Select(f => f.Pointer).Should().Equal("/spec/dependencies/0", "/spec/dependencies/0/needBy");
    }

    [Test]
    public void Managed_items_do_not_fire()
    {
        var yaml = Plan("  assumptions:\n    - { id: a-1, owner: p-ann, validateBy: 2026-12-01 }\n  dependencies:\n    - { id: d-1, owner: p-bob, needBy: 2026-09-01, status: met }\n    - { id: d-2, owner: p-bob }");

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [Test]
    public void A_configured_severity_replaces_the_default() =>
        RuleHarness.Findings(RuleId, Plan("  dependencies:\n    - { id: d-1 }"), rules: RuleHarness.WithSeverity(RuleId, Severity.Error))
            .Should().ContainSingle().Which.Severity.Should().Be(Severity.Error);

    [Test]
    public void Json_input_points_at_the_date()
    {
        const string json = """
            {
              "apiVersion": "governance/v1",
              "kind": "ProjectPlan",
              "metadata": { "id": "plan-billing" },
              "spec": {
                "assumptions": [ { "id": "a-1", "owner": "p-ann", "validateBy": "2026-10-30", "status": "unvalidated" } ]
              }
            }
            """;

        RuleHarness.Findings(RuleId, json, file: "plan.json").ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Assumption 'a-1' was to be validated by 2026-10-30, 2 day(s) ago, and is still unvalidated; {Validate}",
                "plan-billing", "/spec/assumptions/0/validateBy", 6, 69));
    }
}
