using Governance.Rules.Engine;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Rules;

[TestFixture]
[Category("GOV903")]
public sealed class GOV903ObjectiveWithNoRoadmapItemTests
{
    private const string RuleId = "GOV903";
    private const string Act = "add a roadmap item that serves it (objectiveIds), or retire the objective";

    private const string Strategy = """
        apiVersion: governance/v1
        kind: ProductStrategy
        metadata:
          id: strategy-checkout
        spec:
          productId: product-checkout
          vision: Paying is effortless
          objectives:
            - id: obj-conversion
              statement: Lift checkout conversion
            - id: obj-wallets
              statement: Support every major wallet
        """;

    private static string Roadmap(string items, string productLine = "productId: product-checkout", string id = "roadmap-checkout") => $"""
        apiVersion: governance/v1
        kind: Roadmap
        metadata:
          id: {id}
        spec:
          {productLine}
          items:
        {string.Join('\n', items.Split('\n').Select(l => "    " + l))}
        """;

    private static string Stream(params string[] documents) => string.Join("\n---\n", documents);

    private static ExpectedFinding Wallets(string extra = "") =>
        new(Severity.Warning, $"Objective 'obj-wallets' is listed by no roadmap item of product 'product-checkout'{extra}; {Act}",
            "strategy-checkout", "/spec/objectives/1", 11, 7);

    [Test]
    public void Objective_no_roadmap_item_lists_is_a_warning_at_the_objective()
    {
        var yaml = Stream(Strategy, Roadmap("- id: ri-1\n  status: planned\n  objectiveIds: [obj-conversion]"));

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(Wallets());
    }

    [Test]
    public void Objectives_all_listed_do_not_fire()
    {
        var yaml = Stream(Strategy, Roadmap("- id: ri-1\n  objectiveIds: [obj-conversion]\n- id: ri-2\n  status: delivered\n  objectiveIds: [obj-wallets, obj-conversion]"));

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [Test]
    public void Without_any_roadmap_every_objective_fires()
    {
        RuleHarness.Findings(RuleId, Strategy).Select(f => f.Pointer).Should().Equal("/spec/objectives/0", "/spec/objectives/1");
    }

    [Test]
    public void Dropped_items_do_not_count_and_the_message_names_them()
    {
        var yaml = Stream(Strategy, Roadmap("- id: ri-1\n  objectiveIds: [obj-conversion]\n- id: ri-2\n  status: dropped\n  objectiveIds: [obj-wallets]\n- title: Apple Pay\n  status: dropped\n  objectiveIds: [obj-wallets]"));

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(Wallets(" that is not dropped (dropped: 'ri-2', (Apple Pay))"));
    }

    [Test]
    public void A_dropped_item_and_a_live_one_cover_the_objective()
    {
        var yaml = Stream(Strategy, Roadmap("- id: ri-1\n  status: dropped\n  objectiveIds: [obj-wallets]\n- id: ri-2\n  status: proposed\n  objectiveIds: [obj-wallets, obj-conversion]"));

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [Test]
    public void A_roadmap_of_another_product_does_not_count()
    {
        var yaml = Stream(Strategy, Roadmap("- id: ri-1\n  objectiveIds: [obj-conversion, obj-wallets]", "productId: product-payments"));

        RuleHarness.Findings(RuleId, yaml).Select(f => f.Pointer).Should().Equal("/spec/objectives/0", "/spec/objectives/1");
    }

    [Test]
    public void A_roadmap_without_productId_resolves_among_every_strategy()
    {
        var yaml = Stream(Strategy, Roadmap("- id: ri-1\n  objectiveIds: [obj-conversion, obj-wallets]", "format: nowNextLater"));

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [Test]
    public void A_strategy_without_productId_is_served_only_by_roadmaps_without_one()
    {
        var strategy = Strategy.Replace("  productId: product-checkout\n", string.Empty, StringComparison.Ordinal);

        RuleHarness.Findings(RuleId, Stream(strategy, Roadmap("- id: ri-1\n  objectiveIds: [obj-conversion, obj-wallets]")))
            .Select(f => f.Message).Should().Equal(
                $"Objective 'obj-conversion' is listed by no roadmap item; {Act}",
                $"Objective 'obj-wallets' is listed by no roadmap item; {Act}");
        RuleHarness.Findings(RuleId, Stream(strategy, Roadmap("- id: ri-1\n  objectiveIds: [obj-conversion, obj-wallets]", "format: timeline")))
            .Should().BeEmpty();
    }

    [Test]
    public void The_roadmap_may_come_first_and_several_roadmaps_count()
    {
        var yaml = Stream(
            Roadmap("- id: ri-1\n  objectiveIds: [obj-wallets]"),
            Strategy,
            Roadmap("- id: ri-9\n  objectiveIds: [obj-conversion]", id: "roadmap-checkout-2027"));

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [Test]
    public void A_duplicated_objective_id_resolves_to_the_first_in_document_order()
    {
        var second = Strategy.Replace("strategy-checkout", "strategy-checkout-2027", StringComparison.Ordinal);
        var yaml = Stream(Strategy, second, Roadmap("- id: ri-1\n  objectiveIds: [obj-conversion, obj-wallets]"));

        RuleHarness.Findings(RuleId, yaml).Select(f => (f.ArtifactId, f.Pointer)).Should().Equal(
            ("strategy-checkout-2027", "/spec/objectives/0"), ("strategy-checkout-2027", "/spec/objectives/1"));
    }

    [Test]
    public void An_objective_without_id_cannot_be_listed()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProductStrategy
            metadata:
              id: strategy-checkout
            spec:
              productId: product-checkout
              objectives:
                - {}
                -
                - statement: Be the fastest checkout
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Objective at index 2 has no id, so it is listed by no roadmap item of product 'product-checkout'; {Act}",
                "strategy-checkout", "/spec/objectives/2", 10, 7));
    }

    [Test]
    public void Unresolved_and_blank_objective_ids_are_ignored()
    {
        var yaml = Stream(Strategy, Roadmap("- id: ri-1\n  objectiveIds: [obj-unknown, '', obj-conversion]\n- {}\n-"));

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(Wallets());
    }

    [Test]
    public void A_configured_severity_applies()
    {
        RuleHarness.Findings(RuleId, Strategy, rules: RuleHarness.WithSeverity(RuleId, Severity.Error))
            .Select(f => f.Severity).Should().Equal(Severity.Error, Severity.Error);
    }

    [Test]
    public void Json_input_points_at_the_objective()
    {
        const string json = """
            [
              {
                "apiVersion": "governance/v1",
                "kind": "ProductStrategy",
                "metadata": { "id": "strategy-checkout" },
                "spec": {
                  "productId": "product-checkout",
                  "objectives": [ { "id": "obj-conversion" }, { "id": "obj-wallets" } ]
                }
              },
              {
                "apiVersion": "governance/v1",
                "kind": "Roadmap",
                "metadata": { "id": "roadmap-checkout" },
                "spec": { "productId": "product-checkout", "items": [ { "id": "ri-1", "objectiveIds": ["obj-wallets"] } ] }
              }
            ]
            """;

        RuleHarness.Findings(RuleId, json, file: "product.json").ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Objective 'obj-conversion' is listed by no roadmap item of product 'product-checkout'; {Act}",
                "strategy-checkout", "/spec/objectives/0", 8, 23));
    }
}
