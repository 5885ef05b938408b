using Governance.Rules.Engine;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Rules;

[TestFixture]
[Category("GOV407")]
public sealed class GOV407MilestoneOutsidePlanRangeTests
{
    private const string RuleId = "GOV407";
    private const string Act = "move the milestone or re-baseline the schedule";

    private static string Plan(string milestone, string schedule = "  schedule: { start: 2026-09-01, end: 2027-03-31 }") => $"""
        apiVersion: governance/v1
        kind: ProjectPlan
        metadata:
          id: plan-billing
        spec:
        {schedule}
          milestones:
            - id: m-1
              name: Go-live
        {milestone}
        """;

    [Test]
    public void A_baselineDate_after_the_schedule_end_fires_at_the_date()
    {
        RuleHarness.Findings(RuleId, Plan("      baselineDate: 2027-04-01")).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"Milestone 'm-1' (Go-live) baselineDate 2027-04-01 is 1 day(s) after the plan's schedule end 2027-03-31; {Act}",
                "plan-billing", "/spec/milestones/0/baselineDate", 10, 21));
    }

    [Test]
    public void A_baselineDate_before_the_schedule_start_fires_at_the_date()
    {
        RuleHarness.Findings(RuleId, Plan("      baselineDate: 2026-08-22")).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"Milestone 'm-1' (Go-live) baselineDate 2026-08-22 is 10 day(s) before the plan's schedule start 2026-09-01; {Act}",
                "plan-billing", "/spec/milestones/0/baselineDate", 10, 21));
    }

    [TestCase("2026-09-01", TestName = "On the schedule start")]
    [TestCase("2027-03-31", TestName = "On the schedule end")]
    [TestCase("2026-12-15", TestName = "Inside the schedule")]
    public void The_range_is_inclusive_at_both_ends(string date) =>
        RuleHarness.Findings(RuleId, Plan($"      baselineDate: {date}\n      forecastDate: {date}")).Should().BeEmpty();

    [Test]
    public void A_forecastDate_outside_fires_at_the_forecast_and_each_date_is_one_finding()
    {
        var yaml = Plan("      baselineDate: 2027-04-15\n      forecastDate: 2027-05-01\n      actualDate: 2027-06-01");

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"Milestone 'm-1' (Go-live) baselineDate 2027-04-15 is 15 day(s) after the plan's schedule end 2027-03-31; {Act}",
                "plan-billing", "/spec/milestones/0/baselineDate", 10, 21),
            new ExpectedFinding(Severity.Error, $"Milestone 'm-1' (Go-live) forecastDate 2027-05-01 is 31 day(s) after the plan's schedule end 2027-03-31; {Act}",
                "plan-billing", "/spec/milestones/0/forecastDate", 11, 21));
    }

    [Test]
    public void Option_checkForecast_false_checks_the_baselineDate_only()
    {
        var yaml = Plan("      baselineDate: 2027-03-01\n      forecastDate: 2027-05-01");
        var rules = RuleHarness.WithOptions(RuleId, new { checkForecast = false });

        RuleHarness.Findings(RuleId, yaml, rules: rules).Should().BeEmpty();
        RuleHarness.Findings(RuleId, yaml).Should().ContainSingle().Which.Pointer.Should().Be("/spec/milestones/0/forecastDate");
    }

    [Test]
    public void The_actualDate_and_the_status_are_not_considered()
    {
        var yaml = Plan("      baselineDate: 2027-03-01\n      actualDate: 2027-04-20\n      status: done");

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [TestCase("", TestName = "No schedule")]
    [TestCase("  schedule: {}", TestName = "Empty schedule")]
    [TestCase("  schedule: { start: 2027-03-31, end: 2026-09-01 }", TestName = "Inverted schedule (GOV002, counts as absent)")]
    public void Without_a_schedule_nothing_is_checked(string schedule) =>
        RuleHarness.Findings(RuleId, Plan("      baselineDate: 2030-01-01", schedule)).Should().BeEmpty();

    [Test]
    public void A_schedule_with_one_bound_checks_that_bound()
    {
        RuleHarness.Findings(RuleId, Plan("      baselineDate: 2026-08-31", "  schedule: { start: 2026-09-01 }")).Should().ContainSingle()
            .Which.Message.Should().Contain("is 1 day(s) before the plan's schedule start 2026-09-01");
        RuleHarness.Findings(RuleId, Plan("      baselineDate: 2030-01-01", "  schedule: { start: 2026-09-01 }")).Should().BeEmpty();
        RuleHarness.Findings(RuleId, Plan("      baselineDate: 2027-04-01", "  schedule: { end: 2027-03-31 }")).Should().ContainSingle()
            .Which.Message.Should().Contain("is 1 day(s) after the plan's schedule end 2027-03-31");
    }

    [Test]
    public void Milestones_are_named_by_id_name_or_index()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata:
              id: plan-billing
            spec:
              schedule: { start: 2026-09-01, end: 2027-03-31 }
              milestones:
                - {}
                - { name: Pilot, baselineDate: 2027-04-01 }
                - { baselineDate: 2027-04-01 }
            """;

        RuleHarness.Findings(RuleId, yaml).Select(f => (f.Message, f.Pointer)).Should().Equal(
            ($"Milestone 'Pilot' baselineDate 2027-04-01 is 1 day(s) after the plan's schedule end 2027-03-31; {Act}", "/spec/milestones/1/baselineDate"),
            ($"Milestone at index 2 baselineDate 2027-04-01 is 1 day(s) after the plan's schedule end 2027-03-31; {Act}", "/spec/milestones/2/baselineDate"));
    }

    [Test]
    public void A_configured_severity_replaces_the_default() =>
        RuleHarness.Findings(RuleId, Plan("      baselineDate: 2027-04-01"), rules: RuleHarness.WithSeverity(RuleId, Severity.Warning))
            .Should().ContainSingle().Which.Severity.Should().Be(Severity.Warning);

    [Test]
    public void Json_input_points_at_the_date()
    {
        const string json = """
            {
              "apiVersion": "governance/v1",
              "kind": "ProjectPlan",
              "metadata": { "id": "plan-billing" },
              "spec": {
                "schedule": { "start": "2026-09-01", "end": "2027-03-31" },
                "milestones": [
                  { "id": "m-1", "baselineDate": "2026-08-31" }
                ]
              }
            }
            """;

        RuleHarness.Findings(RuleId, json, file: "plan.json").ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"Milestone 'm-1' baselineDate 2026-08-31 is 1 day(s) before the plan's schedule start 2026-09-01; {Act}",
                "plan-billing", "/spec/milestones/0/baselineDate", 8, 38));
    }
}
