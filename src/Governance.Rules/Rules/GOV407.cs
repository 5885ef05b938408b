using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>
/// GOV407: a milestone's <c>baselineDate</c> (or, with <see cref="GOV407Options.CheckForecast"/>, its
/// <c>forecastDate</c>) falls outside the plan's <c>schedule</c>, inclusive at both ends.
/// </summary>
internal sealed class GOV407 : GovernanceRule<GOV407Options>
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GOV407",
        "Milestone outside plan range",
        "Milestone {0} {1} {2} is {3} day(s) {4} the plan's schedule {5} {6}; move the milestone or re-baseline the schedule",
        RuleCategories.Plan,
        Severity.Error,
        "Every milestone's baselineDate, and its forecastDate when checkForecast (default true), falls within the plan's schedule, start and end included.");

    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterArtifactAction<ProjectPlan>(context =>
        {
            var spec = context.Artifact.Spec;
            var start = spec.Schedule?.Start;
            var end = spec.Schedule?.End;
            if (start is null && end is null) return;
            if (start is { } s && end is { } e && e < s) return; // An inverted range counts as absent (SPEC §G.1 DateRange).
            var checkForecast = context.GetOptions<GOV407Options>().CheckForecast;
            foreach (var (milestone, index) in PlanRuleFacts.Entries(spec.Milestones, PlanRuleFacts.BlankMilestone))
            {
                var name = RuleFacts.DescribeQuotingLoneTitle(milestone.Id, milestone.Name, index);
                Check(milestone.BaselineDate, nameof(Milestone.BaselineDate), "baselineDate");
                if (checkForecast) Check(milestone.ForecastDate, nameof(Milestone.ForecastDate), "forecastDate");

                void Check(DateOnly? value, string property, string field)
                {
                    if (value is not { } date) return;
                    if (start is { } first && date < first)
                        context.ReportAt(milestone, property, name, field, RuleFacts.DateText(date), RuleFacts.DaysBetween(date, first), "before", "start", RuleFacts.DateText(first));
                    else if (end is { } last && date > last)
                        context.ReportAt(milestone, property, name, field, RuleFacts.DateText(date), RuleFacts.DaysBetween(last, date), "after", "end", RuleFacts.DateText(last));
                }
            }
        });
}

/// <summary>Options of GOV407.</summary>
internal sealed record GOV407Options
{
    /// <summary>Whether a milestone's <c>forecastDate</c> is checked too, not only its <c>baselineDate</c>. Default true.</summary>
    public bool CheckForecast { get; init; } = true;
}
