using Governance.Rules.Engine;
using Governance.Rules.Loading;
using Governance.Rules.Model;
using Governance.Rules.Rules;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Rules;

[TestFixture]
[Category("GOV205")]
public sealed class GOV205RoadmapItemPastDueTests
{
    private const string RuleId = "GOV205";
    private const string Item = "Roadmap item 'ri-1' (One-click checkout) is past due: its timeframe ended on ";
    private const string Fix = "deliver it, move its timeframe or drop it";

    [Test]
    public void An_item_whose_timeframe_ended_yesterday_is_a_warning_at_the_end()
    {
        RuleHarness.Findings(RuleId, Roadmap("planned", "2026-10-31")).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"{Item}2026-10-31, 1 day ago, and its status is 'planned'; {Fix}",
                "roadmap-checkout", "/spec/items/0/timeframe/end", 12, 14));
    }

    [TestCase("2026-11-01", TestName = "Not past due: ends today")]
    [TestCase("2026-11-02", TestName = "Not past due: ends tomorrow")]
    [TestCase("2027-03-31", TestName = "Not past due: ends later")]
    public void An_item_whose_timeframe_has_not_ended_does_not_fire(string end)
    {
        RuleHarness.Findings(RuleId, Roadmap("inProgress", end)).Should().BeEmpty();
    }

    [Test]
    public void The_boundary_moves_with_today()
    {
        var yaml = Roadmap("inProgress", "2026-11-01");

        RuleHarness.Findings(RuleId, yaml, today: new DateOnly(2026, 11, 1)).Should().BeEmpty();
        RuleHarness.Findings(RuleId, yaml, today: new DateOnly(2026, 11, 2)).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"{Item}2026-11-01, 1 day ago, and its status is 'inProgress'; {Fix}",
                "roadmap-checkout", "/spec/items/0/timeframe/end", 12, 14));
    }

    [TestCase("proposed")]
    [TestCase("planned")]
    [TestCase("inProgress")]
    public void Open_statuses_fire(string status)
    {
        RuleHarness.Findings(RuleId, Roadmap(status, "2026-10-15")).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"{Item}2026-10-15, 17 days ago, and its status is '{status}'; {Fix}",
                "roadmap-checkout", "/spec/items/0/timeframe/end", 12, 14));
    }

    [Test]
    public void An_item_without_status_fires()
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
                  timeframe: { start: 2026-07-01, end: 2026-10-15 }
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"{Item}2026-10-15, 17 days ago, and it has no status; {Fix}",
                "roadmap-checkout", "/spec/items/0/timeframe/end", 9, 44));
    }

    [TestCase("delivered")]
    [TestCase("dropped")]
    public void Delivered_and_dropped_items_are_exempt(string status)
    {
        RuleHarness.Findings(RuleId, Roadmap(status, "2026-01-31")).Should().BeEmpty();
    }

    [TestCase("", TestName = "Not checked: no timeframe")]
    [TestCase("timeframe: {start: 2026-07-01}", TestName = "Not checked: timeframe without end")]
    [TestCase("timeframe: {}", TestName = "Not checked: empty timeframe")]
    [TestCase("timeframe: {start: 2026-07-01, end: soon}", TestName = "Not checked: end is not a date")]
    [TestCase("timeframe: {start: 2026-10-01, end: 2026-09-30}", TestName = "Not checked: end before start")]
    public void Items_without_a_usable_end_are_not_checked(string timeframeLine)
    {
        var yaml = "apiVersion: governance/v1\nkind: Roadmap\nmetadata:\n  id: roadmap-checkout\nspec:\n  items:\n    - id: ri-1\n      status: planned\n      " +
            timeframeLine + "\n";

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [Test]
    public void In_memory_a_range_ending_before_it_starts_counts_as_absent()
    {
        var roadmap = new Roadmap
        {
            Kind = "Roadmap",
            Metadata = new ArtifactMetadata { Id = "roadmap-checkout" },
            Spec = new RoadmapSpec
            {
                Items =
                [
                    null!,
                    new RoadmapItem { Id = "ri-1", Timeframe = new DateRange { Start = new DateOnly(2026, 10, 1), End = new DateOnly(2026, 9, 30) } },
                    new RoadmapItem { Id = "ri-2", Timeframe = new DateRange { End = new DateOnly(2026, 9, 30) } },
                ],
            },
        };
        var engine = new GovernanceEngine(BuiltInRules.Create(), new ArtifactLoader(), TimeProvider.System);

        var findings = engine.Analyze([roadmap], new AnalysisOptions { AsOf = RuleHarness.DefaultToday }).Findings;

        findings.Where(f => f.RuleId == "GOV009").Should().BeEmpty();
        findings.Where(f => f.RuleId == RuleId).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Roadmap item 'ri-2' is past due: its timeframe ended on 2026-09-30, 32 days ago, and it has no status; {Fix}",
                "roadmap-checkout", "/spec/items/2/timeframe/end", 0, 0));
    }

    [Test]
    public void Option_graceDays_allows_that_many_days_past_the_end()
    {
        var rules = RuleHarness.WithOptions(RuleId, new { graceDays = 7 });

        RuleHarness.Findings(RuleId, Roadmap("planned", "2026-10-25"), rules: rules).Should().BeEmpty();
        RuleHarness.Findings(RuleId, Roadmap("planned", "2026-10-24"), rules: rules).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"{Item}2026-10-24, 8 days ago (graceDays 7), and its status is 'planned'; {Fix}",
                "roadmap-checkout", "/spec/items/0/timeframe/end", 12, 14));
    }

    [Test]
    public void A_negative_graceDays_counts_as_zero()
    {
        var rules = RuleHarness.WithOptions(RuleId, new { graceDays = -5 });

        RuleHarness.Findings(RuleId, Roadmap("planned", "2026-11-01"), rules: rules).Should().BeEmpty();
        RuleHarness.Findings(RuleId, Roadmap("planned", "2026-10-31"), rules: rules).Select(f => f.Message).Should().Equal(
            $"{Item}2026-10-31, 1 day ago, and its status is 'planned'; {Fix}");
    }

    [Test]
    public void Each_item_is_judged_on_its_own()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: Roadmap
            metadata:
              id: roadmap-checkout
            spec:
              items:
                - {id: ri-1, status: inProgress, timeframe: {start: 2026-07-01, end: 2026-09-30}}
                - {}
                - {id: ri-3, status: delivered, timeframe: {start: 2026-07-01, end: 2026-09-30}}
                - {status: planned, timeframe: {start: 2026-07-01, end: 2026-10-30}}
                - {id: ri-5, status: planned, timeframe: {start: 2026-07-01, end: 2026-12-31}}
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Roadmap item 'ri-1' is past due: its timeframe ended on 2026-09-30, 32 days ago, and its status is 'inProgress'; {Fix}",
                "roadmap-checkout", "/spec/items/0/timeframe/end", 7, 74),
            new ExpectedFinding(Severity.Warning, $"Roadmap item at index 3 is past due: its timeframe ended on 2026-10-30, 2 days ago, and its status is 'planned'; {Fix}",
                "roadmap-checkout", "/spec/items/3/timeframe/end", 10, 61));
    }

    [Test]
    public void A_configured_severity_is_used()
    {
        RuleHarness.Findings(RuleId, Roadmap("planned", "2026-10-15"), rules: RuleHarness.WithSeverity(RuleId, Severity.Error))
            .Select(f => f.Severity).Should().Equal(Severity.Error);
    }

    [Test]
    public void Before_enforceFrom_findings_are_info_and_from_that_date_warnings()
    {
        var rules = new Dictionary<string, RuleSettings>(StringComparer.Ordinal)
        {
            [RuleId] = new RuleSettings { EnforceFrom = new DateOnly(2027, 1, 1) },
        };
        var yaml = Roadmap("planned", "2026-10-15");

        RuleHarness.Findings(RuleId, yaml, rules: rules).ShouldBeExactly(
            new ExpectedFinding(Severity.Info, $"{Item}2026-10-15, 17 days ago, and its status is 'planned'; {Fix}",
                "roadmap-checkout", "/spec/items/0/timeframe/end", 12, 14));
        RuleHarness.Findings(RuleId, yaml, today: new DateOnly(2026, 12, 31), rules: rules).Select(f => f.Severity).Should().Equal(Severity.Info);
        RuleHarness.Findings(RuleId, yaml, today: new DateOnly(2027, 1, 1), rules: rules).Select(f => (f.Severity, f.Message)).Should().Equal(
            (Severity.Warning, $"{Item}2026-10-15, 78 days ago, and its status is 'planned'; {Fix}"));
    }

    [Test]
    public void Json_input_points_at_the_end_date()
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
                    "status": "planned",
                    "timeframe": { "start": "2026-07-01", "end": "2026-10-15" }
                  }
                ]
              }
            }
            """;

        RuleHarness.Findings(RuleId, json, file: "roadmap.json").ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Roadmap item 'ri-1' is past due: its timeframe ended on 2026-10-15, 17 days ago, and its status is 'planned'; {Fix}",
                "roadmap-checkout", "/spec/items/0/timeframe/end", 10, 54));
    }

    [Test]
    public void Options_bind_from_camelCase_json()
    {
        new GOV205Options().GraceDays.Should().Be(0);
        System.Text.Json.JsonSerializer.Deserialize<GOV205Options>("""{ "graceDays": 3 }""", ArtifactSerialization.Options)!.GraceDays.Should().Be(3);
    }

    /// <summary>A roadmap with item ri-1 of <paramref name="status"/> whose timeframe ends on <paramref name="end"/> (line 12, column 14).</summary>
    private static string Roadmap(string status, string end) => $"""
        apiVersion: governance/v1
        kind: Roadmap
        metadata:
          id: roadmap-checkout
        spec:
          items:
            - id: ri-1
              title: One-click checkout
              status: {status}
              timeframe:
                start: 2026-07-01
                end: {end}
        """;
}
