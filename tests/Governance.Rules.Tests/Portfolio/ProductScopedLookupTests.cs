using Governance.Rules.Rules;

namespace Governance.Rules.Tests.Portfolio;

/// <summary>
/// <see cref="ProductScopedLookup{T}"/> keeps one entry per id and sets aside only the first item of another product
/// with the same id; it resolves as SPEC §H says: among the referrer's product, or among all when the referrer has
/// none, the first in document order.
/// </summary>
[TestFixture]
public sealed class ProductScopedLookupTests
{
    [Test]
    public void An_id_held_by_several_products_resolves_to_each_products_first_and_overall_to_the_first()
    {
        var lookup = new ProductScopedLookup<int>();
        lookup.Add(null, "a", 1);
        lookup.Add("p", "a", 2);
        lookup.Add("q", "a", 3);
        lookup.Add("p", "a", 4);
        lookup.Add(" ", "a", 5);

        Assert.That(Resolve(lookup, null, "a"), Is.EqualTo(1));
        Assert.That(Resolve(lookup, "  ", "a"), Is.EqualTo(1));
        Assert.That(Resolve(lookup, "p", "a"), Is.EqualTo(2));
        Assert.That(Resolve(lookup, "q", "a"), Is.EqualTo(3));
        Assert.That(Resolve(lookup, "r", "a"), Is.Null);
        Assert.That(Resolve(lookup, "P", "a"), Is.Null, "products compare ordinally");
    }

    [Test]
    public void The_first_item_overall_is_also_its_products_first()
    {
        var lookup = new ProductScopedLookup<int>();
        lookup.Add("p", "a", 1);
        lookup.Add(null, "a", 2);
        lookup.Add("p", "a", 3);
        lookup.Add("q", "a", 4);
        lookup.Add("p", "b", 5);

        Assert.That(Resolve(lookup, null, "a"), Is.EqualTo(1));
        Assert.That(Resolve(lookup, "p", "a"), Is.EqualTo(1));
        Assert.That(Resolve(lookup, "q", "a"), Is.EqualTo(4));
        Assert.That(Resolve(lookup, "q", "b"), Is.Null);
        Assert.That(Resolve(lookup, "p", "b"), Is.EqualTo(5));
        Assert.That(Resolve(lookup, null, "b"), Is.EqualTo(5));
    }

    [Test]
    public void Blank_ids_are_neither_added_nor_resolved()
    {
        var lookup = new ProductScopedLookup<int>();
        lookup.Add("p", " ", 1);
        lookup.Add("p", null, 2);

        Assert.That(Resolve(lookup, "p", " "), Is.Null);
        Assert.That(Resolve(lookup, null, null), Is.Null);
    }

    private static int? Resolve(ProductScopedLookup<int> lookup, string? product, string? id) =>
        lookup.TryResolve(product, id, out var value) ? value : null;
}
