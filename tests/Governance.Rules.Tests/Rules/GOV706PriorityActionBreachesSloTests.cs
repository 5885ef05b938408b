using Governance.Rules.Engine;
using Governance.Rules.Rules;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Rules;

[TestFixture]
[Category("GOV706")]
public sealed class GOV706PriorityActionBreachesSloTests
{
    private const string RuleId = "GOV706";

    private static string PostMortem(string date, string actionItems) => $"""
        apiVersion: governance/v1
        kind: PostMortem
        metadata:
          id: pm-outage
        spec:
          type: incident
          date: {date}
          actionItems:
        {string.Join('\n', actionItems.Split('\n').Select(l => "    " + l))}
        """;

    private static string Item(string priority, string status) => $"- id: ai-1\n  priority: {priority}\n  status: {status}\n  owner: p-lee\n  due: 2026-12-31";

    private static string Message(string priority, string status, int days, string date, int slo = 56) =>
        $"{priority} action item 'ai-1' is still {status} {days} day(s) after the post-mortem of {date}, beyond the {slo}-day SLO for P0 and P1 actions (priorityActionSloDays); close it or escalate";

    [Test]
    public void Open_P1_item_past_the_SLO_is_a_warning_at_the_item()
    {
        RuleHarness.Findings(RuleId, PostMortem("2026-09-05", Item("P1", "open"))).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, Message("P1", "open", 57, "2026-09-05"), "pm-outage", "/spec/actionItems/0", 9, 7));
    }

    [Test]
    public void In_progress_P0_item_fires_too()
    {
        RuleHarness.Findings(RuleId, PostMortem("2026-08-01", Item("P0", "inProgress"))).Select(f => f.Message).Should().Equal(
            Message("P0", "inProgress", 92, "2026-08-01"));
    }

    [TestCase("2026-09-06", false, TestName = "SLO boundary: exactly 56 days does not fire")]
    [TestCase("2026-09-05", true, TestName = "SLO boundary: 57 days fires")]
    [TestCase("2026-11-01", false, TestName = "SLO boundary: post-mortem today")]
    public void Slo_boundary(string date, bool fires)
    {
        RuleHarness.Findings(RuleId, PostMortem(date, Item("P1", "open"))).Should().HaveCount(fires ? 1 : 0);
    }

    [TestCase("P2")]
    [TestCase("P3")]
    public void Lower_priorities_are_out_of_scope(string priority)
    {
        RuleHarness.Findings(RuleId, PostMortem("2026-01-05", Item(priority, "open"))).Should().BeEmpty();
    }

    [TestCase("done")]
    [TestCase("wontDo")]
    public void Finished_items_are_out_of_scope(string status)
    {
        RuleHarness.Findings(RuleId, PostMortem("2026-01-05", Item("P0", status))).Should().BeEmpty();
    }

    [Test]
    public void Items_without_priority_or_status_are_out_of_scope()
    {
        var yaml = PostMortem("2026-01-05", "- id: ai-1\n  status: open\n- id: ai-2\n  priority: P0");

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [Test]
    public void A_post_mortem_without_date_has_no_SLO_clock()
    {
        var yaml = PostMortem("2026-01-05", Item("P0", "open")).Replace("  date: 2026-01-05\n", string.Empty, StringComparison.Ordinal);

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [Test]
    public void The_item_due_date_does_not_matter()
    {
        var yaml = PostMortem("2026-08-01", "- id: ai-1\n  priority: P1\n  status: open\n  due: 2027-06-30");

        RuleHarness.Findings(RuleId, yaml).Should().ContainSingle();
    }

    [Test]
    public void Every_breaching_item_is_reported()
    {
        var yaml = PostMortem("2026-08-01", Item("P1", "open") + "\n" + Item("P2", "open").Replace("ai-1", "ai-2", StringComparison.Ordinal) +
            "\n- priority: P0\n  status: inProgress");

        RuleHarness.Findings(RuleId, yaml).Select(f => (f.Pointer, f.Line)).Should().Equal(("/spec/actionItems/0", 9), ("/spec/actionItems/2", 19));
        RuleHarness.Findings(RuleId, yaml)[1].Message.Should().StartWith("P0 action item at index 2 is still inProgress 92 day(s)");
    }

    [Test]
    public void Option_priorityActionSloDays_moves_the_boundary()
    {
        var rules = RuleHarness.WithOptions(RuleId, new { priorityActionSloDays = 28 });

        RuleHarness.Findings(RuleId, PostMortem("2026-10-04", Item("P1", "open")), rules: rules).Should().BeEmpty();
        RuleHarness.Findings(RuleId, PostMortem("2026-10-03", Item("P1", "open")), rules: rules).Select(f => f.Message).Should().Equal(
            Message("P1", "open", 29, "2026-10-03", 28));
    }

    [Test]
    public void The_clock_decides()
    {
        var yaml = PostMortem("2026-09-05", Item("P1", "open"));

        RuleHarness.Findings(RuleId, yaml, today: new DateOnly(2026, 10, 31)).Should().BeEmpty();
        RuleHarness.Findings(RuleId, yaml, today: new DateOnly(2026, 11, 1)).Should().ContainSingle();
    }

    [Test]
    public void Status_report_recovery_actions_are_not_checked()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: StatusReport
            metadata:
              id: sr-1
            spec:
              reportDate: 2026-01-05
              recoveryActions:
                - { id: ra-1, priority: P0, status: open }
            """;

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [Test]
    public void A_configured_severity_applies()
    {
        RuleHarness.Findings(RuleId, PostMortem("2026-01-05", Item("P0", "open")), rules: RuleHarness.WithSeverity(RuleId, Severity.Error))
            .Select(f => f.Severity).Should().Equal(Severity.Error);
    }

    [Test]
    public void Json_input_points_at_the_item()
    {
        const string json = """
            {
              "apiVersion": "governance/v1",
              "kind": "PostMortem",
              "metadata": { "id": "pm-outage" },
              "spec": {
                "date": "2026-09-01",
                "actionItems": [
                  { "id": "ai-1", "priority": "P1", "status": "open" }
                ]
              }
            }
            """;

        RuleHarness.Findings(RuleId, json, file: "pm.json").ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, Message("P1", "open", 61, "2026-09-01"), "pm-outage", "/spec/actionItems/0", 8, 7));
    }

    [Test]
    public void Options_default_to_eight_weeks() => new GOV706Options().PriorityActionSloDays.Should().Be(56);
}
