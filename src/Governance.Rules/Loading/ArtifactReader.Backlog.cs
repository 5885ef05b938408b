using System.Text.Json;
using Governance.Rules.Model;

namespace Governance.Rules.Loading;

/// <summary>
/// A backlog's items read as summaries (<see cref="DeferredBacklogItems"/>) when the loader asks for it: the same members
/// and the same checks as <c>ReadBacklogItem</c>, so a document is refused exactly when the record reader would refuse
/// it, but the strings the summary does not hold (titles, stories, criteria, iterations) are checked in place, not made.
/// </summary>
internal static partial class ArtifactReader
{
    /// <summary>Whether backlog items read on this thread are summarized (<see cref="SummarizingBacklogItems"/>).</summary>
    [ThreadStatic]
    private static bool summarizing;

    /// <summary>The bytes being read while <see cref="summarizing"/>.</summary>
    [ThreadStatic]
    private static ReadOnlyMemory<byte> summarizedBytes;

    /// <summary>
    /// While the returned scope is not disposed, backlog items read on this thread from <paramref name="bytes"/> (the
    /// bytes the reader reads, from their start) are summaries, their records made on demand.
    /// </summary>
    internal static SummaryScope SummarizingBacklogItems(ReadOnlyMemory<byte> bytes)
    {
        (summarizing, summarizedBytes) = (true, bytes);
        return default;
    }

    /// <summary>
    /// The summaries of the list being read, copied into an exact array at its end (backlogs hold no backlogs, so one per
    /// thread is enough). An array, not a <c>List</c>: a framework generic over one of our value types is not in the
    /// precompiled image and would be compiled at start-up.
    /// </summary>
    [ThreadStatic]
    private static BacklogItemSummary[]? scratchSummaries;

    /// <summary>Ends <see cref="SummarizingBacklogItems"/>.</summary>
    internal readonly struct SummaryScope : IDisposable
    {
        public void Dispose() => (summarizing, summarizedBytes) = (false, default);
    }

    /// <summary>The record of the backlog item whose object starts at <paramref name="offset"/> of <paramref name="bytes"/> (read before, so valid).</summary>
    internal static BacklogItem ReadBacklogItemAt(ReadOnlySpan<byte> bytes, int offset)
    {
        var reader = new Utf8JsonReader(bytes[offset..], ReaderOptions);
        reader.Read();
        return ReadBacklogItem(ref reader);
    }

    /// <summary><c>BacklogSpec.items</c>: records, or summaries while <see cref="SummarizingBacklogItems"/>.</summary>
    private static IReadOnlyList<BacklogItem> ReadBacklogItems(ref Utf8JsonReader reader)
    {
        if (!summarizing) return ReadBacklogItemList(ref reader);
        StartArray(ref reader);
        var summaries = scratchSummaries ??= new BacklogItemSummary[128];
        var count = 0;
        while (NextElement(ref reader))
        {
            if (count == summaries.Length)
            {
                var larger = new BacklogItemSummary[summaries.Length * 2];
                Array.Copy(summaries, larger, count);
                scratchSummaries = summaries = larger;
            }

            summaries[count++] = ReadBacklogItemSummary(ref reader);
        }

        var exact = new BacklogItemSummary[count];
        Array.Copy(summaries, exact, count);
        Array.Clear(summaries, 0, count); // the scratch array must not keep the strings alive
        return new DeferredBacklogItems(exact, summarizedBytes);
    }

    /// <summary>As <c>ReadBacklogItem</c> (the same members, in the same table, with the same checks), into a summary.</summary>
    private static BacklogItemSummary ReadBacklogItemSummary(ref Utf8JsonReader reader)
    {
        StartObject(ref reader);
        var offset = checked((int)reader.TokenStartIndex);
        string? id = null, parentId = null, roadmapItemId = null, assignee = null;
        var titleAt = -1;
        BacklogItemType? type = null;
        BacklogItemStatus? status = null;
        decimal? estimate = null;
        bool hasAsA = false, hasIWant = false, hasSoThat = false, hasCriteria = false;
        var next = 0;
        var seen = 0UL;
        while (NextMember(ref reader))
        {
            switch (Member(ref reader, BacklogItemMembers, ref next, ref seen))
            {
                case 0: id = String(ref reader); break;
                case 1: type = ReadBacklogItemType(ref reader); break;
                case 2:
                    titleAt = checked((int)reader.TokenStartIndex);
                    CheckString(ref reader);
                    break;
                case 3: ReadUserStorySummary(ref reader, out hasAsA, out hasIWant, out hasSoThat); break;
                case 4: hasCriteria = CheckStrings(ref reader) > 0; break;
                case 5: parentId = String(ref reader); break;
                case 6: roadmapItemId = String(ref reader); break;
                case 7: estimate = Decimal(ref reader); break;
                case 8: Int32(ref reader); break;
                case 9: status = ReadBacklogItemStatus(ref reader); break;
                case 10: assignee = String(ref reader); break;
                case 11: CheckString(ref reader); break;
                case 12: Date(ref reader); break;
                case 13: Date(ref reader); break;
                default: throw Rejected("a member the summary reader does not know"); // a member added to the model: the full path reads it
            }
        }

        // A removed item's title is kept (GOV904 names it), so the index need not make its record.
        var removedTitle = status == BacklogItemStatus.Removed && titleAt >= 0 ? StringAt(summarizedBytes.Span, titleAt) : null;
        return new BacklogItemSummary(offset, seen != 0, id, parentId, roadmapItemId, assignee, removedTitle, type, status, estimate, hasAsA, hasIWant, hasSoThat, hasCriteria);
    }

    /// <summary>The string value that starts at <paramref name="offset"/> of <paramref name="bytes"/> (read before, so valid).</summary>
    private static string StringAt(ReadOnlySpan<byte> bytes, int offset)
    {
        var reader = new Utf8JsonReader(bytes[offset..], ReaderOptions);
        reader.Read();
        return String(ref reader);
    }

    /// <summary>As <c>ReadUserStory</c>, into which of its members are written (a member that is written is never blank here).</summary>
    private static void ReadUserStorySummary(ref Utf8JsonReader reader, out bool hasAsA, out bool hasIWant, out bool hasSoThat)
    {
        StartObject(ref reader);
        var next = 0;
        var seen = 0UL;
        while (NextMember(ref reader))
        {
            Member(ref reader, UserStoryMembers, ref next, ref seen);
            CheckString(ref reader);
        }

        (hasAsA, hasIWant, hasSoThat) = ((seen & 1) != 0, (seen & 2) != 0, (seen & 4) != 0);
    }

    /// <summary>As <see cref="Strings"/>, counting the strings instead of making them.</summary>
    private static int CheckStrings(ref Utf8JsonReader reader)
    {
        StartArray(ref reader);
        var count = 0;
        while (NextElement(ref reader))
        {
            CheckString(ref reader);
            count++;
        }

        return count;
    }

    /// <summary>
    /// Refuses what <see cref="String"/> refuses (not a string, a blank one) without making the string when it can tell:
    /// an unescaped value with a printable ASCII character is not blank (the file's UTF-8 was checked before).
    /// </summary>
    private static void CheckString(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String) throw Rejected($"a string expected, not {reader.TokenType}");
        if (!reader.ValueIsEscaped && reader.ValueSpan.IndexOfAnyInRange((byte)'!', (byte)'~') >= 0) return;
        if (string.IsNullOrWhiteSpace(reader.GetString())) throw Rejected("a blank string");
    }
}
