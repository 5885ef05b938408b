using Governance.Rules.Engine;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Rules;

[TestFixture]
[Category("GOV204")]
public sealed class GOV204RoadmapStaleTests
{
    private const string RuleId = "GOV204";
    private const string Review30 = "review it at least every 30 days (staleDays) and record the date in lastReviewed";

    [Test]
    public void A_roadmap_reviewed_more_than_30_days_ago_is_a_warning_at_the_date()
    {
        RuleHarness.Findings(RuleId, Roadmap("2026-10-01")).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Roadmap was last reviewed on 2026-10-01, 31 days ago; {Review30}",
                "roadmap-checkout", "/spec/lastReviewed", 7, 17));
    }

    [TestCase("2026-10-02", TestName = "Not stale: exactly 30 days ago")]
    [TestCase("2026-10-31", TestName = "Not stale: yesterday")]
    [TestCase("2026-11-01", TestName = "Not stale: today")]
    [TestCase("2026-12-01", TestName = "Not stale: in the future")]
    public void A_roadmap_reviewed_within_30_days_does_not_fire(string lastReviewed)
    {
        RuleHarness.Findings(RuleId, Roadmap(lastReviewed)).Should().BeEmpty();
    }

    [Test]
    public void The_boundary_moves_with_today()
    {
        var yaml = Roadmap("2026-10-02");

        RuleHarness.Findings(RuleId, yaml, today: new DateOnly(2026, 11, 1)).Should().BeEmpty();
        RuleHarness.Findings(RuleId, yaml, today: new DateOnly(2026, 11, 2)).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Roadmap was last reviewed on 2026-10-02, 31 days ago; {Review30}",
                "roadmap-checkout", "/spec/lastReviewed", 7, 17));
    }

    [Test]
    public void A_roadmap_without_lastReviewed_fires_at_spec()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: Roadmap
            metadata:
              id: roadmap-checkout
            spec:
              productId: product-checkout
              items:
                - id: ri-1
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Roadmap has no lastReviewed date; {Review30}", "roadmap-checkout", "/spec", 6, 3));
    }

    [TestCase("lastReviewed:", TestName = "Blank lastReviewed: null")]
    [TestCase("lastReviewed: ~", TestName = "Blank lastReviewed: explicit null")]
    [TestCase("lastReviewed: \" \"", TestName = "Blank lastReviewed: whitespace")]
    public void A_blank_lastReviewed_fires_at_spec(string line)
    {
        var yaml = "apiVersion: governance/v1\nkind: Roadmap\nmetadata:\n  id: roadmap-checkout\nspec:\n  productId: product-checkout\n  " + line + "\n";

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Roadmap has no lastReviewed date; {Review30}", "roadmap-checkout", "/spec", 6, 3));
    }

    [Test]
    public void A_lastReviewed_that_is_not_a_date_counts_as_absent()
    {
        var result = RuleHarness.Analyze(Roadmap("2026-02-30"));

        result.Findings.Should().Contain(f => f.RuleId == "GOV002" && f.Pointer == "/spec/lastReviewed");
        result.Findings.Where(f => f.RuleId == RuleId).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Roadmap has no lastReviewed date; {Review30}", "roadmap-checkout", "/spec", 6, 3));
    }

    [TestCase("apiVersion: governance/v1\nkind: Roadmap\nmetadata:\n  id: roadmap-checkout\n", "", 1, 1, TestName = "No date: no spec")]
    [TestCase("apiVersion: governance/v1\nkind: Roadmap\nmetadata:\n  id: roadmap-checkout\nspec: {}\n", "/spec", 5, 7, TestName = "No date: empty spec")]
    public void Without_a_date_the_finding_points_at_the_nearest_present_ancestor(string yaml, string pointer, int line, int column)
    {
        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Roadmap has no lastReviewed date; {Review30}", "roadmap-checkout", pointer, line, column));
    }

    [Test]
    public void Option_staleDays_moves_the_limit()
    {
        var rules = RuleHarness.WithOptions(RuleId, new { staleDays = 14 });

        RuleHarness.Findings(RuleId, Roadmap("2026-10-18"), rules: rules).Should().BeEmpty();
        RuleHarness.Findings(RuleId, Roadmap("2026-10-17"), rules: rules).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning,
                "Roadmap was last reviewed on 2026-10-17, 15 days ago; review it at least every 14 days (staleDays) and record the date in lastReviewed",
                "roadmap-checkout", "/spec/lastReviewed", 7, 17));
    }

    [Test]
    public void A_configured_severity_is_used()
    {
        RuleHarness.Findings(RuleId, Roadmap("2026-01-01"), rules: RuleHarness.WithSeverity(RuleId, Severity.Error))
            .Select(f => f.Severity).Should().Equal(Severity.Error);
    }

    [Test]
    public void Before_enforceFrom_findings_are_info()
    {
        var rules = new Dictionary<string, RuleSettings>(StringComparer.Ordinal)
        {
            [RuleId] = new RuleSettings { EnforceFrom = new DateOnly(2027, 1, 1) },
        };

        RuleHarness.Findings(RuleId, Roadmap("2026-01-01"), today: new DateOnly(2026, 12, 31), rules: rules).Select(f => f.Severity).Should().Equal(Severity.Info);
        RuleHarness.Findings(RuleId, Roadmap("2026-01-01"), today: new DateOnly(2027, 1, 1), rules: rules).Select(f => f.Severity).Should().Equal(Severity.Warning);
    }

    [Test]
    public void A_strategy_is_not_a_roadmap()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProductStrategy
            metadata:
              id: strategy-checkout
            spec:
              productId: product-checkout
            """;

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [Test]
    public void Json_input_points_at_the_date()
    {
        const string json = """
            [
              {
                "apiVersion": "governance/v1",
                "kind": "Roadmap",
                "metadata": { "id": "roadmap-checkout" },
                "spec": {
                  "lastReviewed": "2026-09-15"
                }
              }
            ]
            """;

        RuleHarness.Findings(RuleId, json, file: "roadmaps.json").ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Roadmap was last reviewed on 2026-09-15, 47 days ago; {Review30}",
                "roadmap-checkout", "/spec/lastReviewed", 7, 23));
    }

    /// <summary>A roadmap last reviewed on <paramref name="lastReviewed"/> (line 7, column 17).</summary>
    private static string Roadmap(string lastReviewed) => $"""
        apiVersion: governance/v1
        kind: Roadmap
        metadata:
          id: roadmap-checkout
        spec:
          productId: product-checkout
          lastReviewed: {lastReviewed}
        """;
}
