using Governance.Rules.Engine;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Rules;

[TestFixture]
[Category("GOV403")]
public sealed class GOV403RiskHasNoResponseTests
{
    private const string RuleId = "GOV403";
    private const string ThreatStrategies = "avoid, mitigate, transfer, escalate or accept";
    private const string OpportunityStrategies = "exploit, enhance, share, escalate or accept";
    private const string AddPlan = "say in responsePlan how the response is carried out, or accept the risk";

    private static string Plan(string risk) => $"""
        apiVersion: governance/v1
        kind: ProjectPlan
        metadata:
          id: plan-billing
        spec:
          riskRegister:
            - id: r-1
              title: Vendor delay
        {risk}
        """;

    [Test]
    public void A_risk_without_response_is_an_error_at_the_risk()
    {
        var yaml = Plan("      status: open");

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"Risk 'r-1' (Vendor delay) has no response; choose how to respond to this threat: {ThreatStrategies}",
                "plan-billing", "/spec/riskRegister/0", 7, 7));
    }

    [Test]
    public void An_opportunity_without_response_is_told_the_opportunity_strategies()
    {
        var yaml = Plan("      type: opportunity\n      responsePlan: Negotiate early");

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"Risk 'r-1' (Vendor delay) has no response; choose how to respond to this opportunity: {OpportunityStrategies}",
                "plan-billing", "/spec/riskRegister/0", 7, 7));
    }

    [TestCase("mitigate", "")]
    [TestCase("avoid", "      responsePlan: \"  \"")]
    [TestCase("transfer", "      responsePlan:")]
    [TestCase("escalate", "")]
    public void A_response_other_than_accept_without_a_plan_is_an_error_at_the_risk(string response, string planLine)
    {
        var yaml = Plan($"      response: {response}\n{planLine}");

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"Risk 'r-1' (Vendor delay) has response '{response}' but no responsePlan; {AddPlan}",
                "plan-billing", "/spec/riskRegister/0", 7, 7));
    }

    [TestCase("threat")]
    [TestCase("opportunity")]
    public void Accept_needs_no_plan_and_suits_both_types(string type)
    {
        var yaml = Plan($"      type: {type}\n      response: accept");

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [TestCase("threat", "avoid", false)]
    [TestCase("threat", "mitigate", false)]
    [TestCase("threat", "transfer", false)]
    [TestCase("threat", "escalate", false)]
    [TestCase("threat", "exploit", true)]
    [TestCase("threat", "enhance", true)]
    [TestCase("threat", "share", true)]
    [TestCase("opportunity", "exploit", false)]
    [TestCase("opportunity", "enhance", false)]
    [TestCase("opportunity", "share", false)]
    [TestCase("opportunity", "escalate", false)]
    [TestCase("opportunity", "avoid", true)]
    [TestCase("opportunity", "mitigate", true)]
    [TestCase("opportunity", "transfer", true)]
    public void A_strategy_that_does_not_suit_the_type_is_a_warning_at_the_response(string type, string response, bool fires)
    {
        var yaml = Plan($"      type: {type}\n      response: {response}\n      responsePlan: Agreed with the steering committee");

        var findings = RuleHarness.Findings(RuleId, yaml);

        if (!fires)
        {
            findings.Should().BeEmpty();
            return;
        }

        var (article, other, suited) = type == "threat" ? ("a", "opportunities", ThreatStrategies) : ("an", "threats", OpportunityStrategies);
        findings.ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Risk 'r-1' (Vendor delay) is {article} {type} but its response '{response}' is a strategy for {other}; use {suited}",
                "plan-billing", "/spec/riskRegister/0/response", 10, 17));
    }

    [Test]
    public void A_risk_without_type_is_a_threat()
    {
        var yaml = Plan("      response: exploit\n      responsePlan: Use the delay to renegotiate");

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Risk 'r-1' (Vendor delay) is a threat but its response 'exploit' is a strategy for opportunities; use {ThreatStrategies}",
                "plan-billing", "/spec/riskRegister/0/response", 9, 17));
    }

    [Test]
    public void A_mismatched_strategy_without_a_plan_gets_both_findings()
    {
        var yaml = Plan("      response: share");

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"Risk 'r-1' (Vendor delay) has response 'share' but no responsePlan; {AddPlan}",
                "plan-billing", "/spec/riskRegister/0", 7, 7),
            new ExpectedFinding(Severity.Warning, $"Risk 'r-1' (Vendor delay) is a threat but its response 'share' is a strategy for opportunities; use {ThreatStrategies}",
                "plan-billing", "/spec/riskRegister/0/response", 9, 17));
    }

    [Test]
    public void A_complete_register_does_not_fire()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata:
              id: plan-billing
            spec:
              riskRegister:
                - {}
                - id: r-1
                  response: mitigate
                  responsePlan: Run both providers in parallel for one billing cycle
                - id: r-2
                  type: opportunity
                  response: enhance
                  responsePlan: Add a second vendor to the pilot
                - id: r-3
                  response: accept
                  status: closed
            """;

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [TestCase(Severity.Info)]
    [TestCase(Severity.Error)]
    public void A_configured_severity_applies_to_both_cases(Severity configured)
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata:
              id: plan-billing
            spec:
              riskRegister:
                - id: r-1
                - id: r-2
                  response: exploit
                  responsePlan: Use it
            """;

        var findings = RuleHarness.Findings(RuleId, yaml, rules: RuleHarness.WithSeverity(RuleId, configured));

        findings.Select(f => (f.Pointer, f.Severity)).Should().Equal(
            ("/spec/riskRegister/0", configured), ("/spec/riskRegister/1/response", configured));
    }

    [Test]
    public void Json_input_points_at_the_risk_and_at_the_response()
    {
        const string json = """
            {
              "apiVersion": "governance/v1",
              "kind": "ProjectPlan",
              "metadata": { "id": "plan-billing" },
              "spec": {
                "riskRegister": [
                  { "id": "r-1", "response": "mitigate" },
                  { "id": "r-2", "type": "opportunity", "response": "avoid", "responsePlan": "Decline the offer" }
                ]
              }
            }
            """;

        RuleHarness.Findings(RuleId, json, file: "plan.json").ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"Risk 'r-1' has response 'mitigate' but no responsePlan; {AddPlan}", "plan-billing", "/spec/riskRegister/0", 7, 7),
            new ExpectedFinding(Severity.Warning, $"Risk 'r-2' is an opportunity but its response 'avoid' is a strategy for threats; use {OpportunityStrategies}",
                "plan-billing", "/spec/riskRegister/1/response", 8, 57));
    }
}
