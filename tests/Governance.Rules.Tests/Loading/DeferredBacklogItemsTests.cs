using System.Collections;
using System.Text;
using System.Text.Json;
using Governance.Rules.Loading;
using Governance.Rules.Model;

namespace Governance.Rules.Tests.Loading;

/// <summary>
/// Backlog items read as summaries (<see cref="DeferredBacklogItems"/>): a document is taken or refused exactly as the
/// record reader takes or refuses it, each summary says what the record says, and each record made on demand equals the
/// one the record reader makes.
/// </summary>
[TestFixture]
public sealed class DeferredBacklogItemsTests
{
    private const string FullItem = """
        {"id": "st-1", "type": "story", "title": "Pay by card", "userStory": {"asA": "buyer", "iWant": "to pay by card", "soThat": "I need no cash"},
         "acceptanceCriteria": ["Visa works", "Mastercard works"], "parentId": "ep-1", "roadmapItemId": "ri-1", "estimate": 5.5,
         "priority": 2, "status": "ready", "assignee": "p-ann", "iteration": "S1", "createdOn": "2026-01-02", "updatedOn": "2026-02-03"}
        """;

    private static string Backlog(params string[] items) =>
        "{\"apiVersion\": \"governance/v1\", \"kind\": \"Backlog\", \"metadata\": {\"id\": \"bl\", \"title\": \"B\", \"owner\": \"ann\"}," +
        " \"spec\": {\"productId\": \"p\", \"items\": [" + string.Join(", ", items) + "]}}";

    /// <summary>Items the fast path takes: every member, none, members out of the model's order, escapes, prose that is not ASCII.</summary>
    private static readonly string[] Taken =
    [
        FullItem,
        "{}",
        """{"acceptanceCriteria": []}""",
        """{"userStory": {}}""",
        """{"status": "removed", "title": "Old", "type": "epic", "id": "ep-9"}""",
        """{"id": "st-2", "type": "story", "title": "\u0041 caf\u00e9", "userStory": {"soThat": "faster", "asA": "clerk"}}""",
        "{\"id\": \"st-3\", \"title\": \"caf\u00e9 \u00a0x\", \"iteration\": \"\u007f\", \"estimate\": 21, \"type\": \"story\"}",
        """{"id": "st-4", "type": "bug", "estimate": 0, "status": "inProgress", "acceptanceCriteria": ["  done  "]}""",
    ];

    /// <summary>Items the fast path refuses (the full path then reads the file and reports them).</summary>
    private static readonly string[] Refused =
    [
        """{"id": "st-1", "unknown": 1}""",
        """{"id": "st-1", "id": "st-2"}""",
        """{"id": null}""",
        """{"title": "   "}""",
        """{"title": ""}""",
        """{"title": "\u00a0\u2003"}""",
        "{\"title\": \"\u00a0\"}",
        """{"title": "\t"}""",
        """{"title": 5}""",
        """{"acceptanceCriteria": "one"}""",
        """{"acceptanceCriteria": ["ok", " "]}""",
        """{"acceptanceCriteria": [1]}""",
        """{"userStory": {"asA": "  "}}""",
        """{"userStory": {"who": "me"}}""",
        """{"userStory": "as a user"}""",
        """{"estimate": 1e2}""",
        """{"estimate": "3"}""",
        """{"priority": 1.5}""",
        """{"status": "Ready"}""",
        """{"type": "feature"}""",
        """{"createdOn": "2026-02-30"}""",
        """{"updatedOn": "2026-1-2"}""",
        """{"iteration": ""}""",
        """{"assignee": " "}""",
        "null",
        "[]",
    ];

    private static FastJson? Load(string json, bool summarize) => JsonDocumentParser.TryLoadFast(Encoding.UTF8.GetBytes(json), summarize);

    [TestCaseSource(nameof(Taken))]
    public void An_item_the_record_reader_takes_is_summarized_as_its_record_says(string item)
    {
        var json = Backlog(FullItem, item);
        var records = ((Backlog)Load(json, summarize: false)!.Records[0]).Spec.Items;
        var deferred = ((Backlog)Load(json, summarize: true)!.Records[0]).Spec.Items;

        deferred.Should().BeOfType<DeferredBacklogItems>();
        records.Should().NotBeOfType<DeferredBacklogItems>();
        deferred.Should().HaveCount(records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            Describe(BacklogItemSummary.Of(deferred, i)).Should().Be(Describe(new BacklogItemSummary(records[i])));
            Serialize(deferred[i]).Should().Be(Serialize(records[i]));
        }
    }

