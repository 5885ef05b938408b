using System.Collections;
using Governance.Rules.Engine;

namespace Governance.Rules.Tests.Engine;

/// <summary>Batches loading ahead (<see cref="GovernanceEngine.LoadingAhead{T}"/>) while the engine works on the current one.</summary>
[TestFixture]
public sealed class LoadingAheadTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    /// <summary>A source whose MoveNext can be held, recording what was asked of it.</summary>
    private sealed class Source(int count, int holdAt = -1) : IEnumerable<int>, IEnumerator<int>
    {
        private int position = -1;

        public ManualResetEventSlim Gate { get; } = new(true);

        public ConcurrentQueueLog Log { get; } = new();

        public int Current => position;

        object IEnumerator.Current => Current;

        public bool MoveNext()
        {
            Log.Add($"move {position + 1}");
            if (position + 1 == holdAt) Gate.Reset(); // this load waits until the test lets it go
            Gate.Wait(Bound);
            Log.Add($"moved {position + 1}");
            return ++position < count;
        }

        public void Dispose() => Log.Add("dispose");

        public void Reset() => throw new NotSupportedException();

        public IEnumerator<int> GetEnumerator() => this;

        IEnumerator IEnumerable.GetEnumerator() => this;
    }

    private sealed class ConcurrentQueueLog
    {
        private readonly List<string> entries = [];

        public void Add(string entry)
        {
            lock (entries) entries.Add(entry);
        }

        public IReadOnlyList<string> Snapshot()
        {
            lock (entries) return [.. entries];
        }
    }

    [Test]
    public void Every_batch_comes_in_order_and_the_next_one_is_asked_for_before_the_current_one_is_processed()
    {
        var source = new Source(3);
        var seen = new List<(int Batch, IReadOnlyList<string> LogWhenProcessing)>();

        foreach (var batch in GovernanceEngine.LoadingAhead(source))
        {
            SpinWait.SpinUntil(() => source.Log.Snapshot().Count >= (2 * batch) + 3, Bound); // the next load has started
            seen.Add((batch, source.Log.Snapshot()));
        }

        seen.Select(s => s.Batch).Should().Equal(0, 1, 2);
        seen[0].LogWhenProcessing.Should().Contain("move 1", "batch 1 loads while batch 0 is processed");
        source.Log.Snapshot().Should().EndWith(["moved 3", "dispose"]);
    }

    [Test]
    public void A_caller_that_stops_early_waits_for_the_pending_load_before_the_source_is_disposed()
    {
        var source = new Source(5, holdAt: 1);
        var act = () =>
        {
            foreach (var batch in GovernanceEngine.LoadingAhead(source))
            {
                _ = Task.Delay(200).ContinueWith(_ => source.Gate.Set(), TaskScheduler.Default);
                throw new InvalidOperationException($"the engine failed on batch {batch}");
            }
        };

        act.Should().Throw<InvalidOperationException>().WithMessage("the engine failed on batch 0");
        source.Log.Snapshot().Should().Equal("move 0", "moved 0", "move 1", "moved 1", "dispose");
    }

    [Test]
    public void A_failing_load_throws_its_own_exception_to_the_caller()
    {
        static IEnumerable<int> Failing()
        {
            yield return 1;
            throw new IOException("disk gone");
        }

        var act = () => GovernanceEngine.LoadingAhead(Failing()).ToList();

        act.Should().Throw<IOException>().WithMessage("disk gone");
    }
}
