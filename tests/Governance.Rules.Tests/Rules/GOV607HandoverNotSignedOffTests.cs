using Governance.Rules.Engine;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Rules;

[TestFixture]
[Category("GOV607")]
public sealed class GOV607HandoverNotSignedOffTests
{
    private const string RuleId = "GOV607";
    private const string Advice = "record who signed the handover off and when in signOff.by and signOff.date";

    private static string Handover(string signOff) => $"""
        apiVersion: governance/v1
        kind: Handover
        metadata:
          id: handover-billing
        spec:
          projectId: project-billing
          {signOff}
        """;

    private static string Project(string status) => $"""
        ---
        apiVersion: governance/v1
        kind: Project
        metadata:
          id: project-billing
        spec:
          phase: closing
          status: {status}
        """;

    [Test]
    public void No_sign_off_while_the_project_is_completed_is_an_error_at_spec()
    {
        var yaml = Handover("status: inReview") + "\n" + Project("completed");

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"Handover has no signOff while project 'project-billing' is completed; {Advice}", "handover-billing", "/spec", 6, 3));
    }

    [TestCase("inProgress")]
    [TestCase("onHold")]
    [TestCase("cancelled")]
    [TestCase("~")]
    public void No_sign_off_while_the_project_is_not_completed_is_a_warning(string status)
    {
        var yaml = Handover("status: inReview") + "\n" + Project(status);

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Handover has no signOff; {Advice}", "handover-billing", "/spec", 6, 3));
    }

    [Test]
    public void No_sign_off_for_an_unknown_project_is_a_warning()
    {
        RuleHarness.Findings(RuleId, Handover("status: draft")).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Handover has no signOff; {Advice}", "handover-billing", "/spec", 6, 3));
    }

    [TestCase("signOff:", TestName = "Blank sign-off: null")]
    [TestCase("signOff: {}", TestName = "Blank sign-off: empty object")]
    [TestCase("signOff: { by: '', date: ~ }", TestName = "Blank sign-off: blank fields")]
    public void A_blank_sign_off_counts_as_missing_at_spec(string signOff)
    {
        RuleHarness.Findings(RuleId, Handover(signOff) + "\n" + Project("completed")).Select(f => (f.Severity, f.Message, f.Pointer)).Should().Equal(
            (Severity.Error, $"Handover has no signOff while project 'project-billing' is completed; {Advice}", "/spec"));
    }

    [Test]
    public void A_sign_off_without_date_counts_as_missing_and_points_at_the_sign_off()
    {
        var yaml = Handover("signOff: { by: p-ops-lead }") + "\n" + Project("completed");

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"Handover's signOff has no date while project 'project-billing' is completed; {Advice}", "handover-billing", "/spec/signOff", 7, 12));
    }

    [Test]
    public void A_sign_off_without_by_counts_as_missing_and_points_at_the_sign_off()
    {
        var yaml = Handover("""
            signOff:
                date: 2026-10-30
            """);

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Handover's signOff has no by; {Advice}", "handover-billing", "/spec/signOff", 8, 5));
    }

    [Test]
    public void A_complete_sign_off_does_not_fire()
    {
        RuleHarness.Findings(RuleId, Handover("signOff: { by: p-ops-lead, date: 2026-10-30 }") + "\n" + Project("completed")).Should().BeEmpty();
    }

    [Test]
    public void The_project_is_found_by_the_handovers_projectId()
    {
        var other = Project("completed").Replace("id: project-billing", "id: project-payments", StringComparison.Ordinal);

        RuleHarness.Findings(RuleId, Handover("status: draft") + "\n" + other)
            .Should().ContainSingle().Which.Severity.Should().Be(Severity.Warning);
    }

    [TestCase(Severity.Info)]
    [TestCase(Severity.Error)]
    public void A_configured_severity_applies_to_both_cases(Severity configured)
    {
        var rules = RuleHarness.WithSeverity(RuleId, configured);

        RuleHarness.Findings(RuleId, Handover("status: draft"), rules: rules).Should().ContainSingle().Which.Severity.Should().Be(configured);
        RuleHarness.Findings(RuleId, Handover("status: draft") + "\n" + Project("completed"), rules: rules)
            .Should().ContainSingle().Which.Severity.Should().Be(configured);
    }

    [Test]
    public void Json_input_points_at_the_incomplete_sign_off()
    {
        const string json = """
            [
              {
                "apiVersion": "governance/v1",
                "kind": "Project",
                "metadata": { "id": "project-billing" },
                "spec": { "status": "completed" }
              },
              {
                "apiVersion": "governance/v1",
                "kind": "Handover",
                "metadata": { "id": "handover-billing" },
                "spec": { "projectId": "project-billing", "signOff": { "date": "2026-10-30" } }
              }
            ]
            """;

        RuleHarness.Findings(RuleId, json, file: "portfolio.json").ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"Handover's signOff has no by while project 'project-billing' is completed; {Advice}", "handover-billing", "/spec/signOff", 12, 58));
    }
}
