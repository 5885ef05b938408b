using Governance.Rules.Engine;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Rules;

[TestFixture]
[Category("GOV410")]
public sealed class GOV410BudgetOverPlanTests
{
    private const string RuleId = "GOV410";
    private const string Replan = "re-plan the remaining work or get a budget change approved";
    private const string ReplanForecast = "re-plan or get a budget change approved";

    private static string Plan(string figures, string approved = "{ amount: 100000, currency: EUR }") => $"""
        apiVersion: governance/v1
        kind: ProjectPlan
        metadata:
          id: plan-billing
        spec:
          budget:
            approved: {approved}
        {figures}
        """;

    private static string NotCompared(string figure, string currency, string approved) =>
        $"{figure} is in {currency} and the approved budget in {approved}; amounts in different currencies are not compared, so {figure} is not checked against the approved budget";

    [Test]
    public void Actual_cost_above_the_approved_budget_is_an_error_at_actualToDate()
    {
        RuleHarness.Findings(RuleId, Plan("    actualToDate: { amount: 100000.01, currency: EUR }")).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"Actual cost to date 100000.01 EUR exceeds the approved budget 100000 EUR by 0.01 EUR; {Replan}",
                "plan-billing", "/spec/budget/actualToDate", 8, 19));
    }

    [Test]
    public void Actual_cost_equal_to_the_approved_budget_does_not_fire() =>
        RuleHarness.Findings(RuleId, Plan("    actualToDate: { amount: 100000.00, currency: EUR }")).Should().BeEmpty();

    [Test]
    public void A_forecast_exactly_at_the_tolerance_does_not_fire_and_one_cent_more_warns()
    {
        RuleHarness.Findings(RuleId, Plan("    forecastAtCompletion: { amount: 110000, currency: EUR }")).Should().BeEmpty();
        RuleHarness.Findings(RuleId, Plan("    forecastAtCompletion: { amount: 110000.01, currency: EUR }")).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning,
                $"Forecast at completion 110000.01 EUR exceeds the approved budget 100000 EUR by more than costTolerancePct 10% (limit 110000 EUR); {ReplanForecast}",
                "plan-billing", "/spec/budget/forecastAtCompletion", 8, 27));
    }

    [Test]
    public void A_forecast_above_the_approved_budget_but_within_the_tolerance_does_not_fire() =>
        RuleHarness.Findings(RuleId, Plan("    forecastAtCompletion: { amount: 109999.99, currency: EUR }")).Should().BeEmpty();

    [TestCase("0.1", "0.11", false)]
    [TestCase("0.1", "0.1100000000001", true)]
    [TestCase("333.33", "366.663", false)]
    [TestCase("333.33", "366.6631", true)]
    public void Comparisons_are_exact_decimals(string approved, string forecast, bool fires) =>
        RuleHarness.Findings(RuleId, Plan($"    forecastAtCompletion: {{ amount: {forecast}, currency: EUR }}", $"{{ amount: {approved}, currency: EUR }}"))
            .Should().HaveCount(fires ? 1 : 0);

    [Test]
    public void Both_figures_are_judged_each_at_its_amount()
    {
        var yaml = Plan("    actualToDate: { amount: 120000, currency: EUR }\n    forecastAtCompletion: { amount: 150000, currency: EUR }");

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"Actual cost to date 120000 EUR exceeds the approved budget 100000 EUR by 20000 EUR; {Replan}",
                "plan-billing", "/spec/budget/actualToDate", 8, 19),
            new ExpectedFinding(Severity.Warning,
                $"Forecast at completion 150000 EUR exceeds the approved budget 100000 EUR by more than costTolerancePct 10% (limit 110000 EUR); {ReplanForecast}",
                "plan-billing", "/spec/budget/forecastAtCompletion", 9, 27));
    }

    [Test]
    public void Contingency_is_not_compared() =>
        RuleHarness.Findings(RuleId, Plan("    contingency: { amount: 500000, currency: EUR }")).Should().BeEmpty();

    [Test]
    public void Option_costTolerancePct_moves_the_forecast_limit()
    {
        var yaml = Plan("    forecastAtCompletion: { amount: 100000.5, currency: EUR }");

        RuleHarness.Findings(RuleId, yaml, rules: RuleHarness.WithOptions(RuleId, new { costTolerancePct = 0 })).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning,
                $"Forecast at completion 100000.5 EUR exceeds the approved budget 100000 EUR by more than costTolerancePct 0% (limit 100000 EUR); {ReplanForecast}",
                "plan-billing", "/spec/budget/forecastAtCompletion", 8, 27));
        RuleHarness.Findings(RuleId, Plan("    forecastAtCompletion: { amount: 112500, currency: EUR }"), rules: RuleHarness.WithOptions(RuleId, new { costTolerancePct = 12.5m }))
            .Should().BeEmpty();
    }

    [Test]
    public void Figures_in_another_currency_are_not_compared_and_give_one_info_each()
    {
        var yaml = Plan("    actualToDate: { amount: 1, currency: USD }\n    forecastAtCompletion: { amount: 999999, currency: GBP }");

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Info, NotCompared("actualToDate", "USD", "EUR"), "plan-billing", "/spec/budget/actualToDate", 8, 19),
            new ExpectedFinding(Severity.Info, NotCompared("forecastAtCompletion", "GBP", "EUR"), "plan-billing", "/spec/budget/forecastAtCompletion", 9, 27));
    }

    [TestCase(Severity.Error)]
    [TestCase(Severity.Warning)]
    public void The_currency_info_stays_info_whatever_the_configured_severity(Severity configured)
    {
        var yaml = Plan("    actualToDate: { amount: 200000, currency: EUR }\n    forecastAtCompletion: { amount: 1, currency: USD }");

        RuleHarness.Findings(RuleId, yaml, rules: RuleHarness.WithSeverity(RuleId, configured)).Select(f => (f.Pointer, f.Severity)).Should().Equal(
            ("/spec/budget/actualToDate", configured), ("/spec/budget/forecastAtCompletion", Severity.Info));
    }

    [Test]
    public void Currency_codes_compare_case_insensitively() =>
        RuleHarness.Findings(RuleId, Plan("    actualToDate: { amount: 100001, currency: eur }")).Should().ContainSingle()
            .Which.Severity.Should().Be(Severity.Error);

    [Test]
    public void A_blank_currency_takes_the_portfolio_default()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: Portfolio
            metadata:
              id: portfolio
            spec:
              name: Finance
              defaults: { currency: USD }
            ---
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata:
              id: plan-billing
            spec:
              budget:
                approved: { amount: 100000, currency: EUR }
                actualToDate: { amount: 1 }
                forecastAtCompletion: { amount: 200000, currency: "" }
            ---
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata:
              id: plan-payments
            spec:
              budget:
                approved: { amount: 100000 }
                actualToDate: { amount: 100001, currency: USD }
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Info, NotCompared("actualToDate", "USD", "EUR"), "plan-billing", "/spec/budget/actualToDate", 16, 19),
            new ExpectedFinding(Severity.Info, NotCompared("forecastAtCompletion", "USD", "EUR"), "plan-billing", "/spec/budget/forecastAtCompletion", 17, 27),
            new ExpectedFinding(Severity.Error, $"Actual cost to date 100001 USD exceeds the approved budget 100000 USD by 1 USD; {Replan}",
                "plan-payments", "/spec/budget/actualToDate", 26, 19));
    }

    [Test]
    public void Without_a_default_currency_a_blank_currency_is_taken_to_be_the_others()
    {
        var yaml = Plan("    actualToDate: { amount: 100001 }\n    forecastAtCompletion: { amount: 1, currency: EUR }", "{ amount: 100000 }");

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"Actual cost to date 100001 exceeds the approved budget 100000 by 1; {Replan}",
                "plan-billing", "/spec/budget/actualToDate", 8, 19));
    }

    [TestCase("{ currency: EUR }")]
    [TestCase("{}")]
    public void Without_an_approved_amount_nothing_is_compared(string approved) =>
        RuleHarness.Findings(RuleId, Plan("    actualToDate: { amount: 5, currency: USD }", approved)).Should().BeEmpty();

    [Test]
    public void A_figure_without_amount_is_not_compared() =>
        RuleHarness.Findings(RuleId, Plan("    actualToDate: { currency: USD }")).Should().BeEmpty();

    [TestCase(Severity.Info)]
    [TestCase(Severity.Error)]
    public void A_configured_severity_applies_to_both_cases(Severity configured)
    {
        var yaml = Plan("    actualToDate: { amount: 200000, currency: EUR }\n    forecastAtCompletion: { amount: 200000, currency: EUR }");

        RuleHarness.Findings(RuleId, yaml, rules: RuleHarness.WithSeverity(RuleId, configured)).Select(f => f.Severity).Should().Equal(configured, configured);
    }

    [Test]
    public void Json_input_points_at_the_amount_compared()
    {
        const string json = """
            {
              "apiVersion": "governance/v1",
              "kind": "ProjectPlan",
              "metadata": { "id": "plan-billing" },
              "spec": {
                "budget": {
                  "approved": { "amount": 50000, "currency": "CHF" },
                  "forecastAtCompletion": { "amount": 60000, "currency": "CHF" }
                }
              }
            }
            """;

        RuleHarness.Findings(RuleId, json, file: "plan.json").ShouldBeExactly(
            new ExpectedFinding(Severity.Warning,
                $"Forecast at completion 60000 CHF exceeds the approved budget 50000 CHF by more than costTolerancePct 10% (limit 55000 CHF); {ReplanForecast}",
                "plan-billing", "/spec/budget/forecastAtCompletion", 8, 31));
    }
}
