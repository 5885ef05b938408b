using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>GOV801: a launched, growing or mature product has no ProductAnalytics naming it in <c>productId</c>.</summary>
internal sealed class GOV801 : GovernanceRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GOV801",
        "Launched product has no analytics",
        "Product {0} is in stage '{1}' but has no ProductAnalytics; {2}",
        RuleCategories.Analytics,
        Severity.Error,
        "A product in the launched, growth or mature stage has a ProductAnalytics artifact (productId = the product), so its usage and its customers' feedback are monitored.");

    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterArtifactAction<Product>(context =>
        {
            var product = context.Artifact;
            var stage = product.Spec?.LifecycleStage;
            if (!stage.IsLaunched()) return;
            var id = product.Id;
            if (!id.IsBlank() && context.Portfolio.ChildNodesOf(ArtifactKind.ProductAnalytics, id).Any()) return;
            var fix = id.IsBlank()
                ? "give the product an id and add a ProductAnalytics whose productId names it"
                : $"add a ProductAnalytics with productId '{id}' that tracks its metrics and customer feedback";
            context.Report(product, ProductRuleFacts.DescribeArtifact(product), ProductRuleFacts.Name(stage!.Value), fix);
        });
}
