using System.Runtime.CompilerServices;
using Governance.Rules.Engine;
using Governance.Rules.Model;
using Governance.Rules.Rules;

namespace Governance.Rules.Tests.Engine;

/// <summary>
/// The id handles the index keeps for backlog and roadmap items (<see cref="IdTable"/>), the lookup over them
/// (<see cref="ScopedItemLookup{T}"/>, which must resolve exactly as <see cref="ProductScopedLookup{T}"/> does over
/// strings), and the backlog item facts that hold them without references.
/// </summary>
[TestFixture]
public sealed class IdTableTests
{
    [Test]
    public void Equal_ids_share_a_handle_and_ids_compare_ordinally()
    {
        var ids = new IdTable();

        var first = ids.Intern("bl-1");
        ids.Intern("BL-1").Should().NotBe(first);
        ids.Intern(new string("bl-1".ToCharArray())).Should().Be(first, "the text decides, not the instance");
        ids.Intern("bl-1 ").Should().NotBe(first, "white space around an id is part of it");
        ids.Find("bl-1").Should().Be(first);
        ids.Count.Should().Be(3);
        new[] { first, ids.Find("BL-1"), ids.Find("bl-1 ") }.Should().Equal(0, 1, 2);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase("\t\n")]
    public void A_blank_id_has_no_handle(string? blank)
    {
        var ids = new IdTable();

        ids.Intern(blank).Should().Be(IdTable.Blank);
        ids.Find(blank).Should().Be(IdTable.Blank);
        ids.Count.Should().Be(0);
        ids.Text(IdTable.Blank).Should().BeNull();
        ids.Span(IdTable.Blank).IsEmpty.Should().BeTrue();
    }

    [Test]
    public void An_id_never_interned_is_unknown_not_blank()
    {
        var ids = new IdTable();
        ids.Intern("p-1");

        ids.Find("p-2").Should().Be(IdTable.Unknown);
        ids.Text(IdTable.Unknown).Should().BeNull();
        ids.Count.Should().Be(1);
    }

    [Test]
    public void Every_id_reads_back_as_written_across_chunks_growth_and_long_ids()
    {
        var ids = new IdTable();
        var written = new List<string>();
        for (var i = 0; i < 20_000; i++)
        {
            // ~200,000 characters: several chunks; a long id now and then gets an array of its own; non-ASCII too.
            var id = i % 5_000 == 17 ? new string((char)('a' + (i % 26)), 20_000) + i : $"item-{i}-é€-{new string('x', i % 13)}";
            written.Add(id);
            ids.Intern(id).Should().Be(i);
        }

        ids.Count.Should().Be(written.Count);
        for (var i = 0; i < written.Count; i++)
        {
            ids.Find(written[i]).Should().Be(i);
            ids.Text(i).Should().Be(written[i]);
            ids.Span(i).SequenceEqual(written[i]).Should().BeTrue();
        }

        ids.Intern(written[4_242]).Should().Be(4_242, "interning again finds the first handle");
        ids.Count.Should().Be(written.Count);
    }

    [Test]
    public void The_lookup_resolves_as_the_string_lookup_does()
    {
        // Random portfolios over small alphabets (so ids and products repeat, blanks included), every referrer and id.
        string?[] products = [null, "", " ", "p1", "p2", "p3"];
        string?[] itemIds = [null, "", "a", "b", "c", "d", "A"];
        string?[] referrers = [.. products, "p-none"];
        var random = new Random(20261128);
        for (var portfolio = 0; portfolio < 300; portfolio++)
        {
            var ids = new IdTable();
            var byHandle = new ScopedItemLookup<int>();
            var byString = new ProductScopedLookup<int>();
            for (var item = 0; item < random.Next(0, 12); item++)
            {
                var product = products[random.Next(products.Length)];
                var id = itemIds[random.Next(itemIds.Length)];
                byHandle.Add(ids.Intern(product), ids.Intern(id), item);
                byString.Add(product, id, item);
            }

            foreach (var referrer in referrers)
            {
                foreach (var id in itemIds.Append("never"))
                {
                    var expected = byString.TryResolve(referrer, id, out var expectedValue);
                    var actual = byHandle.TryResolve(ids.Find(referrer), ids.Find(id), out var actualValue);
                    actual.Should().Be(expected, "portfolio {0}, referrer '{1}', id '{2}'", portfolio, referrer, id);
                    if (expected) actualValue.Should().Be(expectedValue, "portfolio {0}, referrer '{1}', id '{2}'", portfolio, referrer, id);
                }
            }
        }
    }

    [Test]
    public void A_backlog_item_fact_holds_handles_and_no_references()
    {
        RuntimeHelpers.IsReferenceOrContainsReferences<BacklogItemFact>().Should().BeFalse("the GC neither scans nor keeps anything for ~100 facts per project");
        var ids = new IdTable();

        var fact = new BacklogItemFact(new BacklogItem { Id = "bl-2", ParentId = "bl-1", RoadmapItemId = " ", Type = BacklogItemType.Story, Status = BacklogItemStatus.Removed, Title = "Gone" }, ids);
        var empty = new BacklogItemFact(new BacklogItem(), ids);
        var none = new BacklogItemFact(null, ids);

        (ids.Text(fact.Id), ids.Text(fact.ParentId), fact.RoadmapItemId).Should().Be(("bl-2", "bl-1", IdTable.Blank));
        (fact.Type, fact.Status, fact.IsItem).Should().Be((BacklogItemType.Story, BacklogItemStatus.Removed, true));
        (empty.Id, empty.ParentId, empty.RoadmapItemId, empty.Type, empty.Status, empty.IsBlankItem).Should().Be((IdTable.Blank, IdTable.Blank, IdTable.Blank, (BacklogItemType?)null, (BacklogItemStatus?)null, true));
        (none.Id, none.Type, none.IsBlankItem).Should().Be((IdTable.Blank, (BacklogItemType?)null, true));
        new BacklogItemFact(new BacklogItem { Type = (BacklogItemType)1000, Status = (BacklogItemStatus)(-3) }, ids)
            .Should().Match<BacklogItemFact>(f => f.Type == (BacklogItemType)1000 && f.Status == (BacklogItemStatus)(-3), "an in-memory record may hold any enum value");
    }
}
