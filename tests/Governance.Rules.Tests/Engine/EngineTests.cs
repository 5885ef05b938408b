using Governance.Rules.Engine;
using Governance.Rules.Loading;
using Governance.Rules.Model;
using Governance.Rules.Rules;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Engine;

[TestFixture]
[Category("Engine")]
public sealed class EngineTests
{
    private sealed class ThrowingRule : GovernanceRule
    {
        public override RuleDescriptor Descriptor { get; } =
            new("GOV999", "Always throws", "never", RuleCategories.Portfolio, Severity.Error, "Test rule.");

        public override void Initialize(RuleRegistration registration)
        {
            registration.RegisterArtifactAction<ProjectPlan>(_ => throw new InvalidOperationException("boom"));
            registration.RegisterPortfolioAction(_ => throw new NotSupportedException("portfolio boom"));
        }
    }

    private sealed class ClockRule : GovernanceRule
    {
        public override RuleDescriptor Descriptor { get; } =
            new("GOV998", "Reports today", "Today is {0:yyyy-MM-dd}", RuleCategories.Portfolio, Severity.Info, "Test rule.") { UsesClock = true };

        public override void Initialize(RuleRegistration registration) =>
            registration.RegisterArtifactAction<ProjectPlan>(c => c.Report(c.Artifact, c.Today));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static LoadResult Load(string yaml) => new ArtifactLoader().LoadContent("t.yaml", System.Text.Encoding.UTF8.GetBytes(yaml));

    private const string TwoPlans = """
        apiVersion: governance/v1
        kind: ProjectPlan
        metadata: {id: one}
        spec: {}
        ---
        apiVersion: governance/v1
        kind: ProjectPlan
        metadata: {id: two}
        spec: {}
        """;

    [Test]
    public void A_rule_that_throws_becomes_GOV009_and_the_run_goes_on()
    {
        var engine = new GovernanceEngine([.. BuiltInRules.Create(), new ThrowingRule()], new ArtifactLoader(), TimeProvider.System);

        var result = engine.Analyze(Load(TwoPlans), new AnalysisOptions { AsOf = RuleHarness.DefaultToday });

        var failures = result.Findings.Where(f => f.RuleId == "GOV009").ToList();
        failures.Should().HaveCount(3);
        failures[0].Should().BeEquivalentTo(new { File = (string?)null, Pointer = (string?)null, Line = 0, ArtifactId = (string?)null, Severity = Severity.Warning });
        failures[0].Message.Should().Be("Rule GOV999 failed: NotSupportedException: portfolio boom");
        failures[1].Should().BeEquivalentTo(new { File = "t.yaml", Pointer = "", Line = 1, Column = 1, ArtifactId = "one" });
        failures[1].Message.Should().Contain("GOV999").And.Contain("InvalidOperationException").And.Contain("boom");
        result.Findings.Count(f => f.RuleId == "GOV401").Should().Be(2);
    }

    [Test]
    public void Findings_come_out_in_the_same_order_whatever_the_parallelism()
    {
        var yaml = string.Join("\n---\n", Enumerable.Range(0, 200).Select(i =>
            $"apiVersion: governance/v1\nkind: ProjectPlan\nmetadata: {{id: p{i}, bogus{i}: 1}}\nspec: {{riskRegister: []}}"));
        var engine = new GovernanceEngine(BuiltInRules.Create(), new ArtifactLoader(), TimeProvider.System);

        var sequential = engine.Analyze(Load(yaml), new AnalysisOptions { AsOf = RuleHarness.DefaultToday, MaxDegreeOfParallelism = 1 }).Findings;
        var parallel = engine.Analyze(Load(yaml), new AnalysisOptions { AsOf = RuleHarness.DefaultToday, MaxDegreeOfParallelism = 8 }).Findings;

        parallel.Should().Equal(sequential);
        sequential.Should().BeInAscendingOrder(Finding.ReportOrder);
        // One GOV002 (unknown property) and one GOV401 per plan; the other plan rules report what else they lack.
        sequential.Count(f => f.RuleId is "GOV002" or "GOV401").Should().Be(400);
    }

    [Test]
    public void Duplicate_ids_are_GOV003_on_each_later_document_and_the_duplicate_is_still_analysed()
    {
        var yaml = TwoPlans.Replace("id: two", "id: one", StringComparison.Ordinal) + "\n---\n" + TwoPlans.Split("---")[0].Replace("spec: {}", "spec: {riskRegister: [{id: r}]}", StringComparison.Ordinal);
        var result = RuleHarness.Analyze(yaml);

        var duplicates = result.Findings.Where(f => f.RuleId == "GOV003").ToList();
        duplicates.Should().HaveCount(2);
        duplicates[0].Should().BeEquivalentTo(new { Pointer = "/metadata/id", Line = 8, Column = 16, ArtifactId = "one" });
        duplicates[0].Message.Should().Be("Artifact id 'one' is already used by test.yaml:1; references resolve to the first");
        result.Findings.Count(f => f.RuleId == "GOV401").Should().Be(2);
    }

