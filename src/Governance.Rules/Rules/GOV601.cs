using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>
/// GOV601: a project that is closing, closed or completed has no Handover naming it in <c>projectId</c>. Cancelled
/// projects and projects tagged with one of <see cref="GOV601Options.ExemptTags"/> are exempt.
/// </summary>
internal sealed class GOV601 : GovernanceRule<GOV601Options>
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GOV601",
        "Closing project has no handover",
        "Project is {0} but no Handover has projectId {1}; hand its output over to operations with a Handover, or tag the project with one of exemptTags [{2}] when nothing is handed over",
        RuleCategories.Handover,
        Severity.Error,
        "A project in phase closing or closed, or with status completed, hands its output over to an operating owner with a Handover; cancelled projects and projects tagged with one of exemptTags are exempt.");

    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterArtifactAction<Project>(context =>
        {
            var project = context.Artifact;
            var spec = project.Spec;
            if (spec.Status == ProjectStatus.Cancelled) return;
            var closing = spec.Phase is ProjectPhase.Closing or ProjectPhase.Closed;
            var completed = spec.Status == ProjectStatus.Completed;
            if (!closing && !completed) return;

            var exemptTags = context.GetOptions<GOV601Options>().ExemptTags ?? [];
            if (HasExemptTag(project.Metadata.Tags, exemptTags)) return;
            if (!project.Id.IsBlank() && context.Portfolio.ChildNodesOf(ArtifactKind.Handover, project.Id).Any()) return;

            var state = (completed, spec.Phase) switch
            {
                (true, { } phase) => $"completed (phase {PhaseName(phase)})",
                (true, null) => "completed",
                (false, var phase) => $"in phase {PhaseName(phase!.Value)}",
            };
            var id = project.Id.IsBlank() ? "naming it (it has no metadata.id)" : $"'{project.Id}'";
            context.Report(project, state, id, string.Join(", ", exemptTags.Where(t => !t.IsBlank())));
        });

    /// <summary>Whether a tag equals one of the exempt tags, ignoring case and surrounding spaces.</summary>
    private static bool HasExemptTag(IReadOnlyList<string>? tags, IReadOnlyList<string> exemptTags)
    {
        if (tags is null) return false;
        foreach (var tag in tags)
        {
            if (tag.IsBlank()) continue;
            foreach (var exempt in exemptTags)
            {
                if (!exempt.IsBlank() && string.Equals(tag.Trim(), exempt.Trim(), StringComparison.OrdinalIgnoreCase)) return true;
            }
        }

        return false;
    }

    private static string PhaseName(ProjectPhase phase) => phase switch
    {
        ProjectPhase.Initiation => "initiation",
        ProjectPhase.Planning => "planning",
        ProjectPhase.Execution => "execution",
        ProjectPhase.Monitoring => "monitoring",
        ProjectPhase.Closing => "closing",
        ProjectPhase.Closed => "closed",
        _ => phase.ToString(),
    };
}

/// <summary>Options of GOV601.</summary>
internal sealed record GOV601Options
{
    /// <summary>
    /// Tags that exempt a project: a project whose <c>metadata.tags</c> holds one of them (compared ignoring case) hands
    /// nothing over to operations. Default <c>[no-ops]</c>.
    /// </summary>
    public IReadOnlyList<string> ExemptTags { get; init; } = ["no-ops"];
}
