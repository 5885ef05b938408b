using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>
/// GOV201: a roadmap item has no success metric. An error for items in one of
/// <see cref="GOV201Options.ErrorHorizons"/> or in progress, a warning for the others; dropped items are exempt.
/// </summary>
internal sealed class GOV201 : GovernanceRule<GOV201Options>
{
    private const string AddMetrics = "add successMetrics so that its outcome can be measured";

    /// <summary>Records equal to these have every field absent: empty objects, blank (SPEC §H), so not an item or a metric.</summary>
    private static readonly RoadmapItem BlankItem = new();
    private static readonly SuccessMetric BlankMetric = new();

    public override RuleDescriptor Descriptor { get; } = new(
        "GOV201",
        "Roadmap item lacks success metric",
        "Roadmap item {0} has no success metrics and {1}; {2}",
        RuleCategories.Roadmap,
        Severity.Error,
        "Every roadmap item that is not dropped says how its outcome will be measured. Items in progress or in one of errorHorizons (default now) without a metric are errors; the others are warnings.")
    {
        MilderSeverity = Severity.Warning,
    };

    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterArtifactAction<Roadmap>(context =>
        {
            var items = context.Artifact.Spec.Items;
            if (items is null || items.Count == 0) return;
            var errorHorizons = context.GetOptions<GOV201Options>().ErrorHorizons ?? GOV201Options.DefaultErrorHorizons;
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                if (item is null || item == BlankItem || item.Status == RoadmapItemStatus.Dropped || HasMetric(item)) continue;
                var name = RuleFacts.Describe(item.Id, item.Title, i);
                if (item.Status == RoadmapItemStatus.InProgress)
                {
                    context.Report(item, name, "is in progress", AddMetrics);
                }
                else if (item.Horizon is { } horizon && errorHorizons.Contains(horizon))
                {
                    context.Report(item, name, $"its horizon '{Name(horizon)}' is one of errorHorizons [{Names(errorHorizons)}]", AddMetrics);
                }
                else
                {
                    var fact = item.Horizon is { } other ? $"its horizon is '{Name(other)}'" : "no horizon";
                    var before = errorHorizons.Count == 0
                        ? "add successMetrics before work on it starts"
                        : $"add successMetrics before it moves to {string.Join(" or ", errorHorizons.Distinct().Select(Name))} or work on it starts";
                    context.Report(Severity.Warning, item, null, name, fact, before);
                }
            }
        });

    /// <summary>A metric counts when it is written and not an empty object; <c>[null]</c> and <c>[{}]</c> are blank (SPEC §H).</summary>
    private static bool HasMetric(RoadmapItem item) =>
        item.SuccessMetrics is { Count: > 0 } metrics && metrics.Any(m => m is not null && m != BlankMetric);

    private static string Names(IEnumerable<Horizon> horizons) => string.Join(", ", horizons.Distinct().Select(Name));

    private static string Name(Horizon horizon) => horizon switch
    {
        Horizon.Now => "now",
        Horizon.Next => "next",
        Horizon.Later => "later",
        _ => horizon.ToString(),
    };
}

/// <summary>Options of GOV201.</summary>
internal sealed record GOV201Options
{
    /// <summary>The default of <see cref="ErrorHorizons"/>: <c>[now]</c>.</summary>
    internal static readonly IReadOnlyList<Horizon> DefaultErrorHorizons = [Horizon.Now];

    /// <summary>
    /// Horizons in which an item without success metrics is an error rather than a warning; an item in progress is an
    /// error whatever its horizon. Written in camelCase (<c>[now, next]</c>). Default <c>[now]</c>.
    /// </summary>
    public IReadOnlyList<Horizon> ErrorHorizons { get; init; } = DefaultErrorHorizons;
}
