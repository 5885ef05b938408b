using System.Collections;
using Governance.Rules.Model;
using Governance.Rules.Rules;

namespace Governance.Rules.Loading;

/// <summary>
/// What the built-in backlog rules (GOV301–GOV304) and the index read of a backlog item: its ids and assignee, its
/// type, status and estimate, and which parts of its story and criteria are written. Read from the JSON without making
/// the item's record (<see cref="DeferredBacklogItems"/>), or taken from a record.
/// </summary>
internal readonly struct BacklogItemSummary
{
    private const ushort ItemFlag = 1, TypeFlag = 2, StatusFlag = 4, EstimateFlag = 8, AsAFlag = 16, IWantFlag = 32, SoThatFlag = 64, CriteriaFlag = 128;

    // A hundred thousand of these per thousand projects (72 bytes each). The enums keep their own type: a record built
    // in memory may hold any value of it, which a narrower field would change.
    private readonly decimal estimate;
    private readonly BacklogItemType type;
    private readonly BacklogItemStatus status;
    private readonly ushort flags;

    /// <summary>The summary of <paramref name="item"/> (a null item is not an item).</summary>
    public BacklogItemSummary(BacklogItem? item)
    {
        Offset = -1;
        if (item is null) return;
        (Id, ParentId, RoadmapItemId, Assignee) = (item.Id, item.ParentId, item.RoadmapItemId, item.Assignee);
        RemovedTitle = item.Status == BacklogItemStatus.Removed ? item.Title : null;
        var story = item.UserStory;
        flags = Flags(
            item.IsItem(), item.Type, item.Status, item.Estimate,
            !(story?.AsA.IsBlank() ?? true), !(story?.IWant.IsBlank() ?? true), !(story?.SoThat.IsBlank() ?? true),
            !item.AcceptanceCriteria.IsBlank());
        (type, status, estimate) = (item.Type.GetValueOrDefault(), item.Status.GetValueOrDefault(), item.Estimate.GetValueOrDefault());
    }

    /// <summary>A summary read from JSON: the item's object starts at <paramref name="offset"/> of the bytes it was read from.</summary>
    internal BacklogItemSummary(
        int offset, bool isItem, string? id, string? parentId, string? roadmapItemId, string? assignee, string? removedTitle,
        BacklogItemType? type, BacklogItemStatus? status, decimal? estimate, bool hasAsA, bool hasIWant, bool hasSoThat, bool hasCriteria)
    {
        Offset = offset;
        (Id, ParentId, RoadmapItemId, Assignee, RemovedTitle) = (id, parentId, roadmapItemId, assignee, removedTitle);
        flags = Flags(isItem, type, status, estimate, hasAsA, hasIWant, hasSoThat, hasCriteria);
        (this.type, this.status, this.estimate) = (type.GetValueOrDefault(), status.GetValueOrDefault(), estimate.GetValueOrDefault());
    }

    /// <summary>Where the item's object starts in the bytes it was read from; -1 when taken from a record.</summary>
    public int Offset { get; }

    public string? Id { get; }

    public string? ParentId { get; }

    public string? RoadmapItemId { get; }

    public string? Assignee { get; }

    /// <summary>The title of a removed item (GOV904 names removed items), else <see langword="null"/>.</summary>
    public string? RemovedTitle { get; }

    /// <summary><see cref="Rules.ProductRuleFacts.IsItem"/> of the item: present and not blank.</summary>
    public bool IsItem => (flags & ItemFlag) != 0;

    public BacklogItemType? Type => (flags & TypeFlag) != 0 ? type : null;

    public BacklogItemStatus? Status => (flags & StatusFlag) != 0 ? status : null;

    public decimal? Estimate => (flags & EstimateFlag) != 0 ? estimate : null;

    /// <summary>Whether <c>userStory.asA</c> is written (not blank).</summary>
    public bool HasAsA => (flags & AsAFlag) != 0;

    /// <summary>Whether <c>userStory.iWant</c> is written (not blank).</summary>
    public bool HasIWant => (flags & IWantFlag) != 0;

    /// <summary>Whether <c>userStory.soThat</c> is written (not blank).</summary>
    public bool HasSoThat => (flags & SoThatFlag) != 0;

    /// <summary>Whether <c>acceptanceCriteria</c> holds a criterion that is not blank.</summary>
    public bool HasAcceptanceCriteria => (flags & CriteriaFlag) != 0;

    /// <summary>The summary of item <paramref name="index"/> of <paramref name="items"/>, without making its record when it has none yet.</summary>
    public static BacklogItemSummary Of(IReadOnlyList<BacklogItem> items, int index) =>
        items is DeferredBacklogItems deferred ? deferred.Summary(index) : new BacklogItemSummary(items[index]);

    private static ushort Flags(
        bool isItem, BacklogItemType? type, BacklogItemStatus? status, decimal? estimate, bool hasAsA, bool hasIWant, bool hasSoThat, bool hasCriteria) =>
        (ushort)((isItem ? ItemFlag : 0) | (type is null ? 0 : TypeFlag) | (status is null ? 0 : StatusFlag) | (estimate is null ? 0 : EstimateFlag) |
                 (hasAsA ? AsAFlag : 0) | (hasIWant ? IWantFlag : 0) | (hasSoThat ? SoThatFlag : 0) | (hasCriteria ? CriteriaFlag : 0));
}

