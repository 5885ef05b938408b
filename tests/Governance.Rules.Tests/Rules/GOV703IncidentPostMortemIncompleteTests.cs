using Governance.Rules.Engine;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Rules;

[TestFixture]
[Category("GOV703")]
public sealed class GOV703IncidentPostMortemIncompleteTests
{
    private const string RuleId = "GOV703";
    private const string Why = "an incident review records what happened when (timeline), what it affected (impact) and why (contributingFactors)";

    private const string Timeline = "timeline:\n  - { at: '2026-10-12T09:14:00Z', event: Error rate above 5% }";
    private const string Impact = "impact: Checkout unavailable for 40 minutes";
    private const string Factors = "contributingFactors: [Connection pool too small]";

    private static string PostMortem(string lines, string type = "incident") => $"""
        apiVersion: governance/v1
        kind: PostMortem
        metadata:
          id: pm-outage
        spec:
          type: {type}
          subjectId: INC-1042
          date: 2026-10-12
        {string.Join('\n', lines.Split('\n').Select(l => "  " + l))}
        """;

    [Test]
    public void Incident_missing_everything_gets_one_finding_naming_all()
    {
        RuleHarness.Findings(RuleId, PostMortem("summary: Checkout down")).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"Incident post-mortem lacks timeline, impact and contributingFactors; {Why}", "pm-outage", "/spec", 6, 3));
    }

    [TestCase(Impact + "\n" + Factors, "timeline")]
    [TestCase(Timeline + "\n" + Factors, "impact")]
    [TestCase(Timeline + "\n" + Impact, "contributingFactors")]
    [TestCase(Factors, "timeline and impact")]
    [TestCase(Impact, "timeline and contributingFactors")]
    [TestCase(Timeline, "impact and contributingFactors")]
    public void Each_missing_part_is_named(string lines, string missing)
    {
        RuleHarness.Findings(RuleId, PostMortem(lines)).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"Incident post-mortem lacks {missing}; {Why}", "pm-outage", "/spec", 6, 3));
    }

    [Test]
    public void A_complete_incident_post_mortem_does_not_fire()
    {
        RuleHarness.Findings(RuleId, PostMortem(Timeline + "\n" + Impact + "\n" + Factors)).Should().BeEmpty();
    }

    [TestCase("timeline: []\n" + Impact + "\n" + Factors, "timeline", TestName = "Blank parts: empty timeline")]
    [TestCase("timeline: [{}]\n" + Impact + "\n" + Factors, "timeline", TestName = "Blank parts: timeline of an empty object")]
    [TestCase(Timeline + "\nimpact: '   '\n" + Factors, "impact", TestName = "Blank parts: whitespace impact")]
    [TestCase(Timeline + "\n" + Impact + "\ncontributingFactors: ['']", "contributingFactors", TestName = "Blank parts: only blank factors")]
    public void Blank_parts_count_as_missing(string lines, string missing)
    {
        RuleHarness.Findings(RuleId, PostMortem(lines)).Select(f => f.Message).Should().Equal($"Incident post-mortem lacks {missing}; {Why}");
    }

    [Test]
    public void Project_retrospectives_are_out_of_scope()
    {
        RuleHarness.Findings(RuleId, PostMortem("summary: Done", "projectRetrospective")).Should().BeEmpty();
    }

    [Test]
    public void A_post_mortem_without_type_is_out_of_scope()
    {
        RuleHarness.Findings(RuleId, PostMortem("summary: Done").Replace("  type: incident\n", string.Empty, StringComparison.Ordinal)).Should().BeEmpty();
    }

    [Test]
    public void A_configured_severity_applies()
    {
        RuleHarness.Findings(RuleId, PostMortem(Impact), rules: RuleHarness.WithSeverity(RuleId, Severity.Warning))
            .Select(f => f.Severity).Should().Equal(Severity.Warning);
    }

    [Test]
    public void Json_input_points_at_spec()
    {
        const string json = """
            {
              "apiVersion": "governance/v1",
              "kind": "PostMortem",
              "metadata": { "id": "pm-outage" },
              "spec": { "type": "incident", "impact": "Checkout down", "timeline": [] }
            }
            """;

        RuleHarness.Findings(RuleId, json, file: "pm.json").ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"Incident post-mortem lacks timeline and contributingFactors; {Why}", "pm-outage", "/spec", 5, 11));
    }
}
