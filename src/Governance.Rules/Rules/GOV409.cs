using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>GOV409: a plan has no approved budget (<c>budget.approved</c> with an amount).</summary>
internal sealed class GOV409 : GovernanceRule
{
    /// <summary>A budget equal to this one has no key written: an empty object, blank (SPEC §H).</summary>
    private static readonly Budget BlankBudget = new();

    public override RuleDescriptor Descriptor { get; } = new(
        "GOV409",
        "No approved budget",
        "Plan {0}; record the approved budget in budget.approved with its amount and currency",
        RuleCategories.Plan,
        Severity.Error,
        "Every plan records the budget its sponsor approved (budget.approved, an amount and a currency), the baseline that costs are tracked against.");

    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterArtifactAction<ProjectPlan>(context =>
        {
            var spec = context.Artifact.Spec;
            if (spec.Budget is not { } budget || budget == BlankBudget)
                context.Report(spec, "has no budget");
            else if (budget.Approved is not { } approved || approved == PlanRuleFacts.BlankMoney)
                context.Report(budget, "has no approved budget");
            else if (approved.Amount is null)
                context.Report(approved, "has an approved budget without an amount");
        });
}
