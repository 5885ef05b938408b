using System.Text.Json;
using Governance.Rules.Engine;
using Governance.Rules.Loading;
using Governance.Rules.Rules;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Rules;

[TestFixture]
[Category("GOV304")]
public sealed class GOV304StoryTooLargeTests
{
    private const string RuleId = "GOV304";

    private static string Yaml(string estimate, string type = "story", string status = "ready") => $"""
        apiVersion: governance/v1
        kind: Backlog
        metadata:
          id: backlog-checkout
        spec:
          items:
            - id: bl-1
              type: {type}
              title: Checkout redesign
              status: {status}
              estimate: {estimate}
        """;

    [Test]
    public void A_story_above_the_maximum_is_a_warning_at_its_estimate()
    {
        RuleHarness.Findings(RuleId, Yaml("21")).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning,
                "Story 'bl-1' (Checkout redesign) is estimated at 21 points, more than maxStoryPoints 13; split it into smaller stories",
                "backlog-checkout", "/spec/items/0/estimate", 11, 17));
    }

    [TestCase("13")]
    [TestCase("13.0")]
    [TestCase("12.5")]
    [TestCase("0")]
    public void Exactly_the_maximum_or_less_does_not_fire(string estimate) =>
        RuleHarness.Findings(RuleId, Yaml(estimate)).Should().BeEmpty();

    [TestCase("14", "14")]
    [TestCase("13.5", "13.5")]
    [TestCase("13.50", "13.5")]
    public void Just_above_the_maximum_fires(string estimate, string shown) =>
        RuleHarness.Findings(RuleId, Yaml(estimate)).Should().ContainSingle()
            .Which.Message.Should().Be($"Story 'bl-1' (Checkout redesign) is estimated at {shown} points, more than maxStoryPoints 13; split it into smaller stories");

    [TestCase("epic")]
    [TestCase("bug")]
    [TestCase("task")]
    [TestCase("spike")]
    public void Only_stories_are_checked(string type) =>
        RuleHarness.Findings(RuleId, Yaml("40", type)).Should().BeEmpty();

    [TestCase("new")]
    [TestCase("done")]
    [TestCase("removed")]
    public void Every_status_is_checked(string status) =>
        RuleHarness.Findings(RuleId, Yaml("20", status: status)).Should().ContainSingle();

    [Test]
    public void Option_maxStoryPoints_sets_the_limit()
    {
        var rules = RuleHarness.WithOptions(RuleId, new { maxStoryPoints = 8 });

        RuleHarness.Findings(RuleId, Yaml("8"), rules: rules).Should().BeEmpty();
        RuleHarness.Findings(RuleId, Yaml("9"), rules: rules).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning,
                "Story 'bl-1' (Checkout redesign) is estimated at 9 points, more than maxStoryPoints 8; split it into smaller stories",
                "backlog-checkout", "/spec/items/0/estimate", 11, 17));
    }

    [Test]
    public void Options_bind_from_camelCase_json()
    {
        using var json = JsonDocument.Parse("""{ "maxStoryPoints": 5.5 }""");

        json.RootElement.Deserialize<GOV304Options>(ArtifactSerialization.Options)!.MaxStoryPoints.Should().Be(5.5m);
        new GOV304Options().MaxStoryPoints.Should().Be(13);
    }

    [Test]
    public void A_configured_severity_applies()
    {
        RuleHarness.Findings(RuleId, Yaml("20"), rules: RuleHarness.WithSeverity(RuleId, Severity.Error))
            .Should().ContainSingle().Which.Severity.Should().Be(Severity.Error);
    }

    [Test]
    public void A_story_without_estimate_does_not_fire()
    {
        RuleHarness.Findings(RuleId, Yaml("~")).Should().BeEmpty();
    }

    [Test]
    public void Json_input_points_at_the_estimate()
    {
        const string json = """
            {
              "apiVersion": "governance/v1",
              "kind": "Backlog",
              "metadata": { "id": "backlog-checkout" },
              "spec": {
                "items": [
                  { "id": "bl-1", "type": "story", "estimate": 13 },
                  { "id": "bl-2", "type": "story", "estimate": 20 }
                ]
              }
            }
            """;

        RuleHarness.Findings(RuleId, json, file: "backlog.json").ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, "Story 'bl-2' is estimated at 20 points, more than maxStoryPoints 13; split it into smaller stories",
                "backlog-checkout", "/spec/items/1/estimate", 8, 52));
    }
}
