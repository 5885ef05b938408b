using Governance.Rules.Model;

namespace Governance.Rules.Tracing;

/// <summary>
/// The traceability view of a portfolio: per product, the chain objective → roadmap items → backlog items and projects,
/// with the gaps marked (an objective nothing serves, a roadmap item with no delivering work, orphan backlog items).
/// </summary>
/// <param name="Products">One entry per product id found (Products, and artifacts naming a productId), ordered by id.</param>
internal sealed record TraceModel(IReadOnlyList<ProductTrace> Products)
{
    /// <summary>Total number of gaps over all products.</summary>
    public int GapCount => Products.Sum(p =>
        p.Objectives.Count(o => o.IsGap) + p.Objectives.Sum(o => o.RoadmapItems.Count(r => r.IsGap)) +
        p.UnlinkedRoadmapItems.Count(r => r.IsGap) + p.OrphanBacklogItems.Count);
}

/// <summary>The chains of one product.</summary>
/// <param name="ProductId">Product id.</param>
/// <param name="Title">The Product's title or name, when there is a Product artifact.</param>
/// <param name="Objectives">The objectives of the product's strategies, in document order.</param>
/// <param name="UnlinkedRoadmapItems">Roadmap items that list no objective of the product.</param>
/// <param name="OrphanBacklogItems">Backlog items (not epics, not removed) that trace to no roadmap item, directly or through their parents.</param>
internal sealed record ProductTrace(
    string ProductId,
    string? Title,
    IReadOnlyList<ObjectiveTrace> Objectives,
    IReadOnlyList<RoadmapItemTrace> UnlinkedRoadmapItems,
    IReadOnlyList<TraceItem> OrphanBacklogItems);

/// <summary>An objective and the roadmap items serving it.</summary>
/// <param name="Id">Objective id.</param>
/// <param name="Statement">The objective.</param>
/// <param name="RoadmapItems">Roadmap items listing it (dropped ones included, marked by status).</param>
internal sealed record ObjectiveTrace(string Id, string? Statement, IReadOnlyList<RoadmapItemTrace> RoadmapItems)
{
    /// <summary>A gap: no roadmap item other than dropped ones serves the objective.</summary>
    public bool IsGap => RoadmapItems.All(r => r.Status == nameof(RoadmapItemStatus.Dropped));
}

/// <summary>A roadmap item and the work delivering it.</summary>
/// <param name="Id">Roadmap item id.</param>
/// <param name="Title">Title.</param>
/// <param name="Status">Status, PascalCase enum name, or null.</param>
/// <param name="BacklogItems">Backlog items linked directly or through a parent (removed ones left out).</param>
/// <param name="Projects">Projects listing the item (cancelled ones left out).</param>
internal sealed record RoadmapItemTrace(string Id, string? Title, string? Status, IReadOnlyList<TraceItem> BacklogItems, IReadOnlyList<TraceItem> Projects)
{
    /// <summary>A gap: the item is planned or in progress and nothing delivers it.</summary>
    public bool IsGap => Status is nameof(RoadmapItemStatus.InProgress) or nameof(RoadmapItemStatus.Planned) && BacklogItems.Count == 0 && Projects.Count == 0;
}

/// <summary>A backlog item or project in a chain.</summary>
/// <param name="Id">Id.</param>
/// <param name="Title">Title.</param>
/// <param name="Status">Status, PascalCase enum name, or null.</param>
internal sealed record TraceItem(string Id, string? Title, string? Status);
