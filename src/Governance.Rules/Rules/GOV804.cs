using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>
/// GOV804: a north-star or input metric was last measured (its latest snapshot or its <c>measuredAt</c>, whichever is
/// newer) more than <see cref="GOV804Options.StaleDays"/> days ago, or never.
/// </summary>
internal sealed class GOV804 : GovernanceRule<GOV804Options>
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GOV804",
        "Metric not measured recently",
        "{0} metric {1} {2}; record a snapshot of its current value",
        RuleCategories.Analytics,
        Severity.Warning,
        "North-star and input metrics are measured at least every staleDays (default 30) days: the newer of their latest snapshot and their measuredAt is recent.")
    {
        UsesClock = true,
    };

    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterArtifactAction<ProductAnalytics>(context =>
        {
            var spec = context.Artifact.Spec;
            var metrics = spec?.Metrics;
            if (metrics is null || metrics.Count == 0) return;
            var staleDays = context.GetOptions<GOV804Options>().StaleDays;
            var today = context.Today;
            var lastSnapshot = LastSnapshots(spec!.Snapshots);
            for (var i = 0; i < metrics.Count; i++)
            {
                var metric = metrics[i];
                if (!metric.IsMetric()) continue;
                var role = metric.Role switch
                {
                    MetricRole.NorthStar => "North-star",
                    MetricRole.Input => "Input",
                    _ => null,
                };
                if (role is null) continue;

                DateOnly? last = metric.MeasuredAt;
                if (!metric.Id.IsBlank() && lastSnapshot.TryGetValue(metric.Id!, out var snapshot) && (last is null || snapshot > last)) last = snapshot;
                var name = ProductRuleFacts.DescribeMetric(metric, i);
                if (last is not { } date)
                {
                    context.Report(metric, role, name, "has never been measured: it has no snapshot and no measuredAt");
                }
                else if (RuleFacts.IsStale(date, today, staleDays))
                {
                    context.Report(metric, role, name,
                        $"was last measured on {RuleFacts.DateText(date)}, {ProductRuleFacts.Days(RuleFacts.DaysBetween(date, today))} ago, more than staleDays {staleDays}");
                }
            }
        });

    /// <summary>The latest snapshot date of each metric id (the order of the list does not matter).</summary>
    private static Dictionary<string, DateOnly> LastSnapshots(IReadOnlyList<MetricSnapshot>? snapshots)
    {
        var last = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        foreach (var snapshot in snapshots.Present())
        {
            if (snapshot.MetricId.IsBlank() || snapshot.Date is not { } date) continue;
            if (!last.TryGetValue(snapshot.MetricId!, out var known) || date > known) last[snapshot.MetricId!] = date;
        }

        return last;
    }
}

/// <summary>Options of GOV804.</summary>
internal sealed record GOV804Options
{
    /// <summary>Days after which a metric's last measurement is stale (stale when today − date &gt; staleDays). Default 30.</summary>
    public int StaleDays { get; init; } = 30;
}