    [TestCaseSource(nameof(Refused))]
    public void An_item_the_record_reader_refuses_is_refused_by_the_summary_reader(string item)
    {
        var json = Backlog(FullItem, item);
        Load(json, summarize: false).Should().BeNull("the record reader refuses it");
        Load(json, summarize: true).Should().BeNull("the summary reader must refuse what the record reader refuses");
    }

    [Test]
    public void The_summary_reader_knows_every_member_of_the_model()
    {
        // ReadBacklogItemSummary and ReadUserStorySummary handle these members by their place in the generated tables:
        // a member added to or moved in the model must be handled there too (until then such items take the full path).
        Governance.Rules.Engine.PointerIndex.Slots(typeof(BacklogItem)).Select(s => s.JsonName).Should().Equal(
            "id", "type", "title", "userStory", "acceptanceCriteria", "parentId", "roadmapItemId", "estimate", "priority",
            "status", "assignee", "iteration", "createdOn", "updatedOn");
        Governance.Rules.Engine.PointerIndex.Slots(typeof(UserStory)).Select(s => (s.JsonName, s.Property.PropertyType)).Should().Equal(
            ("asA", typeof(string)), ("iWant", typeof(string)), ("soThat", typeof(string)));
    }

    [Test]
    public void The_summaries_read_each_part_of_an_item()
    {
        var items = ((Backlog)Load(Backlog(FullItem, "{}", """{"userStory": {"iWant": "x"}, "type": "story"}"""), summarize: true)!.Records[0]).Spec.Items;

        var full = BacklogItemSummary.Of(items, 0);
        (full.Id, full.ParentId, full.RoadmapItemId, full.Assignee).Should().Be(("st-1", "ep-1", "ri-1", "p-ann"));
        (full.IsItem, full.Type, full.Status, full.Estimate).Should().Be((true, BacklogItemType.Story, BacklogItemStatus.Ready, 5.5m));
        (full.HasAsA, full.HasIWant, full.HasSoThat, full.HasAcceptanceCriteria).Should().Be((true, true, true, true));
        full.RemovedTitle.Should().BeNull("only a removed item's title is kept");

        var blank = BacklogItemSummary.Of(items, 1);
        (blank.IsItem, blank.Id, blank.Type, blank.Status, blank.Estimate).Should().Be((false, null, null, null, null));

        var partial = BacklogItemSummary.Of(items, 2);
        (partial.IsItem, partial.HasAsA, partial.HasIWant, partial.HasSoThat, partial.HasAcceptanceCriteria).Should().Be((true, false, true, false, false));
    }

    [Test]
    public void A_removed_item_keeps_its_title_whatever_the_order_of_its_members()
    {
        var items = ((Backlog)Load(Backlog(
            """{"title": "Gone \u00e9", "status": "removed"}""", """{"status": "removed", "title": "Gone too"}""", """{"status": "removed"}"""),
            summarize: true)!.Records[0]).Spec.Items;

        Enumerable.Range(0, 3).Select(i => BacklogItemSummary.Of(items, i).RemovedTitle).Should().Equal("Gone \u00e9", "Gone too", null);
        ((DeferredBacklogItems)items).MadeOrNull(0).Should().BeNull("the title is read without making the record");
    }

    [Test]
    public void Every_document_of_a_root_array_and_a_file_with_a_byte_order_mark_are_summarized_at_the_right_offsets()
    {
        var second = Backlog("""{"id": "b-1", "title": "Second file's first"}""", """{"id": "b-2", "title": "Second file's second"}""").Replace("\"bl\"", "\"bl2\"", StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes($"[{Backlog(FullItem)}, {second}]")).ToArray();

        var loaded = JsonDocumentParser.TryLoadFast(bytes, summarizeBacklogItems: true)!;

        loaded.Records.Should().HaveCount(2);
        ((Backlog)loaded.Records[0]).Spec.Items[0].Title.Should().Be("Pay by card");
        ((Backlog)loaded.Records[1]).Spec.Items.Select(i => i.Title).Should().Equal("Second file's first", "Second file's second");
    }

