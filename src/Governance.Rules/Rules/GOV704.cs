using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>GOV704: a post-mortem action item has no owner or no due date; one finding per item, at the item.</summary>
internal sealed class GOV704 : GovernanceRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GOV704",
        "Action item unowned/undated",
        "Action item {0} has no {1}; every post-mortem action needs an owner and a due date",
        RuleCategories.PostMortem,
        Severity.Error,
        "Every action item of a post-mortem has an owner and a due date, so that it is done rather than forgotten.");

    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterArtifactAction<PostMortem>(context =>
        {
            var items = context.Artifact.Spec.ActionItems;
            if (items is null) return;
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                if (item.IsBlankAction()) continue;
                var noOwner = item.Owner.IsBlank();
                var noDue = item.Due is null;
                if (!noOwner && !noDue) continue;
                var what = (noOwner, noDue) switch
                {
                    (true, true) => "owner and no due date",
                    (true, false) => "owner",
                    _ => "due date",
                };
                context.Report(item, PostMortemRuleFacts.Describe(item, i), what);
            }
        });
}
