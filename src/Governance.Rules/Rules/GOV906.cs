using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>
/// GOV906: a project under way has no ProjectPlan naming it in <c>projectId</c>. Under way: status <c>inProgress</c> or
/// <c>onHold</c>, or <c>notStarted</c> with a phase past <c>initiation</c>. Reported at the Project.
/// </summary>
internal sealed class GOV906 : GovernanceRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GOV906",
        "Active project without plan",
        "Project {0} is {1} but has no ProjectPlan; {2}",
        RuleCategories.Portfolio,
        Severity.Error,
        "A project that is in progress or on hold, or not started but past its initiation phase, has a ProjectPlan (projectId = the project) with its scope, schedule, budget, resources and risks.");

    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterArtifactAction<Project>(context =>
        {
            var project = context.Artifact;
            var spec = project.Spec;
            if (spec is null) return;
            string state;
            switch (spec.Status)
            {
                case ProjectStatus.InProgress:
                    state = "in progress";
                    break;
                case ProjectStatus.OnHold:
                    state = "on hold";
                    break;
                case ProjectStatus.NotStarted when spec.Phase is { } phase && phase != ProjectPhase.Initiation:
                    state = $"in phase '{ProductRuleFacts.Name(phase)}' (not started)";
                    break;
                default:
                    return;
            }

            if (!project.Id.IsBlank() && context.Portfolio.ChildNodesOf(ArtifactKind.ProjectPlan, project.Id).Any()) return;
            context.Report(project, ProductRuleFacts.DescribeArtifact(project), state, Fix(context.Portfolio, project.Id, spec.PlanId));
        });

    private static string Fix(PortfolioIndex portfolio, string? projectId, string? planId)
    {
        if (projectId.IsBlank()) return "give the project a metadata.id and add a ProjectPlan whose projectId names it";
        if (portfolio.TryGetNode(planId, out var plan) && plan.Kind == ArtifactKind.ProjectPlan)
        {
            var current = plan.ParentId is { } named && !named.IsBlank() ? $"names project '{named}'" : "has no projectId";
            return $"ProjectPlan '{plan.Id}', which planId names, {current}: set its projectId to '{projectId}'";
        }

        return $"add a ProjectPlan with projectId '{projectId}' (scope, schedule, budget, resources, risks)";
    }
}
