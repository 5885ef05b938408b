using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>GOV202: a roadmap item's <c>objectiveIds</c> is blank, so it rolls up to no strategy objective.</summary>
internal sealed class GOV202 : GovernanceRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GOV202",
        "Roadmap item not linked to an objective",
        "Roadmap item {0} is not linked to any objective; list the strategy objectives it serves in objectiveIds",
        RuleCategories.Roadmap,
        Severity.Error,
        "Every roadmap item rolls up to at least one strategy objective (objectiveIds), so the roadmap serves the strategy rather than a wish list.");

    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterArtifactAction<Roadmap>(context =>
        {
            var items = context.Artifact.Spec.Items;
            if (items is null) return;
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                if (item.IsEntry() && item!.ObjectiveIds.IsBlank()) context.Report(item, item.Describe(i));
            }
        });
}
