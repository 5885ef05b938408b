using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>
/// GOV905: a project still in progress more than <see cref="GOV905Options.GraceDays"/> days after its planned end
/// (<c>schedule.end</c>); reported at that date.
/// </summary>
internal sealed class GOV905 : GovernanceRule<GOV905Options>
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GOV905",
        "Project past end date still in progress",
        "Project is still in progress {0} day(s) after its planned end {1}, more than graceDays ({2}); re-plan schedule.end with the sponsor, or close the project",
        RuleCategories.Portfolio,
        Severity.Error,
        "A project in progress is not past its planned end (schedule.end) by more than graceDays: a missed deadline is re-planned or the project is closed.")
    {
        UsesClock = true,
    };

    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterArtifactAction<Project>(context =>
        {
            var spec = context.Artifact.Spec;
            if (spec.Status != ProjectStatus.InProgress || spec.Schedule is not { End: { } end } schedule) return;
            var graceDays = context.GetOptions<GOV905Options>().GraceDays;
            if (!RuleFacts.IsStale(end, context.Today, graceDays)) return;
            context.ReportAt(schedule, nameof(DateRange.End), RuleFacts.DaysBetween(end, context.Today), RuleFacts.DateText(end), graceDays);
        });
}

/// <summary>Options of GOV905.</summary>
internal sealed record GOV905Options
{
    /// <summary>Days a project may stay in progress after its planned end before the rule fires. Default 0.</summary>
    public int GraceDays { get; init; }
}
