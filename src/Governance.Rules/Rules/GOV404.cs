using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>GOV404: a risk whose score (probability × impact) reaches <see cref="GOV404Options.HighRiskScore"/> has no trigger.</summary>
internal sealed class GOV404 : GovernanceRule<GOV404Options>
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GOV404",
        "High risk has no trigger",
        "Risk {0} scores {1} (probability {2} × impact {3}), at or above highRiskScore {4}, and has no trigger; say what signals that it is occurring",
        RuleCategories.Plan,
        Severity.Warning,
        "A high risk, whose score probability × impact is at least highRiskScore (default 15), names the trigger that signals it is occurring, so that its response starts in time.");

    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterArtifactAction<ProjectPlan>(context =>
        {
            var threshold = context.GetOptions<GOV404Options>().HighRiskScore;
            foreach (var (risk, index) in PlanRuleFacts.Entries(context.Artifact.Spec.RiskRegister, PlanRuleFacts.BlankRisk))
            {
                if (risk is not { Probability: { } probability, Impact: { } impact } || !risk.Trigger.IsBlank()) continue;
                var score = probability * impact;
                if (score >= threshold)
                    context.Report(risk, RuleFacts.DescribeQuotingLoneTitle(risk.Id, risk.Title, index), score, probability, impact, threshold);
            }
        });
}

/// <summary>Options of GOV404.</summary>
internal sealed record GOV404Options
{
    /// <summary>The score (probability × impact, 1 to 25) from which a risk is high and needs a trigger. Default 15.</summary>
    public int HighRiskScore { get; init; } = 15;
}
