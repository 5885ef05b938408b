using System.Text.Json;
using Governance.Rules.Engine;
using Governance.Rules.Loading;
using Governance.Rules.Model;
using Governance.Rules.Rules;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Rules;

[TestFixture]
[Category("GOV201")]
public sealed class GOV201RoadmapItemLacksSuccessMetricTests
{
    private const string RuleId = "GOV201";
    private const string Measurable = "add successMetrics so that its outcome can be measured";
    private const string BeforeNow = "add successMetrics before it moves to now or work on it starts";

    [Test]
    public void Item_in_horizon_now_without_metrics_is_an_error_at_the_item()
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
                  title: One-click checkout
                  horizon: now
                  status: planned
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error,
                $"Roadmap item 'ri-1' (One-click checkout) has no success metrics and its horizon 'now' is one of errorHorizons [now]; {Measurable}",
                "roadmap-checkout", "/spec/items/0", 8, 7));
    }

    [Test]
    public void Item_in_progress_is_an_error_whatever_its_horizon()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: Roadmap
            metadata:
              id: roadmap-checkout
            spec:
              items:
                - id: ri-1
                  title: Saved cards
                  horizon: later
                  status: inProgress
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error,
                $"Roadmap item 'ri-1' (Saved cards) has no success metrics and is in progress; {Measurable}",
                "roadmap-checkout", "/spec/items/0", 7, 7));
    }

    [TestCase("next", "its horizon is 'next'")]
    [TestCase("later", "its horizon is 'later'")]
    public void Item_in_a_later_horizon_is_a_warning(string horizon, string fact)
    {
        var yaml = $"""
            apiVersion: governance/v1
            kind: Roadmap
            metadata:
              id: roadmap-checkout
            spec:
              items:
                - id: ri-2
                  title: Wallet payments
                  horizon: {horizon}
                  status: proposed
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning,
                $"Roadmap item 'ri-2' (Wallet payments) has no success metrics and {fact}; {BeforeNow}",
                "roadmap-checkout", "/spec/items/0", 7, 7));
    }

    [Test]
    public void Item_without_horizon_or_status_is_a_warning()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: Roadmap
            metadata:
              id: roadmap-checkout
            spec:
              items:
                - id: ri-3
                  title: Gift cards
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning,
                $"Roadmap item 'ri-3' (Gift cards) has no success metrics and no horizon; {BeforeNow}",
                "roadmap-checkout", "/spec/items/0", 7, 7));
    }

    [Test]
    public void Every_item_is_judged_on_its_own_and_findings_come_in_document_order()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: Roadmap
            metadata:
              id: roadmap-checkout
            spec:
              items:
                - id: ri-1
                  horizon: next
                - id: ri-2
                  horizon: now
                  successMetrics:
                    - id: m-conversion
                      name: Checkout conversion
                - id: ri-3
                  horizon: now
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Roadmap item 'ri-1' has no success metrics and its horizon is 'next'; {BeforeNow}",
                "roadmap-checkout", "/spec/items/0", 7, 7),
            new ExpectedFinding(Severity.Error, $"Roadmap item 'ri-3' has no success metrics and its horizon 'now' is one of errorHorizons [now]; {Measurable}",
                "roadmap-checkout", "/spec/items/2", 14, 7));
    }

    [Test]
    public void Item_with_a_success_metric_does_not_fire()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: Roadmap
            metadata:
              id: roadmap-checkout
            spec:
              items:
                - id: ri-1
                  title: One-click checkout
                  horizon: now
                  status: inProgress
                  successMetrics:
                    - id: m-conversion
                      name: Checkout conversion
                      unit: percent
                      baseline: 2.1
                      target: 3.0
                      dataSource: web analytics
                      due: 2027-03-31
            """;

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [TestCase("now")]
    [TestCase("later")]
    [TestCase(null)]
    public void Dropped_items_are_exempt(string? horizon)
    {
        var horizonLine = horizon is null ? string.Empty : $"horizon: {horizon}";
        var yaml = $"""
            apiVersion: governance/v1
            kind: Roadmap
            metadata:
              id: roadmap-checkout
            spec:
              items:
                - id: ri-1
                  status: dropped
                  {horizonLine}
            """;

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [Test]
    public void Delivered_items_are_not_exempt()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: Roadmap
            metadata:
              id: roadmap-checkout
            spec:
              items:
                - id: ri-1
                  horizon: now
                  status: delivered
                  deliveredOn: 2026-10-01
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"Roadmap item 'ri-1' has no success metrics and its horizon 'now' is one of errorHorizons [now]; {Measurable}",
                "roadmap-checkout", "/spec/items/0", 7, 7));
    }

    [TestCase("successMetrics: []", TestName = "Blank metrics: empty list")]
    [TestCase("successMetrics:", TestName = "Blank metrics: null")]
    [TestCase("successMetrics: ~", TestName = "Blank metrics: explicit null")]
    [TestCase("successMetrics: [{}]", TestName = "Blank metrics: only an empty object")]
    [TestCase("owner: p-ann", TestName = "Blank metrics: key absent")]
    public void Blank_and_absent_metrics_fire_alike_at_the_item(string metricsLine)
    {
        var yaml = $"""
            apiVersion: governance/v1
            kind: Roadmap
            metadata:
              id: roadmap-checkout
            spec:
              items:
                - id: ri-1
                  horizon: now
                  {metricsLine}
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"Roadmap item 'ri-1' has no success metrics and its horizon 'now' is one of errorHorizons [now]; {Measurable}",
                "roadmap-checkout", "/spec/items/0", 7, 7));
    }

    [Test]
    public void An_incomplete_metric_still_counts_as_a_metric()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: Roadmap
            metadata:
              id: roadmap-checkout
            spec:
              items:
                - id: ri-1
                  horizon: now
                  successMetrics:
                    - name: Checkout conversion
            """;

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [Test]
    public void Option_errorHorizons_makes_next_an_error_too()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: Roadmap
            metadata:
              id: roadmap-checkout
            spec:
              items:
                - id: ri-1
                  horizon: next
                - id: ri-2
                  horizon: later
            """;

        var rules = RuleHarness.WithOptions(RuleId, new { errorHorizons = new[] { "now", "next" } });

        RuleHarness.Findings(RuleId, yaml, rules: rules).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"Roadmap item 'ri-1' has no success metrics and its horizon 'next' is one of errorHorizons [now, next]; {Measurable}",
                "roadmap-checkout", "/spec/items/0", 7, 7),
            new ExpectedFinding(Severity.Warning, "Roadmap item 'ri-2' has no success metrics and its horizon is 'later'; add successMetrics before it moves to now or next or work on it starts",
                "roadmap-checkout", "/spec/items/1", 9, 7));
    }

    [Test]
    public void Option_errorHorizons_empty_leaves_only_items_in_progress_as_errors()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: Roadmap
            metadata:
              id: roadmap-checkout
            spec:
              items:
                - id: ri-1
                  horizon: now
                - id: ri-2
                  horizon: next
                  status: inProgress
            """;

        var rules = RuleHarness.WithOptions(RuleId, new { errorHorizons = Array.Empty<string>() });

        RuleHarness.Findings(RuleId, yaml, rules: rules).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, "Roadmap item 'ri-1' has no success metrics and its horizon is 'now'; add successMetrics before work on it starts",
                "roadmap-checkout", "/spec/items/0", 7, 7),
            new ExpectedFinding(Severity.Error, $"Roadmap item 'ri-2' has no success metrics and is in progress; {Measurable}",
                "roadmap-checkout", "/spec/items/1", 9, 7));
    }

    [Test]
    public void Options_bind_from_camelCase_json_horizon_names()
    {
        using var json = JsonDocument.Parse("""{ "errorHorizons": ["now", "later"] }""");

        var options = json.RootElement.Deserialize<GOV201Options>(ArtifactSerialization.Options);

        options!.ErrorHorizons.Should().Equal(Horizon.Now, Horizon.Later);
        new GOV201Options().ErrorHorizons.Should().Equal(Horizon.Now);
    }

    [TestCase(Severity.Info)]
    [TestCase(Severity.Warning)]
    [TestCase(Severity.Error)]
    public void A_configured_severity_applies_to_both_cases(Severity configured)
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: Roadmap
            metadata:
              id: roadmap-checkout
            spec:
              items:
                - id: ri-1
                  horizon: now
                - id: ri-2
                  horizon: later
            """;

        var findings = RuleHarness.Findings(RuleId, yaml, rules: RuleHarness.WithSeverity(RuleId, configured));

        findings.Select(f => (f.Pointer, f.Severity)).Should().Equal(("/spec/items/0", configured), ("/spec/items/1", configured));
    }

    [Test]
    public void Items_are_named_by_id_title_or_index()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: Roadmap
            metadata:
              id: roadmap-checkout
            spec:
              items:
                - title: Refunds self-service
                  horizon: later
                - status: proposed
                  horizon: later
            """;

        RuleHarness.Findings(RuleId, yaml).Select(f => f.Message).Should().Equal(
            $"Roadmap item (Refunds self-service) has no success metrics and its horizon is 'later'; {BeforeNow}",
            $"Roadmap item at index 1 has no success metrics and its horizon is 'later'; {BeforeNow}");
    }

    [TestCase("spec: {}", TestName = "No items: empty spec")]
    [TestCase("spec:\n  items: []", TestName = "No items: empty list")]
    [TestCase("spec:\n  productId: product-checkout", TestName = "No items: key absent")]
    [TestCase("", TestName = "No items: no spec")]
    public void A_roadmap_without_items_does_not_fire(string spec)
    {
        var yaml = "apiVersion: governance/v1\nkind: Roadmap\nmetadata:\n  id: roadmap-checkout\n" + spec + "\n";

        var result = RuleHarness.Analyze(yaml);

        result.Findings.Where(f => f.RuleId is RuleId or "GOV009").Should().BeEmpty();
    }

    [Test]
    public void Json_input_points_at_the_item_with_its_line_and_column()
    {
        const string json = """
            {
              "apiVersion": "governance/v1",
              "kind": "Roadmap",
              "metadata": { "id": "roadmap-checkout" },
              "spec": {
                "items": [
                  { "id": "ri-1", "horizon": "now" },
                  {
                    "id": "ri-2",
                    "horizon": "later",
                    "successMetrics": []
                  }
                ]
              }
            }
            """;

        RuleHarness.Findings(RuleId, json, file: "roadmap.json").ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"Roadmap item 'ri-1' has no success metrics and its horizon 'now' is one of errorHorizons [now]; {Measurable}",
                "roadmap-checkout", "/spec/items/0", 7, 7),
            new ExpectedFinding(Severity.Warning, $"Roadmap item 'ri-2' has no success metrics and its horizon is 'later'; {BeforeNow}",
                "roadmap-checkout", "/spec/items/1", 8, 7));
    }

    [Test]
    public void Pointers_are_relative_to_each_document_of_a_stream()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: Roadmap
            metadata:
              id: roadmap-checkout
            spec:
              items:
                - id: ri-1
                  horizon: next
            ---
            apiVersion: governance/v1
            kind: Roadmap
            metadata:
              id: roadmap-payments
            spec:
              items:
                - id: ri-9
                  horizon: now
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Roadmap item 'ri-1' has no success metrics and its horizon is 'next'; {BeforeNow}",
                "roadmap-checkout", "/spec/items/0", 7, 7),
            new ExpectedFinding(Severity.Error, $"Roadmap item 'ri-9' has no success metrics and its horizon 'now' is one of errorHorizons [now]; {Measurable}",
                "roadmap-payments", "/spec/items/0", 16, 7));
    }

    [Test]
    public void An_empty_object_is_not_an_item()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: Roadmap
            metadata:
              id: roadmap-checkout
            spec:
              items:
                - {}
                - id: ri-1
                  horizon: later
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Roadmap item 'ri-1' has no success metrics and its horizon is 'later'; {BeforeNow}",
                "roadmap-checkout", "/spec/items/1", 8, 7));
    }

    [Test]
    public void Null_items_are_skipped_safely()
    {
        var roadmap = new Roadmap
        {
            Kind = "Roadmap",
            Metadata = new ArtifactMetadata { Id = "roadmap-checkout" },
            Spec = new RoadmapSpec { Items = [null!, new RoadmapItem { Id = "ri-1", Horizon = Horizon.Now, SuccessMetrics = [null!] }] },
        };
        var engine = new GovernanceEngine(BuiltInRules.Create(), new ArtifactLoader(), TimeProvider.System);

        var findings = engine.Analyze([roadmap], new AnalysisOptions { AsOf = RuleHarness.DefaultToday }).Findings;

        findings.Where(f => f.RuleId == "GOV009").Should().BeEmpty();
        findings.Where(f => f.RuleId == RuleId).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"Roadmap item 'ri-1' has no success metrics and its horizon 'now' is one of errorHorizons [now]; {Measurable}",
                "roadmap-checkout", "/spec/items/1", 0, 0));
    }

    [Test]
    public void A_null_item_in_yaml_is_neither_a_schema_error_nor_an_item()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: Roadmap
            metadata:
              id: roadmap-checkout
            spec:
              items:
                -
                - id: ri-1
                  horizon: now
                  successMetrics:
                    - name: Checkout conversion
            """;

        RuleHarness.Analyze(yaml).Findings.Should().NotContain(f => f.RuleId == RuleId || f.RuleId == "GOV002");
    }
}