    [Test]
    public void A_record_is_made_once_whatever_the_threads_that_ask_for_it()
    {
        var items = ((Backlog)Load(Backlog(FullItem, FullItem.Replace("st-1", "st-2", StringComparison.Ordinal)), summarize: true)!.Records[0]).Spec.Items;
        var deferred = (DeferredBacklogItems)items;
        deferred.MadeOrNull(1).Should().BeNull("nothing asked for it yet");

        var seen = new BacklogItem[16];
        Parallel.For(0, seen.Length, i => seen[i] = items[1]);

        seen.Should().OnlyContain(item => ReferenceEquals(item, seen[0]));
        deferred.MadeOrNull(1).Should().BeSameAs(seen[0]);
        deferred.MadeOrNull(0).Should().BeNull("only the records asked for are made");
        items.Select(i => i.Id).Should().Equal("st-1", "st-2");
        ReferenceEquals(items[0], items[0]).Should().BeTrue();
    }

    [Test]
    public void The_pointer_index_finds_the_records_made_without_making_the_others()
    {
        var backlog = (Backlog)Load(Backlog(FullItem, FullItem, FullItem, FullItem), summarize: true)!.Records[0];
        var items = (DeferredBacklogItems)backlog.Spec.Items;
        var index = Governance.Rules.Engine.PointerIndex.Build(backlog);

        index.TryGetPointer(items[2], out var pointer).Should().BeTrue();
        pointer.Should().Be("/spec/items/2");
        index.TryGetPointer(items[3].UserStory!, out pointer).Should().BeTrue("a record made after the first walk is found too");
        pointer.Should().Be("/spec/items/3/userStory");
        index.TryGetPointer(new BacklogItem { Id = "st-1" }, out _).Should().BeFalse();
        index.IsPresent("/spec/items/3/estimate").Should().BeTrue();
        items.MadeOrNull(0).Should().BeNull();
        items.MadeOrNull(1).Should().BeNull();
    }

    [Test]
    public void The_list_reads_like_any_other_read_only_list()
    {
        IList list = (IList)((Backlog)Load(Backlog(FullItem, "{}"), summarize: true)!.Records[0]).Spec.Items;

        list.IsReadOnly.Should().BeTrue();
        list.IsFixedSize.Should().BeTrue();
        list.IndexOf(list[1]).Should().Be(1);
        list.Contains(new BacklogItem { Id = "st-1" }).Should().BeFalse();
        var copy = new object[3];
        list.CopyTo(copy, 1);
        copy[1].Should().BeSameAs(list[0]);
        copy[2].Should().BeSameAs(list[1]);
        FluentActions.Invoking(() => list.Add(new BacklogItem())).Should().Throw<NotSupportedException>();
        FluentActions.Invoking(() => list[0] = new BacklogItem()).Should().Throw<NotSupportedException>();
        FluentActions.Invoking(() => list.RemoveAt(0)).Should().Throw<NotSupportedException>();
    }

    [Test]
    public void Records_are_read_from_the_file_once_its_bytes_are_let_go_and_refused_once_it_changed()
    {
        var path = Path.Combine(Path.GetTempPath(), "govern-deferred-" + Guid.NewGuid().ToString("N") + ".json");
        var json = Backlog(FullItem, """{"id": "st-2", "title": "From the file"}""");
        File.WriteAllText(path, json);
        using var cleanUp = new Deleting(path);
        var info = new FileInfo(path);
        var file = new FileBytes(path, info.Length, info.LastWriteTimeUtc);
        var loaded = Load(json, summarize: true)!;
        var items = (DeferredBacklogItems)((Backlog)loaded.Records[0]).Spec.Items;
        CompactDocument.ReadAgainFrom(loaded.Documents, file);

        items.ReadFrom(loaded.Documents[0]);
        items[1].Title.Should().Be("From the file");

        File.WriteAllText(path, json + " ");
        FluentActions.Invoking(() => items[0]).Should().Throw<InvalidOperationException>().WithMessage("*changed*");
        items[1].Title.Should().Be("From the file", "a record made before stays");
    }

    private sealed class Deleting(string path) : IDisposable
    {
        public void Dispose() => File.Delete(path);
    }

    private static string Describe(BacklogItemSummary s) =>
        $"{s.IsItem} {s.Id} {s.ParentId} {s.RoadmapItemId} {s.Assignee} {s.RemovedTitle} {s.Type} {s.Status} {s.Estimate} {s.HasAsA} {s.HasIWant} {s.HasSoThat} {s.HasAcceptanceCriteria}";

    private static string Serialize(BacklogItem item) => JsonSerializer.Serialize(item, ArtifactSerialization.Options);
}
