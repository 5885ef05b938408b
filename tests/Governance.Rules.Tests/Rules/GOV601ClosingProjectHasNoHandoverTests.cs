using Governance.Rules.Engine;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Rules;

[TestFixture]
[Category("GOV601")]
public sealed class GOV601ClosingProjectHasNoHandoverTests
{
    private const string RuleId = "GOV601";
    private const string Advice = "hand its output over to operations with a Handover, or tag the project with one of exemptTags [no-ops] when nothing is handed over";

    private static string Project(string phase, string status, string tags = "[]") => $"""
        apiVersion: governance/v1
        kind: Project
        metadata:
          id: project-billing
          tags: {tags}
        spec:
          phase: {phase}
          status: {status}
        """;

    private static string Handover(string projectId) => $"""
        ---
        apiVersion: governance/v1
        kind: Handover
        metadata:
          id: handover-billing
        spec:
          projectId: {projectId}
          receivingOwner: p-ops
        """;

    [TestCase("closing", "inProgress", "in phase closing")]
    [TestCase("closed", "inProgress", "in phase closed")]
    [TestCase("closed", "onHold", "in phase closed")]
    [TestCase("execution", "completed", "completed (phase execution)")]
    [TestCase("closed", "completed", "completed (phase closed)")]
    [TestCase("~", "completed", "completed")]
    public void A_closing_or_completed_project_without_handover_fires_at_the_root(string phase, string status, string state)
    {
        RuleHarness.Findings(RuleId, Project(phase, status)).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"Project is {state} but no Handover has projectId 'project-billing'; {Advice}",
                "project-billing", "", 1, 1));
    }

    [TestCase("initiation", "inProgress")]
    [TestCase("planning", "notStarted")]
    [TestCase("execution", "inProgress")]
    [TestCase("monitoring", "onHold")]
    [TestCase("~", "inProgress")]
    [TestCase("~", "~")]
    public void Projects_that_are_not_closing_do_not_fire(string phase, string status)
    {
        RuleHarness.Findings(RuleId, Project(phase, status)).Should().BeEmpty();
    }

    [TestCase("closing")]
    [TestCase("closed")]
    public void Cancelled_projects_are_exempt(string phase)
    {
        RuleHarness.Findings(RuleId, Project(phase, "cancelled")).Should().BeEmpty();
    }

    [Test]
    public void A_handover_naming_the_project_satisfies_the_rule()
    {
        RuleHarness.Findings(RuleId, Project("closed", "completed") + "\n" + Handover("project-billing")).Should().BeEmpty();
    }

    [Test]
    public void A_handover_of_another_project_does_not_count()
    {
        RuleHarness.Findings(RuleId, Project("closing", "inProgress") + "\n" + Handover("project-payments"))
            .Should().ContainSingle().Which.Pointer.Should().Be("");
    }

    [Test]
    public void A_handoverId_on_the_project_alone_does_not_count()
    {
        var yaml = Project("closing", "inProgress") + "\n  handoverId: handover-billing\n" + Handover("project-payments");

        RuleHarness.Findings(RuleId, yaml).Should().ContainSingle();
    }

    [TestCase("[no-ops]")]
    [TestCase("[billing, No-Ops]")]
    public void Projects_tagged_with_an_exempt_tag_are_exempt(string tags)
    {
        RuleHarness.Findings(RuleId, Project("closed", "completed", tags)).Should().BeEmpty();
    }

    [Test]
    public void Other_tags_do_not_exempt()
    {
        RuleHarness.Findings(RuleId, Project("closed", "completed", "[internal, no-opsx]")).Should().ContainSingle();
    }

    [Test]
    public void Option_exemptTags_replaces_the_default()
    {
        var rules = RuleHarness.WithOptions(RuleId, new { exemptTags = new[] { "internal-tool", "prototype" } });

        RuleHarness.Findings(RuleId, Project("closed", "completed", "[prototype]"), rules: rules).Should().BeEmpty();
        RuleHarness.Findings(RuleId, Project("closed", "completed", "[no-ops]"), rules: rules).Select(f => f.Message).Should().Equal(
            "Project is completed (phase closed) but no Handover has projectId 'project-billing'; hand its output over to operations with a Handover, or tag the project with one of exemptTags [internal-tool, prototype] when nothing is handed over");
    }

    [Test]
    public void A_configured_severity_applies()
    {
        RuleHarness.Findings(RuleId, Project("closing", "inProgress"), rules: RuleHarness.WithSeverity(RuleId, Severity.Warning))
            .Should().ContainSingle().Which.Severity.Should().Be(Severity.Warning);
    }

    [Test]
    public void Json_input_points_at_the_project_object()
    {
        const string json = """
            [
              {
                "apiVersion": "governance/v1",
                "kind": "Handover",
                "metadata": { "id": "handover-payments" },
                "spec": { "projectId": "project-payments" }
              },
              {
                "apiVersion": "governance/v1",
                "kind": "Project",
                "metadata": { "id": "project-billing" },
                "spec": { "phase": "closing", "status": "inProgress" }
              }
            ]
            """;

        RuleHarness.Findings(RuleId, json, file: "portfolio.json").ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"Project is in phase closing but no Handover has projectId 'project-billing'; {Advice}",
                "project-billing", "", 8, 3));
    }
}
