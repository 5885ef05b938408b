using Governance.Rules.Engine;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Rules;

[TestFixture]
[Category("GOV902")]
public sealed class GOV902ProductMissingCoreArtifactsTests
{
    private const string RuleId = "GOV902";
    private const string NoStage = " (it has no lifecycleStage, so it is taken to be past concept; set lifecycleStage: concept if it is not)";

    private static string Product(string? stage, string extra = "", string id = "product-checkout") => $"""
        apiVersion: governance/v1
        kind: Product
        metadata:
          id: {id}
          title: Checkout
        spec:
          productManager: p-lena
        {(stage is null ? string.Empty : "  lifecycleStage: " + stage)}
        {extra}
        """;

    private static string Child(string kind, string id, string productId = "product-checkout") => $"""
        apiVersion: governance/v1
        kind: {kind}
        metadata:
          id: {id}
        spec:
          productId: {productId}
        """;

    private static string Strategy(string productId = "product-checkout") => Child("ProductStrategy", "strategy-checkout", productId);

    private static string Roadmap(string productId = "product-checkout") => Child("Roadmap", "roadmap-checkout", productId);

    private static string Backlog(string productId = "product-checkout") => Child("Backlog", "backlog-checkout", productId);

    private static string Stream(params string[] documents) => string.Join("\n---\n", documents);

    private static ExpectedFinding Missing(string kind, string stage = "launched", string? fix = null, Severity severity = Severity.Warning, string note = "") =>
        new(severity,
            $"Product 'product-checkout' (Checkout) {(stage.Length == 0 ? string.Empty : $"is in stage '{stage}' but ")}has no {kind}; {fix ?? $"add a {kind} with productId 'product-checkout'"}{note}",
            "product-checkout", string.Empty, 1, 1);

    private static ExpectedFinding NoStrategy(string? fix = null) => Missing("ProductStrategy", string.Empty, fix, Severity.Error);

    [Test]
    public void A_launched_product_with_nothing_gets_one_finding_per_missing_artifact()
    {
        RuleHarness.Findings(RuleId, Product("launched")).ShouldBeExactly(
            NoStrategy(), Missing("Backlog"), Missing("Roadmap"));
    }

    [Test]
    public void A_product_with_its_three_artifacts_does_not_fire()
    {
        RuleHarness.Findings(RuleId, Stream(Product("launched"), Strategy(), Roadmap(), Backlog())).Should().BeEmpty();
    }

    [Test]
    public void A_concept_product_needs_only_a_strategy()
    {
        RuleHarness.Findings(RuleId, Product("concept")).ShouldBeExactly(NoStrategy());
        RuleHarness.Findings(RuleId, Stream(Product("concept"), Strategy())).Should().BeEmpty();
    }

    [TestCase("development")]
    [TestCase("launched")]
    [TestCase("growth")]
    [TestCase("mature")]
    [TestCase("sunset")]
    public void From_development_on_a_missing_roadmap_or_backlog_is_a_warning(string stage)
    {
        RuleHarness.Findings(RuleId, Stream(Product(stage), Strategy(), Backlog())).ShouldBeExactly(Missing("Roadmap", stage));
        RuleHarness.Findings(RuleId, Stream(Product(stage), Strategy(), Roadmap())).ShouldBeExactly(Missing("Backlog", stage));
    }

    [Test]
    public void A_product_without_a_stage_is_taken_to_be_past_concept()
    {
        RuleHarness.Findings(RuleId, Stream(Product(null), Strategy())).ShouldBeExactly(
            Missing("Backlog", string.Empty, note: NoStage), Missing("Roadmap", string.Empty, note: NoStage));
    }

    [Test]
    public void Artifacts_of_another_product_do_not_count()
    {
        var yaml = Stream(Product("growth"), Strategy("product-payments"), Roadmap("product-payments"), Backlog("product-payments"));

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(NoStrategy(), Missing("Backlog", "growth"), Missing("Roadmap", "growth"));
    }

    [Test]
    public void Artifacts_are_found_by_their_productId_not_by_the_products_links()
    {
        var product = Product("launched", "  strategyId: strategy-checkout\n  roadmapId: roadmap-checkout\n  backlogId: backlog-elsewhere");
        var yaml = Stream(product, Strategy("product-payments"), Child("Roadmap", "roadmap-checkout", "\"\""), Backlog());

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            NoStrategy("ProductStrategy 'strategy-checkout', which strategyId names, names product 'product-payments': set its productId to 'product-checkout'"),
            Missing("Roadmap", fix: "Roadmap 'roadmap-checkout', which roadmapId names, has no productId: set its productId to 'product-checkout'"));
    }

    [Test]
    public void A_product_without_id_cannot_be_named_by_its_artifacts()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: Product
            metadata:
              title: Checkout
            spec:
              lifecycleStage: concept
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(new ExpectedFinding(
            Severity.Error,
            "Product (Checkout) has no ProductStrategy; give the product a metadata.id and add a ProductStrategy whose productId names it",
            null, string.Empty, 1, 1));
    }

    [Test]
    public void Each_product_is_judged_on_its_own()
    {
        var yaml = Stream(Product("concept"), Strategy(), Product("concept", id: "product-payments"));

        RuleHarness.Findings(RuleId, yaml).Select(f => (f.ArtifactId, f.Message)).Should().Equal(
            ("product-payments", "Product 'product-payments' (Checkout) has no ProductStrategy; add a ProductStrategy with productId 'product-payments'"));
    }

    [TestCase(Severity.Info)]
    [TestCase(Severity.Error)]
    public void A_configured_severity_applies_to_both_cases(Severity configured)
    {
        RuleHarness.Findings(RuleId, Product("launched"), rules: RuleHarness.WithSeverity(RuleId, configured))
            .Select(f => f.Severity).Should().Equal(configured, configured, configured);
    }

    [Test]
    public void Json_input_points_at_the_product()
    {
        const string json = """
            [
              { "apiVersion": "governance/v1", "kind": "ProductStrategy", "metadata": { "id": "strategy-checkout" }, "spec": { "productId": "product-checkout" } },
              {
                "apiVersion": "governance/v1",
                "kind": "Product",
                "metadata": { "id": "product-checkout", "title": "Checkout" },
                "spec": { "lifecycleStage": "development" }
              }
            ]
            """;

        RuleHarness.Findings(RuleId, json, file: "products.json").ShouldBeExactly(
            Missing("Backlog", "development") with { Line = 3, Column = 3 },
            Missing("Roadmap", "development") with { Line = 3, Column = 3 });
    }
}
