using Governance.Rules.Model;
using Governance.Rules.Rules;

namespace Governance.Rules.Engine;

/// <summary>
/// What the built-in portfolio rules (GOV305, GOV904) read of a backlog item, kept by the index so that the backlog's
/// record can be released: its ids as <see cref="IdTable"/> handles and its type and status, in 24 bytes without
/// references (the garbage collector neither scans nor keeps strings for ~100 of these per project). The title of a
/// removed item, which GOV904 names, is kept aside (<see cref="PortfolioIndex.RemovedTitle"/>).
/// </summary>
internal readonly struct BacklogItemFact
{
    private const byte ItemFlag = 1, TypeFlag = 2, StatusFlag = 4;

    private readonly BacklogItemType type;
    private readonly BacklogItemStatus status;
    private readonly byte flags;

    public BacklogItemFact(BacklogItem? item, IdTable ids)
        : this(new Loading.BacklogItemSummary(item), ids)
    {
    }

    /// <summary>The facts of an item's summary (read as one, <see cref="Loading.DeferredBacklogItems"/>, or taken from its record).</summary>
    public BacklogItemFact(in Loading.BacklogItemSummary item, IdTable ids)
    {
        Id = ids.Intern(item.Id);
        ParentId = ids.Intern(item.ParentId);
        RoadmapItemId = ids.Intern(item.RoadmapItemId);
        type = item.Type.GetValueOrDefault();
        status = item.Status.GetValueOrDefault();
        flags = (byte)((item.IsItem ? ItemFlag : 0) | (item.Type is null ? 0 : TypeFlag) | (item.Status is null ? 0 : StatusFlag));
    }

    /// <summary>The handle of the item's <c>id</c> (<see cref="IdTable.Blank"/> when blank).</summary>
    public int Id { get; }

    /// <summary>The handle of the item's <c>parentId</c> (<see cref="IdTable.Blank"/> when blank).</summary>
    public int ParentId { get; }

    /// <summary>The handle of the item's <c>roadmapItemId</c> (<see cref="IdTable.Blank"/> when blank).</summary>
    public int RoadmapItemId { get; }

    public BacklogItemType? Type => (flags & TypeFlag) != 0 ? type : null;

    public BacklogItemStatus? Status => (flags & StatusFlag) != 0 ? status : null;

    /// <summary><see cref="Rules.ProductRuleFacts.IsItem"/> of the item.</summary>
    public bool IsItem => (flags & ItemFlag) != 0;

    /// <summary><see cref="Rules.RoadmapLinkFacts.IsBlankItem(BacklogItem?)"/> of the item.</summary>
    public bool IsBlankItem => !IsItem;
}

/// <summary>
/// What GOV903 and GOV904 read of a roadmap item, kept by the index so that the roadmap's record can be released: the
/// strings and the list are the record's own (not copied).
/// </summary>
internal readonly struct RoadmapItemFact
{
    private readonly byte flags;

    public RoadmapItemFact(RoadmapItem? item)
    {
        if (item is null) return;
        Id = item.Id;
        Title = item.Title;
        Status = item.Status;
        ObjectiveIds = item.ObjectiveIds;
        flags = (byte)(1 | (item.IsBlankItem() ? 2 : 0));
    }

    public string? Id { get; }

    public string? Title { get; }

    public RoadmapItemStatus? Status { get; }

    /// <summary>The item's <c>objectiveIds</c>; <see langword="null"/> only for a null item.</summary>
    public IReadOnlyList<string>? ObjectiveIds { get; }

    /// <summary>Whether the list holds an item at this index (not a null entry).</summary>
    public bool IsPresent => (flags & 1) != 0;

    /// <summary><see cref="RoadmapLinkFacts.IsBlankItem(RoadmapItem?)"/> of the item (a null entry included).</summary>
    public bool IsBlankItem => !IsPresent || (flags & 2) != 0;
}

/// <summary>What GOV903 reads of a strategy objective, kept by the index so that the strategy's record can be released.</summary>
internal readonly struct ObjectiveFact
{
    /// <summary>An objective equal to this one has every field absent: an empty object, blank (SPEC §H).</summary>
    private static readonly Objective BlankObjective = new();

    private readonly byte flags;

    public ObjectiveFact(Objective? objective)
    {
        if (objective is null) return;
        Id = objective.Id;
        flags = (byte)(1 | (objective == BlankObjective ? 2 : 0));
    }

    public string? Id { get; }

    /// <summary>Whether the list holds an objective at this index (not a null entry).</summary>
    public bool IsPresent => (flags & 1) != 0;

    /// <summary>Whether the objective has every field absent (an empty object).</summary>
    public bool IsBlank => (flags & 2) != 0;
}

/// <summary>What GOV805 reads of a product: its stage and title (for the message).</summary>
internal sealed record ProductFact(LifecycleStage? LifecycleStage, string? Title);

/// <summary>
/// What GOV805 reads of a ProductAnalytics: whether it has any feedback, the latest feedback date, and where a
/// finding about its feedback points (<c>/spec/feedback</c> when the list has entries, else <c>/spec</c>, as
/// <see cref="ArtifactEntry.Locate"/> would place it).
/// </summary>
internal sealed record AnalyticsFact(bool AnyFeedback, DateOnly? LatestFeedback, string FeedbackPointer);

/// <summary>What GOV607 reads of a handover's <c>signOff</c>: which fields it lacks.</summary>
internal sealed record HandoverFact(bool NoBy, bool NoDate);

/// <summary>Gathers the facts above into a node as its artifact is indexed.</summary>
internal static class PortfolioFacts
{
    /// <summary>Records the facts of <paramref name="artifact"/> the built-in portfolio rules read, if it has any.</summary>
    public static void Gather(Artifact artifact, PortfolioNode node)
    {
        switch (artifact)
        {
            case ProductStrategy strategy when strategy.Spec?.Objectives is { Count: > 0 } objectives:
                var objectiveFacts = new ObjectiveFact[objectives.Count];
                for (var i = 0; i < objectives.Count; i++) objectiveFacts[i] = new ObjectiveFact(objectives[i]);
                node.Objectives = objectiveFacts;
                break;
            case Roadmap roadmap when roadmap.Spec?.Items is { Count: > 0 } items:
                var itemFacts = new RoadmapItemFact[items.Count];
                for (var i = 0; i < items.Count; i++) itemFacts[i] = new RoadmapItemFact(items[i]);
                node.RoadmapItems = itemFacts;
                break;
            case Project project:
                node.ProjectStatus = project.Spec?.Status;
                break;
            case Handover handover when handover.Spec is { } handoverSpec:
                node.Handover = new HandoverFact(handoverSpec.SignOff is null || handoverSpec.SignOff.By.IsBlank(), handoverSpec.SignOff?.Date is null);
                break;
            case Product product:
                node.Product = new ProductFact(product.Spec?.LifecycleStage, product.Metadata?.Title);
                break;
            case ProductAnalytics analytics when analytics.Spec is { } spec:
                var any = false;
                DateOnly? latest = null;
                foreach (var feedback in spec.Feedback.Present())
                {
                    any = true;
                    if (feedback.Date is { } date && (latest is null || date > latest)) latest = date;
                }

                node.Analytics = new AnalyticsFact(any, latest, spec.Feedback is { Count: > 0 } ? "/spec/feedback" : "/spec");
                break;
        }
    }
}
