using Governance.Rules.Engine;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Rules;

[TestFixture]
[Category("GOV303")]
public sealed class GOV303ReadyStoryNotEstimatedTests
{
    private const string RuleId = "GOV303";

    private static string Yaml(string type, string status, string extra = "") => $"""
        apiVersion: governance/v1
        kind: Backlog
        metadata:
          id: backlog-checkout
        spec:
          items:
            - id: bl-1
              title: Pay with saved card
              {type}
              {status}
              {extra}
        """;

    [TestCase("ready", "ready")]
    [TestCase("inProgress", "in progress")]
    public void A_ready_or_in_progress_story_without_estimate_is_a_warning_at_the_item(string status, string state)
    {
        RuleHarness.Findings(RuleId, Yaml("type: story", $"status: {status}")).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning,
                $"Story 'bl-1' (Pay with saved card) is {state} but has no estimate; estimate it in story points",
                "backlog-checkout", "/spec/items/0", 7, 7));
    }

    [TestCase("type: bug", "Bug")]
    [TestCase("type: task", "Task")]
    [TestCase("type: spike", "Spike")]
    [TestCase("", "Backlog item")]
    public void Every_type_but_epic_is_checked(string typeLine, string label)
    {
        RuleHarness.Findings(RuleId, Yaml(typeLine, "status: ready")).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning,
                $"{label} 'bl-1' (Pay with saved card) is ready but has no estimate; estimate it in story points",
                "backlog-checkout", "/spec/items/0", 7, 7));
    }

    [Test]
    public void Epics_are_exempt() =>
        RuleHarness.Findings(RuleId, Yaml("type: epic", "status: inProgress")).Should().BeEmpty();

    [TestCase("status: new")]
    [TestCase("status: done")]
    [TestCase("status: removed")]
    [TestCase("")]
    public void Other_statuses_are_not_checked(string statusLine) =>
        RuleHarness.Findings(RuleId, Yaml("type: story", statusLine)).Should().BeEmpty();

    [TestCase("estimate: 0")]
    [TestCase("estimate: 0.5")]
    [TestCase("estimate: 21")]
    public void Any_estimate_counts_even_zero(string estimate) =>
        RuleHarness.Findings(RuleId, Yaml("type: story", "status: ready", estimate)).Should().BeEmpty();

    [TestCase("estimate:")]
    [TestCase("estimate: ~")]
    [TestCase("estimate: \" \"")]
    public void A_null_or_blank_estimate_is_absent(string estimate) =>
        RuleHarness.Findings(RuleId, Yaml("type: story", "status: ready", estimate)).Should().ContainSingle();

    [Test]
    public void An_estimate_that_is_not_a_number_is_a_schema_error_and_counts_as_absent()
    {
        var result = RuleHarness.Analyze(Yaml("type: story", "status: ready", "estimate: large"));

        result.Findings.Should().Contain(f => f.RuleId == "GOV002");
        result.Findings.Where(f => f.RuleId == RuleId).Should().ContainSingle().Which.Pointer.Should().Be("/spec/items/0");
    }

    [Test]
    public void A_configured_severity_applies()
    {
        RuleHarness.Findings(RuleId, Yaml("type: story", "status: ready"), rules: RuleHarness.WithSeverity(RuleId, Severity.Error))
            .Should().ContainSingle().Which.Severity.Should().Be(Severity.Error);
    }

    [Test]
    public void Json_input_points_at_the_item()
    {
        const string json = """
            {
              "apiVersion": "governance/v1",
              "kind": "Backlog",
              "metadata": { "id": "backlog-checkout" },
              "spec": {
                "items": [
                  { "id": "bl-1", "type": "story", "status": "ready", "estimate": 3 },
                  { "id": "bl-2", "type": "bug", "status": "inProgress" }
                ]
              }
            }
            """;

        RuleHarness.Findings(RuleId, json, file: "backlog.json").ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, "Bug 'bl-2' is in progress but has no estimate; estimate it in story points",
                "backlog-checkout", "/spec/items/1", 8, 7));
    }
}
