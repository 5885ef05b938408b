using Governance.Rules.Engine;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Rules;

/// <summary>Today is 2026-11-01 (<see cref="RuleHarness.DefaultToday"/>) unless a test says otherwise.</summary>
[TestFixture]
[Category("GOV504")]
public sealed class GOV504RagInconsistentWithDataTests
{
    private const string RuleId = "GOV504";
    private const string ReportAmber = "report amber or red, or bring the plan up to date";
    private const string OverdueBeta = "1 overdue milestone(s) ('m-2' (Beta); GOV408)";

    private static string Report(string rags) => $"""
        apiVersion: governance/v1
        kind: StatusReport
        metadata:
          id: status-2026-10-30
        spec:
          projectId: project-billing
          reportDate: 2026-10-30
        {rags}
        """;

    /// <summary>A plan (lines 1–14, the budget figures on line 14) whose milestone m-2 is overdue and whose budget is as given, then <paramref name="reports"/>.</summary>
    private static string PlanAnd(string reports, string budget = "", string milestoneDate = "2026-10-15") => $$"""
        apiVersion: governance/v1
        kind: ProjectPlan
        metadata:
          id: plan-billing
        spec:
          projectId: project-billing
          milestones:
            - id: m-2
              name: Beta
              status: planned
              baselineDate: {{milestoneDate}}
          budget:
            approved: { amount: 100000, currency: EUR }
        {{budget}}
        ---
        {{reports}}
        """;

    private static string GreenReport(string id, string date) => $"""
        apiVersion: governance/v1
        kind: StatusReport
        metadata:
          id: {id}
        spec:
          projectId: project-billing
          reportDate: {date}
          overallRag: green
        """;

