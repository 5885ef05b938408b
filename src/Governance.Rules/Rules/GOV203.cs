using System.Globalization;
using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>
/// GOV203: a roadmap item has no <c>priority</c>, or (unless <see cref="GOV203Options.AllowTies"/>) shares its priority
/// with an earlier item of the same horizon; items without a horizon form one group.
/// </summary>
internal sealed class GOV203 : GovernanceRule<GOV203Options>
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GOV203",
        "Roadmap item unprioritized",
        "Roadmap item {0} {1}; {2}",
        RuleCategories.Roadmap,
        Severity.Warning,
        "Every roadmap item has a priority (1 = highest), and no two items of the same horizon share one unless allowTies is set, so the order of work is decided, not implied.");

    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterArtifactAction<Roadmap>(context =>
        {
            var items = context.Artifact.Spec.Items;
            if (items is null || items.Count == 0) return;
            var allowTies = context.GetOptions<GOV203Options>().AllowTies;
            // The first item of each (horizon, priority) by index: names are formatted only for the items reported.
            var first = new Dictionary<(Horizon?, int), int>();
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                if (!item.IsEntry()) continue;
                if (item!.Priority is not { } priority)
                {
                    context.Report(item, item.Describe(i), "has no priority", "set priority (1 = highest) to rank it against the other items" + Among(item.Horizon));
                    continue;
                }

                if (allowTies) continue;
                if (first.TryGetValue((item.Horizon, priority), out var earlier))
                {
                    context.ReportAt(item, nameof(RoadmapItem.Priority), item.Describe(i),
                        $"has priority {priority.ToString(CultureInfo.InvariantCulture)}, like item {items[earlier]!.Describe(earlier)}{Among(item.Horizon)}",
                        "give each item its own priority, or set allowTies");
                }
                else
                {
                    first.Add((item.Horizon, priority), i);
                }
            }
        });

    private static string Among(Horizon? horizon) =>
        horizon is { } h ? $" in horizon '{h.Name()}'" : " among the items without a horizon";
}

/// <summary>Options of GOV203.</summary>
internal sealed record GOV203Options
{
    /// <summary>
    /// Whether items of the same horizon may share a priority; when <see langword="true"/> only a missing priority is
    /// reported. Default <see langword="false"/>.
    /// </summary>
    public bool AllowTies { get; init; }
}
