using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>GOV802: a ProductAnalytics' <c>northStarMetricId</c> is unset or names no metric in its <c>metrics</c>.</summary>
internal sealed class GOV802 : GovernanceRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GOV802",
        "No north-star metric",
        "No north-star metric: {0}; {1}",
        RuleCategories.Analytics,
        Severity.Warning,
        "Product analytics name their north-star metric: northStarMetricId is set and is the id of a metric in metrics.");

    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterArtifactAction<ProductAnalytics>(context =>
        {
            var spec = context.Artifact.Spec;
            if (spec is null) return;
            var northStar = spec.NorthStarMetricId;
            if (northStar.IsBlank())
            {
                context.Report(spec, "northStarMetricId is not set", "set it to the id of the metric in metrics that best captures the value customers get");
                return;
            }

            var ids = spec.Metrics.Present().Select(m => m.Id).Where(id => !id.IsBlank()).Distinct(StringComparer.Ordinal).ToList();
            if (ids.Contains(northStar, StringComparer.Ordinal)) return;
            var known = ids.Count == 0 ? "metrics is empty" : "metrics has " + string.Join(", ", ids.Select(id => $"'{id}'"));
            context.ReportAt(spec, nameof(ProductAnalyticsSpec.NorthStarMetricId),
                $"northStarMetricId '{northStar}' matches no metric in metrics ({known})", "correct the id or add that metric to metrics");
        });
}
