using Governance.Rules.Engine;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Rules;

[TestFixture]
[Category("GOV101")]
public sealed class GOV101StrategyHasNoVisionTests
{
    private const string RuleId = "GOV101";
    private const string Message = "Product strategy has no vision; add vision: where the product is going and for whom";

    [Test]
    public void A_strategy_without_vision_is_an_error_at_spec()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProductStrategy
            metadata:
              id: strategy-checkout
            spec:
              productId: product-checkout
              targetCustomers: [Small online shops]
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, Message, "strategy-checkout", "/spec", 6, 3));
    }

    [TestCase("vision:", TestName = "Blank vision: null")]
    [TestCase("vision: ~", TestName = "Blank vision: explicit null")]
    [TestCase("vision: \"\"", TestName = "Blank vision: empty string")]
    [TestCase("vision: \"   \"", TestName = "Blank vision: whitespace")]
    public void A_blank_vision_points_at_its_holder(string visionLine)
    {
        var yaml = $"""
            apiVersion: governance/v1
            kind: ProductStrategy
            metadata:
              id: strategy-checkout
            spec:
              productId: product-checkout
              {visionLine}
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, Message, "strategy-checkout", "/spec", 6, 3));
    }

    [Test]
    public void An_empty_spec_is_the_holder()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProductStrategy
            metadata:
              id: strategy-checkout
            spec: {}
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, Message, "strategy-checkout", "/spec", 5, 7));
    }

    [Test]
    public void Without_a_spec_the_finding_points_at_the_document_root()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProductStrategy
            metadata:
              id: strategy-checkout
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, Message, "strategy-checkout", string.Empty, 1, 1));
    }

    [TestCase("vision: Every small shop sells online", TestName = "Vision present: plain")]
    [TestCase("vision: |\n    Every small shop sells online\n    with a great checkout", TestName = "Vision present: block text")]
    [TestCase("vision: x", TestName = "Vision present: a single character")]
    public void A_strategy_with_a_vision_does_not_fire(string visionLine)
    {
        var yaml = "apiVersion: governance/v1\nkind: ProductStrategy\nmetadata:\n  id: strategy-checkout\nspec:\n  " + visionLine + "\n";

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [Test]
    public void Other_kinds_with_a_vision_field_are_not_strategies()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: Roadmap
            metadata:
              id: roadmap-checkout
            spec:
              productId: product-checkout
            """;

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [TestCase(Severity.Warning)]
    [TestCase(Severity.Info)]
    public void A_configured_severity_is_used(Severity configured)
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProductStrategy
            metadata:
              id: strategy-checkout
            spec:
              productId: product-checkout
            """;

        RuleHarness.Findings(RuleId, yaml, rules: RuleHarness.WithSeverity(RuleId, configured)).ShouldBeExactly(
            new ExpectedFinding(configured, Message, "strategy-checkout", "/spec", 6, 3));
    }

    [Test]
    public void Json_input_points_at_spec()
    {
        const string json = """
            {
              "apiVersion": "governance/v1",
              "kind": "ProductStrategy",
              "metadata": { "id": "strategy-checkout" },
              "spec": {
                "productId": "product-checkout",
                "vision": " "
              }
            }
            """;

        RuleHarness.Findings(RuleId, json, file: "strategy.json").ShouldBeExactly(
            new ExpectedFinding(Severity.Error, Message, "strategy-checkout", "/spec", 5, 11));
    }

    [Test]
    public void Each_strategy_of_a_stream_is_judged_on_its_own()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProductStrategy
            metadata:
              id: strategy-checkout
            spec:
              vision: Every small shop sells online
            ---
            apiVersion: governance/v1
            kind: ProductStrategy
            metadata:
              id: strategy-billing
            spec:
              productId: product-billing
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, Message, "strategy-billing", "/spec", 13, 3));
    }
}
