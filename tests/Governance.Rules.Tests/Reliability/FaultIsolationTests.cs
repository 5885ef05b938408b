using Governance.Rules.Engine;
using Governance.Rules.Loading;
using Governance.Rules.Model;
using Governance.Rules.Rules;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Reliability;

[TestFixture]
[Category("Reliability")]
public sealed class FaultIsolationTests
{
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

    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private sealed class DelegateRule(string id, Action<ArtifactRuleContext<ProjectPlan>> action) : GovernanceRule
    {
        public override RuleDescriptor Descriptor { get; } = new(id, "Test rule", "{0}", RuleCategories.Portfolio, Severity.Error, "Test rule.");

        public override void Initialize(RuleRegistration registration) => registration.RegisterArtifactAction(action);
    }

    private static LoadResult Load() => new ArtifactLoader().LoadContent("t.yaml", System.Text.Encoding.UTF8.GetBytes(TwoPlans));

    private static GovernanceEngine Engine(params GovernanceRule[] extra) =>
        new([.. BuiltInRules.Create(), .. extra], new ArtifactLoader(), TimeProvider.System);

    private static AnalysisResult AnalyzeWithin(GovernanceEngine engine, AnalysisOptions options, CancellationToken cancellationToken = default)
    {
        var run = Task.Run(() => engine.Analyze(Load(), options, cancellationToken), CancellationToken.None);
        run.Wait(Bound, CancellationToken.None).Should().BeTrue("the run must complete within {0}", Bound);
        return run.Result;
    }

    [Test]
    public void A_rule_that_reports_against_an_object_outside_the_artifact_becomes_GOV009()
    {
        var engine = Engine(new DelegateRule("GOV990", c => c.Report(new Milestone { Name = "not in the plan" }, "garbage")));

        var result = AnalyzeWithin(engine, new AnalysisOptions { AsOf = RuleHarness.DefaultToday });

        var failures = result.Findings.Where(f => f.RuleId == "GOV009").ToList();
        failures.Should().HaveCount(2).And.AllSatisfy(f => f.Message.Should().Contain("GOV990").And.Contain("not part of artifact"));
        failures.Select(f => f.ArtifactId).Should().Equal("one", "two");
        result.Findings.Should().NotContain(f => f.RuleId == "GOV990");
        result.Findings.Count(f => f.RuleId == "GOV401").Should().Be(2, "the other rules still run");
    }

    [Test]
    public void A_rule_that_blocks_past_its_time_budget_is_GOV009_and_the_run_completes_without_waiting_for_it()
    {
        using var gate = new ManualResetEventSlim(false);
        try
        {
            // Ignores the cancellation token on purpose: the engine cannot stop it, only stop waiting for it.
            var engine = Engine(new DelegateRule("GOV991", c =>
            {
                c.Report(c.Artifact, "reported before blocking");
                if (c.Artifact.Id == "one") gate.Wait();
            }));

            var result = AnalyzeWithin(engine, new AnalysisOptions { AsOf = RuleHarness.DefaultToday, RuleTimeBudget = TimeSpan.FromMilliseconds(200) });

            gate.IsSet.Should().BeFalse();
            var overrun = result.Findings.Should().ContainSingle(f => f.RuleId == "GOV009").Subject;
            overrun.Should().BeEquivalentTo(new { ArtifactId = "one", File = "t.yaml", Pointer = "", Line = 1, Column = 1 });
            overrun.Message.Should().Be("Rule GOV991 exceeded its time budget of 0.2 s on this artifact; its findings here are dropped and the run went on without it");
            result.Findings.Where(f => f.RuleId == "GOV991").Select(f => f.ArtifactId).Should().Equal(["two"], "an overrunning action's findings are dropped");
            result.Findings.Count(f => f.RuleId == "GOV401").Should().Be(2);
        }
        finally
        {
            gate.Set();
        }
    }

    [Test]
    public void A_rule_that_loops_until_cancelled_is_stopped_when_the_run_ends()
    {
        using var stopped = new ManualResetEventSlim(false);
        var engine = Engine(new DelegateRule("GOV992", c =>
        {
            while (!c.CancellationToken.IsCancellationRequested) Thread.SpinWait(1000);
            stopped.Set();
        }));

        var result = AnalyzeWithin(engine, new AnalysisOptions { AsOf = RuleHarness.DefaultToday, RuleTimeBudget = TimeSpan.FromMilliseconds(100), MaxDegreeOfParallelism = 1 });

        result.Findings.Count(f => f.RuleId == "GOV009").Should().Be(2);
        stopped.Wait(Bound).Should().BeTrue("the looping action observes the run's token once the run has ended");
    }

    [Test]
    public void An_action_within_its_budget_is_not_reported_and_the_budget_must_be_positive()
    {
        var result = AnalyzeWithin(Engine(), new AnalysisOptions { AsOf = RuleHarness.DefaultToday, RuleTimeBudget = Timeout.InfiniteTimeSpan });
        result.Findings.Should().NotContain(f => f.RuleId == "GOV009");
        new AnalysisOptions().RuleTimeBudget.Should().Be(TimeSpan.FromSeconds(10));

        var act = () => Engine().Analyze(Load(), new AnalysisOptions { RuleTimeBudget = TimeSpan.Zero });
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [TestCase(true)]
    [TestCase(false)]
    public void Cancelling_stops_a_run_promptly_even_when_a_rule_is_waiting(bool ruleObservesTheToken)
    {
        using var gate = new ManualResetEventSlim(false);
        using var started = new ManualResetEventSlim(false);
        try
        {
            var engine = Engine(new DelegateRule("GOV993", c =>
            {
                started.Set();
                if (ruleObservesTheToken) c.CancellationToken.WaitHandle.WaitOne();
                else gate.Wait();
                c.CancellationToken.ThrowIfCancellationRequested();
            }));
            using var cancellation = new CancellationTokenSource();

            var run = Task.Run(() => engine.Analyze(Load(), new AnalysisOptions { AsOf = RuleHarness.DefaultToday, RuleTimeBudget = Timeout.InfiniteTimeSpan }, cancellation.Token));
            started.Wait(Bound).Should().BeTrue();
            cancellation.Cancel();

            var act = () => run.Wait(Bound);
            act.Should().Throw<AggregateException>().WithInnerException<OperationCanceledException>();
        }
        finally
        {
            gate.Set();
        }
    }
}
