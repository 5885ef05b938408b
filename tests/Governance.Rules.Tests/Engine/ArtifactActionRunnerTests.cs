using System.Collections.Concurrent;
using Governance.Rules.Engine;

namespace Governance.Rules.Tests.Engine;

/// <summary>
/// The runner of artifact actions, one <see cref="ArtifactActionRunner.Run"/> per batch of files: its workers serve
/// every batch, an overrunning action is abandoned without holding up the later batches, and disposing ends the workers.
/// </summary>
[TestFixture]
public sealed class ArtifactActionRunnerTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private ConcurrentBag<Finding> findings = [];
    private ConcurrentQueue<(ArtifactWork Work, Exception Error)> failures = [];
    private ConcurrentQueue<ArtifactWork> overruns = [];

    [SetUp]
    public void Reset() => (findings, failures, overruns) = ([], [], []);

    private ArtifactActionRunner Runner(TimeSpan budget, int parallelism = 2) =>
        new(findings, new long[2], budget, parallelism, (work, error) => failures.Enqueue((work, error)), overruns.Enqueue);

    // The runner passes the run and the entry through to the action untouched, so these actions need neither.
    private static ArtifactWork Work(Action action, int ruleIndex = 0) => new(ruleIndex, null!, null!, (_, _, _) => action());

    private static Finding Finding(string message) => new() { RuleId = "GOV999", Severity = Severity.Warning, Message = message };

    private static void RunWithin(ArtifactActionRunner runner, IReadOnlyList<ArtifactWork> work, CancellationToken actionToken = default)
    {
        var run = Task.Run(() => runner.Run(work, actionToken, CancellationToken.None), CancellationToken.None);
        run.Wait(Bound, CancellationToken.None).Should().BeTrue("the round must complete within {0}", Bound);
    }

    [Test]
    public void Every_batch_runs_on_the_same_workers_no_more_than_the_parallelism()
    {
        var threads = new ConcurrentDictionary<int, Thread>();
        using var runner = Runner(Timeout.InfiniteTimeSpan);
        var ran = 0;
        for (var batch = 0; batch < 20; batch++)
        {
            RunWithin(runner, [.. Enumerable.Range(0, 5).Select(_ => Work(() =>
            {
                threads.TryAdd(Environment.CurrentManagedThreadId, Thread.CurrentThread);
                Interlocked.Increment(ref ran);
            }))]);
        }

        ran.Should().Be(100);
        threads.Should().HaveCountLessThanOrEqualTo(2).And.NotContainKey(Environment.CurrentManagedThreadId);
        threads.Values.Should().OnlyContain(t => t.IsBackground && t.Name == "Governance rule worker");
    }

    [Test]
    public void Findings_of_an_action_are_kept_unless_it_throws()
    {
        using var runner = Runner(Timeout.InfiniteTimeSpan);
        var failing = Work(() =>
        {
            ArtifactActionRunner.Collect(Finding("dropped"), findings);
            throw new InvalidOperationException("broken rule");
        }, ruleIndex: 1);

        RunWithin(runner, [Work(() => ArtifactActionRunner.Collect(Finding("kept"), findings)), failing]);
        RunWithin(runner, [Work(() => ArtifactActionRunner.Collect(Finding("kept too"), findings))]);

        findings.Select(f => f.Message).Should().BeEquivalentTo("kept", "kept too");
        failures.Should().ContainSingle().Which.Error.Message.Should().Be("broken rule");
        failures.Single().Work.RuleIndex.Should().Be(1);
        overruns.Should().BeEmpty();
    }

    [Test]
    public void An_overrunning_action_is_abandoned_and_the_next_batches_still_run_on_two_workers()
    {
        using var release = new ManualResetEventSlim(false);
        using var ended = new ManualResetEventSlim(false);
        using var runner = Runner(TimeSpan.FromMilliseconds(100));
        try
        {
            Thread? stuck = null;
            RunWithin(runner, [Work(() =>
            {
                stuck = Thread.CurrentThread;
                release.Wait(Bound);
                ArtifactActionRunner.Collect(Finding("too late"), findings);
            }), Work(() => { })]);
            overruns.Should().ContainSingle();

            var later = new ConcurrentDictionary<int, bool>();
            for (var batch = 0; batch < 5; batch++)
            {
                RunWithin(runner, [.. Enumerable.Range(0, 4).Select(_ => Work(() =>
                {
                    later.TryAdd(Environment.CurrentManagedThreadId, true);
                    Thread.Sleep(20); // well within the budget, and long enough for the other worker to take the next action
                }))]);
            }

            later.Should().HaveCount(2, "a new worker took the abandoned one's place").And.NotContainKey(stuck!.ManagedThreadId);
            release.Set();
            stuck.Join(Bound).Should().BeTrue("the abandoned worker ends once its action returns");
            findings.Should().BeEmpty("an abandoned action's findings are dropped");
        }
        finally
        {
            release.Set();
        }
    }

    [Test]
    public void Disposing_ends_the_idle_workers_and_a_disposed_runner_runs_nothing()
    {
        var threads = new ConcurrentDictionary<int, Thread>();
        var runner = Runner(Timeout.InfiniteTimeSpan);
        RunWithin(runner, [.. Enumerable.Range(0, 4).Select(_ => Work(() =>
        {
            threads.TryAdd(Environment.CurrentManagedThreadId, Thread.CurrentThread);
            Thread.Sleep(5);
        }))]);

        runner.Dispose();

        threads.Should().NotBeEmpty();
        threads.Values.Should().OnlyContain(t => t.Join(Bound));
        var act = () => runner.Run([Work(() => { })], CancellationToken.None, CancellationToken.None);
        act.Should().Throw<ObjectDisposedException>();
    }

    [Test]
    public void An_empty_batch_returns_at_once_and_a_cancelled_one_throws()
    {
        using var runner = Runner(Timeout.InfiniteTimeSpan);
        RunWithin(runner, []);

        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var act = () => runner.Run([Work(() => { })], CancellationToken.None, cancelled.Token);
        act.Should().Throw<OperationCanceledException>();
    }
}
