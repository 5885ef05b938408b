using Governance.Rules.Engine;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Rules;

[TestFixture]
[Category("GOV105")]
public sealed class GOV105StrategyStaleTests
{
    private const string RuleId = "GOV105";
    private const string Review90 = "review it at least every 90 days (staleDays) and record the date in reviewedOn";

    [Test]
    public void A_strategy_reviewed_more_than_90_days_ago_is_a_warning_at_the_date()
    {
        RuleHarness.Findings(RuleId, Strategy("2026-08-02")).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Product strategy was last reviewed on 2026-08-02, 91 days ago; {Review90}",
                "strategy-checkout", "/spec/reviewedOn", 7, 15));
    }

    [TestCase("2026-08-03", TestName = "Not stale: exactly 90 days ago")]
    [TestCase("2026-10-31", TestName = "Not stale: yesterday")]
    [TestCase("2026-11-01", TestName = "Not stale: today")]
    [TestCase("2027-01-15", TestName = "Not stale: in the future")]
    public void A_strategy_reviewed_within_90_days_does_not_fire(string reviewedOn)
    {
        RuleHarness.Findings(RuleId, Strategy(reviewedOn)).Should().BeEmpty();
    }

    [Test]
    public void The_boundary_moves_with_today()
    {
        var yaml = Strategy("2026-08-03");

        RuleHarness.Findings(RuleId, yaml, today: new DateOnly(2026, 11, 1)).Should().BeEmpty();
        RuleHarness.Findings(RuleId, yaml, today: new DateOnly(2026, 11, 2)).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Product strategy was last reviewed on 2026-08-03, 91 days ago; {Review90}",
                "strategy-checkout", "/spec/reviewedOn", 7, 15));
    }

    [Test]
    public void A_strategy_without_reviewedOn_fires_at_spec()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProductStrategy
            metadata:
              id: strategy-checkout
            spec:
              productId: product-checkout
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Product strategy has no reviewedOn date; {Review90}", "strategy-checkout", "/spec", 6, 3));
    }

    [TestCase("reviewedOn:", TestName = "Blank reviewedOn: null")]
    [TestCase("reviewedOn: \"\"", TestName = "Blank reviewedOn: empty string")]
    public void A_blank_reviewedOn_fires_at_spec(string line)
    {
        var yaml = "apiVersion: governance/v1\nkind: ProductStrategy\nmetadata:\n  id: strategy-checkout\nspec:\n  productId: product-checkout\n  " + line + "\n";

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Product strategy has no reviewedOn date; {Review90}", "strategy-checkout", "/spec", 6, 3));
    }

    [Test]
    public void A_reviewedOn_that_is_not_a_date_counts_as_absent()
    {
        var result = RuleHarness.Analyze(Strategy("last spring"));

        result.Findings.Should().Contain(f => f.RuleId == "GOV002" && f.Pointer == "/spec/reviewedOn");
        result.Findings.Where(f => f.RuleId == RuleId).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Product strategy has no reviewedOn date; {Review90}", "strategy-checkout", "/spec", 6, 3));
    }

    [Test]
    public void Without_a_spec_the_finding_points_at_the_document_root()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProductStrategy
            metadata:
              id: strategy-checkout
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Product strategy has no reviewedOn date; {Review90}", "strategy-checkout", string.Empty, 1, 1));
    }

    [Test]
    public void Option_staleDays_moves_the_limit()
    {
        var rules = RuleHarness.WithOptions(RuleId, new { staleDays = 30 });

        RuleHarness.Findings(RuleId, Strategy("2026-10-02"), rules: rules).Should().BeEmpty();
        RuleHarness.Findings(RuleId, Strategy("2026-10-01"), rules: rules).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning,
                "Product strategy was last reviewed on 2026-10-01, 31 days ago; review it at least every 30 days (staleDays) and record the date in reviewedOn",
                "strategy-checkout", "/spec/reviewedOn", 7, 15));
    }

    [Test]
    public void A_single_day_reads_in_the_singular()
    {
        var rules = RuleHarness.WithOptions(RuleId, new { staleDays = 0 });

        RuleHarness.Findings(RuleId, Strategy("2026-10-31"), rules: rules).Select(f => f.Message).Should().Equal(
            "Product strategy was last reviewed on 2026-10-31, 1 day ago; review it at least every 0 days (staleDays) and record the date in reviewedOn");
    }

    [Test]
    public void A_configured_severity_is_used()
    {
        RuleHarness.Findings(RuleId, Strategy("2026-01-01"), rules: RuleHarness.WithSeverity(RuleId, Severity.Error))
            .Select(f => f.Severity).Should().Equal(Severity.Error);
    }

    [Test]
    public void Before_enforceFrom_findings_are_info()
    {
        var rules = new Dictionary<string, RuleSettings>(StringComparer.Ordinal)
        {
            [RuleId] = new RuleSettings { EnforceFrom = new DateOnly(2027, 1, 1) },
        };

        RuleHarness.Findings(RuleId, Strategy("2026-01-01"), today: new DateOnly(2026, 12, 31), rules: rules).Select(f => f.Severity).Should().Equal(Severity.Info);
        RuleHarness.Findings(RuleId, Strategy("2026-01-01"), today: new DateOnly(2027, 1, 1), rules: rules).Select(f => f.Severity).Should().Equal(Severity.Warning);
    }

    [Test]
    public void Json_input_points_at_the_date()
    {
        const string json = """
            {
              "apiVersion": "governance/v1",
              "kind": "ProductStrategy",
              "metadata": { "id": "strategy-checkout" },
              "spec": { "productId": "product-checkout", "reviewedOn": "2026-05-01" }
            }
            """;

        RuleHarness.Findings(RuleId, json, file: "strategy.json").ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Product strategy was last reviewed on 2026-05-01, 184 days ago; {Review90}",
                "strategy-checkout", "/spec/reviewedOn", 5, 60));
    }

    /// <summary>A strategy reviewed on <paramref name="reviewedOn"/> (line 7, column 15).</summary>
    private static string Strategy(string reviewedOn) => $"""
        apiVersion: governance/v1
        kind: ProductStrategy
        metadata:
          id: strategy-checkout
        spec:
          productId: product-checkout
          reviewedOn: {reviewedOn}
        """;
}
