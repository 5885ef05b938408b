using Governance.Rules.Engine;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Rules;

[TestFixture]
[Category("GOV102")]
public sealed class GOV102CustomerNeedsMissingTests
{
    private const string RuleId = "GOV102";
    private const string Neither = "Product strategy names neither target customers nor customer needs; add targetCustomers and customerNeeds";
    private const string NoCustomers = "Product strategy names no target customers; add targetCustomers: who the product is for";
    private const string NoNeeds = "Product strategy lists no customer needs; add customerNeeds, each with an id and a statement of the need";

    [Test]
    public void Both_lists_missing_give_one_finding_at_spec()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProductStrategy
            metadata:
              id: strategy-checkout
            spec:
              productId: product-checkout
              vision: Every small shop sells online
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, Neither, "strategy-checkout", "/spec", 6, 3));
    }

    [Test]
    public void Both_lists_written_but_empty_give_one_finding_at_spec()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProductStrategy
            metadata:
              id: strategy-checkout
            spec:
              targetCustomers: []
              customerNeeds: []
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, Neither, "strategy-checkout", "/spec", 6, 3));
    }

    [Test]
    public void Missing_target_customers_alone_fires_at_spec()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProductStrategy
            metadata:
              id: strategy-checkout
            spec:
              productId: product-checkout
              targetCustomers: []
              customerNeeds:
                - id: need-fast
                  statement: Buyers abandon a slow checkout
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, NoCustomers, "strategy-checkout", "/spec", 6, 3));
    }

    [Test]
    public void Missing_customer_needs_alone_fires_at_spec()
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
            new ExpectedFinding(Severity.Error, NoNeeds, "strategy-checkout", "/spec", 6, 3));
    }

    [TestCase("targetCustomers:", TestName = "Blank customers: null")]
    [TestCase("targetCustomers: ~", TestName = "Blank customers: explicit null")]
    [TestCase("targetCustomers: [\"\", \"  \"]", TestName = "Blank customers: only blank strings")]
    [TestCase("targetCustomers:\n    -\n    - \"\"", TestName = "Blank customers: null and empty entries")]
    public void Blank_target_customers_count_as_missing(string customersLines)
    {
        var yaml = "apiVersion: governance/v1\nkind: ProductStrategy\nmetadata:\n  id: strategy-checkout\nspec:\n  " + customersLines +
            "\n  customerNeeds:\n    - id: need-fast\n";

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, NoCustomers, "strategy-checkout", "/spec", 6, 3));
    }

    [TestCase("customerNeeds:", TestName = "Blank needs: null")]
    [TestCase("customerNeeds: [{}]", TestName = "Blank needs: an empty object")]
    [TestCase("customerNeeds:\n    -\n    - {}", TestName = "Blank needs: null and empty entries")]
    public void Blank_customer_needs_count_as_missing(string needsLines)
    {
        var yaml = "apiVersion: governance/v1\nkind: ProductStrategy\nmetadata:\n  id: strategy-checkout\nspec:\n  targetCustomers: [Shops]\n  " +
            needsLines + "\n";

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, NoNeeds, "strategy-checkout", "/spec", 6, 3));
    }

    [TestCase("- statement: Buyers abandon a slow checkout", TestName = "A need counts: statement only")]
    [TestCase("- id: need-fast", TestName = "A need counts: id only")]
    [TestCase("-\n    - id: need-fast", TestName = "A need counts: beside a null entry")]
    public void An_incomplete_need_still_counts(string needLines)
    {
        var yaml = "apiVersion: governance/v1\nkind: ProductStrategy\nmetadata:\n  id: strategy-checkout\nspec:\n  targetCustomers: [Shops]\n  customerNeeds:\n    " +
            needLines + "\n";

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
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
            new ExpectedFinding(Severity.Error, Neither, "strategy-checkout", string.Empty, 1, 1));
    }

    [Test]
    public void A_configured_severity_is_used()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProductStrategy
            metadata:
              id: strategy-checkout
            spec: {}
            """;

        RuleHarness.Findings(RuleId, yaml, rules: RuleHarness.WithSeverity(RuleId, Severity.Warning)).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, Neither, "strategy-checkout", "/spec", 5, 7));
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
                "targetCustomers": ["Small online shops"],
                "customerNeeds": [null, {}]
              }
            }
            """;

        RuleHarness.Findings(RuleId, json, file: "strategy.json").ShouldBeExactly(
            new ExpectedFinding(Severity.Error, NoNeeds, "strategy-checkout", "/spec", 5, 11));
    }
}
