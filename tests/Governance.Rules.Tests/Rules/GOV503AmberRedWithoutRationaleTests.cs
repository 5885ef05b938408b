using Governance.Rules.Engine;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Rules;

[TestFixture]
[Category("GOV503")]
public sealed class GOV503AmberRedWithoutRationaleTests
{
    private const string RuleId = "GOV503";
    private const string Both = "no ragRationale and no recoveryActions; explain the rating in ragRationale and list the recoveryActions that bring it back to green";
    private const string NoRationale = "no ragRationale; explain the rating in ragRationale";
    private const string NoActions = "no recoveryActions; list the recoveryActions that bring it back to green";
    private const string Action = "recoveryActions: [{ id: ra-1, description: Add a second payments engineer, owner: p-ann, due: 2026-11-15, status: open }]";

    private static string Report(string body) => $"""
        apiVersion: governance/v1
        kind: StatusReport
        metadata:
          id: sr-billing-2026-10-30
        spec:
          projectId: project-billing
          reportDate: 2026-10-30
        {body}
        """;

    [TestCase("overallRag: amber", "overall amber")]
    [TestCase("overallRag: red", "overall red")]
    [TestCase("scheduleRag: amber", "schedule amber")]
    [TestCase("budgetRag: red", "budget red")]
    [TestCase("scopeRag: amber", "scope amber")]
    public void Any_amber_or_red_dimension_without_rationale_or_actions_fires_at_spec(string rag, string named)
    {
        var yaml = Report($"  {rag}");

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"Status report rates {named} but has {Both}", "sr-billing-2026-10-30", "/spec", 6, 3));
    }

    [Test]
    public void Every_amber_and_red_dimension_is_named_in_one_finding()
    {
        var yaml = Report("""
              overallRag: amber
              scheduleRag: red
              budgetRag: green
              scopeRag: amber
            """);

        RuleHarness.Findings(RuleId, yaml).Select(f => f.Message).Should().Equal(
            $"Status report rates overall amber, schedule red, scope amber but has {Both}");
    }

    [Test]
    public void A_rationale_without_recovery_actions_still_fires()
    {
        var yaml = Report("""
              overallRag: amber
              ragRationale: The payments engineer left; integration slips two weeks.
            """);

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"Status report rates overall amber but has {NoActions}", "sr-billing-2026-10-30", "/spec", 6, 3));
    }

    [Test]
    public void Recovery_actions_without_a_rationale_still_fire()
    {
        var yaml = Report($"""
              overallRag: red
              {Action}
            """);

        RuleHarness.Findings(RuleId, yaml).Select(f => f.Message).Should().Equal($"Status report rates overall red but has {NoRationale}");
    }

    [Test]
    public void A_rationale_and_recovery_actions_do_not_fire()
    {
        var yaml = Report($"""
              overallRag: red
              scheduleRag: red
              ragRationale: The payments engineer left; integration slips two weeks.
              {Action}
            """);

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [TestCase("overallRag: green\n  scheduleRag: green\n  budgetRag: green\n  scopeRag: green", TestName = "All green does not fire")]
    [TestCase("summary: No ratings", TestName = "No rating at all does not fire")]
    public void Green_or_unrated_reports_do_not_fire(string body)
    {
        RuleHarness.Findings(RuleId, Report($"  {body}")).Should().BeEmpty();
    }

    [TestCase("ragRationale: '  '\n  recoveryActions: []", TestName = "Blank: whitespace rationale, empty actions")]
    [TestCase("ragRationale:\n  recoveryActions:", TestName = "Blank: nulls")]
    [TestCase("ragRationale: ''\n  recoveryActions: [{}]", TestName = "Blank: empty rationale, only an empty action")]
    public void Blank_rationale_and_actions_count_as_none(string body)
    {
        var yaml = Report($"""
              overallRag: amber
              {body}
            """);

        RuleHarness.Findings(RuleId, yaml).Select(f => f.Message).Should().Equal($"Status report rates overall amber but has {Both}");
    }

    [Test]
    public void An_incomplete_recovery_action_still_counts()
    {
        var yaml = Report("""
              overallRag: amber
              ragRationale: Integration slips two weeks.
              recoveryActions: [{ description: Hire a contractor }]
            """);

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [Test]
    public void A_configured_severity_applies()
    {
        RuleHarness.Findings(RuleId, Report("  overallRag: red"), rules: RuleHarness.WithSeverity(RuleId, Severity.Warning))
            .Should().ContainSingle().Which.Severity.Should().Be(Severity.Warning);
    }

    [Test]
    public void Json_input_points_at_spec()
    {
        const string json = """
            {
              "apiVersion": "governance/v1",
              "kind": "StatusReport",
              "metadata": { "id": "sr-1" },
              "spec": {
                "budgetRag": "amber",
                "ragRationale": "Cloud costs 12% over plan."
              }
            }
            """;

        RuleHarness.Findings(RuleId, json, file: "report.json").ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"Status report rates budget amber but has {NoActions}", "sr-1", "/spec", 5, 11));
    }
}
