using System.Globalization;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>What the roadmap-linking portfolio rules (GOV903, GOV904) share: blank items and how items read in messages.</summary>
internal static class RoadmapLinkFacts
{
    /// <summary>A roadmap item equal to this one has every field absent: an empty object, blank (SPEC §H).</summary>
    private static readonly RoadmapItem BlankRoadmapItem = new();

    /// <summary>A backlog item equal to this one has every field absent: an empty object, blank (SPEC §H).</summary>
    private static readonly BacklogItem BlankBacklogItem = new();

    /// <summary>Whether <paramref name="item"/> is <see langword="null"/> or an empty object, so not a roadmap item.</summary>
    public static bool IsBlankItem(this RoadmapItem? item) => item is null || item == BlankRoadmapItem;

    /// <summary>Whether <paramref name="item"/> is <see langword="null"/> or an empty object, so not a backlog item.</summary>
    public static bool IsBlankItem(this BacklogItem? item) => item is null || item == BlankBacklogItem;

    /// <summary>
    /// A referring item in a list of references: <c>'ri-3'</c>, <c>(Title)</c>, or <c>the item at index 4 of 'roadmap-x'</c>
    /// with neither.
    /// </summary>
    public static string Reference(string? artifactId, string? id, string? title, int index) =>
        !id.IsBlank() ? $"'{id}'"
        : !title.IsBlank() ? $"({title})"
        : $"the item at index {index.ToString(CultureInfo.InvariantCulture)} of '{artifactId}'";
}

/// <summary>
/// Resolves item references (<c>→Objective</c>, <c>→RoadmapItem</c>, <c>→BacklogItem</c>) as SPEC §H "People and links"
/// says: among the items of the artifacts with the referrer's <c>productId</c>, or among all when the referrer has none;
/// the first in document order wins. Add the items in document order; ids compare ordinally.
/// </summary>
/// <typeparam name="T">What an id resolves to.</typeparam>
internal sealed class ProductScopedLookup<T>
{
    // One entry per id: the first item overall and the product of its holder. The first item of another product with
    // the same id (rare: ids are unique in practice) is kept aside, so a product's own table is not needed.
    private readonly Dictionary<string, (T Value, string? Product)> first = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Product, string Id), T> otherProducts = [];

    /// <summary>Adds an item with id <paramref name="id"/> held by an artifact of product <paramref name="productId"/>.</summary>
    public void Add(string? productId, string? id, T value)
    {
        if (id.IsBlank()) return;
        var product = productId.IsBlank() ? null : productId;
        if (!first.TryGetValue(id!, out var earlier))
        {
            first.Add(id!, (value, product));
            return;
        }

        // The first item of this product with this id, unless the first overall is already it.
        if (product is not null && !string.Equals(earlier.Product, product, StringComparison.Ordinal))
            otherProducts.TryAdd((product, id!), value);
    }

    /// <summary>Resolves <paramref name="id"/> written by a referrer of product <paramref name="referrerProductId"/>.</summary>
    public bool TryResolve(string? referrerProductId, string? id, out T value)
    {
        value = default!;
        if (id.IsBlank() || !first.TryGetValue(id!, out var found)) return false;
        if (referrerProductId.IsBlank() || string.Equals(found.Product, referrerProductId, StringComparison.Ordinal))
        {
            value = found.Value;
            return true;
        }

        return otherProducts.TryGetValue((referrerProductId!, id!), out value!);
    }
}
