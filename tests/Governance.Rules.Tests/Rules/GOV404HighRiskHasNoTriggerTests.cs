using Governance.Rules.Engine;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Rules;

[TestFixture]
[Category("GOV404")]
public sealed class GOV404HighRiskHasNoTriggerTests
{
    private const string RuleId = "GOV404";
    private const string Act = "say what signals that it is occurring";

    private static string Plan(int probability, int impact, string extra = "") => $"""
        apiVersion: governance/v1
        kind: ProjectPlan
        metadata:
          id: plan-billing
        spec:
          riskRegister:
            - id: r-1
              title: Vendor delay
              probability: {probability}
              impact: {impact}
        {extra}
        """;

    [Test]
    public void A_score_of_exactly_15_without_trigger_fires_at_the_risk()
    {
        RuleHarness.Findings(RuleId, Plan(3, 5)).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning,
                $"Risk 'r-1' (Vendor delay) scores 15 (probability 3 × impact 5), at or above highRiskScore 15, and has no trigger; {Act}",
                "plan-billing", "/spec/riskRegister/0", 7, 7));
    }

    [TestCase(5, 5, true)]
    [TestCase(4, 4, true)]
    [TestCase(5, 3, true)]
    [TestCase(3, 4, false)]
    [TestCase(2, 5, false)]
    [TestCase(1, 1, false)]
    public void The_score_is_probability_times_impact_compared_at_or_above_the_threshold(int probability, int impact, bool fires) =>
        RuleHarness.Findings(RuleId, Plan(probability, impact)).Should().HaveCount(fires ? 1 : 0);

    [TestCase("      trigger: Vendor misses the second delivery date", 0)]
    [TestCase("      trigger: \"\"", 1)]
    [TestCase("      trigger: \"  \"", 1)]
    [TestCase("      trigger:", 1)]
    public void A_written_trigger_satisfies_the_rule_and_a_blank_one_does_not(string triggerLine, int expected) =>
        RuleHarness.Findings(RuleId, Plan(4, 5, triggerLine)).Should().HaveCount(expected);

    [Test]
    public void A_risk_without_probability_or_impact_has_no_score_and_does_not_fire()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata:
              id: plan-billing
            spec:
              riskRegister:
                - id: r-1
                  impact: 5
                - id: r-2
                  probability: 5
                - id: r-3
            """;

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [Test]
    public void Out_of_range_values_are_schema_errors_and_count_as_absent()
    {
        var findings = RuleHarness.Analyze(Plan(6, 5)).Findings;

        findings.Should().Contain(f => f.RuleId == "GOV002" && f.Pointer == "/spec/riskRegister/0/probability");
        findings.Should().NotContain(f => f.RuleId == RuleId);
    }

    [TestCase("closed")]
    [TestCase("occurred")]
    public void Every_status_is_checked(string status) =>
        RuleHarness.Findings(RuleId, Plan(5, 5, $"      status: {status}")).Should().ContainSingle();

    [Test]
    public void Option_highRiskScore_moves_the_threshold_inclusively()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata:
              id: plan-billing
            spec:
              riskRegister:
                - { id: r-1, probability: 4, impact: 4 }
                - { id: r-2, probability: 4, impact: 5 }
                - { id: r-3, probability: 3, impact: 4 }
            """;

        var rules = RuleHarness.WithOptions(RuleId, new { highRiskScore = 20 });

        RuleHarness.Findings(RuleId, yaml, rules: rules).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Risk 'r-2' scores 20 (probability 4 × impact 5), at or above highRiskScore 20, and has no trigger; {Act}",
                "plan-billing", "/spec/riskRegister/1", 8, 7));
        RuleHarness.Findings(RuleId, yaml, rules: RuleHarness.WithOptions(RuleId, new { highRiskScore = 12 })).Select(f => f.Pointer).Should().Equal(
            "/spec/riskRegister/0", "/spec/riskRegister/1", "/spec/riskRegister/2");
    }

    [Test]
    public void A_configured_severity_replaces_the_default() =>
        RuleHarness.Findings(RuleId, Plan(5, 5), rules: RuleHarness.WithSeverity(RuleId, Severity.Error))
            .Should().ContainSingle().Which.Severity.Should().Be(Severity.Error);

    [Test]
    public void Json_input_points_at_the_risk()
    {
        const string json = """
            {
              "apiVersion": "governance/v1",
              "kind": "ProjectPlan",
              "metadata": { "id": "plan-billing" },
              "spec": {
                "riskRegister": [
                  { "id": "r-1", "probability": 5, "impact": 5, "trigger": "Two sprints slip" },
                  { "id": "r-2", "probability": 5, "impact": 3 }
                ]
              }
            }
            """;

        RuleHarness.Findings(RuleId, json, file: "plan.json").ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Risk 'r-2' scores 15 (probability 5 × impact 3), at or above highRiskScore 15, and has no trigger; {Act}",
                "plan-billing", "/spec/riskRegister/1", 8, 7));
    }
}
