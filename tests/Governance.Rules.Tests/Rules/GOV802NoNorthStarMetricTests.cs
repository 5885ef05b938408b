using Governance.Rules.Engine;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Rules;

[TestFixture]
[Category("GOV802")]
public sealed class GOV802NoNorthStarMetricTests
{
    private const string RuleId = "GOV802";
    private const string NotSet = "No north-star metric: northStarMetricId is not set; set it to the id of the metric in metrics that best captures the value customers get";

    [Test]
    public void Analytics_without_northStarMetricId_warn_at_spec()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProductAnalytics
            metadata:
              id: analytics-checkout
            spec:
              productId: product-checkout
              metrics:
                - id: m-orders
                  role: input
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, NotSet, "analytics-checkout", "/spec", 6, 3));
    }

    [TestCase("northStarMetricId:")]
    [TestCase("northStarMetricId: \"  \"")]
    public void A_blank_northStarMetricId_is_unset(string line)
    {
        var yaml = $"""
            apiVersion: governance/v1
            kind: ProductAnalytics
            metadata:
              id: analytics-checkout
            spec:
              productId: product-checkout
              {line}
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, NotSet, "analytics-checkout", "/spec", 6, 3));
    }

    [Test]
    public void Without_a_spec_the_finding_points_at_the_root()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProductAnalytics
            metadata:
              id: analytics-checkout
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, NotSet, "analytics-checkout", string.Empty, 1, 1));
    }

    [Test]
    public void An_id_that_matches_no_metric_fires_at_the_id_and_is_not_GOV901()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProductAnalytics
            metadata:
              id: analytics-checkout
            spec:
              productId: product-checkout
              northStarMetricId: m-weekly-buyers
              metrics:
                - id: m-orders
                - id: m-conversion
                - name: unnamed
            """;

        var result = RuleHarness.Analyze(yaml);

        result.Findings.Where(f => f.RuleId == RuleId).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning,
                "No north-star metric: northStarMetricId 'm-weekly-buyers' matches no metric in metrics (metrics has 'm-orders', 'm-conversion'); correct the id or add that metric to metrics",
                "analytics-checkout", "/spec/northStarMetricId", 7, 22));
        result.Findings.Should().NotContain(f => f.RuleId == "GOV901" && f.Pointer == "/spec/northStarMetricId");
    }

    [Test]
    public void An_id_with_no_metrics_at_all_fires()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProductAnalytics
            metadata:
              id: analytics-checkout
            spec:
              northStarMetricId: m-weekly-buyers
            """;

        RuleHarness.Findings(RuleId, yaml).Should().ContainSingle().Which.Message.Should().Be(
            "No north-star metric: northStarMetricId 'm-weekly-buyers' matches no metric in metrics (metrics is empty); correct the id or add that metric to metrics");
    }

    [Test]
    public void Ids_match_exactly()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProductAnalytics
            metadata:
              id: analytics-checkout
            spec:
              northStarMetricId: M-Orders
              metrics:
                - id: m-orders
            """;

        RuleHarness.Findings(RuleId, yaml).Should().ContainSingle();
    }

    [Test]
    public void A_resolving_id_does_not_fire_whatever_the_metric_role()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProductAnalytics
            metadata:
              id: analytics-checkout
            spec:
              northStarMetricId: m-orders
              metrics:
                - id: m-conversion
                  role: northStar
                - id: m-orders
                  role: guardrail
            """;

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [Test]
    public void A_configured_severity_applies()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProductAnalytics
            metadata:
              id: analytics-checkout
            spec: {}
            """;

        RuleHarness.Findings(RuleId, yaml, rules: RuleHarness.WithSeverity(RuleId, Severity.Error))
            .Should().ContainSingle().Which.Severity.Should().Be(Severity.Error);
    }

    [Test]
    public void Json_input_points_at_the_id()
    {
        const string json = """
            {
              "apiVersion": "governance/v1",
              "kind": "ProductAnalytics",
              "metadata": { "id": "analytics-checkout" },
              "spec": {
                "northStarMetricId": "m-x",
                "metrics": [{ "id": "m-orders" }]
              }
            }
            """;

        RuleHarness.Findings(RuleId, json, file: "analytics.json").Should().ContainSingle()
            .Which.Should().Match<Finding>(f => f.Pointer == "/spec/northStarMetricId" && f.Line == 6 && f.Column == 26);
    }
}