    [Test]
    public void An_overall_rag_better_than_a_dimension_fires_at_overallRag()
    {
        RuleHarness.Findings(RuleId, Report("  overallRag: green\n  scheduleRag: amber\n  budgetRag: red\n  scopeRag: green")).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, "Overall RAG is green but budgetRag is red; the overall RAG is never better than its worst dimension, so report it red",
                "status-2026-10-30", "/spec/overallRag", 8, 15));
    }

    [Test]
    public void Several_worst_dimensions_are_all_named()
    {
        RuleHarness.Findings(RuleId, Report("  overallRag: amber\n  scheduleRag: red\n  scopeRag: red")).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, "Overall RAG is amber but scheduleRag and scopeRag are red; the overall RAG is never better than its worst dimension, so report it red",
                "status-2026-10-30", "/spec/overallRag", 8, 15));
    }

    [TestCase("  overallRag: amber\n  scheduleRag: amber\n  budgetRag: green", TestName = "Overall equal to the worst dimension")]
    [TestCase("  overallRag: red\n  scheduleRag: green", TestName = "Overall worse than every dimension")]
    [TestCase("  overallRag: green", TestName = "No dimensions")]
    [TestCase("  scheduleRag: red", TestName = "No overallRag")]
    public void An_overall_rag_no_better_than_its_dimensions_does_not_fire(string rags) =>
        RuleHarness.Findings(RuleId, Report(rags)).Should().BeEmpty();

    [Test]
    public void The_latest_green_report_fires_while_a_milestone_of_the_plan_is_overdue()
    {
        var yaml = PlanAnd(GreenReport("status-2026-10-30", "2026-10-30"));

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Latest status report is green while plan 'plan-billing' has {OverdueBeta}; {ReportAmber}",
                "status-2026-10-30", "/spec/overallRag", 23, 15));
    }

    [Test]
    public void Only_the_latest_report_of_the_project_is_compared_with_the_plan()
    {
        var reports = GreenReport("status-2026-10-30", "2026-10-30") + "\n---\n" + GreenReport("status-2026-10-16", "2026-10-16");

        RuleHarness.Findings(RuleId, PlanAnd(reports)).Select(f => f.ArtifactId).Should().Equal("status-2026-10-30");
    }

    [Test]
    public void Reports_on_the_same_latest_date_are_each_latest()
    {
        var reports = GreenReport("status-a", "2026-10-30") + "\n---\n" + GreenReport("status-b", "2026-10-30");

        RuleHarness.Findings(RuleId, PlanAnd(reports)).Select(f => f.ArtifactId).Should().Equal("status-a", "status-b");
    }

    [TestCase("amber")]
    [TestCase("red")]
    public void An_amber_or_red_latest_report_is_consistent(string rag)
    {
        var report = GreenReport("status-2026-10-30", "2026-10-30").Replace("overallRag: green", $"overallRag: {rag}", StringComparison.Ordinal);

        RuleHarness.Findings(RuleId, PlanAnd(report)).Should().BeEmpty();
    }

    [Test]
    public void A_plan_on_track_does_not_fire() =>
        RuleHarness.Findings(RuleId, PlanAnd(GreenReport("status-2026-10-30", "2026-10-30"), milestoneDate: "2026-11-01")).Should().BeEmpty();

    [Test]
    public void The_clock_decides_on_both_sides_of_the_milestone_date()
    {
        var yaml = PlanAnd(GreenReport("status-2026-10-30", "2026-10-30"), milestoneDate: "2026-11-20");

        RuleHarness.Findings(RuleId, yaml, today: new DateOnly(2026, 11, 20)).Should().BeEmpty();
        RuleHarness.Findings(RuleId, yaml, today: new DateOnly(2026, 11, 21)).Should().ContainSingle();
    }

    [Test]
    public void A_report_of_another_project_or_without_date_is_not_compared()
    {
        var other = GreenReport("status-other", "2026-10-30").Replace("project-billing", "project-ledger", StringComparison.Ordinal);
        var undated = GreenReport("status-undated", "2026-10-30").Replace("  reportDate: 2026-10-30\n", string.Empty, StringComparison.Ordinal);

        RuleHarness.Findings(RuleId, PlanAnd(other + "\n---\n" + undated)).Should().BeEmpty();
    }

    [Test]
    public void Actual_cost_over_the_approved_budget_makes_green_inconsistent()
    {
        var yaml = PlanAnd(GreenReport("status-2026-10-30", "2026-10-30"), "    actualToDate: { amount: 100001, currency: EUR }", "2026-12-01");

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning,
                $"Latest status report is green while plan 'plan-billing' has an actual cost to date of 100001 EUR over the approved budget 100000 EUR (GOV410); {ReportAmber}",
                "status-2026-10-30", "/spec/overallRag", 23, 15));
    }

    [Test]
    public void A_forecast_over_the_tolerance_makes_green_inconsistent_and_every_reason_is_named()
    {
        var yaml = PlanAnd(GreenReport("status-2026-10-30", "2026-10-30"), "    forecastAtCompletion: { amount: 110001, currency: EUR }");

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning,
                $"Latest status report is green while plan 'plan-billing' has {OverdueBeta} and a forecast at completion of 110001 EUR over the approved budget 100000 EUR plus costTolerancePct 10% (GOV410); {ReportAmber}",
                "status-2026-10-30", "/spec/overallRag", 23, 15));
    }

    [TestCase("    forecastAtCompletion: { amount: 110000, currency: EUR }", TestName = "Forecast exactly at the tolerance")]
    [TestCase("    actualToDate: { amount: 200000, currency: USD }", TestName = "Figure in another currency (GOV410 info)")]
    public void What_GOV410_does_not_report_as_error_or_warning_does_not_count(string budget) =>
        RuleHarness.Findings(RuleId, PlanAnd(GreenReport("status-2026-10-30", "2026-10-30"), budget, "2026-12-01")).Should().BeEmpty();

    [Test]
    public void A_disabled_GOV408_counts_as_not_reporting()
    {
        var rules = new Dictionary<string, RuleSettings>(StringComparer.Ordinal) { ["GOV408"] = new RuleSettings { Enabled = false } };

        RuleHarness.Findings(RuleId, PlanAnd(GreenReport("status-2026-10-30", "2026-10-30")), rules: rules).Should().BeEmpty();
    }

    [Test]
    public void GOV408_configured_as_info_does_not_count_and_as_error_does()
    {
        var yaml = PlanAnd(GreenReport("status-2026-10-30", "2026-10-30"));

        RuleHarness.Findings(RuleId, yaml, rules: RuleHarness.WithSeverity("GOV408", Severity.Info)).Should().BeEmpty();
        RuleHarness.Findings(RuleId, yaml, rules: RuleHarness.WithSeverity("GOV408", Severity.Error)).Should().ContainSingle();
    }

    [Test]
    public void GOV408_before_its_enforceFrom_reports_info_so_it_does_not_count()
    {
        var yaml = PlanAnd(GreenReport("status-2026-10-30", "2026-10-30"));
        static Dictionary<string, RuleSettings> EnforceFrom(DateOnly date) =>
            new(StringComparer.Ordinal) { ["GOV408"] = new RuleSettings { EnforceFrom = date } };

        RuleHarness.Findings(RuleId, yaml, rules: EnforceFrom(new DateOnly(2026, 11, 2))).Should().BeEmpty();
        RuleHarness.Findings(RuleId, yaml, rules: EnforceFrom(new DateOnly(2026, 11, 1))).Should().ContainSingle();
    }

    [Test]
    public void GOV410_configured_as_info_or_disabled_does_not_count()
    {
        var yaml = PlanAnd(GreenReport("status-2026-10-30", "2026-10-30"), "    actualToDate: { amount: 200000, currency: EUR }", "2026-12-01");

        RuleHarness.Findings(RuleId, yaml, rules: RuleHarness.WithSeverity("GOV410", Severity.Info)).Should().BeEmpty();
        RuleHarness.Findings(RuleId, yaml, rules: new Dictionary<string, RuleSettings>(StringComparer.Ordinal) { ["GOV410"] = new RuleSettings { Enabled = false } })
            .Should().BeEmpty();
        RuleHarness.Findings(RuleId, yaml, rules: RuleHarness.WithSeverity("GOV410", Severity.Warning)).Should().ContainSingle();
    }

    [Test]
    public void A_green_report_that_also_hides_a_red_dimension_gets_both_findings()
    {
        var report = GreenReport("status-2026-10-30", "2026-10-30") + "\n  scheduleRag: red";

        RuleHarness.Findings(RuleId, PlanAnd(report)).Select(f => f.Message).Should().Equal(
            "Latest status report is green while plan 'plan-billing' has " + OverdueBeta + "; " + ReportAmber,
            "Overall RAG is green but scheduleRag is red; the overall RAG is never better than its worst dimension, so report it red");
    }

    [Test]
    public void The_plan_is_found_through_the_project_planId_when_it_names_no_project()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: Project
            metadata:
              id: project-billing
            spec:
              planId: plan-billing
            ---
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata:
              id: plan-billing
            spec:
              milestones:
                - { id: m-1, status: atRisk, baselineDate: 2026-10-01 }
            ---
            apiVersion: governance/v1
            kind: StatusReport
            metadata:
              id: status-2026-10-30
            spec:
              projectId: project-billing
              reportDate: 2026-10-30
              overallRag: green
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Latest status report is green while plan 'plan-billing' has 1 overdue milestone(s) ('m-1'; GOV408); {ReportAmber}",
                "status-2026-10-30", "/spec/overallRag", 23, 15));
    }

    [Test]
    public void A_project_without_plan_is_only_checked_for_its_dimensions() =>
        RuleHarness.Findings(RuleId, Report("  overallRag: green")).Should().BeEmpty();

    [Test]
    public void A_configured_severity_replaces_the_default() =>
        RuleHarness.Findings(RuleId, Report("  overallRag: green\n  scopeRag: amber"), rules: RuleHarness.WithSeverity(RuleId, Severity.Error))
            .Should().ContainSingle().Which.Severity.Should().Be(Severity.Error);

    [Test]
    public void Json_input_points_at_overallRag()
    {
        const string json = """
            {
              "apiVersion": "governance/v1",
              "kind": "StatusReport",
              "metadata": { "id": "status-2026-10-30" },
              "spec": { "projectId": "project-billing", "reportDate": "2026-10-30", "overallRag": "green", "budgetRag": "amber" }
            }
            """;

        RuleHarness.Findings(RuleId, json, file: "status.json").ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, "Overall RAG is green but budgetRag is amber; the overall RAG is never better than its worst dimension, so report it amber",
                "status-2026-10-30", "/spec/overallRag", 5, 87));
    }

    [Test]
    public void GOV408_grace_days_configured_for_the_plan_are_honoured()
    {
        var content = PlanAnd(GreenReport("status-latest", "2026-10-30"));

        RuleHarness.Findings(RuleId, content).Should().ContainSingle();
        RuleHarness.Findings(RuleId, content, rules: RuleHarness.WithOptions("GOV408", new { graceDays = 30 })).Should().BeEmpty();
    }

    [Test]
    public void A_GOV408_finding_set_aside_by_a_suppression_on_the_plan_does_not_count()
    {
        var content = PlanAnd(GreenReport("status-latest", "2026-10-30")).Replace(
            "  id: plan-billing\n",
            "  id: plan-billing\n  suppressions:\n    - {rule: GOV408, pointer: /spec/milestones/0, justification: Beta slip agreed with the sponsor}\n",
            StringComparison.Ordinal);

        RuleHarness.Findings(RuleId, content).Should().BeEmpty();
        RuleHarness.Findings("GOV408", content).Should().ContainSingle().Which.Suppression.Should().NotBeNull();
    }

    [Test]
    public void An_invalid_suppression_of_GOV408_does_not_set_it_aside()
    {
        var content = PlanAnd(GreenReport("status-latest", "2026-10-30")).Replace(
            "  id: plan-billing\n",
            "  id: plan-billing\n  suppressions:\n    - {rule: GOV408, justification: agreed, expires: 2026-10-31}\n",
            StringComparison.Ordinal);

        RuleHarness.Findings(RuleId, content).Should().ContainSingle();
    }
}
