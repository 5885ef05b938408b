using Governance.Rules.Engine;
using Governance.Rules.Model;
using Governance.Rules.Rules;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Rules;

[TestFixture]
[Category("GOV501")]
public sealed class GOV501StatusReportOverdueTests
{
    private const string RuleId = "GOV501";
    private const string Publish = "publish a status report";
    private const string Default = "option cadenceDays";

    private static string Project(string status = "inProgress", string start = "2026-09-01", string extra = "") => $"""
        apiVersion: governance/v1
        kind: Project
        metadata:
          id: project-billing
        spec:
          status: {status}
          phase: execution
          schedule: {(start.Length == 0 ? "{ end: 2027-03-31 }" : $"{{ start: {start}, end: 2027-03-31 }}")}
          {extra}
        """;

    private static string Report(string id, string date, string projectId = "project-billing") => $"""
        ---
        apiVersion: governance/v1
        kind: StatusReport
        metadata:
          id: {id}
        spec:
          projectId: {projectId}
          reportDate: {date}
        """;

    private static string Plan(params string[] frequencies)
    {
        var entries = string.Concat(frequencies.Select(f => $"\n    - {{ audience: [steering], channel: email, frequency: {f}, owner: p-ann }}"));
        return $"""
            ---
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata:
              id: plan-billing
            spec:
              projectId: project-billing
              communicationPlan:{(frequencies.Length == 0 ? " []" : entries)}
            """;
    }

    private static string Docs(params string[] documents) => string.Join("\n", documents) + "\n";

