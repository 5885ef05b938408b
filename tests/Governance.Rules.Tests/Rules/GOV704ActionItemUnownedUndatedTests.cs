using Governance.Rules.Engine;
using Governance.Rules.Model;
using Governance.Rules.Rules;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Rules;

[TestFixture]
[Category("GOV704")]
public sealed class GOV704ActionItemUnownedUndatedTests
{
    private const string RuleId = "GOV704";
    private const string Needs = "every post-mortem action needs an owner and a due date";

    private static string PostMortem(string actionItems) => $"""
        apiVersion: governance/v1
        kind: PostMortem
        metadata:
          id: pm-outage
        spec:
          type: incident
          date: 2026-10-12
          actionItems:
        {string.Join('\n', actionItems.Split('\n').Select(l => "    " + l))}
        """;

    [Test]
    public void Item_without_owner_is_an_error_at_the_item()
    {
        var yaml = PostMortem("- id: ai-1\n  description: Raise the pool size\n  due: 2026-11-15\n  status: open");

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"Action item 'ai-1' has no owner; {Needs}", "pm-outage", "/spec/actionItems/0", 9, 7));
    }

    [Test]
    public void Item_without_due_date_is_an_error_at_the_item()
    {
        var yaml = PostMortem("- id: ai-1\n  owner: p-lee\n  status: open");

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"Action item 'ai-1' has no due date; {Needs}", "pm-outage", "/spec/actionItems/0", 9, 7));
    }

    [Test]
    public void Item_without_either_gets_one_finding_naming_both()
    {
        var yaml = PostMortem("- id: ai-1\n  owner: ' '\n  status: open\n- id: ai-2\n  owner: p-lee\n  due: 2026-11-15");

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"Action item 'ai-1' has no owner and no due date; {Needs}", "pm-outage", "/spec/actionItems/0", 9, 7));
    }

    [TestCase("done")]
    [TestCase("wontDo")]
    [TestCase("inProgress")]
    public void Every_status_is_checked(string status)
    {
        var yaml = PostMortem($"- id: ai-1\n  due: 2026-11-15\n  status: {status}");

        RuleHarness.Findings(RuleId, yaml).Select(f => f.Message).Should().Equal($"Action item 'ai-1' has no owner; {Needs}");
    }

    [Test]
    public void An_invalid_due_date_counts_as_absent()
    {
        var yaml = PostMortem("- id: ai-1\n  owner: p-lee\n  due: next week");

        RuleHarness.Findings(RuleId, yaml).Select(f => f.Message).Should().Equal($"Action item 'ai-1' has no due date; {Needs}");
    }

    [Test]
    public void Items_without_id_are_named_by_index_and_blank_entries_are_skipped()
    {
        var yaml = PostMortem("- {}\n-\n- description: Add an alert\n  owner: p-lee");

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"Action item at index 2 has no due date; {Needs}", "pm-outage", "/spec/actionItems/2", 11, 7));
    }

    [Test]
    public void Owned_and_dated_items_do_not_fire()
    {
        var yaml = PostMortem("- id: ai-1\n  owner: p-lee\n  due: 2026-11-15");

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [Test]
    public void Status_report_recovery_actions_are_not_checked()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: StatusReport
            metadata:
              id: sr-1
            spec:
              projectId: proj-billing
              recoveryActions:
                - id: ra-1
                  description: Add a second vendor
            """;

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [Test]
    public void A_configured_severity_applies()
    {
        RuleHarness.Findings(RuleId, PostMortem("- id: ai-1"), rules: RuleHarness.WithSeverity(RuleId, Severity.Warning))
            .Select(f => f.Severity).Should().Equal(Severity.Warning);
    }

    [Test]
    public void Json_input_points_at_the_item()
    {
        const string json = """
            {
              "apiVersion": "governance/v1",
              "kind": "PostMortem",
              "metadata": { "id": "pm-outage" },
              "spec": {
                "actionItems": [
                  { "id": "ai-1", "owner": "p-lee", "due": "2026-11-15" },
                  { "id": "ai-2", "owner": "p-lee" }
                ]
              }
            }
            """;

        RuleHarness.Findings(RuleId, json, file: "pm.json").ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"Action item 'ai-2' has no due date; {Needs}", "pm-outage", "/spec/actionItems/1", 8, 7));
    }

    [Test]
    public void Null_items_are_skipped_safely()
    {
        var postMortem = new PostMortem
        {
            Kind = "PostMortem",
            Metadata = new ArtifactMetadata { Id = "pm-outage" },
            Spec = new PostMortemSpec { ActionItems = [null!, new ActionItem { Id = "ai-1" }] },
        };
        var engine = new GovernanceEngine(BuiltInRules.Create(), new Governance.Rules.Loading.ArtifactLoader(), TimeProvider.System);

        var findings = engine.Analyze([postMortem], new AnalysisOptions { AsOf = RuleHarness.DefaultToday }).Findings;

        findings.Where(f => f.RuleId == "GOV009").Should().BeEmpty();
        findings.Where(f => f.RuleId == RuleId).Select(f => f.Pointer).Should().Equal("/spec/actionItems/1");
    }
}
