using Governance.Rules.Engine;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Rules;

/// <summary>Today is 2026-11-01 (<see cref="RuleHarness.DefaultToday"/>) unless a test says otherwise.</summary>
[TestFixture]
[Category("GOV405")]
public sealed class GOV405RiskReviewOverdueTests
{
    private const string RuleId = "GOV405";
    private const string Act = "review it and update lastReviewed and nextReview";

    private static string Plan(string dates, string status = "open") => $"""
        apiVersion: governance/v1
        kind: ProjectPlan
        metadata:
          id: plan-billing
        spec:
          riskRegister:
            - id: r-1
              title: Vendor delay
              status: {status}
        {dates}
        """;

    [Test]
    public void A_past_nextReview_fires_at_nextReview()
    {
        RuleHarness.Findings(RuleId, Plan("      nextReview: 2026-10-31")).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Risk 'r-1' (Vendor delay) is open and its review is overdue: nextReview 2026-10-31 is 1 day(s) past; {Act}",
                "plan-billing", "/spec/riskRegister/0/nextReview", 10, 19));
    }

    [TestCase("2026-11-01", TestName = "nextReview today is not past due")]
    [TestCase("2026-11-15", TestName = "nextReview in the future")]
    public void A_nextReview_today_or_later_does_not_fire(string date) =>
        RuleHarness.Findings(RuleId, Plan($"      nextReview: {date}")).Should().BeEmpty();

    [Test]
    public void A_lastReviewed_more_than_reviewDays_ago_fires_at_lastReviewed()
    {
        RuleHarness.Findings(RuleId, Plan("      lastReviewed: 2026-10-01")).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning,
                $"Risk 'r-1' (Vendor delay) is open and its review is overdue: lastReviewed 2026-10-01 is 31 days ago, more than reviewDays 30; {Act}",
                "plan-billing", "/spec/riskRegister/0/lastReviewed", 10, 21));
    }

    [TestCase("2026-10-02", TestName = "lastReviewed exactly 30 days ago")]
    [TestCase("2026-11-01", TestName = "lastReviewed today")]
    public void A_lastReviewed_within_reviewDays_does_not_fire(string date) =>
        RuleHarness.Findings(RuleId, Plan($"      lastReviewed: {date}")).Should().BeEmpty();

    [Test]
    public void Without_either_date_it_fires_at_the_risk()
    {
        RuleHarness.Findings(RuleId, Plan(string.Empty)).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Risk 'r-1' (Vendor delay) is open and its review is overdue: it has neither lastReviewed nor nextReview; {Act}",
                "plan-billing", "/spec/riskRegister/0", 7, 7));
    }

    [Test]
    public void Both_dates_overdue_give_one_finding_at_nextReview()
    {
        var yaml = Plan("      lastReviewed: 2026-09-01\n      nextReview: 2026-10-01", "mitigating");

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning,
                $"Risk 'r-1' (Vendor delay) is mitigating and its review is overdue: nextReview 2026-10-01 is 31 day(s) past and lastReviewed 2026-09-01 is 61 days ago, more than reviewDays 30; {Act}",
                "plan-billing", "/spec/riskRegister/0/nextReview", 11, 19));
    }

    [Test]
    public void A_stale_lastReviewed_fires_even_when_nextReview_is_ahead_at_lastReviewed()
    {
        var yaml = Plan("      lastReviewed: 2026-09-01\n      nextReview: 2026-11-10");

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning,
                $"Risk 'r-1' (Vendor delay) is open and its review is overdue: lastReviewed 2026-09-01 is 61 days ago, more than reviewDays 30; {Act}",
                "plan-billing", "/spec/riskRegister/0/lastReviewed", 10, 21));
    }

    [Test]
    public void A_past_nextReview_fires_even_when_lastReviewed_is_recent()
    {
        var yaml = Plan("      lastReviewed: 2026-10-20\n      nextReview: 2026-10-27");

        RuleHarness.Findings(RuleId, yaml).Should().ContainSingle().Which.Pointer.Should().Be("/spec/riskRegister/0/nextReview");
    }

    [Test]
    public void Both_dates_in_order_do_not_fire() =>
        RuleHarness.Findings(RuleId, Plan("      lastReviewed: 2026-10-20\n      nextReview: 2026-11-20")).Should().BeEmpty();

    [TestCase("occurred")]
    [TestCase("closed")]
    public void Only_open_and_mitigating_risks_are_checked(string status) =>
        RuleHarness.Findings(RuleId, Plan("      nextReview: 2026-01-01", status)).Should().BeEmpty();

    [Test]
    public void A_risk_without_status_is_not_checked()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata:
              id: plan-billing
            spec:
              riskRegister:
                - id: r-1
                  nextReview: 2026-01-01
            """;

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [Test]
    public void The_clock_decides_nextReview_on_both_sides_of_the_boundary()
    {
        var yaml = Plan("      nextReview: 2026-12-01");

        RuleHarness.Findings(RuleId, yaml, today: new DateOnly(2026, 12, 1)).Should().BeEmpty();
        RuleHarness.Findings(RuleId, yaml, today: new DateOnly(2026, 12, 2)).Should().ContainSingle()
            .Which.Message.Should().Contain("nextReview 2026-12-01 is 1 day(s) past");
    }

    [Test]
    public void Option_reviewDays_moves_the_staleness_boundary()
    {
        var rules = RuleHarness.WithOptions(RuleId, new { reviewDays = 60 });

        RuleHarness.Findings(RuleId, Plan("      lastReviewed: 2026-09-02"), rules: rules).Should().BeEmpty();
        RuleHarness.Findings(RuleId, Plan("      lastReviewed: 2026-09-01"), rules: rules).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning,
                $"Risk 'r-1' (Vendor delay) is open and its review is overdue: lastReviewed 2026-09-01 is 61 days ago, more than reviewDays 60; {Act}",
                "plan-billing", "/spec/riskRegister/0/lastReviewed", 10, 21));
    }

    [Test]
    public void A_configured_severity_replaces_the_default() =>
        RuleHarness.Findings(RuleId, Plan(string.Empty), rules: RuleHarness.WithSeverity(RuleId, Severity.Error))
            .Should().ContainSingle().Which.Severity.Should().Be(Severity.Error);

    [Test]
    public void Json_input_points_at_the_overdue_date()
    {
        const string json = """
            {
              "apiVersion": "governance/v1",
              "kind": "ProjectPlan",
              "metadata": { "id": "plan-billing" },
              "spec": {
                "riskRegister": [
                  { "id": "r-1", "status": "open", "nextReview": "2026-10-15" },
                  { "id": "r-2", "status": "open", "lastReviewed": "2026-10-30" }
                ]
              }
            }
            """;

        RuleHarness.Findings(RuleId, json, file: "plan.json").ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Risk 'r-1' is open and its review is overdue: nextReview 2026-10-15 is 17 day(s) past; {Act}",
                "plan-billing", "/spec/riskRegister/0/nextReview", 7, 54));
    }
}
