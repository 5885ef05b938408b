using Governance.Rules.Engine;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Rules;

[TestFixture]
[Category("GOV104")]
public sealed class GOV104KeyResultNotMeasurableTests
{
    private const string RuleId = "GOV104";
    private const string Kr = "Key result 'kr-time' (Median checkout time) of objective 'obj-fast-checkout' is not measurable: ";
    private const string Flat = "set the value it should reach, or direction: maintain if it should hold";

    private static readonly string[] CompleteFields =
        ["name: Median checkout time", "unit: seconds", "baseline: 95", "target: 45", "dataSource: web analytics", "due: 2027-03-31"];

    [Test]
    public void A_complete_key_result_does_not_fire()
    {
        RuleHarness.Findings(RuleId, Strategy(CompleteFields)).Should().BeEmpty();
    }

    [TestCase("baseline: 95", "baseline")]
    [TestCase("target: 45", "target")]
    [TestCase("unit: seconds", "unit")]
    [TestCase("dataSource: web analytics", "dataSource")]
    [TestCase("due: 2027-03-31", "due")]
    public void A_key_result_missing_one_field_is_an_error_at_the_key_result(string removed, string field)
    {
        var yaml = Strategy([.. CompleteFields.Where(f => f != removed)]);

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"{Kr}it has no {field}; add it", "strategy-checkout", "/spec/objectives/0/keyResults/0", 9, 11));
    }

    [Test]
    public void Every_missing_field_is_named_in_one_finding()
    {
        var yaml = Strategy(["name: Median checkout time"]);

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"{Kr}it has no baseline, target, unit, dataSource and due; add them",
                "strategy-checkout", "/spec/objectives/0/keyResults/0", 9, 11));
    }

    [TestCase("unit: \"\"", TestName = "Blank unit: empty string")]
    [TestCase("unit: \"  \"", TestName = "Blank unit: whitespace")]
    [TestCase("unit:", TestName = "Blank unit: null")]
    public void A_blank_string_is_missing(string unitLine)
    {
        var yaml = Strategy([.. CompleteFields.Select(f => f == "unit: seconds" ? unitLine : f)]);

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"{Kr}it has no unit; add it", "strategy-checkout", "/spec/objectives/0/keyResults/0", 9, 11));
    }

    [Test]
    public void A_due_that_is_not_a_date_counts_as_missing()
    {
        var yaml = Strategy([.. CompleteFields.Select(f => f == "due: 2027-03-31" ? "due: next spring" : f)]);

        var result = RuleHarness.Analyze(yaml);

        result.Findings.Should().Contain(f => f.RuleId == "GOV002" && f.Pointer == "/spec/objectives/0/keyResults/0/due");
        result.Findings.Where(f => f.RuleId == RuleId).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"{Kr}it has no due; add it", "strategy-checkout", "/spec/objectives/0/keyResults/0", 9, 11));
    }

    [TestCase(null)]
    [TestCase("increase")]
    [TestCase("decrease")]
    public void A_target_equal_to_its_baseline_is_an_error_at_the_target(string? direction)
    {
        string[] fields = ["name: Median checkout time", "unit: seconds", "baseline: 95", "target: 95", "dataSource: web analytics", "due: 2027-03-31"];
        var yaml = Strategy(direction is null ? fields : [.. fields, "direction: " + direction]);

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"{Kr}its target equals its baseline (95); {Flat}", "strategy-checkout",
                "/spec/objectives/0/keyResults/0/target", 13, 19));
    }

    [Test]
    public void A_target_equal_to_its_baseline_is_fine_with_direction_maintain()
    {
        var yaml = Strategy(["name: Median checkout time", "unit: seconds", "baseline: 95", "target: 95", "direction: maintain", "dataSource: web analytics", "due: 2027-03-31"]);

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [TestCase("baseline: 10", "target: 10.0", "10.0", TestName = "Equal numbers: 10 and 10.0")]
    [TestCase("baseline: 0", "target: 0", "0", TestName = "Equal numbers: zero")]
    [TestCase("baseline: -1.5", "target: -1.50", "-1.50", TestName = "Equal numbers: negative")]
    public void Numbers_are_compared_exactly(string baseline, string target, string shown)
    {
        var yaml = Strategy(["name: Median checkout time", "unit: seconds", baseline, target, "dataSource: web analytics", "due: 2027-03-31"]);

        RuleHarness.Findings(RuleId, yaml).Select(f => (f.Message, f.Pointer)).Should().Equal(
            ($"{Kr}its target equals its baseline ({shown}); {Flat}", "/spec/objectives/0/keyResults/0/target"));
    }

    [TestCase("baseline: 0", "target: 5")]
    [TestCase("baseline: 2.8", "target: 2.81")]
    public void Different_numbers_do_not_fire(string baseline, string target)
    {
        var yaml = Strategy(["name: Median checkout time", "unit: seconds", baseline, target, "dataSource: web analytics", "due: 2027-03-31"]);

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [Test]
    public void Missing_fields_and_an_equal_target_give_one_finding_at_the_key_result()
    {
        var yaml = Strategy(["name: Median checkout time", "baseline: 95", "target: 95", "due: 2027-03-31"]);

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error,
                $"{Kr}it has no unit and dataSource; add them, and set a target other than its baseline (95) or direction: maintain",
                "strategy-checkout", "/spec/objectives/0/keyResults/0", 9, 11));
    }

    [Test]
    public void One_finding_per_key_result_in_document_order()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProductStrategy
            metadata:
              id: strategy-checkout
            spec:
              objectives:
                - id: obj-1
                  keyResults:
                    - id: kr-a
                      unit: percent
                    -
                    - {}
                    - name: Churn
                      unit: percent
                      baseline: 4
                      target: 3
                      dataSource: billing
                      due: 2027-06-30
                - statement: Shops stay with us
                  keyResults:
                    - unit: percent
                      baseline: 4
                      target: 4
                      dataSource: billing
                      due: 2027-06-30
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, "Key result 'kr-a' of objective 'obj-1' is not measurable: it has no baseline, target, dataSource and due; add them",
                "strategy-checkout", "/spec/objectives/0/keyResults/0", 9, 11),
            new ExpectedFinding(Severity.Error, $"Key result at index 0 of objective at index 1 is not measurable: its target equals its baseline (4); {Flat}",
                "strategy-checkout", "/spec/objectives/1/keyResults/0/target", 23, 19));
    }

    [Test]
    public void Success_metrics_of_roadmap_items_are_not_key_results()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: Roadmap
            metadata:
              id: roadmap-checkout
            spec:
              items:
                - id: ri-1
                  successMetrics:
                    - id: m-1
                      baseline: 3
                      target: 3
            """;

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [Test]
    public void A_configured_severity_is_used()
    {
        var yaml = Strategy(["name: Median checkout time"]);

        RuleHarness.Findings(RuleId, yaml, rules: RuleHarness.WithSeverity(RuleId, Severity.Warning))
            .Select(f => (f.Severity, f.Pointer)).Should().Equal((Severity.Warning, "/spec/objectives/0/keyResults/0"));
    }

    [Test]
    public void Json_input_points_at_the_key_result_and_the_target()
    {
        const string json = """
            {
              "apiVersion": "governance/v1",
              "kind": "ProductStrategy",
              "metadata": { "id": "strategy-checkout" },
              "spec": {
                "objectives": [
                  {
                    "id": "obj-1",
                    "keyResults": [
                      { "id": "kr-1", "unit": "s", "baseline": 9, "target": 9, "dataSource": "apm", "due": "2027-01-31" },
                      { "id": "kr-2", "unit": "s", "baseline": 9, "target": 5, "dataSource": "apm" }
                    ]
                  }
                ]
              }
            }
            """;

        RuleHarness.Findings(RuleId, json, file: "strategy.json").ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"Key result 'kr-1' of objective 'obj-1' is not measurable: its target equals its baseline (9); {Flat}",
                "strategy-checkout", "/spec/objectives/0/keyResults/0/target", 10, 65),
            new ExpectedFinding(Severity.Error, "Key result 'kr-2' of objective 'obj-1' is not measurable: it has no due; add it",
                "strategy-checkout", "/spec/objectives/0/keyResults/1", 11, 11));
    }

    /// <summary>A strategy whose objective obj-fast-checkout has one key result kr-time (line 9, column 11) with <paramref name="fields"/>, one a line from line 10.</summary>
    private static string Strategy(string[] fields) =>
        "apiVersion: governance/v1\nkind: ProductStrategy\nmetadata:\n  id: strategy-checkout\nspec:\n  objectives:\n" +
        "    - id: obj-fast-checkout\n      keyResults:\n        - id: kr-time\n" +
        string.Concat(fields.Select(f => "          " + f + "\n"));
}
