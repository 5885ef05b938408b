using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>GOV102: a product strategy names no target customers, or lists no customer needs (one finding for both).</summary>
internal sealed class GOV102 : GovernanceRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GOV102",
        "Customer needs missing",
        "Product strategy {0}; add {1}",
        RuleCategories.Strategy,
        Severity.Error,
        "Every product strategy names its target customers and the customer needs it serves, so that needs, not features, drive the roadmap.");

    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterArtifactAction<ProductStrategy>(context =>
        {
            var spec = context.Artifact.Spec;
            var noCustomers = spec.TargetCustomers.IsBlank();
            var noNeeds = !spec.CustomerNeeds.Present().Any(StrategyRoadmapRuleFacts.IsEntry);
            if (noCustomers && noNeeds)
                context.Report(spec, "names neither target customers nor customer needs", "targetCustomers and customerNeeds");
            else if (noCustomers)
                context.Report(spec, "names no target customers", "targetCustomers: who the product is for");
            else if (noNeeds)
                context.Report(spec, "lists no customer needs", "customerNeeds, each with an id and a statement of the need");
        });
}
