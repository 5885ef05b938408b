using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>
/// GOV411: a plan's stakeholder register is empty (error), names no sponsor, or holds a stakeholder whose interest or
/// influence is not rated (warnings).
/// </summary>
internal sealed class GOV411 : GovernanceRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GOV411",
        "Stakeholder register incomplete",
        "{0}",
        RuleCategories.Plan,
        Severity.Error,
        "Every plan keeps a stakeholder register (error when empty) that names the sponsor and rates each stakeholder's interest and influence (warnings otherwise).")
    {
        MilderSeverity = Severity.Warning,
    };

    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterArtifactAction<ProjectPlan>(context =>
        {
            var spec = context.Artifact.Spec;
            var stakeholders = PlanRuleFacts.Entries(spec.Stakeholders, PlanRuleFacts.BlankStakeholder).ToList();
            if (stakeholders.Count == 0)
            {
                context.Report(spec, "Stakeholder register is empty; list the project's stakeholders (sponsor, customers, users, team and others) with their role, interest and influence");
                return;
            }

            if (!stakeholders.Any(s => s.Item.Role == StakeholderRole.Sponsor))
                context.Report(Severity.Warning, spec, nameof(ProjectPlanSpec.Stakeholders), "No stakeholder has role sponsor; name the project's sponsor in the stakeholder register");

            foreach (var (stakeholder, index) in stakeholders)
            {
                var missing = (stakeholder.Interest, stakeholder.Influence) switch
                {
                    (null, null) => "interest or influence",
                    (null, _) => "interest",
                    (_, null) => "influence",
                    _ => null,
                };
                if (missing is null) continue;
                context.Report(Severity.Warning, stakeholder, null,
                    $"Stakeholder {PlanRuleFacts.Describe(stakeholder, index, context.Portfolio)} has no {missing}; rate it low or high so that the stakeholder is managed accordingly");
            }
        });
}
