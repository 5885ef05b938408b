using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>GOV707: a reviewed or closed post-mortem has no action items and does not say why.</summary>
internal sealed class GOV707 : GovernanceRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GOV707",
        "Reviewed post-mortem has no actions",
        "Post-mortem is {0} but has no action items and no noActionRationale; add the follow-up actions, or say in noActionRationale why none are needed",
        RuleCategories.PostMortem,
        Severity.Warning,
        "A post-mortem that has been reviewed or closed either carries action items or explains in noActionRationale why it needs none.");

    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterArtifactAction<PostMortem>(context =>
        {
            var spec = context.Artifact.Spec;
            if (spec.Status is not ({ } status and (PostMortemStatus.Reviewed or PostMortemStatus.Closed))) return;
            if (!spec.HasNoActions() || !spec.NoActionRationale.IsBlank()) return;
            context.Report(spec, PostMortemRuleFacts.Name(status));
        });
}
