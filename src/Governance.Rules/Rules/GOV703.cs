using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>GOV703: an incident post-mortem lacks its timeline, impact or contributing factors; one finding names all that is missing.</summary>
internal sealed class GOV703 : GovernanceRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GOV703",
        "Incident post-mortem incomplete",
        "Incident post-mortem lacks {0}; an incident review records what happened when (timeline), what it affected (impact) and why (contributingFactors)",
        RuleCategories.PostMortem,
        Severity.Error,
        "An incident post-mortem records the timeline of events, the impact and the contributing factors.");

    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterArtifactAction<PostMortem>(context =>
        {
            var spec = context.Artifact.Spec;
            if (spec.Type != PostMortemType.Incident) return;
            var missing = new List<string>(3);
            if (spec.HasNoTimeline()) missing.Add("timeline");
            if (spec.Impact.IsBlank()) missing.Add("impact");
            if (spec.ContributingFactors.IsBlank()) missing.Add("contributingFactors");
            if (missing.Count > 0) context.Report(spec, RuleFacts.JoinAnd(missing));
        });
}
