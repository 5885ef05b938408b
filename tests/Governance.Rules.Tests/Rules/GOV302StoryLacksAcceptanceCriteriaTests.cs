using System.Text.Json;
using Governance.Rules.Engine;
using Governance.Rules.Loading;
using Governance.Rules.Model;
using Governance.Rules.Rules;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Rules;

[TestFixture]
[Category("GOV302")]
public sealed class GOV302StoryLacksAcceptanceCriteriaTests
{
    private const string RuleId = "GOV302";
    private const string AddCriteria = "add acceptance criteria that say when it is done";
    private const string BeforeReady = "add acceptance criteria before it is ready for work";

    private static string Yaml(string status, string extra = "") => $"""
        apiVersion: governance/v1
        kind: Backlog
        metadata:
          id: backlog-checkout
        spec:
          productId: product-checkout
          items:
            - id: bl-1
              type: story
              title: Pay with saved card
              {status}
              {extra}
        """;

    [TestCase("ready")]
    [TestCase("inProgress")]
    [TestCase("done")]
    public void A_story_in_an_error_status_without_criteria_is_an_error_at_the_item(string status)
    {
        RuleHarness.Findings(RuleId, Yaml($"status: {status}")).ShouldBeExactly(
            new ExpectedFinding(Severity.Error,
                $"Story 'bl-1' (Pay with saved card) has no acceptance criteria and its status '{status}' is one of errorStatuses [ready, inProgress, done]; {AddCriteria}",
                "backlog-checkout", "/spec/items/0", 8, 7));
    }

    [TestCase("status: new", "its status is 'new'")]
    [TestCase("", "no status")]
    public void A_new_story_or_one_without_status_is_a_warning(string statusLine, string fact)
    {
        RuleHarness.Findings(RuleId, Yaml(statusLine)).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning,
                $"Story 'bl-1' (Pay with saved card) has no acceptance criteria and {fact}; {BeforeReady}",
                "backlog-checkout", "/spec/items/0", 8, 7));
    }

    [Test]
    public void Removed_stories_are_exempt() =>
        RuleHarness.Findings(RuleId, Yaml("status: removed")).Should().BeEmpty();

    [TestCase("acceptanceCriteria: []", TestName = "Blank criteria: empty list")]
    [TestCase("acceptanceCriteria:", TestName = "Blank criteria: null")]
    [TestCase("acceptanceCriteria: ~", TestName = "Blank criteria: explicit null")]
    [TestCase("acceptanceCriteria: [\"\", \"  \"]", TestName = "Blank criteria: only blank strings")]
    [TestCase("acceptanceCriteria: [~]", TestName = "Blank criteria: only a null entry")]
    public void Blank_criteria_fire_at_the_item(string criteria)
    {
        RuleHarness.Findings(RuleId, Yaml("status: ready", criteria)).ShouldBeExactly(
            new ExpectedFinding(Severity.Error,
                $"Story 'bl-1' (Pay with saved card) has no acceptance criteria and its status 'ready' is one of errorStatuses [ready, inProgress, done]; {AddCriteria}",
                "backlog-checkout", "/spec/items/0", 8, 7));
    }

    [Test]
    public void One_criterion_is_enough() =>
        RuleHarness.Findings(RuleId, Yaml("status: done", "acceptanceCriteria: [\"\", Paying with a saved card needs no CVC re-entry]")).Should().BeEmpty();

    [TestCase("epic")]
    [TestCase("bug")]
    [TestCase("task")]
    [TestCase("spike")]
    [TestCase(null)]
    public void Only_stories_are_checked(string? type)
    {
        var typeLine = type is null ? string.Empty : $"type: {type}";
        var yaml = $"""
            apiVersion: governance/v1
            kind: Backlog
            metadata:
              id: backlog-checkout
            spec:
              items:
                - id: bl-1
                  status: ready
                  {typeLine}
            """;

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [Test]
    public void Option_errorStatuses_decides_which_statuses_are_errors()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: Backlog
            metadata:
              id: backlog-checkout
            spec:
              items:
                - id: bl-1
                  type: story
                  status: new
                - id: bl-2
                  type: story
                  status: ready
                - id: bl-3
                  type: story
                  status: removed
            """;

        var rules = RuleHarness.WithOptions(RuleId, new { errorStatuses = new[] { "new", "removed" } });

        RuleHarness.Findings(RuleId, yaml, rules: rules).ShouldBeExactly(
            new ExpectedFinding(Severity.Error,
                $"Story 'bl-1' has no acceptance criteria and its status 'new' is one of errorStatuses [new, removed]; {AddCriteria}",
                "backlog-checkout", "/spec/items/0", 7, 7),
            new ExpectedFinding(Severity.Warning,
                $"Story 'bl-2' has no acceptance criteria and its status is 'ready'; {BeforeReady}",
                "backlog-checkout", "/spec/items/1", 10, 7));
    }

    [Test]
    public void Option_errorStatuses_empty_makes_every_finding_a_warning()
    {
        var rules = RuleHarness.WithOptions(RuleId, new { errorStatuses = Array.Empty<string>() });

        RuleHarness.Findings(RuleId, Yaml("status: inProgress"), rules: rules)
            .Should().ContainSingle().Which.Severity.Should().Be(Severity.Warning);
    }

    [Test]
    public void Options_bind_from_camelCase_json_status_names()
    {
        using var json = JsonDocument.Parse("""{ "errorStatuses": ["inProgress", "done"] }""");

        var options = json.RootElement.Deserialize<GOV302Options>(ArtifactSerialization.Options);

        options!.ErrorStatuses.Should().Equal(BacklogItemStatus.InProgress, BacklogItemStatus.Done);
        new GOV302Options().ErrorStatuses.Should().Equal(BacklogItemStatus.Ready, BacklogItemStatus.InProgress, BacklogItemStatus.Done);
    }

    [TestCase(Severity.Info)]
    [TestCase(Severity.Warning)]
    [TestCase(Severity.Error)]
    public void A_configured_severity_applies_to_both_cases(Severity configured)
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: Backlog
            metadata:
              id: backlog-checkout
            spec:
              items:
                - id: bl-1
                  type: story
                  status: ready
                - id: bl-2
                  type: story
                  status: new
            """;

        RuleHarness.Findings(RuleId, yaml, rules: RuleHarness.WithSeverity(RuleId, configured))
            .Select(f => (f.Pointer, f.Severity)).Should().Equal(("/spec/items/0", configured), ("/spec/items/1", configured));
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
                  { "id": "bl-1", "type": "story", "status": "done", "acceptanceCriteria": ["Receipt e-mailed"] },
                  { "id": "bl-2", "type": "story", "status": "inProgress", "acceptanceCriteria": [] }
                ]
              }
            }
            """;

        RuleHarness.Findings(RuleId, json, file: "backlog.json").ShouldBeExactly(
            new ExpectedFinding(Severity.Error,
                $"Story 'bl-2' has no acceptance criteria and its status 'inProgress' is one of errorStatuses [ready, inProgress, done]; {AddCriteria}",
                "backlog-checkout", "/spec/items/1", 8, 7));
    }
}
