using Governance.Rules.Engine;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Rules;

[TestFixture]
[Category("GOV806")]
public sealed class GOV806DeliveredOutcomeUnmeasuredTests
{
    private const string RuleId = "GOV806";
    private const string Record = "record its current value and measuredAt";
    private static readonly DateOnly Today = new(2026, 11, 1);

    private static string Yaml(string metricExtra, string status = "delivered", string deliveredOn = "deliveredOn: 2026-06-15", string due = "due: 2026-10-31") => $"""
        apiVersion: governance/v1
        kind: Roadmap
        metadata:
          id: roadmap-checkout
        spec:
          productId: product-checkout
          items:
            - id: ri-1
              title: One-click checkout
              status: {status}
              {deliveredOn}
              successMetrics:
                - id: m-conversion
                  name: Checkout conversion
                  {due}
                  {metricExtra}
        """;

    private static string Message(string fact, string delivered = " on 2026-06-15", string due = "2026-10-31") =>
        $"Roadmap item 'ri-1' (One-click checkout) was delivered{delivered} but its metric 'm-conversion' (Checkout conversion), due {due}, {fact}; {Record}";

    [Test]
    public void A_due_metric_without_current_is_info_at_the_metric()
    {
        RuleHarness.Findings(RuleId, Yaml(string.Empty), Today).ShouldBeExactly(
            new ExpectedFinding(Severity.Info, Message("has no current value"), "roadmap-checkout", "/spec/items/0/successMetrics/0", 13, 11));
    }

    [Test]
    public void A_metric_due_today_is_not_past_due() =>
        RuleHarness.Findings(RuleId, Yaml(string.Empty, due: "due: 2026-11-01"), Today).Should().BeEmpty();

    [Test]
    public void A_metric_without_due_is_not_checked() =>
        RuleHarness.Findings(RuleId, Yaml(string.Empty, due: string.Empty), Today).Should().BeEmpty();

    [TestCase("current: 3.1\n          measuredAt: 2026-06-15", TestName = "Measured on the delivery date")]
    [TestCase("current: 3.1\n          measuredAt: 2026-10-01", TestName = "Measured after delivery")]
    [TestCase("current: 0\n          measuredAt: 2026-07-01", TestName = "A current of zero is a value")]
    public void A_current_measured_on_or_after_delivery_does_not_fire(string fields) =>
        RuleHarness.Findings(RuleId, Yaml(fields), Today).Should().BeEmpty();

    [TestCase("current: 3.1\n          measuredAt: 2026-06-14", "was last measured on 2026-06-14, before delivery")]
    [TestCase("current: 3.1", "has a current value without measuredAt")]
    [TestCase("measuredAt: 2026-09-01", "has a measuredAt but no current value")]
    public void A_current_not_measured_since_delivery_fires(string fields, string fact)
    {
        RuleHarness.Findings(RuleId, Yaml(fields), Today).ShouldBeExactly(
            new ExpectedFinding(Severity.Info, Message(fact), "roadmap-checkout", "/spec/items/0/successMetrics/0", 13, 11));
    }

    [Test]
    public void Without_deliveredOn_any_dated_current_counts()
    {
        RuleHarness.Findings(RuleId, Yaml("current: 3.1\n          measuredAt: 2026-01-01", deliveredOn: string.Empty), Today).Should().BeEmpty();
        RuleHarness.Findings(RuleId, Yaml(string.Empty, deliveredOn: string.Empty), Today).Should().ContainSingle()
            .Which.Message.Should().Be(Message("has no current value", delivered: string.Empty));
    }

    [TestCase("proposed")]
    [TestCase("planned")]
    [TestCase("inProgress")]
    [TestCase("dropped")]
    public void Items_not_delivered_are_not_checked(string status) =>
        RuleHarness.Findings(RuleId, Yaml(string.Empty, status), Today).Should().BeEmpty();

    [Test]
    public void The_clock_decides()
    {
        var yaml = Yaml(string.Empty);

        RuleHarness.Findings(RuleId, yaml, new DateOnly(2026, 10, 31)).Should().BeEmpty();
        RuleHarness.Findings(RuleId, yaml, new DateOnly(2026, 11, 1)).Should().ContainSingle();
    }

    [Test]
    public void One_finding_per_unmeasured_metric()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: Roadmap
            metadata:
              id: roadmap-checkout
            spec:
              items:
                - id: ri-1
                  status: delivered
                  deliveredOn: 2026-05-01
                  successMetrics:
                    - id: m-a
                      due: 2026-09-30
                    - {}
                    - id: m-b
                      due: 2026-09-30
                      current: 4
                      measuredAt: 2026-09-30
                    - id: m-c
                      due: 2026-10-15
            """;

        RuleHarness.Findings(RuleId, yaml, Today).ShouldBeExactly(
            new ExpectedFinding(Severity.Info,
                $"Roadmap item 'ri-1' was delivered on 2026-05-01 but its metric 'm-a', due 2026-09-30, has no current value; {Record}",
                "roadmap-checkout", "/spec/items/0/successMetrics/0", 11, 11),
            new ExpectedFinding(Severity.Info,
                $"Roadmap item 'ri-1' was delivered on 2026-05-01 but its metric 'm-c', due 2026-10-15, has no current value; {Record}",
                "roadmap-checkout", "/spec/items/0/successMetrics/3", 18, 11));
    }

    [Test]
    public void A_configured_severity_applies() =>
        RuleHarness.Findings(RuleId, Yaml(string.Empty), Today, RuleHarness.WithSeverity(RuleId, Severity.Warning))
            .Should().ContainSingle().Which.Severity.Should().Be(Severity.Warning);

    [Test]
    public void Json_input_points_at_the_metric()
    {
        const string json = """
            {
              "apiVersion": "governance/v1",
              "kind": "Roadmap",
              "metadata": { "id": "roadmap-checkout" },
              "spec": {
                "items": [
                  {
                    "id": "ri-1",
                    "status": "delivered",
                    "deliveredOn": "2026-06-15",
                    "successMetrics": [{ "id": "m-a", "due": "2026-09-30", "current": 2, "measuredAt": "2026-06-01" }]
                  }
                ]
              }
            }
            """;

        RuleHarness.Findings(RuleId, json, Today, file: "roadmap.json").ShouldBeExactly(
            new ExpectedFinding(Severity.Info,
                $"Roadmap item 'ri-1' was delivered on 2026-06-15 but its metric 'm-a', due 2026-09-30, was last measured on 2026-06-01, before delivery; {Record}",
                "roadmap-checkout", "/spec/items/0/successMetrics/0", 11, 28));
    }
}
