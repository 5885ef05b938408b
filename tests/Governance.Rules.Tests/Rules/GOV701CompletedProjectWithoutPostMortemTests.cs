using Governance.Rules.Engine;
using Governance.Rules.Model;
using Governance.Rules.Rules;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Rules;

[TestFixture]
[Category("GOV701")]
public sealed class GOV701CompletedProjectWithoutPostMortemTests
{
    private const string RuleId = "GOV701";
    private const string Hold = "hold a retrospective and record it as a PostMortem";

    private static string Project(string fields, string id = "proj-billing") => $"""
        apiVersion: governance/v1
        kind: Project
        metadata:
          id: {id}
        spec:
          sponsor: p-sam
          status: completed
        {Indent(fields)}
        """;

    private static string PostMortem(string subjectId, string type = "projectRetrospective", string status = "draft") => $"""
        apiVersion: governance/v1
        kind: PostMortem
        metadata:
          id: pm-{subjectId}
        spec:
          type: {type}
          subjectId: {subjectId}
          status: {status}
          date: 2026-10-15
          wentWell: [Cut-over went smoothly]
        """;

    private static string Indent(string fields) => string.Join('\n', fields.Split('\n').Select(l => "  " + l));

    [Test]
    public void Completed_project_past_the_grace_period_without_post_mortem_is_an_error_at_the_project()
    {
        var yaml = Project("actualEnd: 2026-09-01\nschedule: { start: 2026-01-05, end: 2026-08-31 }");

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error,
                $"Project completed on 2026-09-01 (actualEnd), 61 day(s) ago, more than graceDays (30) and no PostMortem has subjectId 'proj-billing'; {Hold}",
                "proj-billing", "", 1, 1));
    }

    [TestCase("2026-10-02", false, TestName = "Grace boundary: exactly 30 days after actualEnd does not fire")]
    [TestCase("2026-10-01", true, TestName = "Grace boundary: 31 days after actualEnd fires")]
    [TestCase("2026-11-01", false, TestName = "Grace boundary: ended today does not fire")]
    [TestCase("2026-12-01", false, TestName = "Grace boundary: an end in the future does not fire")]
    public void Grace_period_boundary(string actualEnd, bool fires)
    {
        var findings = RuleHarness.Findings(RuleId, Project($"actualEnd: {actualEnd}"));

        findings.Should().HaveCount(fires ? 1 : 0);
    }

    [Test]
    public void Without_actualEnd_the_planned_end_is_used()
    {
        var yaml = Project("schedule: { start: 2026-01-05, end: 2026-09-30 }");

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error,
                $"Project completed on 2026-09-30 (schedule.end, as there is no actualEnd), 32 day(s) ago, more than graceDays (30) and no PostMortem has subjectId 'proj-billing'; {Hold}",
                "proj-billing", "", 1, 1));
        RuleHarness.Findings(RuleId, Project("schedule: { start: 2026-01-05, end: 2026-10-02 }")).Should().BeEmpty();
    }

    [Test]
    public void ActualEnd_wins_over_the_planned_end()
    {
        var yaml = Project("actualEnd: 2026-10-20\nschedule: { start: 2026-01-05, end: 2026-06-30 }");

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [TestCase("", TestName = "No end date: no schedule")]
    [TestCase("schedule: { start: 2026-01-05 }", TestName = "No end date: schedule without end")]
    [TestCase("schedule: { start: 2026-06-05, end: 2026-01-31 }", TestName = "No end date: invalid range counts as absent")]
    public void Completed_project_with_no_end_date_fires_at_once(string fields)
    {
        RuleHarness.Findings(RuleId, Project(fields)).ShouldBeExactly(
            new ExpectedFinding(Severity.Error,
                $"Project completed with no end date (neither actualEnd nor schedule.end), so no grace period applies and no PostMortem has subjectId 'proj-billing'; {Hold}",
                "proj-billing", "", 1, 1));
    }

    [TestCase("projectRetrospective", "draft", TestName = "Post-mortem counts: draft retrospective")]
    [TestCase("projectRetrospective", "closed", TestName = "Post-mortem counts: closed retrospective")]
    [TestCase("incident", "reviewed", TestName = "Post-mortem counts: incident review naming the project")]
    public void Any_post_mortem_whose_subject_is_the_project_satisfies_the_rule(string type, string status)
    {
        var yaml = Project("actualEnd: 2026-06-30") + "\n---\n" + PostMortem("proj-billing", type, status);

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [Test]
    public void A_post_mortem_earlier_in_document_order_counts_too()
    {
        var yaml = PostMortem("proj-billing") + "\n---\n" + Project("actualEnd: 2026-06-30");

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [Test]
    public void A_post_mortem_of_another_subject_does_not_count_even_when_listed_in_postMortemIds()
    {
        var yaml = Project("actualEnd: 2026-06-30\npostMortemIds: [pm-proj-other]") + "\n---\n" + PostMortem("proj-other");

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error,
                $"Project completed on 2026-06-30 (actualEnd), 124 day(s) ago, more than graceDays (30) and no PostMortem has subjectId 'proj-billing'; {Hold}",
                "proj-billing", "", 1, 1));
    }

    [TestCase("inProgress")]
    [TestCase("onHold")]
    [TestCase("notStarted")]
    [TestCase("cancelled")]
    public void Projects_that_are_not_completed_are_out_of_scope(string status)
    {
        var yaml = Project("actualEnd: 2026-06-30").Replace("status: completed", $"status: {status}", StringComparison.Ordinal);

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [Test]
    public void A_project_without_status_is_out_of_scope()
    {
        var yaml = Project("actualEnd: 2026-06-30").Replace("  status: completed\n", string.Empty, StringComparison.Ordinal);

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [Test]
    public void Option_graceDays_moves_the_boundary()
    {
        var rules = RuleHarness.WithOptions(RuleId, new { graceDays = 0 });

        RuleHarness.Findings(RuleId, Project("actualEnd: 2026-11-01"), rules: rules).Should().BeEmpty();
        RuleHarness.Findings(RuleId, Project("actualEnd: 2026-10-31"), rules: rules).ShouldBeExactly(
            new ExpectedFinding(Severity.Error,
                $"Project completed on 2026-10-31 (actualEnd), 1 day(s) ago, more than graceDays (0) and no PostMortem has subjectId 'proj-billing'; {Hold}",
                "proj-billing", "", 1, 1));
        RuleHarness.Findings(RuleId, Project("actualEnd: 2026-09-01"), rules: RuleHarness.WithOptions(RuleId, new { graceDays = 90 })).Should().BeEmpty();
    }

    [Test]
    public void The_clock_decides()
    {
        var yaml = Project("actualEnd: 2026-09-01");

        RuleHarness.Findings(RuleId, yaml, today: new DateOnly(2026, 10, 1)).Should().BeEmpty();
        RuleHarness.Findings(RuleId, yaml, today: new DateOnly(2026, 10, 2)).Should().ContainSingle()
            .Which.Message.Should().StartWith("Project completed on 2026-09-01 (actualEnd), 31 day(s) ago");
    }

    [Test]
    public void A_configured_severity_applies()
    {
        var findings = RuleHarness.Findings(RuleId, Project("actualEnd: 2026-06-30"), rules: RuleHarness.WithSeverity(RuleId, Severity.Warning));

        findings.Select(f => f.Severity).Should().Equal(Severity.Warning);
    }

    [Test]
    public void Each_project_of_a_stream_is_judged_on_its_own_at_its_own_root()
    {
        var yaml = Project("actualEnd: 2026-06-30", "proj-a") + "\n---\n" + Project("actualEnd: 2026-06-30", "proj-b") + "\n---\n" + PostMortem("proj-a");

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error,
                $"Project completed on 2026-06-30 (actualEnd), 124 day(s) ago, more than graceDays (30) and no PostMortem has subjectId 'proj-b'; {Hold}",
                "proj-b", "", 10, 1));
    }

    [Test]
    public void A_project_without_id_cannot_be_named_by_a_post_mortem()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: Project
            metadata:
              title: Billing migration
            spec:
              status: completed
              actualEnd: 2026-06-30
            """;

        RuleHarness.Findings(RuleId, yaml).Select(f => f.Message).Should().Equal(
            $"Project completed on 2026-06-30 (actualEnd), 124 day(s) ago, more than graceDays (30) and has no metadata.id for a PostMortem's subjectId to name; {Hold}");
    }

    [Test]
    public void Json_input_points_at_the_document_root()
    {
        const string json = """
            [
              {
                "apiVersion": "governance/v1",
                "kind": "Project",
                "metadata": { "id": "proj-billing" },
                "spec": { "status": "completed", "actualEnd": "2026-06-30" }
              },
              {
                "apiVersion": "governance/v1",
                "kind": "PostMortem",
                "metadata": { "id": "pm-1" },
                "spec": { "type": "incident", "subjectId": "proj-other", "date": "2026-07-01" }
              }
            ]
            """;

        RuleHarness.Findings(RuleId, json, file: "projects.json").ShouldBeExactly(
            new ExpectedFinding(Severity.Error,
                $"Project completed on 2026-06-30 (actualEnd), 124 day(s) ago, more than graceDays (30) and no PostMortem has subjectId 'proj-billing'; {Hold}",
                "proj-billing", "", 2, 3));
    }

    [Test]
    public void Options_default_to_thirty_days() => new GOV701Options().GraceDays.Should().Be(30);

    [Test]
    public void In_memory_records_without_a_source_do_not_throw()
    {
        var project = new Project
        {
            Kind = "Project",
            Metadata = new ArtifactMetadata { Id = "proj-billing" },
            Spec = new ProjectSpec { Status = ProjectStatus.Completed, Schedule = new DateRange { End = new DateOnly(2026, 6, 30) } },
        };
        var engine = new GovernanceEngine(BuiltInRules.Create(), new Governance.Rules.Loading.ArtifactLoader(), TimeProvider.System);

        var findings = engine.Analyze([project], new AnalysisOptions { AsOf = RuleHarness.DefaultToday }).Findings;

        findings.Where(f => f.RuleId == "GOV009").Should().BeEmpty();
        findings.Where(f => f.RuleId == RuleId).Select(f => (f.ArtifactId, f.Pointer)).Should().Equal(("proj-billing", ""));
    }
}
