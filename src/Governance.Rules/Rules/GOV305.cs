using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>
/// GOV305: a backlog item whose type is not in <see cref="GOV305Options.ExemptTypes"/> has no <c>roadmapItemId</c>,
/// and neither has any of its <c>parentId</c> ancestors.
/// </summary>
internal sealed class GOV305 : GovernanceRule<GOV305Options>
{
    /// <summary>Per analysis, the backlog items by id of each product's backlogs (key "" = every backlog), first wins.</summary>
    private static readonly ConditionalWeakTable<PortfolioIndex, ConcurrentDictionary<string, Lazy<Dictionary<string, BacklogItem>>>> ItemsByProduct = [];

    public override RuleDescriptor Descriptor { get; } = new(
        "GOV305",
        "Backlog item not traceable to roadmap",
        "{0} is not traceable to the roadmap: {1}; set roadmapItemId on it or on an ancestor epic",
        RuleCategories.Backlog,
        Severity.Warning,
        "Every backlog item whose type is not in exemptTypes (default bug, task, spike) rolls up to a roadmap item: it or one of its parentId ancestors has a roadmapItemId.");

    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterArtifactAction<Backlog>(context =>
        {
            var spec = context.Artifact.Spec;
            var items = spec.Items;
            if (items is null || items.Count == 0) return;
            var exempt = context.GetOptions<GOV305Options>().ExemptTypes ?? GOV305Options.DefaultExemptTypes;
            Dictionary<string, BacklogItem>? byId = null;
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                if (!item.IsItem() || (item.Type is { } type && exempt.Contains(type)) || !item.RoadmapItemId.IsBlank()) continue;
                byId ??= ItemsOf(context.Portfolio, spec.ProductId);
                if (Untraced(item, byId) is { } reason) context.Report(item, ProductRuleFacts.DescribeItem(item, i), reason);
            }
        });

    /// <summary>
    /// Walks <paramref name="item"/>'s parents; <see langword="null"/> when one of them has a <c>roadmapItemId</c>
    /// (resolving or not), else why the item is not traceable. A missing parent or a cycle ends the walk.
    /// </summary>
    private static string? Untraced(BacklogItem item, Dictionary<string, BacklogItem> byId)
    {
        var visited = new HashSet<BacklogItem>(ReferenceEqualityComparer.Instance) { item };
        var ancestors = new List<string>();
        var current = item;
        while (true)
        {
            var parentId = current.ParentId;
            if (parentId.IsBlank()) return ancestors.Count == 0 ? "it has no roadmapItemId and no parent" : Lacking(ancestors);
            if (!byId.TryGetValue(parentId!, out var parent))
                return $"{Lacking(ancestors)}, and parent '{parentId}' is not an item of the product's backlogs";
            if (!visited.Add(parent)) return $"{Lacking(ancestors)}, and the parent chain loops back to '{parentId}'";
            if (!parent.RoadmapItemId.IsBlank()) return null;
            ancestors.Add(parentId!);
            current = parent;
        }
    }

    private static string Lacking(List<string> ancestors) => ancestors.Count switch
    {
        0 => "it has no roadmapItemId",
        1 => $"neither it nor its parent '{ancestors[0]}' has a roadmapItemId",
        _ => $"neither it nor its ancestors {string.Join(" → ", ancestors.Select(id => $"'{id}'"))} has a roadmapItemId",
    };

    /// <summary>
    /// The items parents resolve among (SPEC §H People and links): those of the backlogs with the same
    /// <c>productId</c>, or of every backlog when there is none; the first in document order wins.
    /// </summary>
    private static Dictionary<string, BacklogItem> ItemsOf(PortfolioIndex portfolio, string? productId)
    {
        var key = productId.IsBlank() ? string.Empty : productId!;
        var cache = ItemsByProduct.GetValue(portfolio, static _ => new ConcurrentDictionary<string, Lazy<Dictionary<string, BacklogItem>>>(StringComparer.Ordinal));
        return cache.GetOrAdd(key, k => new Lazy<Dictionary<string, BacklogItem>>(() =>
        {
            var backlogs = k.Length == 0 ? portfolio.OfKind<Backlog>() : portfolio.ChildrenOf<Backlog>(k);
            var byId = new Dictionary<string, BacklogItem>(StringComparer.Ordinal);
            foreach (var backlog in backlogs)
            {
                foreach (var candidate in (backlog.Spec?.Items).Present())
                {
                    if (!candidate.Id.IsBlank()) byId.TryAdd(candidate.Id!, candidate);
                }
            }

            return byId;
        })).Value;
    }
}

/// <summary>Options of GOV305.</summary>
internal sealed record GOV305Options
{
    /// <summary>The default of <see cref="ExemptTypes"/>: <c>[bug, task, spike]</c>.</summary>
    internal static readonly IReadOnlyList<BacklogItemType> DefaultExemptTypes =
        [BacklogItemType.Bug, BacklogItemType.Task, BacklogItemType.Spike];

    /// <summary>
    /// Item types that need not trace to the roadmap. Written in camelCase (<c>[bug, spike]</c>).
    /// Default <c>[bug, task, spike]</c>.
    /// </summary>
    public IReadOnlyList<BacklogItemType> ExemptTypes { get; init; } = DefaultExemptTypes;
}
