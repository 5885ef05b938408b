using System.Globalization;
using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>
/// GOV904: a roadmap item in progress that no work delivers: no backlog item (not removed) links to it, directly by
/// <c>roadmapItemId</c> or through its parent chain, and no Project (not cancelled) lists it in <c>roadmapItemIds</c>.
/// References resolve per SPEC §H (same product, first in document order).
/// </summary>
internal sealed class GOV904 : GovernanceRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GOV904",
        "In-progress roadmap item has no delivering work",
        "Roadmap item {0} is in progress but no backlog item or project delivers it{1}; link the backlog items that deliver it (roadmapItemId) or the project (roadmapItemIds)",
        RuleCategories.Portfolio,
        Severity.Warning,
        "A roadmap item in progress is delivered by work: a backlog item that is not removed (directly or through its parent epic) or a project that is not cancelled.");

    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterPortfolioAction(context =>
        {
            var roadmaps = context.Portfolio.NodesOf(ArtifactKind.Roadmap);
            if (!roadmaps.Any(r => r.RoadmapItems.Any(i => i.Status == RoadmapItemStatus.InProgress))) return;

            // Keyed by the index's id handles, which the backlog items' facts hold (every roadmap item's id has one).
            var ids = context.Portfolio.Ids;
            var roadmapItems = new ScopedItemLookup<(int Order, int Index)>();
            foreach (var roadmap in roadmaps)
            {
                var items = roadmap.RoadmapItems;
                for (var i = 0; i < items.Length; i++)
                {
                    if (items[i].IsPresent) roadmapItems.Add(roadmap.ProductHandle, ids.Find(items[i].Id), (roadmap.Order, i));
                }
            }

            var delivered = new HashSet<(int, int)>();
            var notCounted = new Dictionary<(int, int), List<string>>();
            AddBacklogWork(context.Portfolio, roadmapItems, delivered, notCounted);
            AddProjects(context.Portfolio, roadmapItems, delivered, notCounted);

            foreach (var roadmap in roadmaps)
            {
                var items = roadmap.RoadmapItems;
                for (var i = 0; i < items.Length; i++)
                {
                    var item = items[i];
                    if (!item.IsPresent || item.Status != RoadmapItemStatus.InProgress || delivered.Contains((roadmap.Order, i))) continue;
                    var note = notCounted.TryGetValue((roadmap.Order, i), out var references)
                        ? $" (not counted: {string.Join(", ", references)})"
                        : string.Empty;
                    context.ReportAtPresentPointer(roadmap, "/spec/items/" + i.ToString(CultureInfo.InvariantCulture),
                        RuleFacts.Describe(item.Id, item.Title, i), note);
                }
            }
        });

    /// <summary>
    /// Backlog items that are not removed deliver the roadmap item they link to and those their ancestors (parent epic,
    /// its parent…) link to; a parent cycle ends the walk. A removed item's own link is remembered for the message.
    /// </summary>
    /// <remarks>
    /// Reads the items' facts the index keeps, not the backlogs' or roadmaps' records (which may have been released).
    /// Each item is walked once: a walk stops at an item walked before, whose ancestors' links are already counted
    /// (children share their epic's chain, so walking it again from every child cost a hash lookup per step).
    /// </remarks>
    private static void AddBacklogWork(
        PortfolioIndex portfolio,
        ScopedItemLookup<(int Order, int Index)> roadmapItems,
        HashSet<(int, int)> delivered,
        Dictionary<(int, int), List<string>> notCounted)
    {
        var backlogs = portfolio.NodesOf(ArtifactKind.Backlog);
        var walked = new bool[portfolio.Nodes.Count][]; // by backlog order, then item index
        foreach (var backlog in backlogs) walked[backlog.Order] = new bool[backlog.BacklogItems.Length];
        foreach (var backlog in backlogs)
        {
            var items = backlog.BacklogItems;
            for (var i = 0; i < items.Length; i++)
            {
                var item = items[i];
                if (item.IsBlankItem) continue;
                if (item.Status == BacklogItemStatus.Removed)
                {
                    if (roadmapItems.TryResolve(backlog.ProductHandle, item.RoadmapItemId, out var linked))
                    {
                        var reference = RoadmapLinkFacts.Reference(backlog.Id, portfolio.Ids.Text(item.Id), portfolio.RemovedTitle(backlog.Order, i), i);
                        Remember(notCounted, linked, "removed backlog item " + reference);
                    }

                    continue;
                }

                var (node, index) = (backlog, i);
                while (!walked[node.Order][index])
                {
                    walked[node.Order][index] = true;
                    var fact = node.BacklogItems[index];
                    if (roadmapItems.TryResolve(node.ProductHandle, fact.RoadmapItemId, out var roadmapItem)) delivered.Add(roadmapItem);
                    if (!portfolio.TryResolveBacklogItem(node.ProductHandle, fact.ParentId, out var order, out var parent)) break;
                    (node, index) = (portfolio.Nodes[order], parent);
                }
            }
        }
    }

    /// <summary>Projects that are not cancelled deliver the roadmap items they list; a cancelled one is remembered for the message.</summary>
    private static void AddProjects(
        PortfolioIndex portfolio,
        ScopedItemLookup<(int Order, int Index)> roadmapItems,
        HashSet<(int, int)> delivered,
        Dictionary<(int, int), List<string>> notCounted)
    {
        foreach (var project in portfolio.OfKind<Project>())
        {
            var ids = project.Spec.RoadmapItemIds;
            if (ids is null) continue;
            var product = portfolio.Ids.Find(project.Spec.ProductId);
            var cancelled = project.Spec.Status == ProjectStatus.Cancelled;
            foreach (var id in ids)
            {
                if (!roadmapItems.TryResolve(product, portfolio.Ids.Find(id), out var roadmapItem)) continue;
                if (cancelled) Remember(notCounted, roadmapItem, project.Id.IsBlank() ? "a cancelled project" : $"cancelled project '{project.Id}'");
                else delivered.Add(roadmapItem);
            }
        }
    }

    private static void Remember(Dictionary<(int, int), List<string>> notCounted, (int, int) item, string reference)
    {
        if (!notCounted.TryGetValue(item, out var references)) notCounted[item] = references = [];
        if (!references.Contains(reference, StringComparer.Ordinal)) references.Add(reference);
    }
}
