using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>
/// GOV806: a delivered roadmap item has a success metric past its <c>due</c> date without a <c>current</c> value
/// measured on or after <c>deliveredOn</c>.
/// </summary>
internal sealed class GOV806 : GovernanceRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GOV806",
        "Delivered outcome unmeasured",
        "Roadmap item {0} was delivered{1} but its metric {2}, due {3}, {4}; record its current value and measuredAt",
        RuleCategories.Analytics,
        Severity.Info,
        "Once a delivered roadmap item's success metric is due, its current value has been measured since delivery, so the outcome is known.")
    {
        UsesClock = true,
    };

    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterArtifactAction<Roadmap>(context =>
        {
            var items = context.Artifact.Spec?.Items;
            if (items is null || items.Count == 0) return;
            var today = context.Today;
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                if (item is null || item.Status != RoadmapItemStatus.Delivered) continue;
                var metrics = item.SuccessMetrics;
                if (metrics is null) continue;
                for (var m = 0; m < metrics.Count; m++)
                {
                    var metric = metrics[m];
                    if (!metric.IsMetric() || metric.Due is not { } due || !RuleFacts.IsPastDue(due, today)) continue;
                    if (Unmeasured(metric, item.DeliveredOn) is not { } fact) continue;
                    context.Report(metric,
                        RuleFacts.Describe(item.Id, item.Title, i),
                        item.DeliveredOn is { } delivered ? " on " + RuleFacts.DateText(delivered) : string.Empty,
                        ProductRuleFacts.DescribeMetric(metric, m),
                        RuleFacts.DateText(due),
                        fact);
                }
            }
        });

    /// <summary>
    /// <see langword="null"/> when the metric has a <c>current</c> value measured on or after <paramref name="deliveredOn"/>
    /// (any <c>measuredAt</c> when the delivery date is unknown); else what is missing.
    /// </summary>
    private static string? Unmeasured(SuccessMetric metric, DateOnly? deliveredOn) => (metric.Current, metric.MeasuredAt) switch
    {
        (null, null) => "has no current value",
        (null, _) => "has a measuredAt but no current value",
        (_, null) => "has a current value without measuredAt",
        (_, { } at) when deliveredOn is { } delivered && at < delivered =>
            $"was last measured on {RuleFacts.DateText(at)}, before delivery",
        _ => null,
    };
}
