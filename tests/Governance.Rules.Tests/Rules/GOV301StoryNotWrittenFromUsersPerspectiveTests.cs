using Governance.Rules.Engine;
using Governance.Rules.Loading;
using Governance.Rules.Model;
using Governance.Rules.Rules;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Rules;

[TestFixture]
[Category("GOV301")]
public sealed class GOV301StoryNotWrittenFromUsersPerspectiveTests
{
    private const string RuleId = "GOV301";
    private const string Template = "write it as 'As a <user>, I want <goal>, so that <benefit>'";

    private static string Message(string item, string missing) =>
        $"{item} is not written from the user's perspective: its userStory has no {missing}; {Template}";

    [Test]
    public void A_story_without_userStory_is_a_warning_at_the_item()
    {
        const string yaml = """
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
                  status: new
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, Message("Story 'bl-1' (Pay with saved card)", "asA, iWant and soThat"),
                "backlog-checkout", "/spec/items/0", 8, 7));
    }

    [Test]
    public void A_partial_userStory_fires_at_the_userStory_naming_the_blank_parts()
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
                  userStory:
                    asA: returning shopper
                    iWant: "  "
                - id: bl-2
                  type: story
                  userStory:
                    asA: returning shopper
                    iWant: to pay with my saved card
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, Message("Story 'bl-1'", "iWant and soThat"), "backlog-checkout", "/spec/items/0/userStory", 10, 9),
            new ExpectedFinding(Severity.Warning, Message("Story 'bl-2'", "soThat"), "backlog-checkout", "/spec/items/1/userStory", 15, 9));
    }

    [Test]
    public void An_empty_userStory_object_is_the_holder_of_its_blank_parts()
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
                  userStory: {}
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, Message("Story 'bl-1'", "asA, iWant and soThat"), "backlog-checkout", "/spec/items/0/userStory", 9, 18));
    }

    [TestCase("userStory: ~")]
    [TestCase("userStory:")]
    [TestCase("userStory: \"\"")]
    public void A_null_or_blank_userStory_points_at_the_item(string line)
    {
        var yaml = $"""
            apiVersion: governance/v1
            kind: Backlog
            metadata:
              id: backlog-checkout
            spec:
              items:
                - id: bl-1
                  type: story
                  {line}
            """;

        RuleHarness.Findings(RuleId, yaml).Select(ExpectedFinding.Of).Should().ContainSingle()
            .Which.Should().Be(new ExpectedFinding(Severity.Warning, Message("Story 'bl-1'", "asA, iWant and soThat"), "backlog-checkout", "/spec/items/0", 7, 7));
    }

    [TestCase("new")]
    [TestCase("ready")]
    [TestCase("inProgress")]
    [TestCase("done")]
    [TestCase(null)]
    public void Every_status_but_removed_is_checked(string? status)
    {
        var statusLine = status is null ? string.Empty : $"status: {status}";
        var yaml = $"""
            apiVersion: governance/v1
            kind: Backlog
            metadata:
              id: backlog-checkout
            spec:
              items:
                - id: bl-1
                  type: story
                  {statusLine}
            """;

        RuleHarness.Findings(RuleId, yaml).Should().ContainSingle().Which.Severity.Should().Be(Severity.Warning);
    }

    [Test]
    public void Removed_stories_are_exempt()
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
                  status: removed
                  userStory:
                    asA: shopper
            """;

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

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
    public void A_complete_story_does_not_fire()
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
                  userStory:
                    asA: returning shopper
                    iWant: to pay with my saved card
                    soThat: I check out in one step
            """;

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [Test]
    public void Option_requireSoThat_false_accepts_a_story_without_benefit()
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
                  userStory:
                    asA: returning shopper
                    iWant: to pay with my saved card
                - id: bl-2
                  type: story
                  userStory:
                    asA: returning shopper
            """;

        var rules = RuleHarness.WithOptions(RuleId, new { requireSoThat = false });

        RuleHarness.Findings(RuleId, yaml, rules: rules).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, Message("Story 'bl-2'", "iWant"), "backlog-checkout", "/spec/items/1/userStory", 15, 9));
        new GOV301Options().RequireSoThat.Should().BeTrue();
    }

    [TestCase(Severity.Error)]
    [TestCase(Severity.Info)]
    public void A_configured_severity_applies(Severity configured)
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
            """;

        RuleHarness.Findings(RuleId, yaml, rules: RuleHarness.WithSeverity(RuleId, configured))
            .Should().ContainSingle().Which.Severity.Should().Be(configured);
    }

    [Test]
    public void Items_are_named_by_title_or_index_when_they_have_no_id()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: Backlog
            metadata:
              id: backlog-checkout
            spec:
              items:
                - type: story
                  title: Refund to card
                - type: story
            """;

        RuleHarness.Findings(RuleId, yaml).Select(f => f.Message).Should().Equal(
            Message("Story (Refund to card)", "asA, iWant and soThat"),
            Message("Story at index 1", "asA, iWant and soThat"));
    }

    [Test]
    public void Json_input_points_at_the_userStory()
    {
        const string json = """
            {
              "apiVersion": "governance/v1",
              "kind": "Backlog",
              "metadata": { "id": "backlog-checkout" },
              "spec": {
                "items": [
                  { "id": "bl-1", "type": "story", "userStory": { "asA": "shopper", "iWant": "to save my card" } }
                ]
              }
            }
            """;

        RuleHarness.Findings(RuleId, json, file: "backlog.json").ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, Message("Story 'bl-1'", "soThat"), "backlog-checkout", "/spec/items/0/userStory", 7, 53));
    }

    [Test]
    public void Null_and_empty_items_are_skipped()
    {
        var backlog = new Backlog
        {
            Kind = "Backlog",
            Metadata = new ArtifactMetadata { Id = "backlog-checkout" },
            Spec = new BacklogSpec { Items = [null!, new BacklogItem(), new BacklogItem { Id = "bl-1", Type = BacklogItemType.Story }] },
        };
        var engine = new GovernanceEngine(BuiltInRules.Create(), new ArtifactLoader(), TimeProvider.System);

        var findings = engine.Analyze([backlog], new AnalysisOptions { AsOf = RuleHarness.DefaultToday }).Findings;

        findings.Where(f => f.RuleId == "GOV009").Should().BeEmpty();
        findings.Where(f => f.RuleId == RuleId).Select(f => f.Pointer).Should().Equal("/spec/items/2");
    }
}
