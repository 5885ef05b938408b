using Governance.Rules.Engine;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Rules;

/// <summary>Today is 2026-11-01 (<see cref="RuleHarness.DefaultToday"/>) unless a test says otherwise.</summary>
[TestFixture]
[Category("GOV408")]
public sealed class GOV408MilestoneOverdueTests
{
    private const string RuleId = "GOV408";
    private const string Act = "record its actualDate and status, or re-forecast it";

    private static string Plan(string milestone, string status = "planned") => $"""
        apiVersion: governance/v1
        kind: ProjectPlan
        metadata:
          id: plan-billing
        spec:
          milestones:
            - id: m-2
              name: Beta
              status: {status}
        {milestone}
        """;

    [Test]
    public void A_planned_milestone_past_its_baselineDate_fires_at_the_baselineDate()
    {
        RuleHarness.Findings(RuleId, Plan("      baselineDate: 2026-10-31")).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Milestone 'm-2' (Beta) was due 2026-10-31 (baselineDate) and is 1 day(s) overdue with status 'planned' and no actualDate; {Act}",
                "plan-billing", "/spec/milestones/0/baselineDate", 10, 21));
    }

    [Test]
    public void A_milestone_due_today_is_not_overdue() =>
        RuleHarness.Findings(RuleId, Plan("      baselineDate: 2026-11-01")).Should().BeEmpty();

    [Test]
    public void The_forecastDate_wins_over_the_baselineDate_and_the_finding_points_at_it()
    {
        var yaml = Plan("      baselineDate: 2026-09-30\n      forecastDate: 2026-10-15", "atRisk");

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Milestone 'm-2' (Beta) was due 2026-10-15 (forecastDate) and is 17 day(s) overdue with status 'atRisk' and no actualDate; {Act}",
                "plan-billing", "/spec/milestones/0/forecastDate", 11, 21));
    }

    [Test]
    public void A_future_forecast_keeps_a_past_baseline_from_being_overdue() =>
        RuleHarness.Findings(RuleId, Plan("      baselineDate: 2026-09-30\n      forecastDate: 2026-11-15")).Should().BeEmpty();

    [TestCase("done")]
    [TestCase("missed")]
    public void Only_planned_and_atRisk_milestones_are_checked(string status) =>
        RuleHarness.Findings(RuleId, Plan("      baselineDate: 2026-09-30", status)).Should().BeEmpty();

    [Test]
    public void A_milestone_without_status_is_not_checked()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata:
              id: plan-billing
            spec:
              milestones:
                - { id: m-1, baselineDate: 2026-09-30 }
            """;

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [Test]
    public void A_milestone_with_an_actualDate_is_not_overdue() =>
        RuleHarness.Findings(RuleId, Plan("      baselineDate: 2026-09-30\n      actualDate: 2026-10-02")).Should().BeEmpty();

    [Test]
    public void A_milestone_without_dates_is_not_checked() =>
        RuleHarness.Findings(RuleId, Plan(string.Empty)).Should().BeEmpty();

    [Test]
    public void The_clock_decides_on_both_sides_of_the_boundary()
    {
        var yaml = Plan("      baselineDate: 2027-01-15");

        RuleHarness.Findings(RuleId, yaml, today: new DateOnly(2027, 1, 15)).Should().BeEmpty();
        RuleHarness.Findings(RuleId, yaml, today: new DateOnly(2027, 1, 16)).Should().ContainSingle()
            .Which.Message.Should().Contain("is 1 day(s) overdue");
    }

    [Test]
    public void Option_graceDays_allows_that_many_days()
    {
        var rules = RuleHarness.WithOptions(RuleId, new { graceDays = 5 });

        RuleHarness.Findings(RuleId, Plan("      baselineDate: 2026-10-27"), rules: rules).Should().BeEmpty();
        RuleHarness.Findings(RuleId, Plan("      baselineDate: 2026-10-26"), rules: rules).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Milestone 'm-2' (Beta) was due 2026-10-26 (baselineDate) and is 6 day(s) overdue with status 'planned' and no actualDate; {Act}",
                "plan-billing", "/spec/milestones/0/baselineDate", 10, 21));
    }

    [Test]
    public void A_configured_severity_replaces_the_default() =>
        RuleHarness.Findings(RuleId, Plan("      baselineDate: 2026-10-01"), rules: RuleHarness.WithSeverity(RuleId, Severity.Error))
            .Should().ContainSingle().Which.Severity.Should().Be(Severity.Error);

    [Test]
    public void Json_input_points_at_the_effective_date()
    {
        const string json = """
            {
              "apiVersion": "governance/v1",
              "kind": "ProjectPlan",
              "metadata": { "id": "plan-billing" },
              "spec": {
                "milestones": [
                  { "id": "m-1", "status": "done", "baselineDate": "2026-09-01" },
                  { "id": "m-2", "status": "planned", "baselineDate": "2026-10-01", "forecastDate": "2026-10-30" }
                ]
              }
            }
            """;

        RuleHarness.Findings(RuleId, json, file: "plan.json").ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Milestone 'm-2' was due 2026-10-30 (forecastDate) and is 2 day(s) overdue with status 'planned' and no actualDate; {Act}",
                "plan-billing", "/spec/milestones/1/forecastDate", 8, 89));
    }
}
