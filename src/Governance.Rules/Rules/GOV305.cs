using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>
/// GOV305: a backlog item whose type is not in <see cref="GOV305Options.ExemptTypes"/> has no <c>roadmapItemId</c>,
/// and neither has any of its <c>parentId</c> ancestors.
/// </summary>
internal sealed class GOV305 : GovernanceRule<GOV305Options>
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GOV305",
        "Backlog item not traceable to roadmap",
        "{0} is not traceable to the roadmap: {1}; set roadmapItemId on it or on an ancestor epic",
        RuleCategories.Backlog,
        Severity.Warning,
        "Every backlog item whose type is not in exemptTypes (default bug, task, spike) rolls up to a roadmap item: it or one of its parentId ancestors has a roadmapItemId.");

    /// <remarks>
    /// A node action: it reads the items' facts the index keeps (id, type, parent, roadmap link), so a backlog whose
    /// record was released is read again only to report against one of its items.
    /// </remarks>
    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterNodeAction(ArtifactKind.Backlog, context =>
        {
            var node = context.Node;
            var items = node.BacklogItems;
            if (items.Length == 0) return;
            var exempt = context.GetOptions<GOV305Options>().ExemptTypes ?? GOV305Options.DefaultExemptTypes;
            IReadOnlyList<BacklogItem>? records = null;
            for (var i = 0; i < items.Length; i++)
            {
                var item = items[i];
                if (!item.IsItem || (item.Type is { } type && exempt.Contains(type)) || item.RoadmapItemId >= 0) continue;
                if (Untraced(context.Portfolio, node, i) is not { } reason) continue;
                records ??= ((Backlog)context.Record).Spec.Items;
                context.Report(records[i], ProductRuleFacts.DescribeItem(records[i], i), reason);
            }
        });

    /// <summary>
    /// Walks the parents of item <paramref name="index"/> of <paramref name="backlog"/> among the items of the backlogs
    /// with the same <c>productId</c> (every backlog without one; SPEC §H People and links), first in document order;
    /// <see langword="null"/> when one of them has a <c>roadmapItemId</c> (resolving or not), else why the item is not
    /// traceable. A missing parent or a cycle ends the walk.
    /// </summary>
    private static string? Untraced(PortfolioIndex portfolio, PortfolioNode backlog, int index)
    {
        var scope = backlog.ProductHandle;
        if (TracedQuickly(portfolio, scope, backlog.BacklogItems[index])) return null;

        var visited = new HashSet<(int, int)> { (backlog.Order, index) };
        var ancestors = new List<string>();
        var current = backlog.BacklogItems[index];
        while (true)
        {
            if (current.ParentId < 0) return ancestors.Count == 0 ? "it has no roadmapItemId and no parent" : Lacking(ancestors);
            var parentId = portfolio.Ids.Text(current.ParentId);
            if (!portfolio.TryResolveBacklogItem(scope, current.ParentId, out var order, out var item))
                return $"{Lacking(ancestors)}, and parent '{parentId}' is not an item of the product's backlogs";
            if (!visited.Add((order, item))) return $"{Lacking(ancestors)}, and the parent chain loops back to '{parentId}'";
            var parent = portfolio.Nodes[order].BacklogItems[item];
            if (parent.RoadmapItemId >= 0) return null;
            ancestors.Add(parentId!);
            current = parent;
        }
    }

    /// <summary>Parent steps the allocation-free walk takes before leaving the item to the full walk.</summary>
    private const int QuickSteps = 32;

    /// <summary>
    /// Whether an ancestor of <paramref name="item"/> within <see cref="QuickSteps"/> parent steps has a
    /// <c>roadmapItemId</c>: the common case, decided without allocating. Each item has one parent, so a walk that
    /// revisits an item only goes round the loop it closed, whose items the full walk saw untraced before it stopped:
    /// whenever this answers <see langword="true"/>, the full walk finds the same ancestor, and otherwise it runs.
    /// </summary>
    private static bool TracedQuickly(PortfolioIndex portfolio, int scope, BacklogItemFact item)
    {
        var current = item;
        for (var step = 0; step < QuickSteps; step++)
        {
            if (current.ParentId < 0 || !portfolio.TryResolveBacklogItem(scope, current.ParentId, out var order, out var at)) return false;
            current = portfolio.Nodes[order].BacklogItems[at];
            if (current.RoadmapItemId >= 0) return true;
        }

        return false;
    }

    private static string Lacking(List<string> ancestors) => ancestors.Count switch
    {
        0 => "it has no roadmapItemId",
        1 => $"neither it nor its parent '{ancestors[0]}' has a roadmapItemId",
        _ => $"neither it nor its ancestors {string.Join(" → ", ancestors.Select(id => $"'{id}'"))} has a roadmapItemId",
    };
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
