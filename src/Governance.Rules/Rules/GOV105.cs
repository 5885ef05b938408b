using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>
/// GOV105: a product strategy was last reviewed more than <see cref="GOV105Options.StaleDays"/> days ago, or its
/// <c>reviewedOn</c> is blank.
/// </summary>
internal sealed class GOV105 : GovernanceRule<GOV105Options>
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GOV105",
        "Strategy stale",
        "Product strategy {0}; review it at least every {1} (staleDays) and record the date in reviewedOn",
        RuleCategories.Strategy,
        Severity.Warning,
        "A product strategy is reviewed at least every staleDays days (default 90, a quarterly review); a strategy with no reviewedOn date has never been reviewed.")
    {
        UsesClock = true,
    };

    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterArtifactAction<ProductStrategy>(context =>
        {
            var staleDays = context.GetOptions<GOV105Options>().StaleDays;
            var spec = context.Artifact.Spec;
            if (spec.ReviewedOn is not { } reviewedOn)
            {
                context.ReportAt(spec, nameof(ProductStrategySpec.ReviewedOn), "has no reviewedOn date", StrategyRoadmapRuleFacts.Days(staleDays));
            }
            else if (RuleFacts.IsStale(reviewedOn, context.Today, staleDays))
            {
                context.ReportAt(spec, nameof(ProductStrategySpec.ReviewedOn),
                    $"was last reviewed on {RuleFacts.DateText(reviewedOn)}, {StrategyRoadmapRuleFacts.Days(reviewedOn.DaysSince(context.Today))} ago",
                    StrategyRoadmapRuleFacts.Days(staleDays));
            }
        });
}

/// <summary>Options of GOV105.</summary>
internal sealed record GOV105Options
{
    /// <summary>A strategy is stale when today − <c>reviewedOn</c> is more than this many days. Default 90.</summary>
    public int StaleDays { get; init; } = 90;
}
