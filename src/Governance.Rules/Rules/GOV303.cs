using Governance.Rules.Engine;
using Governance.Rules.Loading;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>GOV303: a backlog item that is not an epic is ready or in progress and has no estimate.</summary>
internal sealed class GOV303 : GovernanceRule, IReadsBacklogItemSummaries
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GOV303",
        "Ready story not estimated",
        "{0} is {1} but has no estimate; estimate it in story points",
        RuleCategories.Backlog,
        Severity.Warning,
        "Every backlog item other than an epic that is ready or in progress has an estimate, so the team can plan with it.");

    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterArtifactAction<Backlog>(context =>
        {
            var items = context.Artifact.Spec.Items;
            if (items is null || items.Count == 0) return;
            for (var i = 0; i < items.Count; i++)
            {
                var summary = BacklogItemSummary.Of(items, i);
                if (!summary.IsItem || summary.Type == BacklogItemType.Epic || summary.Estimate is not null) continue;
                var state = summary.Status switch
                {
                    BacklogItemStatus.Ready => "ready",
                    BacklogItemStatus.InProgress => "in progress",
                    _ => null,
                };
                if (state is null) continue;
                var item = items[i];
                context.Report(item, ProductRuleFacts.DescribeItem(item, i), state);
            }
        });
}
