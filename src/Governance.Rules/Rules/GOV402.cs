using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>GOV402: a risk in a plan's risk register has no owner.</summary>
internal sealed class GOV402 : GovernanceRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GOV402",
        "Risk has no owner",
        "Risk {0} has no owner; name the person who watches it and carries out its response",
        RuleCategories.Plan,
        Severity.Error,
        "Every risk in a plan's risk register names an owner, the person who watches it and carries out its response, whatever its status.");

    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterArtifactAction<ProjectPlan>(context =>
        {
            foreach (var (risk, index) in PlanRuleFacts.Entries(context.Artifact.Spec.RiskRegister, PlanRuleFacts.BlankRisk))
            {
                if (risk.Owner.IsBlank()) context.Report(risk, RuleFacts.DescribeQuotingLoneTitle(risk.Id, risk.Title, index));
            }
        });
}
