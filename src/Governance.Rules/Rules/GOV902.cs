using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>
/// GOV902: a product lacks one of its core artifacts, found by their <c>productId</c>: no ProductStrategy is an error;
/// no Roadmap or no Backlog is a warning once the product is past <c>concept</c> (a product without a lifecycleStage
/// is taken to be past concept). One finding per missing artifact, at the Product.
/// </summary>
internal sealed class GOV902 : GovernanceRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GOV902",
        "Product missing core artifacts",
        "Product {0} {1}has no {2}; {3}",
        RuleCategories.Portfolio,
        Severity.Error,
        "Every product has a ProductStrategy (productId = the product); from the development stage on (development, launched, growth, mature, sunset) it also has a Roadmap and a Backlog. A missing strategy is an error, a missing roadmap or backlog a warning.")
    {
        MilderSeverity = Severity.Warning,
    };

    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterArtifactAction<Product>(context =>
        {
            var product = context.Artifact;
            var spec = product.Spec;
            var name = ProductRuleFacts.DescribeArtifact(product);

            if (!Has(context.Portfolio, ArtifactKind.ProductStrategy, product.Id))
            {
                var fix = Fix(context.Portfolio, ArtifactKind.ProductStrategy, product.Id, spec?.StrategyId, nameof(ProductSpec.StrategyId));
                context.Report(product, name, string.Empty, nameof(ProductStrategy), fix);
            }

            var stage = spec?.LifecycleStage;
            if (stage == LifecycleStage.Concept) return;
            var fact = stage is { } known ? $"is in stage '{ProductRuleFacts.Name(known)}' but " : string.Empty;
            var noStage = stage is null ? " (it has no lifecycleStage, so it is taken to be past concept; set lifecycleStage: concept if it is not)" : string.Empty;

            if (!Has(context.Portfolio, ArtifactKind.Roadmap, product.Id))
            {
                var fix = Fix(context.Portfolio, ArtifactKind.Roadmap, product.Id, spec?.RoadmapId, nameof(ProductSpec.RoadmapId));
                context.Report(Severity.Warning, product, null, name, fact, nameof(Roadmap), fix + noStage);
            }

            if (!Has(context.Portfolio, ArtifactKind.Backlog, product.Id))
            {
                var fix = Fix(context.Portfolio, ArtifactKind.Backlog, product.Id, spec?.BacklogId, nameof(ProductSpec.BacklogId));
                context.Report(Severity.Warning, product, null, name, fact, nameof(Backlog), fix + noStage);
            }
        });

    /// <summary>Core artifacts are found by their <c>productId</c> (SPEC §H), not by the product's own <c>...Id</c> links.</summary>
    private static bool Has(PortfolioIndex portfolio, ArtifactKind kind, string? productId) =>
        !productId.IsBlank() && portfolio.ChildNodesOf(kind, productId).Any();

    /// <summary>
    /// What to do: add the artifact with the product's id; or, when the product's own link (<c>strategyId</c>…) names an
    /// artifact of that kind that names another product, correct that artifact's <c>productId</c>.
    /// </summary>
    /// <remarks>Reads the index's nodes (id, kind, <c>productId</c>), not the records.</remarks>
    private static string Fix(PortfolioIndex portfolio, ArtifactKind artifactKind, string? productId, string? linkedId, string linkProperty)
    {
        var kind = artifactKind.ToString();
        if (productId.IsBlank()) return $"give the product a metadata.id and add a {kind} whose productId names it";
        if (portfolio.TryGetNode(linkedId, out var linked) && linked.Kind == artifactKind)
        {
            var named = linked.ParentId;
            var link = char.ToLowerInvariant(linkProperty[0]) + linkProperty[1..];
            var current = named.IsBlank() ? "has no productId" : $"names product '{named}'";
            return $"{kind} '{linked.Id}', which {link} names, {current}: set its productId to '{productId}'";
        }

        return $"add a {kind} with productId '{productId}'";
    }
}
