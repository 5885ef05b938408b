using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>
/// GOV414: an assumption or dependency has no owner, or an assumption not yet validated or invalidated is past its
/// <c>validateBy</c>, or a dependency not met is past its <c>needBy</c>.
/// </summary>
internal sealed class GOV414 : GovernanceRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GOV414",
        "Assumption/dependency unmanaged",
        "{0} {1} {2}; {3}",
        RuleCategories.Plan,
        Severity.Warning,
        "Every assumption and dependency (RAID) has an owner; an assumption is validated (or found invalid) by its validateBy date and a dependency is met by its needBy date.")
    {
        UsesClock = true,
    };

    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterArtifactAction<ProjectPlan>(context =>
        {
            var spec = context.Artifact.Spec;
            var today = context.Today;
            foreach (var (assumption, index) in PlanRuleFacts.Entries(spec.Assumptions, PlanRuleFacts.BlankAssumption))
            {
                var name = RuleFacts.Describe(assumption.Id, null, index);
                if (assumption.Owner.IsBlank())
                    context.Report(assumption, "Assumption", name, "has no owner", "name who validates it");
                if (assumption.Status is not (AssumptionStatus.Validated or AssumptionStatus.Invalid)
                    && assumption.ValidateBy is { } validateBy && RuleFacts.IsPastDue(validateBy, today))
                {
                    context.ReportAt(assumption, nameof(Assumption.ValidateBy), "Assumption", name,
                        $"was to be validated by {RuleFacts.DateText(validateBy)}, {RuleFacts.DaysBetween(validateBy, today)} day(s) ago, and is {Status(assumption.Status)}",
                        "validate it (status validated or invalid) or set a new validateBy date");
                }
            }

            foreach (var (dependency, index) in PlanRuleFacts.Entries(spec.Dependencies, PlanRuleFacts.BlankDependency))
            {
                var name = RuleFacts.Describe(dependency.Id, null, index);
                if (dependency.Owner.IsBlank())
                    context.Report(dependency, "Dependency", name, "has no owner", "name who chases it");
                if (dependency.Status != DependencyStatus.Met && dependency.NeedBy is { } needBy && RuleFacts.IsPastDue(needBy, today))
                {
                    context.ReportAt(dependency, nameof(Dependency.NeedBy), "Dependency", name,
                        $"was needed by {RuleFacts.DateText(needBy)}, {RuleFacts.DaysBetween(needBy, today)} day(s) ago, and is {Status(dependency.Status)}",
                        "chase it, re-plan the work that needs it, or set status met once it is");
                }
            }
        });

    private static string Status<TEnum>(TEnum? status)
        where TEnum : struct, Enum =>
        status is { } value ? $"still {PlanRuleFacts.Name(value)}" : "without status";
}