/// <summary>
/// A backlog's items read from JSON as <see cref="BacklogItemSummary"/> values, each item's record made the first time it
/// is asked for (from the document's bytes: the file's held while its batch runs, else the file read again, and for
/// YAML scanned again as locating a finding does). The built-in rules
/// read the summaries and ask for the records of the few items they report; any other reader sees an ordinary list.
/// Only the engine's streaming runs load backlogs this way, and only when no rule outside the catalog reads them
/// (<see cref="LoadOptions.DeferBacklogItems"/>): most of a portfolio's bytes are backlog items, and their records and
/// strings were about half of what a run allocated (benchmarks/README.md).
/// </summary>
internal sealed class DeferredBacklogItems : IReadOnlyList<BacklogItem>, IList
{
    private readonly BacklogItemSummary[] summaries;

    /// <summary>The records made so far, by index (null until the first one is asked for: most lists never make one).</summary>
    private BacklogItem?[]? made;
    private ReadOnlyMemory<byte> memory;
    private CompactDocument? document;

    /// <summary>Items summarized from <paramref name="bytes"/>, which stay readable until <see cref="ReadFrom"/> names the file instead.</summary>
    internal DeferredBacklogItems(BacklogItemSummary[] summaries, ReadOnlyMemory<byte> bytes)
    {
        this.summaries = summaries;
        memory = bytes;
    }

    public int Count => summaries.Length;

    public BacklogItem this[int index] => MadeOrNull(index) ?? Make(index);

    /// <summary>The summary of item <paramref name="index"/>.</summary>
    public BacklogItemSummary Summary(int index) => summaries[index];

    /// <summary>The record of item <paramref name="index"/> if it was made already (the pointer index names only those).</summary>
    internal BacklogItem? MadeOrNull(int index)
    {
        var records = Volatile.Read(ref made);
        return records is null ? null : Volatile.Read(ref records[index]);
    }

    /// <summary>
    /// From now on the records are read from <paramref name="source"/>'s bytes (held, or its file read again), not from
    /// the buffer loaded, which may be reused.
    /// </summary>
    internal void ReadFrom(CompactDocument source)
    {
        document = source;
        memory = default;
    }

    private BacklogItem Make(int index)
    {
        BacklogItem item;
        if (document is null)
        {
            item = ArtifactReader.ReadBacklogItemAt(memory.Span, summaries[index].Offset);
        }
        else
        {
            if (!document.TryReadSource(out var bytes, out var lease))
                throw new InvalidOperationException("A backlog's file changed or cannot be read during the analysis: its items can no longer be read.");
            using (lease) item = ArtifactReader.ReadBacklogItemAt(bytes.Span, summaries[index].Offset);
        }

        // Two threads may make the same item: the first one stored is the item, so a record has one identity.
        var records = Volatile.Read(ref made);
        if (records is null)
        {
            var fresh = new BacklogItem?[summaries.Length];
            records = Interlocked.CompareExchange(ref made, fresh, null) ?? fresh;
        }

        return Interlocked.CompareExchange(ref records[index], item, null) ?? item;
    }

    public IEnumerator<BacklogItem> GetEnumerator()
    {
        for (var i = 0; i < summaries.Length; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    object? IList.this[int index]
    {
        get => this[index];
        set => throw ReadOnly();
    }

    bool IList.IsFixedSize => true;

    bool IList.IsReadOnly => true;

    bool ICollection.IsSynchronized => false;

    object ICollection.SyncRoot => this;

    int IList.Add(object? value) => throw ReadOnly();

    void IList.Clear() => throw ReadOnly();

    bool IList.Contains(object? value) => ((IList)this).IndexOf(value) >= 0;

    int IList.IndexOf(object? value)
    {
        for (var i = 0; i < summaries.Length; i++)
        {
            if (Equals(this[i], value)) return i;
        }

        return -1;
    }

    void IList.Insert(int index, object? value) => throw ReadOnly();

    void IList.Remove(object? value) => throw ReadOnly();

    void IList.RemoveAt(int index) => throw ReadOnly();

    void ICollection.CopyTo(Array array, int index)
    {
        for (var i = 0; i < summaries.Length; i++) array.SetValue(this[i], index + i);
    }

    private static NotSupportedException ReadOnly() => new("The list is read-only.");
}
