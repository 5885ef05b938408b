using Governance.Rules.Engine;
using Governance.Rules.Rules;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Rules;

[TestFixture]
[Category("GOV905")]
public sealed class GOV905ProjectPastEndDateStillInProgressTests
{
    private const string RuleId = "GOV905";

    private static string Project(string end, string status = "inProgress") => $"""
        apiVersion: governance/v1
        kind: Project
        metadata:
          id: proj-billing
        spec:
          status: {status}
          schedule:
            start: 2026-01-05
            end: {end}
        """;

    private static string Message(int days, string end, int grace = 0) =>
        $"Project is still in progress {days} day(s) after its planned end {end}, more than graceDays ({grace}); re-plan schedule.end with the sponsor, or close the project";

    [Test]
    public void In_progress_project_past_its_end_is_an_error_at_the_end_date()
    {
        RuleHarness.Findings(RuleId, Project("2026-10-31")).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, Message(1, "2026-10-31"), "proj-billing", "/spec/schedule/end", 9, 10));
    }

    [TestCase("2026-11-01", TestName = "Not past the end: ends today")]
    [TestCase("2026-12-31", TestName = "Not past the end: ends later")]
    public void A_project_ending_today_or_later_does_not_fire(string end)
    {
        RuleHarness.Findings(RuleId, Project(end)).Should().BeEmpty();
    }

    [TestCase("notStarted")]
    [TestCase("onHold")]
    [TestCase("completed")]
    [TestCase("cancelled")]
    public void Only_projects_in_progress_are_checked(string status)
    {
        RuleHarness.Findings(RuleId, Project("2026-06-30", status)).Should().BeEmpty();
    }

    [Test]
    public void Option_graceDays_moves_the_boundary()
    {
        var rules = RuleHarness.WithOptions(RuleId, new { graceDays = 5 });

        RuleHarness.Findings(RuleId, Project("2026-10-27"), rules: rules).Should().BeEmpty();
        RuleHarness.Findings(RuleId, Project("2026-10-26"), rules: rules).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, Message(6, "2026-10-26", 5), "proj-billing", "/spec/schedule/end", 9, 10));
    }

    [Test]
    public void The_clock_decides()
    {
        var yaml = Project("2026-10-31");

        RuleHarness.Findings(RuleId, yaml, today: new DateOnly(2026, 10, 31)).Should().BeEmpty();
        RuleHarness.Findings(RuleId, yaml, today: new DateOnly(2027, 1, 30)).Select(f => f.Message).Should().Equal(Message(91, "2026-10-31"));
    }

    [Test]
    public void ActualEnd_is_not_used()
    {
        var yaml = Project("2026-10-15") + "\n  actualEnd: 2026-11-20";

        RuleHarness.Findings(RuleId, yaml).Select(f => f.Pointer).Should().Equal("/spec/schedule/end");
    }

    [TestCase("  schedule: { start: 2026-01-05 }", TestName = "No end: schedule without end")]
    [TestCase("  schedule: { start: 2026-06-05, end: 2026-01-31 }", TestName = "No end: invalid range counts as absent")]
    [TestCase("  phase: execution", TestName = "No end: no schedule")]
    public void A_project_without_planned_end_does_not_fire(string line)
    {
        var yaml = "apiVersion: governance/v1\nkind: Project\nmetadata:\n  id: proj-billing\nspec:\n  status: inProgress\n" + line + "\n";

        RuleHarness.Analyze(yaml).Findings.Where(f => f.RuleId is RuleId or "GOV009").Should().BeEmpty();
    }

    [Test]
    public void A_configured_severity_applies()
    {
        RuleHarness.Findings(RuleId, Project("2026-06-30"), rules: RuleHarness.WithSeverity(RuleId, Severity.Warning))
            .Select(f => f.Severity).Should().Equal(Severity.Warning);
    }

    [Test]
    public void Json_input_points_at_the_end_date()
    {
        const string json = """
            {
              "apiVersion": "governance/v1",
              "kind": "Project",
              "metadata": { "id": "proj-billing" },
              "spec": { "status": "inProgress", "schedule": { "start": "2026-01-05", "end": "2026-09-30" } }
            }
            """;

        RuleHarness.Findings(RuleId, json, file: "project.json").ShouldBeExactly(
            new ExpectedFinding(Severity.Error, Message(32, "2026-09-30"), "proj-billing", "/spec/schedule/end", 5, 81));
    }

    [Test]
    public void Options_default_to_no_grace() => new GOV905Options().GraceDays.Should().Be(0);
}
