using Governance.Rules.Engine;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Rules;

[TestFixture]
[Category("GOV801")]
public sealed class GOV801LaunchedProductHasNoAnalyticsTests
{
    private const string RuleId = "GOV801";

    private static string Product(string stage, string id = "product-checkout") => $"""
        apiVersion: governance/v1
        kind: Product
        metadata:
          id: {id}
          title: Checkout
        spec:
          productManager: p-ann
          lifecycleStage: {stage}
        """;

    private static string Analytics(string productId) => $"""
        ---
        apiVersion: governance/v1
        kind: ProductAnalytics
        metadata:
          id: analytics-{productId}
        spec:
          productId: {productId}
        """;

    [TestCase("launched")]
    [TestCase("growth")]
    [TestCase("mature")]
    public void A_launched_product_without_analytics_is_an_error_at_the_product_root(string stage)
    {
        RuleHarness.Findings(RuleId, Product(stage)).ShouldBeExactly(
            new ExpectedFinding(Severity.Error,
                $"Product 'product-checkout' (Checkout) is in stage '{stage}' but has no ProductAnalytics; add a ProductAnalytics with productId 'product-checkout' that tracks its metrics and customer feedback",
                "product-checkout", string.Empty, 1, 1));
    }

    [TestCase("concept")]
    [TestCase("development")]
    [TestCase("sunset")]
    public void Products_not_yet_launched_or_sunset_are_not_checked(string stage) =>
        RuleHarness.Findings(RuleId, Product(stage)).Should().BeEmpty();

    [Test]
    public void A_product_without_stage_is_not_checked()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: Product
            metadata:
              id: product-checkout
            spec:
              productManager: p-ann
            """;

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [Test]
    public void Analytics_whose_productId_names_the_product_satisfy_the_rule()
    {
        RuleHarness.Findings(RuleId, Product("growth") + "\n" + Analytics("product-checkout")).Should().BeEmpty();
    }

    [Test]
    public void Analytics_given_before_the_product_count_too()
    {
        RuleHarness.Findings(RuleId, Analytics("product-checkout").TrimStart('-', '\n') + "\n---\n" + Product("mature")).Should().BeEmpty();
    }

    [Test]
    public void Analytics_of_another_product_do_not_count()
    {
        RuleHarness.Findings(RuleId, Product("launched") + "\n" + Analytics("product-search"))
            .Should().ContainSingle().Which.Pointer.Should().Be(string.Empty);
    }

    [Test]
    public void Only_productId_links_analytics_to_a_product_not_analyticsId()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: Product
            metadata:
              id: product-checkout
            spec:
              lifecycleStage: launched
              analyticsId: analytics-checkout
            ---
            apiVersion: governance/v1
            kind: ProductAnalytics
            metadata:
              id: analytics-checkout
            spec:
              productId: product-other
            """;

        RuleHarness.Findings(RuleId, yaml).Should().ContainSingle();
    }

    [Test]
    public void Each_launched_product_is_judged_on_its_own()
    {
        var yaml = Product("launched") + "\n---\n" + Product("growth", "product-search") + "\n" + Analytics("product-search");

        RuleHarness.Findings(RuleId, yaml).Select(f => (f.ArtifactId, f.Pointer, f.Line)).Should().Equal(("product-checkout", string.Empty, 1));
    }

    [TestCase(Severity.Warning)]
    [TestCase(Severity.Info)]
    public void A_configured_severity_applies(Severity configured) =>
        RuleHarness.Findings(RuleId, Product("launched"), rules: RuleHarness.WithSeverity(RuleId, configured))
            .Should().ContainSingle().Which.Severity.Should().Be(configured);

    [Test]
    public void Json_input_points_at_the_document_root()
    {
        const string json = """
            [
              {
                "apiVersion": "governance/v1",
                "kind": "Product",
                "metadata": { "id": "product-checkout" },
                "spec": { "lifecycleStage": "launched" }
              }
            ]
            """;

        RuleHarness.Findings(RuleId, json, file: "products.json").ShouldBeExactly(
            new ExpectedFinding(Severity.Error,
                "Product 'product-checkout' is in stage 'launched' but has no ProductAnalytics; add a ProductAnalytics with productId 'product-checkout' that tracks its metrics and customer feedback",
                "product-checkout", string.Empty, 2, 3));
    }
}