    [Test]
    public void Today_comes_from_as_of_else_the_clock_in_the_configured_time_zone()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 1, 23, 30, 0, TimeSpan.Zero));
        var engine = new GovernanceEngine([new ClockRule()], new ArtifactLoader(), clock);
        var loaded = Load(TwoPlans.Split("---")[0]);

        string Message(AnalysisOptions options) => engine.Analyze(loaded, options).Findings.Single(f => f.RuleId == "GOV998").Message;

        Message(new AnalysisOptions()).Should().Be("Today is 2026-11-01");
        Message(new AnalysisOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin") }).Should().Be("Today is 2026-11-02");
        Message(new AnalysisOptions { AsOf = new DateOnly(2027, 1, 31), TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin") })
            .Should().Be("Today is 2027-01-31");
    }

    [Test]
    public void A_configured_severity_replaces_the_rules_and_a_disabled_rule_does_not_run()
    {
        var warning = RuleHarness.Analyze(TwoPlans, rules: RuleHarness.WithSeverity("GOV401", Severity.Warning));
        warning.Findings.Where(f => f.RuleId == "GOV401").Should().OnlyContain(f => f.Severity == Severity.Warning);

        var disabled = RuleHarness.Analyze(TwoPlans, rules: new Dictionary<string, RuleSettings> { ["GOV401"] = new() { Enabled = false } });
        disabled.Findings.Should().NotContain(f => f.RuleId == "GOV401");
        disabled.Rules.Select(r => r.Id).Should().NotContain("GOV401");
    }

    [Test]
    public void Enforce_from_reports_info_before_the_date_and_the_severity_from_it_on()
    {
        static IReadOnlyDictionary<string, RuleSettings> Settings() =>
            new Dictionary<string, RuleSettings> { ["GOV401"] = new() { EnforceFrom = new DateOnly(2027, 1, 1) } };

        RuleHarness.Analyze(TwoPlans, today: new DateOnly(2026, 12, 31), rules: Settings()).Findings.Where(f => f.RuleId == "GOV401")
            .Should().HaveCount(2).And.OnlyContain(f => f.Severity == Severity.Info);
        RuleHarness.Analyze(TwoPlans, today: new DateOnly(2027, 1, 1), rules: Settings()).Findings.Where(f => f.RuleId == "GOV401")
            .Should().HaveCount(2).And.OnlyContain(f => f.Severity == Severity.Error);
    }

    [Test]
    public void Engine_diagnostic_severity_can_be_configured()
    {
        var result = RuleHarness.Analyze("apiVersion: governance/v1\nkind: Nope\nmetadata: {id: a}\n", rules: RuleHarness.WithSeverity("GOV004", Severity.Info));

        result.Findings.Should().ContainSingle().Which.Severity.Should().Be(Severity.Info);
    }

    [Test]
    public void Cancellation_stops_the_analysis()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        var engine = new GovernanceEngine(BuiltInRules.Create(), new ArtifactLoader(), TimeProvider.System);

        var act = () => engine.Analyze(Load(TwoPlans), new AnalysisOptions(), cancellation.Token);

        act.Should().Throw<OperationCanceledException>();
    }

    [Test]
    public void Rule_ids_must_be_unique_and_well_formed()
    {
        var duplicate = () => new GovernanceEngine([new ThrowingRule(), new ThrowingRule()], new ArtifactLoader(), TimeProvider.System);
        duplicate.Should().Throw<ArgumentException>().WithMessage("*GOV999*");
    }

    [Test]
    public void In_memory_records_get_pointers_without_lines()
    {
        var plan = new ProjectPlan { Kind = "ProjectPlan", Metadata = new ArtifactMetadata { Id = "mem" }, Spec = new ProjectPlanSpec { ProjectId = "x" } };
        var engine = new GovernanceEngine(BuiltInRules.Create(), new ArtifactLoader(), TimeProvider.System);

        var finding = engine.Analyze([plan], new AnalysisOptions { AsOf = RuleHarness.DefaultToday }).Findings.Where(f => f.RuleId == "GOV401").Should().ContainSingle().Subject;

        finding.Should().BeEquivalentTo(new { RuleId = "GOV401", ArtifactId = "mem", File = (string?)null, Pointer = "/spec", Line = 0, Column = 0 });
    }

    [Test]
    public void Rule_timings_and_the_rules_that_ran_are_reported()
    {
        var result = RuleHarness.Analyze(TwoPlans);

        result.Rules.Select(r => r.Id).Should().Contain(["GOV001", "GOV009", "GOV401"]).And.BeInAscendingOrder(StringComparer.Ordinal);
        result.RuleTimings.Should().ContainKey("GOV401");
        result.StageTimings.Keys.Should().Contain(["index", "rules", "portfolioRules"]);
    }
}
