using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace Governance.Rules.TestPlugin;

/// <summary>A plugin rule: a project plan must state its version.</summary>
public sealed class PlanVersionRule : GovernanceRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GOV990", "Plan has no version", "Plan '{0}' has no version", RuleCategories.Portfolio, Severity.Warning,
        "A plugin rule used by the tests.");

    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterArtifactAction<ProjectPlan>(context =>
        {
            if (string.IsNullOrWhiteSpace(context.Artifact.Spec.Version))
                context.ReportAt(context.Artifact.Spec, nameof(ProjectPlanSpec.Version), context.Artifact.Id);
        });
}
