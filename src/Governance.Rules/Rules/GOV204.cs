using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>
/// GOV204: a roadmap was last reviewed more than <see cref="GOV204Options.StaleDays"/> days ago, or its
/// <c>lastReviewed</c> is blank.
/// </summary>
internal sealed class GOV204 : GovernanceRule<GOV204Options>
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GOV204",
        "Roadmap stale",
        "Roadmap {0}; review it at least every {1} (staleDays) and record the date in lastReviewed",
        RuleCategories.Roadmap,
        Severity.Warning,
        "A roadmap is reviewed at least every staleDays days (default 30, the rhythm of now/next/later check-ins); a roadmap with no lastReviewed date has never been reviewed.")
    {
        UsesClock = true,
    };

    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterArtifactAction<Roadmap>(context =>
        {
            var staleDays = context.GetOptions<GOV204Options>().StaleDays;
            var spec = context.Artifact.Spec;
            if (spec.LastReviewed is not { } lastReviewed)
            {
                context.ReportAt(spec, nameof(RoadmapSpec.LastReviewed), "has no lastReviewed date", StrategyRoadmapRuleFacts.Days(staleDays));
            }
            else if (RuleFacts.IsStale(lastReviewed, context.Today, staleDays))
            {
                context.ReportAt(spec, nameof(RoadmapSpec.LastReviewed),
                    $"was last reviewed on {RuleFacts.DateText(lastReviewed)}, {StrategyRoadmapRuleFacts.Days(lastReviewed.DaysSince(context.Today))} ago",
                    StrategyRoadmapRuleFacts.Days(staleDays));
            }
        });
}

/// <summary>Options of GOV204.</summary>
internal sealed record GOV204Options
{
    /// <summary>A roadmap is stale when today − <c>lastReviewed</c> is more than this many days. Default 30.</summary>
    public int StaleDays { get; init; } = 30;
}
