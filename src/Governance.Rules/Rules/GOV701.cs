using System.Globalization;
using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>
/// GOV701: a completed project ended more than <see cref="GOV701Options.GraceDays"/> days ago and no PostMortem names it
/// as its <c>subjectId</c>. The end is <c>actualEnd</c>, else <c>schedule.end</c>; a completed project with neither fires.
/// </summary>
internal sealed class GOV701 : GovernanceRule<GOV701Options>
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GOV701",
        "Completed project without post-mortem",
        "Project completed {0} and {1}; hold a retrospective and record it as a PostMortem",
        RuleCategories.PostMortem,
        Severity.Error,
        "A completed project holds a retrospective: once graceDays have passed since its end (actualEnd, else schedule.end), a PostMortem whose subjectId is the project must exist.")
    {
        UsesClock = true,
    };

    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterArtifactAction<Project>(context =>
        {
            var project = context.Artifact;
            var spec = project.Spec;
            if (spec.Status != ProjectStatus.Completed) return;
            if (!project.Id.IsBlank() && context.Portfolio.ChildNodesOf(ArtifactKind.PostMortem, project.Id).Any()) return;

            var graceDays = context.GetOptions<GOV701Options>().GraceDays;
            string when;
            if (spec.ActualEnd is { } actualEnd)
            {
                if (!RuleFacts.IsStale(actualEnd, context.Today, graceDays)) return;
                when = Ended(actualEnd, "actualEnd", context.Today, graceDays);
            }
            else if (spec.Schedule?.End is { } plannedEnd)
            {
                if (!RuleFacts.IsStale(plannedEnd, context.Today, graceDays)) return;
                when = Ended(plannedEnd, "schedule.end, as there is no actualEnd", context.Today, graceDays);
            }
            else
            {
                when = "with no end date (neither actualEnd nor schedule.end), so no grace period applies";
            }

            var missing = project.Id.IsBlank()
                ? "has no metadata.id for a PostMortem's subjectId to name"
                : $"no PostMortem has subjectId '{project.Id}'";
            context.Report(project, when, missing);
        });

    private static string Ended(DateOnly end, string source, DateOnly today, int graceDays) =>
        string.Format(
            CultureInfo.InvariantCulture,
            "on {0} ({1}), {2} day(s) ago, more than graceDays ({3})",
            RuleFacts.DateText(end),
            source,
            RuleFacts.DaysBetween(end, today),
            graceDays);
}

/// <summary>Options of GOV701.</summary>
internal sealed record GOV701Options
{
    /// <summary>Days after the project's end during which a missing post-mortem is not yet reported. Default 30.</summary>
    public int GraceDays { get; init; } = 30;
}
