using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>GOV502: a status report has no next steps, or shows no progress (neither a summary nor accomplishments).</summary>
internal sealed class GOV502 : GovernanceRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GOV502",
        "Report lacks progress/next steps",
        "Status report has {0}; add {1}",
        RuleCategories.Status,
        Severity.Error,
        "A status report says what progressed (a summary or accomplishments) and what happens next (nextSteps).");

    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterArtifactAction<StatusReport>(context =>
        {
            var spec = context.Artifact.Spec;
            var noNextSteps = spec.NextSteps.IsBlank();
            var noProgress = spec.Summary.IsBlank() && spec.Accomplishments.IsBlank();
            if (noNextSteps && noProgress)
                context.Report(spec, "no nextSteps and neither a summary nor accomplishments", "nextSteps, and a summary or accomplishments");
            else if (noNextSteps)
                context.Report(spec, "no nextSteps", "nextSteps");
            else if (noProgress)
                context.Report(spec, "neither a summary nor accomplishments", "a summary or accomplishments");
        });
}
