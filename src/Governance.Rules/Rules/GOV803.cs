using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>GOV803: a ProductAnalytics metric lacks <c>dataSource</c>, <c>baseline</c>, <c>target</c> or <c>unit</c>.</summary>
internal sealed class GOV803 : GovernanceRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GOV803",
        "Metric incomplete",
        "Metric {0} has no {1}; a metric needs a dataSource, a baseline, a target and a unit to be tracked",
        RuleCategories.Analytics,
        Severity.Error,
        "Every metric of the product analytics says where its numbers come from (dataSource), where it started (baseline), where it should get to (target) and in what unit.");

    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterArtifactAction<ProductAnalytics>(context =>
        {
            var metrics = context.Artifact.Spec?.Metrics;
            if (metrics is null) return;
            for (var i = 0; i < metrics.Count; i++)
            {
                var metric = metrics[i];
                if (!metric.IsMetric()) continue;
                var missing = new List<string>(4);
                if (metric.DataSource.IsBlank()) missing.Add("dataSource");
                if (metric.Baseline is null) missing.Add("baseline");
                if (metric.Target is null) missing.Add("target");
                if (metric.Unit.IsBlank()) missing.Add("unit");
                if (missing.Count > 0) context.Report(metric, ProductRuleFacts.DescribeMetric(metric, i), RuleFacts.JoinAnd(missing));
            }
        });
}
