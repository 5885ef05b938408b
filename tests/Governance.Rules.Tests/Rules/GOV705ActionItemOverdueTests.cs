using Governance.Rules.Engine;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Rules;

[TestFixture]
[Category("GOV705")]
public sealed class GOV705ActionItemOverdueTests
{
    private const string RuleId = "GOV705";
    private const string Act = "finish it, or agree a new due date";

    private static string PostMortem(string actionItems) => $"""
        apiVersion: governance/v1
        kind: PostMortem
        metadata:
          id: pm-outage
        spec:
          type: incident
          date: 2026-10-12
          actionItems:
        {string.Join('\n', actionItems.Split('\n').Select(l => "    " + l))}
        """;

    private static string Item(string status, string due) => $"- id: ai-1\n  owner: p-lee\n  status: {status}\n  due: {due}";

    [Test]
    public void Open_item_past_due_is_a_warning_at_its_due_date()
    {
        RuleHarness.Findings(RuleId, PostMortem(Item("open", "2026-10-31"))).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Action item 'ai-1' is 1 day(s) overdue: due 2026-10-31 and still open; {Act}",
                "pm-outage", "/spec/actionItems/0/due", 12, 12));
    }

    [Test]
    public void In_progress_item_past_due_fires_too()
    {
        RuleHarness.Findings(RuleId, PostMortem(Item("inProgress", "2026-10-01"))).Select(f => f.Message).Should().Equal(
            $"Action item 'ai-1' is 31 day(s) overdue: due 2026-10-01 and still inProgress; {Act}");
    }

    [TestCase("2026-11-01", TestName = "Not overdue: due today")]
    [TestCase("2026-11-02", TestName = "Not overdue: due tomorrow")]
    public void Due_today_or_later_is_not_overdue(string due)
    {
        RuleHarness.Findings(RuleId, PostMortem(Item("open", due))).Should().BeEmpty();
    }

    [TestCase("done")]
    [TestCase("wontDo")]
    public void Finished_items_are_out_of_scope(string status)
    {
        RuleHarness.Findings(RuleId, PostMortem(Item(status, "2026-09-01"))).Should().BeEmpty();
    }

    [Test]
    public void An_item_without_status_is_not_known_to_be_open()
    {
        RuleHarness.Findings(RuleId, PostMortem("- id: ai-1\n  owner: p-lee\n  due: 2026-09-01")).Should().BeEmpty();
    }

    [Test]
    public void An_item_without_due_date_is_not_overdue()
    {
        RuleHarness.Findings(RuleId, PostMortem("- id: ai-1\n  owner: p-lee\n  status: open")).Should().BeEmpty();
    }

    [Test]
    public void The_clock_decides()
    {
        var yaml = PostMortem(Item("open", "2026-10-31"));

        RuleHarness.Findings(RuleId, yaml, today: new DateOnly(2026, 10, 31)).Should().BeEmpty();
        RuleHarness.Findings(RuleId, yaml, today: new DateOnly(2026, 12, 30)).Select(f => f.Message).Should().Equal(
            $"Action item 'ai-1' is 60 day(s) overdue: due 2026-10-31 and still open; {Act}");
    }

    [Test]
    public void Each_overdue_item_is_reported_and_items_without_id_are_named_by_index()
    {
        var yaml = PostMortem("- {}\n- status: open\n  due: 2026-10-20\n- id: ai-3\n  status: done\n  due: 2026-10-20");

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Action item at index 1 is 12 day(s) overdue: due 2026-10-20 and still open; {Act}",
                "pm-outage", "/spec/actionItems/1/due", 11, 12));
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
              recoveryActions:
                - { id: ra-1, status: open, due: 2026-09-01 }
            """;

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [Test]
    public void A_configured_severity_applies()
    {
        RuleHarness.Findings(RuleId, PostMortem(Item("open", "2026-09-01")), rules: RuleHarness.WithSeverity(RuleId, Severity.Error))
            .Select(f => f.Severity).Should().Equal(Severity.Error);
    }

    [Test]
    public void Json_input_points_at_the_due_date()
    {
        const string json = """
            {
              "apiVersion": "governance/v1",
              "kind": "PostMortem",
              "metadata": { "id": "pm-outage" },
              "spec": {
                "actionItems": [
                  { "id": "ai-1", "status": "inProgress", "due": "2026-10-30" }
                ]
              }
            }
            """;

        RuleHarness.Findings(RuleId, json, file: "pm.json").ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Action item 'ai-1' is 2 day(s) overdue: due 2026-10-30 and still inProgress; {Act}",
                "pm-outage", "/spec/actionItems/0/due", 7, 54));
    }
}
