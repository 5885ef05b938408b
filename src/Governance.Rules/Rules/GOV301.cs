using Governance.Rules.Engine;
using Governance.Rules.Loading;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>
/// GOV301: a story's <c>userStory</c> lacks <c>asA</c> or <c>iWant</c> (or <c>soThat</c> when
/// <see cref="GOV301Options.RequireSoThat"/>); removed stories are exempt.
/// </summary>
internal sealed class GOV301 : GovernanceRule<GOV301Options>, IReadsBacklogItemSummaries
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GOV301",
        "Story not written from user's perspective",
        "{0} is not written from the user's perspective: its userStory has no {1}; write it as 'As a <user>, I want <goal>, so that <benefit>'",
        RuleCategories.Backlog,
        Severity.Warning,
        "Every story that is not removed says who wants it (asA), what they want (iWant) and, unless requireSoThat is false, why (soThat).");

    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterArtifactAction<Backlog>(context =>
        {
            var items = context.Artifact.Spec.Items;
            if (items is null || items.Count == 0) return;
            var requireSoThat = context.GetOptions<GOV301Options>().RequireSoThat;
            for (var i = 0; i < items.Count; i++)
            {
                var summary = BacklogItemSummary.Of(items, i);
                if (!summary.IsItem || summary.Type != BacklogItemType.Story || summary.Status == BacklogItemStatus.Removed) continue;
                var noAsA = !summary.HasAsA;
                var noIWant = !summary.HasIWant;
                var noSoThat = requireSoThat && !summary.HasSoThat;
                if (!noAsA && !noIWant && !noSoThat) continue; // the common case allocates nothing
                var item = items[i];
                var missing = new List<string>(3);
                if (noAsA) missing.Add("asA");
                if (noIWant) missing.Add("iWant");
                if (noSoThat) missing.Add("soThat");

                // The blank parts are held by userStory when it is written (even as {}), else by the item.
                context.ReportAt(item, nameof(BacklogItem.UserStory), ProductRuleFacts.DescribeItem(item, i), RuleFacts.JoinAnd(missing));
            }
        });
}

/// <summary>Options of GOV301.</summary>
internal sealed record GOV301Options
{
    /// <summary>Whether a story also needs <c>soThat</c> (the benefit). Default <see langword="true"/>.</summary>
    public bool RequireSoThat { get; init; } = true;
}
