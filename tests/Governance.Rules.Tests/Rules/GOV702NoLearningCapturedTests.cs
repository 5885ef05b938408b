using Governance.Rules.Engine;
using Governance.Rules.Rules;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Rules;

[TestFixture]
[Category("GOV702")]
public sealed class GOV702NoLearningCapturedTests
{
    private const string RuleId = "GOV702";
    private const string BothEmpty = "Post-mortem captures no learning: wentWell and wentPoorly are both empty; record what went well and what went poorly";

    private static string PostMortem(string lines) => $"""
        apiVersion: governance/v1
        kind: PostMortem
        metadata:
          id: pm-outage
        spec:
          type: incident
          subjectId: INC-1042
          date: 2026-10-12
        {string.Join('\n', lines.Split('\n').Select(l => "  " + l))}
        """;

    private static IReadOnlyDictionary<string, RuleSettings> RequireBoth => RuleHarness.WithOptions(RuleId, new { requireBoth = true });

    [Test]
    public void Both_lists_empty_is_an_error_at_spec()
    {
        RuleHarness.Findings(RuleId, PostMortem("wentWell: []\nwentPoorly: []")).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, BothEmpty, "pm-outage", "/spec", 6, 3));
    }

    [TestCase("summary: Checkout was down for 40 minutes", TestName = "Blank learning: both keys absent")]
    [TestCase("wentWell:\nwentPoorly: ~", TestName = "Blank learning: null lists")]
    [TestCase("wentWell: ['']\nwentPoorly: ['  ']", TestName = "Blank learning: only blank strings")]
    [TestCase("wentWell: []\nlessonsLearned: [Alert on queue depth]", TestName = "Blank learning: lessonsLearned does not count")]
    public void Blank_and_absent_lists_fire_alike(string lines)
    {
        RuleHarness.Findings(RuleId, PostMortem(lines)).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, BothEmpty, "pm-outage", "/spec", 6, 3));
    }

    [TestCase("wentWell: [Paging reached the on-call engineer in 2 minutes]", TestName = "Learning: only wentWell")]
    [TestCase("wentPoorly: [Rollback took 30 minutes]", TestName = "Learning: only wentPoorly")]
    [TestCase("wentWell: [Fast paging]\nwentPoorly: [Slow rollback]", TestName = "Learning: both")]
    public void One_list_is_enough_by_default(string lines)
    {
        RuleHarness.Findings(RuleId, PostMortem(lines)).Should().BeEmpty();
    }

    [Test]
    public void RequireBoth_fires_when_wentWell_is_empty()
    {
        RuleHarness.Findings(RuleId, PostMortem("wentPoorly: [Slow rollback]"), rules: RequireBoth).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, "Post-mortem has no wentWell entries and requireBoth is true; record what went well too",
                "pm-outage", "/spec", 6, 3));
    }

    [Test]
    public void RequireBoth_fires_when_wentPoorly_is_empty()
    {
        RuleHarness.Findings(RuleId, PostMortem("wentWell: [Fast paging]\nwentPoorly: []"), rules: RequireBoth).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, "Post-mortem has no wentPoorly entries and requireBoth is true; record what went poorly too",
                "pm-outage", "/spec", 6, 3));
    }

    [Test]
    public void RequireBoth_reports_both_empty_lists_once()
    {
        RuleHarness.Findings(RuleId, PostMortem("wentWell: []"), rules: RequireBoth).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, BothEmpty, "pm-outage", "/spec", 6, 3));
    }

    [Test]
    public void RequireBoth_is_satisfied_by_both_lists()
    {
        RuleHarness.Findings(RuleId, PostMortem("wentWell: [Fast paging]\nwentPoorly: [Slow rollback]"), rules: RequireBoth).Should().BeEmpty();
    }

    [TestCase("draft")]
    [TestCase("closed")]
    public void Every_status_and_type_is_checked(string status)
    {
        var yaml = PostMortem($"status: {status}").Replace("type: incident", "type: projectRetrospective", StringComparison.Ordinal);

        RuleHarness.Findings(RuleId, yaml).Select(f => f.Pointer).Should().Equal("/spec");
    }

    [Test]
    public void A_post_mortem_without_spec_points_at_the_root()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: PostMortem
            metadata:
              id: pm-outage
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(new ExpectedFinding(Severity.Error, BothEmpty, "pm-outage", "", 1, 1));
    }

    [Test]
    public void A_configured_severity_applies()
    {
        RuleHarness.Findings(RuleId, PostMortem("wentWell: []"), rules: RuleHarness.WithSeverity(RuleId, Severity.Info))
            .Select(f => f.Severity).Should().Equal(Severity.Info);
    }

    [Test]
    public void Json_input_points_at_spec()
    {
        const string json = """
            {
              "apiVersion": "governance/v1",
              "kind": "PostMortem",
              "metadata": { "id": "pm-outage" },
              "spec": {
                "type": "incident",
                "wentWell": [],
                "wentPoorly": []
              }
            }
            """;

        RuleHarness.Findings(RuleId, json, file: "pm.json").ShouldBeExactly(
            new ExpectedFinding(Severity.Error, BothEmpty, "pm-outage", "/spec", 5, 11));
    }

    [Test]
    public void Options_default_to_one_list_being_enough() => new GOV702Options().RequireBoth.Should().BeFalse();
}
