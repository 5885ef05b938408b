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
    /// <summary>An objective equal to this one has every field absent: an empty object, blank (SPEC §H).</summary>
    private static readonly Objective BlankObjective = new();

    public override RuleDescriptor Descriptor { get; } = new(
        "GOV903",
        "Objective with no roadmap item",
        "Objective {0} is listed by no roadmap item{1}{2}; add a roadmap item that serves it (objectiveIds), or retire the objective",
        RuleCategories.Portfolio,
        Severity.Warning,
        "Every objective of a product strategy is served by at least one roadmap item of the same product that is not dropped.");

    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterPortfolioAction(context =>
        {
            var strategies = context.Portfolio.OfKind<ProductStrategy>().ToList();
            if (strategies.Count == 0) return;

            var objectives = new ProductScopedLookup<Objective>();
            foreach (var strategy in strategies)
            {
                foreach (var objective in strategy.Spec.Objectives.Present())
                    objectives.Add(strategy.Spec.ProductId, objective.Id, objective);
            }

            var covered = new HashSet<Objective>(ReferenceEqualityComparer.Instance);
            var droppedBy = new Dictionary<Objective, List<string>>(ReferenceEqualityComparer.Instance);
            foreach (var roadmap in context.Portfolio.OfKind<Roadmap>())
            {
                var items = roadmap.Spec.Items;
                if (items is null) continue;
                for (var i = 0; i < items.Count; i++)
                {
                    var item = items[i];
                    if (item.IsBlankItem() || item.ObjectiveIds is null) continue;
                    foreach (var objectiveId in item.ObjectiveIds)
                    {
                        if (!objectives.TryResolve(roadmap.Spec.ProductId, objectiveId, out var objective)) continue;
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
                var list = strategy.Spec.Objectives;
                if (list is null) continue;
                var product = strategy.Spec.ProductId.IsBlank() ? string.Empty : $" of product '{strategy.Spec.ProductId}'";
                for (var i = 0; i < list.Count; i++)
                {
                    var objective = list[i];
                    if (objective is null || objective == BlankObjective || covered.Contains(objective)) continue;
                    var name = objective.Id.IsBlank()
                        ? "at index " + i.ToString(CultureInfo.InvariantCulture) + " has no id, so it"
                        : $"'{objective.Id}'";
                    var dropped = droppedBy.TryGetValue(objective, out var items)
                        ? $" that is not dropped (dropped: {string.Join(", ", items)})"
                        : string.Empty;
                    context.Report(strategy, objective, null, null, name, product, dropped);
                }
            }
        });
}
