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

    /// <summary>An item in messages: <c>'ri-1' (Title)</c>, <c>'ri-1'</c>, <c>(Title)</c>, or <c>at index 3</c> with neither.</summary>
    public static string Describe(string? id, string? title, int index) => (id.IsBlank(), title.IsBlank()) switch
    {
        (false, false) => $"'{id}' ({title})",
        (false, true) => $"'{id}'",
        (true, false) => $"({title})",
        _ => "at index " + index.ToString(CultureInfo.InvariantCulture),
    };

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
    private readonly Dictionary<string, Dictionary<string, T>> byProduct = new(StringComparer.Ordinal);
    private readonly Dictionary<string, T> all = new(StringComparer.Ordinal);

    /// <summary>Adds an item with id <paramref name="id"/> held by an artifact of product <paramref name="productId"/>.</summary>
    public void Add(string? productId, string? id, T value)
    {
        if (id.IsBlank()) return;
        all.TryAdd(id!, value);
        if (productId.IsBlank()) return;
        if (!byProduct.TryGetValue(productId!, out var items)) byProduct[productId!] = items = new(StringComparer.Ordinal);
        items.TryAdd(id!, value);
    }

    /// <summary>Resolves <paramref name="id"/> written by a referrer of product <paramref name="referrerProductId"/>.</summary>
    public bool TryResolve(string? referrerProductId, string? id, out T value)
    {
        value = default!;
        if (id.IsBlank()) return false;
        if (referrerProductId.IsBlank()) return all.TryGetValue(id!, out value!);
        return byProduct.TryGetValue(referrerProductId!, out var items) && items.TryGetValue(id!, out value!);
    }
}
