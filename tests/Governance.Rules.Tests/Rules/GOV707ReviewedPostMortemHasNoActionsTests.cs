using Governance.Rules.Engine;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Rules;

[TestFixture]
[Category("GOV707")]
public sealed class GOV707ReviewedPostMortemHasNoActionsTests
{
    private const string RuleId = "GOV707";
    private const string Act = "add the follow-up actions, or say in noActionRationale why none are needed";

    private static string PostMortem(string status, string lines = "") => $"""
        apiVersion: governance/v1
        kind: PostMortem
        metadata:
          id: pm-outage
        spec:
          type: incident
          status: {status}
        {string.Join('\n', lines.Split('\n').Select(l => "  " + l))}
        """;

    [TestCase("reviewed")]
    [TestCase("closed")]
    public void Reviewed_or_closed_post_mortem_without_actions_is_a_warning_at_spec(string status)
    {
        RuleHarness.Findings(RuleId, PostMortem(status, "actionItems: []")).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Post-mortem is {status} but has no action items and no noActionRationale; {Act}",
                "pm-outage", "/spec", 6, 3));
    }

    [TestCase("draft")]
    [TestCase("inReview")]
    public void Post_mortems_not_yet_reviewed_are_out_of_scope(string status)
    {
        RuleHarness.Findings(RuleId, PostMortem(status)).Should().BeEmpty();
    }

    [Test]
    public void A_post_mortem_without_status_is_out_of_scope()
    {
        RuleHarness.Findings(RuleId, PostMortem("reviewed").Replace("  status: reviewed\n", string.Empty, StringComparison.Ordinal)).Should().BeEmpty();
    }

    [Test]
    public void A_rationale_stands_in_for_actions()
    {
        RuleHarness.Findings(RuleId, PostMortem("closed", "noActionRationale: Third-party outage; nothing for us to change")).Should().BeEmpty();
    }

    [TestCase("summary: Short outage", TestName = "No actions: key absent")]
    [TestCase("actionItems:", TestName = "No actions: null")]
    [TestCase("actionItems: [{}]", TestName = "No actions: only an empty object")]
    [TestCase("noActionRationale: '  '", TestName = "No actions: whitespace rationale")]
    public void Blank_actions_and_rationale_fire(string lines)
    {
        RuleHarness.Findings(RuleId, PostMortem("reviewed", lines)).Select(f => f.Pointer).Should().Equal("/spec");
    }

    [Test]
    public void Any_action_item_satisfies_the_rule_whatever_its_status()
    {
        RuleHarness.Findings(RuleId, PostMortem("closed", "actionItems:\n  - { id: ai-1, status: wontDo }")).Should().BeEmpty();
    }

    [Test]
    public void A_configured_severity_applies()
    {
        RuleHarness.Findings(RuleId, PostMortem("closed"), rules: RuleHarness.WithSeverity(RuleId, Severity.Error))
            .Select(f => f.Severity).Should().Equal(Severity.Error);
    }

    [Test]
    public void Json_input_points_at_spec()
    {
        const string json = """
            {
              "apiVersion": "governance/v1",
              "kind": "PostMortem",
              "metadata": { "id": "pm-outage" },
              "spec": { "status": "reviewed", "actionItems": [] }
            }
            """;

        RuleHarness.Findings(RuleId, json, file: "pm.json").ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Post-mortem is reviewed but has no action items and no noActionRationale; {Act}",
                "pm-outage", "/spec", 5, 11));
    }
}
