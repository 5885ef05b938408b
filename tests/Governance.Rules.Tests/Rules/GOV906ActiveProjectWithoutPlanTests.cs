using Governance.Rules.Engine;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Rules;

[TestFixture]
[Category("GOV906")]
public sealed class GOV906ActiveProjectWithoutPlanTests
{
    private const string RuleId = "GOV906";

    private static string Project(string status, string? phase = "execution", string extra = "", string id = "project-billing") => $"""
        apiVersion: governance/v1
        kind: Project
        metadata:
          id: {id}
          title: Billing migration
        spec:
          sponsor: p-amara
          projectManager: p-priya
        {(phase is null ? string.Empty : "  phase: " + phase)}
          status: {status}
        {extra}
        """;

    private static string Plan(string projectId = "project-billing", string id = "plan-billing") => $"""
        apiVersion: governance/v1
        kind: ProjectPlan
        metadata:
          id: {id}
        spec:
          projectId: {projectId}
        """;

    private static string Stream(params string[] documents) => string.Join("\n---\n", documents);

    private static ExpectedFinding Finding(string state, string? fix = null) => new(
        Severity.Error,
        $"Project 'project-billing' (Billing migration) is {state} but has no ProjectPlan; {fix ?? "add a ProjectPlan with projectId 'project-billing' (scope, schedule, budget, resources, risks)"}",
        "project-billing", string.Empty, 1, 1);

    [TestCase("inProgress", "execution", "in progress")]
    [TestCase("inProgress", "initiation", "in progress")]
    [TestCase("inProgress", null, "in progress")]
    [TestCase("onHold", "initiation", "on hold")]
    [TestCase("onHold", "monitoring", "on hold")]
    public void A_project_in_progress_or_on_hold_without_plan_is_an_error_at_the_project(string status, string? phase, string state)
    {
        RuleHarness.Findings(RuleId, Project(status, phase)).ShouldBeExactly(Finding(state));
    }

    [TestCase("planning")]
    [TestCase("execution")]
    [TestCase("monitoring")]
    [TestCase("closing")]
    [TestCase("closed")]
    public void A_project_not_started_but_past_initiation_needs_a_plan(string phase)
    {
        RuleHarness.Findings(RuleId, Project("notStarted", phase)).ShouldBeExactly(Finding($"in phase '{phase}' (not started)"));
    }

    [Test]
    public void A_project_not_started_in_initiation_or_without_phase_does_not_need_one_yet()
    {
        RuleHarness.Findings(RuleId, Project("notStarted", "initiation")).Should().BeEmpty();
        RuleHarness.Findings(RuleId, Project("notStarted", null)).Should().BeEmpty();
    }

    [TestCase("completed")]
    [TestCase("cancelled")]
    public void Completed_and_cancelled_projects_are_not_checked(string status)
    {
        RuleHarness.Findings(RuleId, Project(status, "closed")).Should().BeEmpty();
    }

    [Test]
    public void A_project_without_status_is_not_checked()
    {
        RuleHarness.Findings(RuleId, Project("\"\"", "execution")).Should().BeEmpty();
    }

    [Test]
    public void A_plan_naming_the_project_satisfies_the_rule()
    {
        RuleHarness.Findings(RuleId, Stream(Project("inProgress"), Plan())).Should().BeEmpty();
        RuleHarness.Findings(RuleId, Stream(Plan(), Project("onHold"))).Should().BeEmpty();
    }

    [Test]
    public void A_plan_of_another_project_does_not_count()
    {
        RuleHarness.Findings(RuleId, Stream(Project("inProgress"), Plan("project-crm"))).ShouldBeExactly(Finding("in progress"));
    }

    [Test]
    public void The_plan_is_found_by_its_projectId_and_a_planId_pointing_elsewhere_is_explained()
    {
        var yaml = Stream(Project("inProgress", extra: "  planId: plan-billing"), Plan("project-crm"));

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            Finding("in progress", "ProjectPlan 'plan-billing', which planId names, names project 'project-crm': set its projectId to 'project-billing'"));
    }

    [Test]
    public void A_project_without_id_is_told_to_get_one()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: Project
            metadata:
              title: Billing migration
            spec:
              status: inProgress
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(new ExpectedFinding(
            Severity.Error,
            "Project (Billing migration) is in progress but has no ProjectPlan; give the project a metadata.id and add a ProjectPlan whose projectId names it",
            null, string.Empty, 1, 1));
    }

    [Test]
    public void A_configured_severity_applies()
    {
        RuleHarness.Findings(RuleId, Project("inProgress"), rules: RuleHarness.WithSeverity(RuleId, Severity.Warning))
            .Select(f => f.Severity).Should().Equal(Severity.Warning);
    }

    [Test]
    public void Json_input_points_at_the_project()
    {
        const string json = """
            {
              "apiVersion": "governance/v1",
              "kind": "Project",
              "metadata": { "id": "project-billing", "title": "Billing migration" },
              "spec": { "phase": "planning", "status": "notStarted" }
            }
            """;

        RuleHarness.Findings(RuleId, json, file: "project.json").ShouldBeExactly(Finding("in phase 'planning' (not started)"));
    }
}
