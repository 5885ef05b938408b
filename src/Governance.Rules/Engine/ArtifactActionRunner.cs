using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace Governance.Rules.Engine;

/// <summary>One artifact action of one rule on one artifact.</summary>
internal readonly record struct ArtifactWork(int RuleIndex, RuleRun Run, ArtifactEntry Entry, ArtifactAction Action);

/// <summary>
/// Runs artifact actions on worker threads with a per-action time budget. An action that throws or overruns is
/// reported through the callbacks and its findings are dropped. Since .NET cannot abort a thread, an overrunning action
/// is abandoned: a new worker takes its place and the run completes without waiting for it. A worker's findings are
/// buffered per action, so an abandoned action never adds findings to the run.
/// </summary>
internal sealed class ArtifactActionRunner
{
    [ThreadStatic]
    private static List<Finding>? pending;

    private readonly IReadOnlyList<ArtifactWork> work;
    private readonly ConcurrentBag<Finding> findings;
    private readonly long[] ruleTicks;
    private readonly long budgetTicks;
    private readonly CancellationToken actionToken;
    private readonly Action<ArtifactWork, Exception> failed;
    private readonly Action<ArtifactWork> overran;
    private readonly List<Worker> workers = [];
    private readonly TaskCompletionSource done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int next = -1;
    private int live;
    private Exception? unexpected;

    public ArtifactActionRunner(IReadOnlyList<ArtifactWork> work, ConcurrentBag<Finding> findings, long[] ruleTicks, TimeSpan budget,
        Action<ArtifactWork, Exception> failed, Action<ArtifactWork> overran, CancellationToken actionToken)
    {
        if (budget != Timeout.InfiniteTimeSpan && budget <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(budget), budget, "The rule time budget must be positive or infinite.");
        this.work = work;
        this.findings = findings;
        this.ruleTicks = ruleTicks;
        budgetTicks = budget == Timeout.InfiniteTimeSpan ? long.MaxValue : (long)Math.Min(long.MaxValue / 2.0, budget.TotalSeconds * Stopwatch.Frequency);
        PollInterval = budget == Timeout.InfiniteTimeSpan
            ? Timeout.InfiniteTimeSpan
            : TimeSpan.FromTicks(Math.Clamp(budget.Ticks / 4, TimeSpan.TicksPerMillisecond * 10, TimeSpan.TicksPerSecond));
        this.actionToken = actionToken;
        this.failed = failed;
        this.overran = overran;
    }

    private TimeSpan PollInterval { get; }

    /// <summary>Where a rule's findings go: the current action's buffer on a worker thread, else the run's findings.</summary>
    public static void Collect(Finding finding, ConcurrentBag<Finding> findings)
    {
        if (pending is { } buffer) buffer.Add(finding);
        else findings.Add(finding);
    }

    /// <summary>Runs every action; returns when each has finished or been abandoned.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public void Run(int parallelism, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (work.Count == 0) return;
        var count = Math.Min(parallelism > 0 ? parallelism : Environment.ProcessorCount, work.Count);
        live = count;
        for (var i = 0; i < count; i++) Start();
        while (!done.Task.Wait(PollInterval, cancellationToken)) Watch();
        if (unexpected is not null) ExceptionDispatchInfo.Throw(unexpected);
    }

    private void Start()
    {
        var worker = new Worker();
        lock (workers) workers.Add(worker);
        new Thread(() => Work(worker)) { IsBackground = true, Name = "Governance rule worker" }.Start();
    }

    /// <summary>Abandons every action that has overrun its budget and starts a worker in its place.</summary>
    private void Watch()
    {
        Worker[] snapshot;
        lock (workers) snapshot = [.. workers];
        foreach (var worker in snapshot)
        {
            int item;
            long started;
            lock (worker.Gate)
            {
                if (worker.Abandoned || worker.Item < 0 || Stopwatch.GetTimestamp() - worker.Started <= budgetTicks) continue;
                worker.Abandoned = true;
                item = worker.Item;
                started = worker.Started;
            }

            lock (workers) workers.Remove(worker);
            Interlocked.Add(ref ruleTicks[work[item].RuleIndex], Stopwatch.GetTimestamp() - started);
            overran(work[item]);
            Start(); // takes the abandoned worker's place (and its share of `live`)
        }
    }

    private void Work(Worker worker)
    {
        try
        {
            Loop(worker);
        }
        catch (Exception ex)
        {
            Interlocked.CompareExchange(ref unexpected, ex, null);
        }
        finally
        {
            bool abandoned;
            lock (worker.Gate) abandoned = worker.Abandoned;
            if (!abandoned && Interlocked.Decrement(ref live) == 0) done.TrySetResult();
        }
    }

    private void Loop(Worker worker)
    {
        var buffer = new List<Finding>(); // this worker's, emptied before each action
        while (!actionToken.IsCancellationRequested)
        {
            var index = Interlocked.Increment(ref next);
            if (index >= work.Count) return;
            var item = work[index];
            var started = Stopwatch.GetTimestamp();
            lock (worker.Gate)
            {
                worker.Item = index;
                worker.Started = started;
            }

            buffer.Clear();
            Exception? error = null;
            pending = buffer;
            try
            {
                item.Action(item.Run, item.Entry, actionToken);
            }
            catch (OperationCanceledException) when (actionToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                error = ex;
            }
            finally
            {
                pending = null;
            }

            var elapsed = Stopwatch.GetTimestamp() - started;
            lock (worker.Gate)
            {
                if (worker.Abandoned) return; // the watchdog reported it; another worker has taken over
                worker.Item = -1;
            }

            Interlocked.Add(ref ruleTicks[item.RuleIndex], elapsed);
            if (elapsed > budgetTicks) overran(item);
            else if (error is not null) failed(item, error);
            else foreach (var finding in buffer) findings.Add(finding);
        }
    }

    private sealed class Worker
    {
        public object Gate { get; } = new();

        public int Item { get; set; } = -1;

        public long Started { get; set; }

        public bool Abandoned { get; set; }
    }
}
