using Governance.Rules.Engine;
using Governance.Rules.Loading;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>GOV304: a story's estimate is above <see cref="GOV304Options.MaxStoryPoints"/>.</summary>
internal sealed class GOV304 : GovernanceRule<GOV304Options>, IReadsBacklogItemSummaries
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GOV304",
        "Story too large",
        "{0} is estimated at {1} points, more than maxStoryPoints {2}; split it into smaller stories",
        RuleCategories.Backlog,
        Severity.Warning,
        "A story fits in an iteration: its estimate is at most maxStoryPoints (default 13). Larger work is split, or becomes an epic.");

    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterArtifactAction<Backlog>(context =>
        {
            var items = context.Artifact.Spec.Items;
            if (items is null || items.Count == 0) return;
            var max = context.GetOptions<GOV304Options>().MaxStoryPoints;
            for (var i = 0; i < items.Count; i++)
            {
                var summary = BacklogItemSummary.Of(items, i);
                if (summary.Type != BacklogItemType.Story || summary.Estimate is not { } estimate || estimate <= max) continue;
                var item = items[i];
                context.ReportAt(item, nameof(BacklogItem.Estimate),
                    ProductRuleFacts.DescribeItem(item, i), ProductRuleFacts.Number(estimate), ProductRuleFacts.Number(max));
            }
        });
}

/// <summary>Options of GOV304.</summary>
internal sealed record GOV304Options
{
    /// <summary>The largest estimate, in story points, a story may have; exactly this many is allowed. Default 13.</summary>
    public decimal MaxStoryPoints { get; init; } = 13;
}
