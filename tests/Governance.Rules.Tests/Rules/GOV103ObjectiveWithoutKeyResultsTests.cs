using System.Text.Json;
using Governance.Rules.Engine;
using Governance.Rules.Loading;
using Governance.Rules.Model;
using Governance.Rules.Rules;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Rules;

[TestFixture]
[Category("GOV103")]
public sealed class GOV103ObjectiveWithoutKeyResultsTests
{
    private const string RuleId = "GOV103";
    private const string AddKeyResults = "add the measurable key results that show it is reached (at most 5, maxKeyResults)";
    private const string KeepFew = "keep the few that measure it best, or split the objective";

    [Test]
    public void An_objective_without_key_results_is_an_error_at_the_objective()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProductStrategy
            metadata:
              id: strategy-checkout
            spec:
              objectives:
                - id: obj-fast-checkout
                  statement: Checkout is the fastest in our market
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"Objective 'obj-fast-checkout' has no key results; {AddKeyResults}",
                "strategy-checkout", "/spec/objectives/0", 7, 7));
    }

    [TestCase("keyResults: []", TestName = "Blank key results: empty list")]
    [TestCase("keyResults:", TestName = "Blank key results: null")]
    [TestCase("keyResults: ~", TestName = "Blank key results: explicit null")]
    [TestCase("keyResults: [{}]", TestName = "Blank key results: an empty object")]
    [TestCase("keyResults:\n        -\n        - {}", TestName = "Blank key results: null and empty entries")]
    public void Blank_key_results_are_no_key_results(string keyResultsLines)
    {
        var yaml = "apiVersion: governance/v1\nkind: ProductStrategy\nmetadata:\n  id: strategy-checkout\nspec:\n  objectives:\n" +
            "    - id: obj-1\n      " + keyResultsLines + "\n";

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"Objective 'obj-1' has no key results; {AddKeyResults}", "strategy-checkout", "/spec/objectives/0", 7, 7));
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(5)]
    public void One_to_maxKeyResults_key_results_do_not_fire(int count)
    {
        var yaml = Strategy(count);

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [Test]
    public void More_than_maxKeyResults_is_a_warning_at_the_key_results()
    {
        var yaml = Strategy(6);

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Objective 'obj-growth' has 6 key results, more than maxKeyResults (5); {KeepFew}",
                "strategy-checkout", "/spec/objectives/0/keyResults", 9, 19));
    }

    [Test]
    public void Too_many_key_results_in_block_style_point_at_the_first_entry()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProductStrategy
            metadata:
              id: strategy-checkout
            spec:
              objectives:
                - id: obj-growth
                  keyResults:
                    - id: kr-1
                    - id: kr-2
                    - id: kr-3
            """;

        RuleHarness.Findings(RuleId, yaml, rules: RuleHarness.WithOptions(RuleId, new { maxKeyResults = 2 })).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Objective 'obj-growth' has 3 key results, more than maxKeyResults (2); {KeepFew}",
                "strategy-checkout", "/spec/objectives/0/keyResults", 9, 9));
    }

    [Test]
    public void Null_and_empty_entries_do_not_count_towards_the_maximum()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProductStrategy
            metadata:
              id: strategy-checkout
            spec:
              objectives:
                - id: obj-growth
                  keyResults: [{id: kr-1}, {id: kr-2}, {id: kr-3}, {id: kr-4}, {id: kr-5}, {}, null]
            """;

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [Test]
    public void Option_maxKeyResults_moves_the_limit()
    {
        var rules = RuleHarness.WithOptions(RuleId, new { maxKeyResults = 3 });

        RuleHarness.Findings(RuleId, Strategy(3), rules: rules).Should().BeEmpty();
        RuleHarness.Findings(RuleId, Strategy(4), rules: rules).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Objective 'obj-growth' has 4 key results, more than maxKeyResults (3); {KeepFew}",
                "strategy-checkout", "/spec/objectives/0/keyResults", 9, 19));
        RuleHarness.Findings(RuleId, Strategy(0), rules: rules).ShouldBeExactly(
            new ExpectedFinding(Severity.Error,
                "Objective 'obj-growth' has no key results; add the measurable key results that show it is reached (at most 3, maxKeyResults)",
                "strategy-checkout", "/spec/objectives/0", 8, 7));
    }

    [TestCase(Severity.Info)]
    [TestCase(Severity.Warning)]
    [TestCase(Severity.Error)]
    public void A_configured_severity_applies_to_both_cases(Severity configured)
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProductStrategy
            metadata:
              id: strategy-checkout
            spec:
              objectives:
                - id: obj-1
                - id: obj-2
                  keyResults: [{id: a}, {id: b}, {id: c}, {id: d}, {id: e}, {id: f}]
            """;

        var findings = RuleHarness.Findings(RuleId, yaml, rules: RuleHarness.WithSeverity(RuleId, configured));

        findings.Select(f => (f.Pointer, f.Severity)).Should().Equal(
            ("/spec/objectives/0", configured), ("/spec/objectives/1/keyResults", configured));
    }

    [Test]
    public void Objectives_are_named_by_id_or_index_and_blank_entries_are_skipped()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProductStrategy
            metadata:
              id: strategy-checkout
            spec:
              objectives:
                -
                - {}
                - statement: Shops stay with us
                - id: obj-4
                  keyResults: [{id: kr-1}]
                - id: obj-5
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"Objective at index 2 has no key results; {AddKeyResults}", "strategy-checkout", "/spec/objectives/2", 9, 7),
            new ExpectedFinding(Severity.Error, $"Objective 'obj-5' has no key results; {AddKeyResults}", "strategy-checkout", "/spec/objectives/4", 12, 7));
    }

    [TestCase("spec: {}", TestName = "No objectives: empty spec")]
    [TestCase("spec:\n  objectives: []", TestName = "No objectives: empty list")]
    [TestCase("", TestName = "No objectives: no spec")]
    public void A_strategy_without_objectives_does_not_fire(string spec)
    {
        var yaml = "apiVersion: governance/v1\nkind: ProductStrategy\nmetadata:\n  id: strategy-checkout\n" + spec + "\n";

        RuleHarness.Analyze(yaml).Findings.Where(f => f.RuleId is RuleId or "GOV009").Should().BeEmpty();
    }

    [Test]
    public void Null_entries_in_memory_are_skipped_safely()
    {
        var strategy = new ProductStrategy
        {
            Kind = "ProductStrategy",
            Metadata = new ArtifactMetadata { Id = "strategy-checkout" },
            Spec = new ProductStrategySpec { Objectives = [null!, new Objective { Id = "obj-1", KeyResults = [null!] }] },
        };
        var engine = new GovernanceEngine(BuiltInRules.Create(), new ArtifactLoader(), TimeProvider.System);

        var findings = engine.Analyze([strategy], new AnalysisOptions { AsOf = RuleHarness.DefaultToday }).Findings;

        findings.Where(f => f.RuleId == "GOV009").Should().BeEmpty();
        findings.Where(f => f.RuleId == RuleId).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"Objective 'obj-1' has no key results; {AddKeyResults}", "strategy-checkout", "/spec/objectives/1", 0, 0));
    }

    [Test]
    public void Json_input_points_at_the_objective_and_the_key_results()
    {
        const string json = """
            {
              "apiVersion": "governance/v1",
              "kind": "ProductStrategy",
              "metadata": { "id": "strategy-checkout" },
              "spec": {
                "objectives": [
                  { "id": "obj-1", "keyResults": [] },
                  { "id": "obj-2", "keyResults": [{ "id": "a" }, { "id": "b" }, { "id": "c" }] }
                ]
              }
            }
            """;

        RuleHarness.Findings(RuleId, json, rules: RuleHarness.WithOptions(RuleId, new { maxKeyResults = 2 }), file: "strategy.json").ShouldBeExactly(
            new ExpectedFinding(Severity.Error,
                "Objective 'obj-1' has no key results; add the measurable key results that show it is reached (at most 2, maxKeyResults)",
                "strategy-checkout", "/spec/objectives/0", 7, 7),
            new ExpectedFinding(Severity.Warning, $"Objective 'obj-2' has 3 key results, more than maxKeyResults (2); {KeepFew}",
                "strategy-checkout", "/spec/objectives/1/keyResults", 8, 38));
    }

    [Test]
    public void Options_bind_from_camelCase_json()
    {
        new GOV103Options().MaxKeyResults.Should().Be(5);
        JsonSerializer.Deserialize<GOV103Options>("""{ "maxKeyResults": 2 }""", ArtifactSerialization.Options)!
            .MaxKeyResults.Should().Be(2);
    }

    /// <summary>A strategy whose objective obj-growth (line 8) has <paramref name="count"/> key results in a flow list on line 9, column 19 (or none).</summary>
    private static string Strategy(int count)
    {
        var keyResults = string.Join(", ", Enumerable.Range(1, count).Select(i => $"{{id: kr-{i}, name: KR {i}}}"));
        return "apiVersion: governance/v1\nkind: ProductStrategy\nmetadata:\n  id: strategy-checkout\nspec:\n  productId: product-checkout\n  objectives:\n" +
            "    - id: obj-growth\n" + (count == 0 ? string.Empty : $"      keyResults: [{keyResults}]\n");
    }
}
