using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>GOV705: a post-mortem action item that is open or in progress is past its due date; reported at its <c>due</c>.</summary>
internal sealed class GOV705 : GovernanceRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GOV705",
        "Action item overdue",
        "Action item {0} is {1} day(s) overdue: due {2} and still {3}; finish it, or agree a new due date",
        RuleCategories.PostMortem,
        Severity.Warning,
        "A post-mortem action item that is open or in progress is done by its due date; a due date equal to today is not overdue.")
    {
        UsesClock = true,
    };

    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterArtifactAction<PostMortem>(context =>
        {
            var items = context.Artifact.Spec.ActionItems;
            if (items is null) return;
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                if (item is null || item.Status is not (ActionItemStatus.Open or ActionItemStatus.InProgress) || item.Due is not { } due) continue;
                if (!RuleFacts.IsPastDue(due, context.Today)) continue;
                context.ReportAt(item, nameof(ActionItem.Due),
                    PostMortemRuleFacts.Describe(item, i),
                    RuleFacts.DaysBetween(due, context.Today),
                    RuleFacts.DateText(due),
                    PostMortemRuleFacts.Name(item.Status.Value));
            }
        });
}
