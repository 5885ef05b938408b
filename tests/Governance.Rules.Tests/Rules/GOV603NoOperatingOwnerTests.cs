using Governance.Rules.Engine;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Rules;

[TestFixture]
[Category("GOV603")]
public sealed class GOV603NoOperatingOwnerTests
{
    private const string RuleId = "GOV603";
    private const string NoReceiving = "Handover has no receivingOwner; name the person who owns and maintains the output after the handover";
    private const string NoOnCall = "Handover has no operations.onCallOwner; name the person who is on call for the handed-over service";

    private static string Handover(string body) => $"""
        apiVersion: governance/v1
        kind: Handover
        metadata:
          id: handover-billing
        spec:
          projectId: project-billing
        {body}
        """;

    [Test]
    public void Both_owners_present_does_not_fire()
    {
        var yaml = Handover("""
              receivingOwner: p-ops-lead
              operations:
                onCallOwner: p-oncall
            """);

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [Test]
    public void A_blank_receiving_owner_fires_at_spec()
    {
        var yaml = Handover("""
              receivingOwner: '  '
              operations:
                onCallOwner: p-oncall
            """);

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, NoReceiving, "handover-billing", "/spec", 6, 3));
    }

    [TestCase("onCallOwner: ''", TestName = "Blank on-call owner: empty string")]
    [TestCase("onCallOwner:", TestName = "Blank on-call owner: null")]
    [TestCase("escalationPath: Page the billing team lead", TestName = "Blank on-call owner: key absent")]
    public void A_blank_on_call_owner_fires_at_operations(string line)
    {
        var yaml = Handover($"""
              receivingOwner: p-ops-lead
              operations:
                {line}
                slos: [name: availability]
            """);

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, NoOnCall, "handover-billing", "/spec/operations", 9, 5));
    }

    [TestCase("", TestName = "No operations: key absent")]
    [TestCase("operations:", TestName = "No operations: null")]
    [TestCase("operations: {}", TestName = "No operations: empty object")]
    public void Without_operations_the_on_call_owner_fires_at_spec(string line)
    {
        var yaml = Handover($"""
              receivingOwner: p-ops-lead
              {line}
            """);

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, NoOnCall, "handover-billing", "/spec", 6, 3));
    }

    [Test]
    public void One_finding_per_blank_owner()
    {
        var yaml = Handover("""
              operations:
                escalationPath: Page the billing team lead
            """);

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, NoReceiving, "handover-billing", "/spec", 6, 3),
            new ExpectedFinding(Severity.Error, NoOnCall, "handover-billing", "/spec/operations", 8, 5));
    }

    [Test]
    public void Both_blank_without_operations_give_two_findings_at_spec()
    {
        // Findings at one location come out ordered by message (SPEC §B).
        RuleHarness.Findings(RuleId, Handover(string.Empty)).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, NoOnCall, "handover-billing", "/spec", 6, 3),
            new ExpectedFinding(Severity.Error, NoReceiving, "handover-billing", "/spec", 6, 3));
    }

    [Test]
    public void A_configured_severity_applies()
    {
        RuleHarness.Findings(RuleId, Handover(string.Empty), rules: RuleHarness.WithSeverity(RuleId, Severity.Warning))
            .Should().HaveCount(2).And.OnlyContain(f => f.Severity == Severity.Warning);
    }

    [Test]
    public void Json_input_points_at_the_holders()
    {
        const string json = """
            {
              "apiVersion": "governance/v1",
              "kind": "Handover",
              "metadata": { "id": "handover-billing" },
              "spec": {
                "receivingOwner": "",
                "operations": { "escalationPath": "Page the team lead", "onCallOwner": null }
              }
            }
            """;

        RuleHarness.Findings(RuleId, json, file: "handover.json").ShouldBeExactly(
            new ExpectedFinding(Severity.Error, NoReceiving, "handover-billing", "/spec", 5, 11),
            new ExpectedFinding(Severity.Error, NoOnCall, "handover-billing", "/spec/operations", 7, 19));
    }
}
