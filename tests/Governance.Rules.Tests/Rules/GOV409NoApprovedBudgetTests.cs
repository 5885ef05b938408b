using Governance.Rules.Engine;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Rules;

[TestFixture]
[Category("GOV409")]
public sealed class GOV409NoApprovedBudgetTests
{
    private const string RuleId = "GOV409";
    private const string Act = "record the approved budget in budget.approved with its amount and currency";

    private static string Plan(string budget) => $"""
        apiVersion: governance/v1
        kind: ProjectPlan
        metadata:
          id: plan-billing
        spec:
          projectId: project-billing
        {budget}
        """;

    [TestCase("", TestName = "No budget: key absent")]
    [TestCase("  budget:", TestName = "No budget: null")]
    [TestCase("  budget: {}", TestName = "No budget: empty object")]
    public void A_plan_without_budget_fires_at_spec(string budget) =>
        RuleHarness.Findings(RuleId, Plan(budget)).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"Plan has no budget; {Act}", "plan-billing", "/spec", 6, 3));

    [TestCase("  budget:\n    actualToDate: { amount: 1000, currency: EUR }", TestName = "No approved: other figures only")]
    [TestCase("  budget:\n    approved: {}\n    asOf: 2026-10-31", TestName = "No approved: empty object")]
    [TestCase("  budget:\n    approved:\n    asOf: 2026-10-31", TestName = "No approved: null")]
    public void A_budget_without_approved_fires_at_the_budget(string budget) =>
        RuleHarness.Findings(RuleId, Plan(budget)).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"Plan has no approved budget; {Act}", "plan-billing", "/spec/budget", 8, 5));

    [Test]
    public void An_approved_budget_without_amount_fires_at_approved() =>
        RuleHarness.Findings(RuleId, Plan("  budget:\n    approved: { currency: EUR }")).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"Plan has an approved budget without an amount; {Act}", "plan-billing", "/spec/budget/approved", 8, 15));

    [TestCase("{ amount: 250000, currency: EUR }")]
    [TestCase("{ amount: 250000 }")]
    [TestCase("{ amount: 0, currency: EUR }")]
    public void An_approved_amount_satisfies_the_rule(string approved) =>
        RuleHarness.Findings(RuleId, Plan($"  budget:\n    approved: {approved}")).Should().BeEmpty();

    [Test]
    public void Without_spec_the_finding_points_at_the_document_root()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata:
              id: plan-billing
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"Plan has no budget; {Act}", "plan-billing", string.Empty, 1, 1));
    }

    [Test]
    public void A_configured_severity_replaces_the_default() =>
        RuleHarness.Findings(RuleId, Plan(string.Empty), rules: RuleHarness.WithSeverity(RuleId, Severity.Warning))
            .Should().ContainSingle().Which.Severity.Should().Be(Severity.Warning);

    [Test]
    public void Json_input_points_at_the_budget()
    {
        const string json = """
            {
              "apiVersion": "governance/v1",
              "kind": "ProjectPlan",
              "metadata": { "id": "plan-billing" },
              "spec": {
                "budget": { "forecastAtCompletion": { "amount": 1, "currency": "EUR" } }
              }
            }
            """;

        RuleHarness.Findings(RuleId, json, file: "plan.json").ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"Plan has no approved budget; {Act}", "plan-billing", "/spec/budget", 6, 15));
    }
}
