using System.Globalization;
using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>
/// GOV903: a strategy objective that no roadmap item lists in its <c>objectiveIds</c>; items with status
/// <c>dropped</c> do not count. References resolve per SPEC §H (same product, first in document order).
/// </summary>
internal sealed class GOV903 : GovernanceRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GOV903",
        "Objective with no roadmap item",
        "Objective {0} is listed by no roadmap item{1}{2}; add a roadmap item that serves it (objectiveIds), or retire the objective",
        RuleCategories.Portfolio,
        Severity.Warning,
        "Every objective of a product strategy is served by at least one roadmap item of the same product that is not dropped.");

    /// <remarks>Reads the objectives' and roadmap items' facts the index keeps, not the records (which may have been released).</remarks>
    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterPortfolioAction(context =>
        {
            var strategies = context.Portfolio.NodesOf(ArtifactKind.ProductStrategy);
            if (strategies.Count == 0) return;

            var objectives = new ProductScopedLookup<(int Order, int Index)>();
            foreach (var strategy in strategies)
            {
                var list = strategy.Objectives;
                for (var i = 0; i < list.Length; i++)
                {
                    if (list[i].IsPresent) objectives.Add(strategy.ParentId, list[i].Id, (strategy.Order, i));
                }
            }

            var covered = new HashSet<(int, int)>();
            var droppedBy = new Dictionary<(int, int), List<string>>();
            foreach (var roadmap in context.Portfolio.NodesOf(ArtifactKind.Roadmap))
            {
                var items = roadmap.RoadmapItems;
                for (var i = 0; i < items.Length; i++)
                {
                    var item = items[i];
                    if (item.IsBlankItem || item.ObjectiveIds is null) continue;
                    foreach (var objectiveId in item.ObjectiveIds)
                    {
                        if (!objectives.TryResolve(roadmap.ParentId, objectiveId, out var objective)) continue;
                        if (item.Status != RoadmapItemStatus.Dropped)
                        {
                            covered.Add(objective);
                            continue;
                        }

                        if (!droppedBy.TryGetValue(objective, out var dropped)) droppedBy[objective] = dropped = [];
                        var reference = RoadmapLinkFacts.Reference(roadmap.Id, item.Id, item.Title, i);
                        if (!dropped.Contains(reference, StringComparer.Ordinal)) dropped.Add(reference);
                    }
                }
            }

            foreach (var strategy in strategies)
            {
                var list = strategy.Objectives;
                var product = strategy.ParentId.IsBlank() ? string.Empty : $" of product '{strategy.ParentId}'";
                for (var i = 0; i < list.Length; i++)
                {
                    var objective = list[i];
                    if (!objective.IsPresent || objective.IsBlank || covered.Contains((strategy.Order, i))) continue;
                    var index = i.ToString(CultureInfo.InvariantCulture);
                    var name = objective.Id.IsBlank() ? "at index " + index + " has no id, so it" : $"'{objective.Id}'";
                    var dropped = droppedBy.TryGetValue((strategy.Order, i), out var items)
                        ? $" that is not dropped (dropped: {string.Join(", ", items)})"
                        : string.Empty;
                    context.ReportAtPresentPointer(strategy, "/spec/objectives/" + index, name, product, dropped);
                }
            }
        });
}
