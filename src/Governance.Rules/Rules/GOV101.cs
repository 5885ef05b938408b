using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>GOV101: a product strategy's <c>vision</c> is blank.</summary>
internal sealed class GOV101 : GovernanceRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GOV101",
        "Strategy has no vision",
        "Product strategy has no vision; add vision: where the product is going and for whom",
        RuleCategories.Strategy,
        Severity.Error,
        "Every product strategy states its vision: the long-term change the product brings to its customers, which every objective and roadmap item serves.");

    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterArtifactAction<ProductStrategy>(context =>
        {
            var spec = context.Artifact.Spec;
            if (spec.Vision.IsBlank()) context.ReportAt(spec, nameof(ProductStrategySpec.Vision));
        });
}
