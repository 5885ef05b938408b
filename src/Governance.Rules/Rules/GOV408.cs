using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>
/// GOV408: a planned or at-risk milestone without <c>actualDate</c> whose effective date (<c>forecastDate</c>, else
/// <c>baselineDate</c>) is more than <see cref="GOV408Options.GraceDays"/> days past.
/// </summary>
internal sealed class GOV408 : GovernanceRule<GOV408Options>
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GOV408",
        "Milestone overdue",
        "Milestone {0} was due {1} ({2}) and is {3} day(s) overdue with status '{4}' and no actualDate; record its actualDate and status, or re-forecast it",
        RuleCategories.Plan,
        Severity.Warning,
        "A milestone that is planned or at risk and has no actualDate is overdue once its forecastDate, or its baselineDate when there is no forecast, is more than graceDays (default 0) days past.")
    {
        UsesClock = true,
    };

    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterArtifactAction<ProjectPlan>(context =>
        {
            var graceDays = context.GetOptions<GOV408Options>().GraceDays;
            foreach (var overdue in PlanRuleFacts.OverdueMilestones(context.Artifact.Spec, context.Today, graceDays))
            {
                var milestone = overdue.Milestone;
                context.ReportAt(milestone, overdue.DueProperty,
                    RuleFacts.DescribeQuotingLoneTitle(milestone.Id, milestone.Name, overdue.Index),
                    RuleFacts.DateText(overdue.Due),
                    overdue.DueProperty == nameof(Milestone.ForecastDate) ? "forecastDate" : "baselineDate",
                    overdue.DaysLate,
                    PlanRuleFacts.Name(milestone.Status!.Value));
            }
        });
}

/// <summary>Options of GOV408.</summary>
internal sealed record GOV408Options
{
    /// <summary>Days a milestone may pass its effective date before it is overdue. Default 0: overdue the day after.</summary>
    public int GraceDays { get; init; }
}
