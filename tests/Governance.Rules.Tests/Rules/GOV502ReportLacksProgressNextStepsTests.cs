using Governance.Rules.Engine;
using Governance.Rules.Model;
using Governance.Rules.Rules;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Rules;

[TestFixture]
[Category("GOV502")]
public sealed class GOV502ReportLacksProgressNextStepsTests
{
    private const string RuleId = "GOV502";
    private const string NoNextSteps = "Status report has no nextSteps; add nextSteps";
    private const string NoProgress = "Status report has neither a summary nor accomplishments; add a summary or accomplishments";
    private const string Neither = "Status report has no nextSteps and neither a summary nor accomplishments; add nextSteps, and a summary or accomplishments";

    private static string Report(string body) => $"""
        apiVersion: governance/v1
        kind: StatusReport
        metadata:
          id: sr-billing-2026-10-30
        spec:
          projectId: project-billing
          reportDate: 2026-10-30
          overallRag: green
        {body}
        """;

    [Test]
    public void A_report_without_next_steps_is_an_error_at_spec()
    {
        var yaml = Report("""
              summary: Invoicing API is feature complete.
              accomplishments: [Invoice API deployed to staging]
            """);

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, NoNextSteps, "sr-billing-2026-10-30", "/spec", 6, 3));
    }

    [Test]
    public void A_report_without_summary_or_accomplishments_is_an_error_at_spec()
    {
        var yaml = Report("""
              nextSteps: [Run load tests]
            """);

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, NoProgress, "sr-billing-2026-10-30", "/spec", 6, 3));
    }

    [Test]
    public void Both_gaps_give_one_finding()
    {
        RuleHarness.Findings(RuleId, Report(string.Empty)).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, Neither, "sr-billing-2026-10-30", "/spec", 6, 3));
    }

    [TestCase("summary: Invoicing API is feature complete.", TestName = "Progress: a summary alone is enough")]
    [TestCase("accomplishments: [Invoice API deployed to staging]", TestName = "Progress: accomplishments alone are enough")]
    public void A_summary_or_accomplishments_with_next_steps_does_not_fire(string progress)
    {
        var yaml = Report($"""
              {progress}
              nextSteps: [Run load tests]
            """);

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [TestCase("nextSteps: []", TestName = "Blank next steps: empty list")]
    [TestCase("nextSteps:", TestName = "Blank next steps: null")]
    [TestCase("nextSteps: ['', '  ']", TestName = "Blank next steps: only blank strings")]
    public void Blank_next_steps_count_as_none(string nextSteps)
    {
        var yaml = Report($"""
              summary: Invoicing API is feature complete.
              {nextSteps}
            """);

        RuleHarness.Findings(RuleId, yaml).Select(f => (f.Message, f.Pointer)).Should().Equal((NoNextSteps, "/spec"));
    }

    [TestCase("summary: '   '\n  accomplishments: []", TestName = "Blank progress: whitespace summary, empty accomplishments")]
    [TestCase("summary: ''\n  accomplishments: ['']", TestName = "Blank progress: empty summary, blank accomplishment")]
    [TestCase("summary:\n  accomplishments:", TestName = "Blank progress: nulls")]
    public void Blank_summary_and_accomplishments_count_as_no_progress(string progress)
    {
        var yaml = Report($"""
              {progress}
              nextSteps: [Run load tests]
            """);

        RuleHarness.Findings(RuleId, yaml).Select(f => f.Message).Should().Equal(NoProgress);
    }

    [Test]
    public void A_report_without_spec_points_at_the_root()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: StatusReport
            metadata:
              id: sr-empty
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(new ExpectedFinding(Severity.Error, Neither, "sr-empty", "", 1, 1));
    }

    [TestCase(Severity.Warning)]
    [TestCase(Severity.Info)]
    public void A_configured_severity_applies(Severity configured)
    {
        RuleHarness.Findings(RuleId, Report(string.Empty), rules: RuleHarness.WithSeverity(RuleId, configured))
            .Should().ContainSingle().Which.Severity.Should().Be(configured);
    }

    [Test]
    public void Json_input_points_at_spec()
    {
        const string json = """
            {
              "apiVersion": "governance/v1",
              "kind": "StatusReport",
              "metadata": { "id": "sr-1" },
              "spec": {
                "projectId": "project-billing",
                "summary": "On track",
                "nextSteps": []
              }
            }
            """;

        RuleHarness.Findings(RuleId, json, file: "report.json").ShouldBeExactly(
            new ExpectedFinding(Severity.Error, NoNextSteps, "sr-1", "/spec", 5, 11));
    }

    [Test]
    public void Null_lists_in_memory_do_not_throw()
    {
        var report = new StatusReport
        {
            Kind = "StatusReport",
            Metadata = new ArtifactMetadata { Id = "sr-1" },
            Spec = new StatusReportSpec { Summary = "On track", NextSteps = null!, Accomplishments = null! },
        };
        var engine = new GovernanceEngine(BuiltInRules.Create(), new Governance.Rules.Loading.ArtifactLoader(), TimeProvider.System);

        var findings = engine.Analyze([report], new AnalysisOptions { AsOf = RuleHarness.DefaultToday }).Findings;

        findings.Where(f => f.RuleId == "GOV009").Should().BeEmpty();
        findings.Where(f => f.RuleId == RuleId).Select(f => f.Message).Should().Equal(NoNextSteps);
    }
}