    [Test]
    public void A_report_older_than_the_default_cadence_fires_at_the_project_root()
    {
        var yaml = Docs(Project(), Report("sr-1", "2026-10-17"));

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning,
                $"Latest status report 'sr-1' is dated 2026-10-17, 15 days ago: 1 day(s) past the 14-day reporting cadence ({Default}); {Publish}",
                "project-billing", "", 1, 1));
    }

    [Test]
    public void A_report_exactly_one_cadence_old_does_not_fire()
    {
        var yaml = Docs(Project(), Report("sr-1", "2026-10-18"));

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [Test]
    public void The_clock_decides_both_sides_of_the_boundary()
    {
        var yaml = Docs(Project(), Report("sr-1", "2026-10-01"));

        RuleHarness.Findings(RuleId, yaml, today: new DateOnly(2026, 10, 15)).Should().BeEmpty();
        RuleHarness.Findings(RuleId, yaml, today: new DateOnly(2026, 10, 16)).Should().ContainSingle()
            .Which.Message.Should().StartWith("Latest status report 'sr-1' is dated 2026-10-01, 15 days ago: 1 day(s) past");
    }

    [Test]
    public void Only_the_latest_report_of_the_project_counts()
    {
        var yaml = Docs(
            Project(),
            Report("sr-3", "2026-10-20"),
            Report("sr-1", "2026-09-01"),
            Report("sr-2", "2026-10-01"),
            Report("sr-other", "2026-10-31", projectId: "project-payments"));

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
        RuleHarness.Findings(RuleId, yaml, today: new DateOnly(2026, 11, 10)).Select(f => f.Message).Should().Equal(
            $"Latest status report 'sr-3' is dated 2026-10-20, 21 days ago: 7 day(s) past the 14-day reporting cadence ({Default}); {Publish}");
    }

    [Test]
    public void Reports_of_other_projects_do_not_count()
    {
        var yaml = Docs(Project(), Report("sr-other", "2026-10-31", projectId: "project-payments"));

        RuleHarness.Findings(RuleId, yaml).Select(f => f.Message).Should().Equal(
            $"No status report since the project started on 2026-09-01, 61 days ago: 47 day(s) past the 14-day reporting cadence ({Default}); {Publish}");
    }

    [Test]
    public void A_report_without_a_reportDate_does_not_count()
    {
        const string undated = """
            ---
            apiVersion: governance/v1
            kind: StatusReport
            metadata:
              id: sr-undated
            spec:
              projectId: project-billing
            """;
        var yaml = Docs(Project(), undated, Report("sr-1", "2026-10-01"));

        RuleHarness.Findings(RuleId, yaml).Select(f => f.Message).Should().Equal(
            $"Latest status report 'sr-1' is dated 2026-10-01, 31 days ago: 17 day(s) past the 14-day reporting cadence ({Default}); {Publish}");
    }

    [Test]
    public void Without_a_report_the_project_start_decides_on_both_sides_of_the_boundary()
    {
        RuleHarness.Findings(RuleId, Docs(Project(start: "2026-10-18"))).Should().BeEmpty();
        RuleHarness.Findings(RuleId, Docs(Project(start: "2026-10-17"))).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning,
                $"No status report since the project started on 2026-10-17, 15 days ago: 1 day(s) past the 14-day reporting cadence ({Default}); {Publish}",
                "project-billing", "", 1, 1));
    }

    [Test]
    public void A_project_starting_in_the_future_without_a_report_does_not_fire()
    {
        RuleHarness.Findings(RuleId, Docs(Project(status: "notStarted", start: "2027-01-04"))).Should().BeEmpty();
    }

    [Test]
    public void Without_a_report_or_a_start_date_nothing_is_due()
    {
        RuleHarness.Findings(RuleId, Docs(Project(start: ""))).Should().BeEmpty();
    }

    [TestCase("notStarted")]
    [TestCase("inProgress")]
    [TestCase("onHold")]
    public void Active_projects_are_checked(string status)
    {
        var yaml = Docs(Project(status: status), Report("sr-1", "2026-10-01"));

        RuleHarness.Findings(RuleId, yaml).Should().ContainSingle().Which.Pointer.Should().Be("");
    }

    [TestCase("completed")]
    [TestCase("cancelled")]
    [TestCase("~")]
    public void Projects_that_are_not_active_are_not_checked(string status)
    {
        var yaml = Docs(Project(status: status), Report("sr-1", "2026-01-01"));

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [Test]
    public void The_cadence_is_the_shortest_periodic_frequency_of_the_plan()
    {
        var yaml = Docs(Project(), Plan("monthly", "weekly", "adHoc", "perMilestone", "biweekly"), Report("sr-1", "2026-10-25"));

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
        RuleHarness.Findings(RuleId, yaml, today: new DateOnly(2026, 11, 2)).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning,
                $"Latest status report 'sr-1' is dated 2026-10-25, 8 days ago: 1 day(s) past the 7-day reporting cadence (weekly in the communication plan of 'plan-billing'); {Publish}",
                "project-billing", "", 1, 1));
    }

    [TestCase("daily", 1, 1)]
    [TestCase("weekly", 7, 7)]
    [TestCase("biweekly", 14, 14)]
    [TestCase("monthly", 30, 30)]
    public void Each_periodic_frequency_has_its_period(string frequency, int days, int expectedCadence)
    {
        var yaml = Docs(Project(), Plan(frequency), Report("sr-1", "2026-10-01"));
        var reportDate = new DateOnly(2026, 10, 1);

        RuleHarness.Findings(RuleId, yaml, today: reportDate.AddDays(days)).Should().BeEmpty();
        RuleHarness.Findings(RuleId, yaml, today: reportDate.AddDays(days + 1)).Should().ContainSingle()
            .Which.Message.Should().Contain($"1 day(s) past the {expectedCadence}-day reporting cadence ({frequency} in the communication plan of 'plan-billing')");
    }

    [TestCase(TestName = "Cadence: a plan with an empty communication plan falls back to cadenceDays")]
    [TestCase("adHoc", "perMilestone", TestName = "Cadence: a plan with only non-periodic entries falls back to cadenceDays")]
    public void A_plan_without_periodic_entries_falls_back_to_cadenceDays(params string[] frequencies)
    {
        var yaml = Docs(Project(), Plan(frequencies), Report("sr-1", "2026-10-18"));

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
        RuleHarness.Findings(RuleId, yaml, today: new DateOnly(2026, 11, 2)).Select(f => f.Message).Should().Equal(
            $"Latest status report 'sr-1' is dated 2026-10-18, 15 days ago: 1 day(s) past the 14-day reporting cadence ({Default}); {Publish}");
    }

    [Test]
    public void Option_deriveFromCommunicationPlan_false_uses_cadenceDays()
    {
        var yaml = Docs(Project(), Plan("daily"), Report("sr-1", "2026-10-20"));

        RuleHarness.Findings(RuleId, yaml).Should().ContainSingle();
        RuleHarness.Findings(RuleId, yaml, rules: RuleHarness.WithOptions(RuleId, new { deriveFromCommunicationPlan = false })).Should().BeEmpty();
    }

    [Test]
    public void Option_cadenceDays_sets_the_fallback_cadence()
    {
        var yaml = Docs(Project(), Report("sr-1", "2026-10-01"));
        var rules = RuleHarness.WithOptions(RuleId, new { cadenceDays = 30 });

        RuleHarness.Findings(RuleId, yaml, rules: rules, today: new DateOnly(2026, 10, 31)).Should().BeEmpty();
        RuleHarness.Findings(RuleId, yaml, rules: rules).Select(f => f.Message).Should().Equal(
            $"Latest status report 'sr-1' is dated 2026-10-01, 31 days ago: 1 day(s) past the 30-day reporting cadence ({Default}); {Publish}");
    }

    [Test]
    public void The_plan_is_found_by_its_projectId_else_by_the_projects_planId()
    {
        const string unlinkedPlan = """
            ---
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata:
              id: plan-linked
            spec:
              communicationPlan:
                - { audience: [team], channel: chat, frequency: daily, owner: p-ann }
            """;
        var yaml = Docs(Project(extra: "planId: plan-linked"), unlinkedPlan, Report("sr-1", "2026-10-30"));

        RuleHarness.Findings(RuleId, yaml).Select(f => f.Message).Should().Equal(
            $"Latest status report 'sr-1' is dated 2026-10-30, 2 days ago: 1 day(s) past the 1-day reporting cadence (daily in the communication plan of 'plan-linked'); {Publish}");
    }

    [Test]
    public void A_plan_of_another_project_does_not_set_the_cadence()
    {
        var otherPlan = Plan("daily").Replace("projectId: project-billing", "projectId: project-payments", StringComparison.Ordinal);
        var yaml = Docs(Project(), otherPlan, Report("sr-1", "2026-10-25"));

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [TestCase(Severity.Error)]
    [TestCase(Severity.Info)]
    public void A_configured_severity_applies(Severity configured)
    {
        var yaml = Docs(Project(), Report("sr-1", "2026-10-01"));

        RuleHarness.Findings(RuleId, yaml, rules: RuleHarness.WithSeverity(RuleId, configured))
            .Should().ContainSingle().Which.Severity.Should().Be(configured);
    }

    [Test]
    public void Json_input_points_at_the_project_object()
    {
        const string json = """
            [
              {
                "apiVersion": "governance/v1",
                "kind": "StatusReport",
                "metadata": { "id": "sr-1" },
                "spec": { "projectId": "project-billing", "reportDate": "2026-10-10" }
              },
              {
                "apiVersion": "governance/v1",
                "kind": "Project",
                "metadata": { "id": "project-billing" },
                "spec": { "status": "onHold", "schedule": { "start": "2026-09-01", "end": "2027-03-31" } }
              }
            ]
            """;

        RuleHarness.Findings(RuleId, json, file: "portfolio.json").ShouldBeExactly(
            new ExpectedFinding(Severity.Warning,
                $"Latest status report 'sr-1' is dated 2026-10-10, 22 days ago: 8 day(s) past the 14-day reporting cadence ({Default}); {Publish}",
                "project-billing", "", 8, 3));
    }

    [Test]
    public void Null_entries_in_memory_are_skipped_safely()
    {
        var project = new Project
        {
            Kind = "Project",
            Metadata = new ArtifactMetadata { Id = "project-billing" },
            Spec = new ProjectSpec { Status = ProjectStatus.InProgress, Schedule = new DateRange { Start = new DateOnly(2026, 10, 1) } },
        };
        var plan = new ProjectPlan
        {
            Kind = "ProjectPlan",
            Metadata = new ArtifactMetadata { Id = "plan-billing" },
            Spec = new ProjectPlanSpec { ProjectId = "project-billing", CommunicationPlan = [null!, new CommunicationEntry { Frequency = CommunicationFrequency.Weekly }] },
        };
        var engine = new GovernanceEngine(BuiltInRules.Create(), new Governance.Rules.Loading.ArtifactLoader(), TimeProvider.System);

        var findings = engine.Analyze([project, plan], new AnalysisOptions { AsOf = RuleHarness.DefaultToday }).Findings;

        findings.Where(f => f.RuleId == "GOV009").Should().BeEmpty();
        findings.Where(f => f.RuleId == RuleId).Select(f => f.Message).Should().Equal(
            $"No status report since the project started on 2026-10-01, 31 days ago: 24 day(s) past the 7-day reporting cadence (weekly in the communication plan of 'plan-billing'); {Publish}");
    }
}
