using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>
/// GOV706: a P0 or P1 post-mortem action item is still open or in progress more than
/// <see cref="GOV706Options.PriorityActionSloDays"/> days after the post-mortem's date; reported at the item.
/// </summary>
internal sealed class GOV706 : GovernanceRule<GOV706Options>
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GOV706",
        "Priority action breaches SLO",
        "{0} action item {1} is still {2} {3} day(s) after the post-mortem of {4}, beyond the {5}-day SLO for P0 and P1 actions (priorityActionSloDays); close it or escalate",
        RuleCategories.PostMortem,
        Severity.Warning,
        "P0 and P1 post-mortem action items are finished within priorityActionSloDays of the post-mortem's date (Atlassian: 4 or 8 weeks).")
    {
        UsesClock = true,
    };

    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterArtifactAction<PostMortem>(context =>
        {
            var spec = context.Artifact.Spec;
            var items = spec.ActionItems;
            if (items is null || spec.Date is not { } date) return;
            var sloDays = context.GetOptions<GOV706Options>().PriorityActionSloDays;
            if (!RuleFacts.IsStale(date, context.Today, sloDays)) return;
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                if (item is null || item.Priority is not ({ } priority and (ActionItemPriority.P0 or ActionItemPriority.P1))) continue;
                if (item.Status is not ({ } status and (ActionItemStatus.Open or ActionItemStatus.InProgress))) continue;
                context.Report(item,
                    priority == ActionItemPriority.P0 ? "P0" : "P1",
                    PostMortemRuleFacts.Describe(item, i),
                    PostMortemRuleFacts.Name(status),
                    RuleFacts.DaysBetween(date, context.Today),
                    RuleFacts.DateText(date),
                    sloDays);
            }
        });
}

/// <summary>Options of GOV706.</summary>
internal sealed record GOV706Options
{
    /// <summary>
    /// Days after the post-mortem's <c>date</c> within which its P0 and P1 action items are to be finished. Default 56
    /// (8 weeks).
    /// </summary>
    public int PriorityActionSloDays { get; init; } = 56;
}
