using Governance.Rules.Model;

namespace Governance.Rules.Tracing;

/// <summary>Builds the <see cref="TraceModel"/> from analysed artifacts; links resolve within a product (SPEC §H).</summary>
internal static class TraceBuilder
{
    /// <summary>The traceability view of <paramref name="artifacts"/>.</summary>
    public static TraceModel Build(IEnumerable<Artifact> artifacts)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        var all = artifacts.ToList();
        var productIds = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var artifact in all)
        {
            var productId = artifact switch
            {
                Product p => p.Id,
                ProductStrategy s => s.Spec.ProductId,
                Roadmap r => r.Spec.ProductId,
                Backlog b => b.Spec.ProductId,
                _ => null,
            };
            if (!string.IsNullOrWhiteSpace(productId)) productIds.Add(productId);
        }

        return new TraceModel([.. productIds.Select(id => BuildProduct(id, all))]);
    }

    private static ProductTrace BuildProduct(string productId, List<Artifact> all)
    {
        var product = all.OfType<Product>().FirstOrDefault(p => p.Id == productId);
        var objectives = all.OfType<ProductStrategy>().Where(s => s.Spec.ProductId == productId)
            .SelectMany(s => s.Spec.Objectives).Where(o => o is not null && !string.IsNullOrWhiteSpace(o.Id)).ToList();
        var roadmapItems = all.OfType<Roadmap>().Where(r => r.Spec.ProductId == productId)
            .SelectMany(r => r.Spec.Items).Where(i => i is not null && !string.IsNullOrWhiteSpace(i.Id)).ToList();
        var backlogItems = all.OfType<Backlog>().Where(b => b.Spec.ProductId == productId)
            .SelectMany(b => b.Spec.Items).Where(i => i is not null && !string.IsNullOrWhiteSpace(i.Id)).ToList();
        var projects = all.OfType<Project>().Where(p => p.Spec.Status != ProjectStatus.Cancelled).ToList();

        var backlogById = new Dictionary<string, BacklogItem>(StringComparer.Ordinal);
        foreach (var item in backlogItems) backlogById.TryAdd(item.Id!, item);
        var roadmapIds = roadmapItems.Select(r => r.Id!).ToHashSet(StringComparer.Ordinal);

        var deliveredBy = new Dictionary<string, List<TraceItem>>(StringComparer.Ordinal);
        var orphans = new List<TraceItem>();
        foreach (var item in backlogItems.Where(i => i.Status != BacklogItemStatus.Removed))
        {
            var roadmapItemId = TracedRoadmapItem(item, backlogById);
            if (roadmapItemId is not null && roadmapIds.Contains(roadmapItemId))
            {
                if (!deliveredBy.TryGetValue(roadmapItemId, out var list)) deliveredBy[roadmapItemId] = list = [];
                list.Add(new TraceItem(item.Id!, item.Title, item.Status?.ToString()));
            }
            else if (roadmapItemId is null && item.Type != BacklogItemType.Epic)
            {
                orphans.Add(new TraceItem(item.Id!, item.Title, item.Status?.ToString()));
            }
        }

        RoadmapItemTrace Trace(RoadmapItem item) => new(
            item.Id!, item.Title, item.Status?.ToString(),
            deliveredBy.TryGetValue(item.Id!, out var work) ? work : [],
            [.. projects.Where(p => (p.Spec.ProductId is null || p.Spec.ProductId == productId) && p.Spec.RoadmapItemIds.Contains(item.Id!))
                .Select(p => new TraceItem(p.Id ?? "?", p.Metadata.Title, p.Spec.Status?.ToString()))]);

        var objectiveIds = objectives.Select(o => o.Id!).ToHashSet(StringComparer.Ordinal);
        return new ProductTrace(
            productId,
            product?.Metadata.Title,
            [.. objectives.Select(o => new ObjectiveTrace(o.Id!, o.Statement, [.. roadmapItems.Where(r => r.ObjectiveIds.Contains(o.Id!)).Select(Trace)]))],
            [.. roadmapItems.Where(r => !r.ObjectiveIds.Any(objectiveIds.Contains)).Select(Trace)],
            orphans);
    }

    /// <summary>The roadmap item an item or its nearest ancestor names; a cycle or a missing parent ends the walk.</summary>
    private static string? TracedRoadmapItem(BacklogItem item, Dictionary<string, BacklogItem> byId)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var current = item; current is not null && seen.Add(current.Id ?? string.Empty);)
        {
            if (!string.IsNullOrWhiteSpace(current.RoadmapItemId)) return current.RoadmapItemId;
            current = current.ParentId is { } parent && byId.TryGetValue(parent, out var next) ? next : null;
        }

        return null;
    }
}
