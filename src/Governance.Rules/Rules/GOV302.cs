using Governance.Rules.Engine;
using Governance.Rules.Loading;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>
/// GOV302: a story has no acceptance criteria. An error when its status is one of
/// <see cref="GOV302Options.ErrorStatuses"/>, a warning otherwise; removed stories are exempt.
/// </summary>
internal sealed class GOV302 : GovernanceRule<GOV302Options>, IReadsBacklogItemSummaries
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GOV302",
        "Story lacks acceptance criteria",
        "{0} has no acceptance criteria and {1}; {2}",
        RuleCategories.Backlog,
        Severity.Error,
        "Every story that is not removed has acceptance criteria, so that it can be tested and accepted. Stories in one of errorStatuses (default ready, inProgress, done) without criteria are errors; the others are warnings.")
    {
        MilderSeverity = Severity.Warning,
    };

    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterArtifactAction<Backlog>(context =>
        {
            var items = context.Artifact.Spec.Items;
            if (items is null || items.Count == 0) return;
            var errorStatuses = context.GetOptions<GOV302Options>().ErrorStatuses ?? GOV302Options.DefaultErrorStatuses;
            for (var i = 0; i < items.Count; i++)
            {
                var summary = BacklogItemSummary.Of(items, i);
                if (!summary.IsItem || summary.Type != BacklogItemType.Story || summary.Status == BacklogItemStatus.Removed) continue;
                if (summary.HasAcceptanceCriteria) continue;
                var item = items[i];
                var name = ProductRuleFacts.DescribeItem(item, i);
                if (item.Status is { } status && errorStatuses.Contains(status))
                {
                    context.Report(item, name,
                        $"its status '{ProductRuleFacts.Name(status)}' is one of errorStatuses [{ProductRuleFacts.Names(errorStatuses)}]",
                        "add acceptance criteria that say when it is done");
                }
                else
                {
                    var fact = item.Status is { } other ? $"its status is '{ProductRuleFacts.Name(other)}'" : "no status";
                    context.Report(Severity.Warning, item, null, name, fact, "add acceptance criteria before it is ready for work");
                }
            }
        });
}

/// <summary>Options of GOV302.</summary>
internal sealed record GOV302Options
{
    /// <summary>The default of <see cref="ErrorStatuses"/>: <c>[ready, inProgress, done]</c>.</summary>
    internal static readonly IReadOnlyList<BacklogItemStatus> DefaultErrorStatuses =
        [BacklogItemStatus.Ready, BacklogItemStatus.InProgress, BacklogItemStatus.Done];

    /// <summary>
    /// Statuses in which a story without acceptance criteria is an error rather than a warning. Written in camelCase
    /// (<c>[ready, inProgress]</c>). Default <c>[ready, inProgress, done]</c>.
    /// </summary>
    public IReadOnlyList<BacklogItemStatus> ErrorStatuses { get; init; } = DefaultErrorStatuses;
}
