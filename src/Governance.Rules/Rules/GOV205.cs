using System.Globalization;
using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>
/// GOV205: a roadmap item that is neither delivered nor dropped has a <c>timeframe.end</c> more than
/// <see cref="GOV205Options.GraceDays"/> days before today.
/// </summary>
internal sealed class GOV205 : GovernanceRule<GOV205Options>
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GOV205",
        "Roadmap item past due",
        "Roadmap item {0} is past due: its timeframe ended on {1}, {2} ago{3}, and {4}; deliver it, move its timeframe or drop it",
        RuleCategories.Roadmap,
        Severity.Warning,
        "A roadmap item that is neither delivered nor dropped is past due once its timeframe ended more than graceDays days ago (default 0: the day after its end), so the roadmap shows what is really late.")
    {
        UsesClock = true,
    };

    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterArtifactAction<Roadmap>(context =>
        {
            var items = context.Artifact.Spec.Items;
            if (items is null || items.Count == 0) return;
            var graceDays = Math.Max(0, context.GetOptions<GOV205Options>().GraceDays);
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                if (!item.IsEntry() || item!.Status is RoadmapItemStatus.Delivered or RoadmapItemStatus.Dropped) continue;
                if (item.Timeframe.UsableEnd() is not { } end) continue;
                var late = end.DaysSince(context.Today);
                if (late <= graceDays) continue;
                context.ReportAt(item.Timeframe!, nameof(DateRange.End),
                    item.Describe(i),
                    RuleFacts.DateText(end),
                    StrategyRoadmapRuleFacts.Days(late),
                    graceDays == 0 ? string.Empty : $" (graceDays {graceDays.ToString(CultureInfo.InvariantCulture)})",
                    item.Status is { } status ? $"its status is '{status.Name()}'" : "it has no status");
            }
        });
}

/// <summary>Options of GOV205.</summary>
internal sealed record GOV205Options
{
    /// <summary>
    /// Days an item may run past <c>timeframe.end</c> before it is reported: past due when today − end &gt; graceDays.
    /// Default 0 (past due from the day after its end); a negative value counts as 0.
    /// </summary>
    public int GraceDays { get; init; }
}
