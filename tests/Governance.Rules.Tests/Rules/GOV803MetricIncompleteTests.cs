using Governance.Rules.Engine;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Rules;

[TestFixture]
[Category("GOV803")]
public sealed class GOV803MetricIncompleteTests
{
    private const string RuleId = "GOV803";
    private const string Needs = "a metric needs a dataSource, a baseline, a target and a unit to be tracked";

    private static string Yaml(string fields) => $"""
        apiVersion: governance/v1
        kind: ProductAnalytics
        metadata:
          id: analytics-checkout
        spec:
          productId: product-checkout
          northStarMetricId: m-buyers
          metrics:
            - id: m-buyers
              name: Weekly buyers
              role: northStar
              {fields}
        """;

    [Test]
    public void A_complete_metric_does_not_fire() =>
        RuleHarness.Findings(RuleId, Yaml("dataSource: warehouse\n      baseline: 1200\n      target: 2000\n      unit: buyers/week")).Should().BeEmpty();

    [Test]
    public void Zero_is_a_baseline_and_a_target() =>
        RuleHarness.Findings(RuleId, Yaml("dataSource: warehouse\n      baseline: 0\n      target: 0\n      unit: percent")).Should().BeEmpty();

    [TestCase("baseline: 1200\n      target: 2000\n      unit: buyers/week", "dataSource")]
    [TestCase("dataSource: warehouse\n      target: 2000\n      unit: buyers/week", "baseline")]
    [TestCase("dataSource: warehouse\n      baseline: 1200\n      unit: buyers/week", "target")]
    [TestCase("dataSource: warehouse\n      baseline: 1200\n      target: 2000", "unit")]
    [TestCase("dataSource: \" \"\n      baseline: 1200\n      target: 2000\n      unit: \"\"", "dataSource and unit")]
    [TestCase("target: 2000", "dataSource, baseline and unit")]
    [TestCase("", "dataSource, baseline, target and unit")]
    public void A_metric_lacking_a_field_is_an_error_at_the_metric(string fields, string missing)
    {
        RuleHarness.Findings(RuleId, Yaml(fields)).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"Metric 'm-buyers' (Weekly buyers) has no {missing}; {Needs}", "analytics-checkout", "/spec/metrics/0", 9, 7));
    }

    [Test]
    public void A_baseline_that_is_not_a_number_counts_as_absent()
    {
        var result = RuleHarness.Analyze(Yaml("dataSource: warehouse\n      baseline: many\n      target: 2000\n      unit: buyers/week"));

        result.Findings.Should().Contain(f => f.RuleId == "GOV002");
        result.Findings.Where(f => f.RuleId == RuleId).Should().ContainSingle().Which.Message.Should().Contain("has no baseline;");
    }

    [Test]
    public void Every_role_is_checked_one_finding_per_metric()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProductAnalytics
            metadata:
              id: analytics-checkout
            spec:
              metrics:
                - id: m-latency
                  role: guardrail
                  unit: ms
                - {}
                -
                - name: Refund rate
                  dataSource: support desk
                  baseline: 2
                  target: 1
                  unit: percent
                - dataSource: support desk
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"Metric 'm-latency' has no dataSource, baseline and target; {Needs}", "analytics-checkout", "/spec/metrics/0", 7, 7),
            new ExpectedFinding(Severity.Error, $"Metric at index 4 has no baseline, target and unit; {Needs}", "analytics-checkout", "/spec/metrics/4", 17, 7));
    }

    [Test]
    public void Roadmap_success_metrics_are_not_checked_here()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: Roadmap
            metadata:
              id: roadmap-checkout
            spec:
              items:
                - id: ri-1
                  successMetrics:
                    - id: m-conversion
            """;

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [Test]
    public void A_configured_severity_applies() =>
        RuleHarness.Findings(RuleId, Yaml(string.Empty), rules: RuleHarness.WithSeverity(RuleId, Severity.Warning))
            .Should().ContainSingle().Which.Severity.Should().Be(Severity.Warning);

    [Test]
    public void Json_input_points_at_the_metric()
    {
        const string json = """
            {
              "apiVersion": "governance/v1",
              "kind": "ProductAnalytics",
              "metadata": { "id": "analytics-checkout" },
              "spec": {
                "metrics": [
                  { "id": "m-orders", "dataSource": "warehouse", "baseline": 10, "target": 12 }
                ]
              }
            }
            """;

        RuleHarness.Findings(RuleId, json, file: "analytics.json").ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"Metric 'm-orders' has no unit; {Needs}", "analytics-checkout", "/spec/metrics/0", 7, 7));
    }
}
