using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace HostApp;

/// <summary>GOV950: every project names a sponsor (this portal's own policy, not part of the built-in catalog).</summary>
internal sealed class ProjectHasNoSponsorRule : GovernanceRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GOV950",
        "Project has no sponsor",
        "Project '{0}' has no sponsor; name the executive who answers for its business case",
        RuleCategories.Plan,
        Severity.Warning,
        "Every project in the portal names a sponsor.")
    {
        HelpUri = "https://pmo.example.com/policies/GOV950",   // where the report links the rule
    };

    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterArtifactAction<Project>(context =>
        {
            if (string.IsNullOrWhiteSpace(context.Artifact.Spec.Sponsor))
                context.ReportAt(context.Artifact.Spec, nameof(ProjectSpec.Sponsor), context.Artifact.Id);
        });
}
