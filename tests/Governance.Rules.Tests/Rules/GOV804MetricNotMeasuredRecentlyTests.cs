using System.Text.Json;
using Governance.Rules.Engine;
using Governance.Rules.Loading;
using Governance.Rules.Rules;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Rules;

[TestFixture]
[Category("GOV804")]
public sealed class GOV804MetricNotMeasuredRecentlyTests
{
    private const string RuleId = "GOV804";
    private const string Record = "record a snapshot of its current value";
    private static readonly DateOnly Today = new(2026, 11, 1);

    private static string Yaml(string role, string metricExtra = "", string snapshots = "") => $"""
        apiVersion: governance/v1
        kind: ProductAnalytics
        metadata:
          id: analytics-checkout
        spec:
          productId: product-checkout
          metrics:
            - id: m-buyers
              name: Weekly buyers
              role: {role}
              {metricExtra}
          snapshots:
            - metricId: m-other
              date: 2026-10-31
              value: 5
            {snapshots}
        """;

    [TestCase("2026-10-02", TestName = "Measured exactly staleDays (30) ago")]
    [TestCase("2026-11-01", TestName = "Measured today")]
    [TestCase("2026-11-20", TestName = "Measured in the future")]
    public void A_metric_measured_within_staleDays_does_not_fire(string measuredAt) =>
        RuleHarness.Findings(RuleId, Yaml("northStar", $"measuredAt: {measuredAt}"), Today).Should().BeEmpty();

    [Test]
    public void A_metric_measured_staleDays_plus_one_ago_warns_at_the_metric()
    {
        RuleHarness.Findings(RuleId, Yaml("northStar", "measuredAt: 2026-10-01"), Today).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning,
                $"North-star metric 'm-buyers' (Weekly buyers) was last measured on 2026-10-01, 31 days ago, more than staleDays 30; {Record}",
                "analytics-checkout", "/spec/metrics/0", 8, 7));
    }

    [Test]
    public void Input_metrics_are_checked_too()
    {
        RuleHarness.Findings(RuleId, Yaml("input", "measuredAt: 2026-06-01"), Today).Should().ContainSingle()
            .Which.Message.Should().Be($"Input metric 'm-buyers' (Weekly buyers) was last measured on 2026-06-01, 153 days ago, more than staleDays 30; {Record}");
    }

    [Test]
    public void Guardrail_metrics_and_metrics_without_role_are_not_checked()
    {
        RuleHarness.Findings(RuleId, Yaml("guardrail"), Today).Should().BeEmpty();
        RuleHarness.Findings(RuleId, Yaml("~"), Today).Should().BeEmpty();
    }

    [Test]
    public void A_metric_never_measured_fires()
    {
        RuleHarness.Findings(RuleId, Yaml("northStar"), Today).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning,
                $"North-star metric 'm-buyers' (Weekly buyers) has never been measured: it has no snapshot and no measuredAt; {Record}",
                "analytics-checkout", "/spec/metrics/0", 8, 7));
    }

    [Test]
    public void A_recent_snapshot_wins_over_an_old_measuredAt()
    {
        var snapshots = """
            - metricId: m-buyers
                  date: 2026-10-02
                  value: 1300
            """;

        RuleHarness.Findings(RuleId, Yaml("northStar", "measuredAt: 2026-01-01", snapshots), Today).Should().BeEmpty();
    }

    [Test]
    public void A_recent_measuredAt_wins_over_an_old_snapshot()
    {
        var snapshots = """
            - metricId: m-buyers
                  date: 2026-01-01
                  value: 1300
            """;

        RuleHarness.Findings(RuleId, Yaml("northStar", "measuredAt: 2026-10-20", snapshots), Today).Should().BeEmpty();
    }

    [Test]
    public void The_latest_snapshot_counts_whatever_the_list_order()
    {
        var snapshots = """
            - metricId: m-buyers
                  date: 2026-10-15
                  value: 1300
                - metricId: m-buyers
                  date: 2026-07-01
                  value: 1250
            """;

        RuleHarness.Findings(RuleId, Yaml("northStar", snapshots: snapshots), Today).Should().BeEmpty();
    }

    [Test]
    public void Only_snapshots_of_the_metric_count()
    {
        var snapshots = """
            - metricId: m-buyers
                  date: 2026-09-01
                  value: 1300
            """;

        RuleHarness.Findings(RuleId, Yaml("input", snapshots: snapshots), Today).Should().ContainSingle()
            .Which.Message.Should().Be($"Input metric 'm-buyers' (Weekly buyers) was last measured on 2026-09-01, 61 days ago, more than staleDays 30; {Record}");
    }

    [Test]
    public void The_clock_decides()
    {
        var yaml = Yaml("northStar", "measuredAt: 2026-10-01");

        RuleHarness.Findings(RuleId, yaml, new DateOnly(2026, 10, 31)).Should().BeEmpty();
        RuleHarness.Findings(RuleId, yaml, new DateOnly(2026, 11, 1)).Should().ContainSingle();
    }

    [Test]
    public void Option_staleDays_sets_the_limit()
    {
        var rules = RuleHarness.WithOptions(RuleId, new { staleDays = 7 });

        RuleHarness.Findings(RuleId, Yaml("northStar", "measuredAt: 2026-10-25"), Today, rules).Should().BeEmpty();
        RuleHarness.Findings(RuleId, Yaml("northStar", "measuredAt: 2026-10-24"), Today, rules).Should().ContainSingle()
            .Which.Message.Should().Be($"North-star metric 'm-buyers' (Weekly buyers) was last measured on 2026-10-24, 8 days ago, more than staleDays 7; {Record}");
    }

    [Test]
    public void Options_bind_from_camelCase_json()
    {
        using var json = JsonDocument.Parse("""{ "staleDays": 14 }""");

        json.RootElement.Deserialize<GOV804Options>(ArtifactSerialization.Options)!.StaleDays.Should().Be(14);
        new GOV804Options().StaleDays.Should().Be(30);
    }

    [Test]
    public void A_configured_severity_applies() =>
        RuleHarness.Findings(RuleId, Yaml("northStar"), Today, RuleHarness.WithSeverity(RuleId, Severity.Error))
            .Should().ContainSingle().Which.Severity.Should().Be(Severity.Error);

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
                  { "id": "m-orders", "role": "input", "measuredAt": "2026-10-30" },
                  { "id": "m-buyers", "role": "northStar" }
                ],
                "snapshots": [{ "metricId": "m-buyers", "date": "2026-08-01", "value": 3 }]
              }
            }
            """;

        RuleHarness.Findings(RuleId, json, Today, file: "analytics.json").ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"North-star metric 'm-buyers' was last measured on 2026-08-01, 92 days ago, more than staleDays 30; {Record}",
                "analytics-checkout", "/spec/metrics/1", 8, 7));
    }
}
