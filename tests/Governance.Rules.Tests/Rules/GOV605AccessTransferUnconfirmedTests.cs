using Governance.Rules.Engine;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Rules;

[TestFixture]
[Category("GOV605")]
public sealed class GOV605AccessTransferUnconfirmedTests
{
    private const string RuleId = "GOV605";
    private const string Advice = "transfer access (accounts, credentials, admin rights, repositories) to the receiving team and set accessTransferred: true";

    private static string Handover(string line) => $"""
        apiVersion: governance/v1
        kind: Handover
        metadata:
          id: handover-billing
        spec:
          projectId: project-billing
          {line}
        """;

    [Test]
    public void False_fires_at_the_value()
    {
        RuleHarness.Findings(RuleId, Handover("accessTransferred: false")).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Handover's accessTransferred is false; {Advice}", "handover-billing", "/spec/accessTransferred", 7, 22));
    }

    [TestCase("accessTransferred:", TestName = "Unset: null")]
    [TestCase("receivingOwner: p-ops", TestName = "Unset: key absent")]
    public void Unset_fires_at_spec(string line)
    {
        RuleHarness.Findings(RuleId, Handover(line)).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Handover's accessTransferred is not set; {Advice}", "handover-billing", "/spec", 6, 3));
    }

    [Test]
    public void True_does_not_fire()
    {
        RuleHarness.Findings(RuleId, Handover("accessTransferred: true")).Should().BeEmpty();
    }

    [Test]
    public void A_value_that_is_not_a_boolean_counts_as_unset()
    {
        var result = RuleHarness.Analyze(Handover("accessTransferred: yes"));

        result.Findings.Should().Contain(f => f.RuleId == "GOV002");
        result.Findings.Where(f => f.RuleId == RuleId).Select(f => (f.Message, f.Pointer)).Should().Equal(($"Handover's accessTransferred is not set; {Advice}", "/spec"));
    }

    [Test]
    public void A_configured_severity_applies()
    {
        RuleHarness.Findings(RuleId, Handover("accessTransferred: false"), rules: RuleHarness.WithSeverity(RuleId, Severity.Error))
            .Should().ContainSingle().Which.Severity.Should().Be(Severity.Error);
    }

    [Test]
    public void Json_input_points_at_the_value()
    {
        const string json = """
            {
              "apiVersion": "governance/v1",
              "kind": "Handover",
              "metadata": { "id": "handover-billing" },
              "spec": { "projectId": "project-billing", "accessTransferred": false }
            }
            """;

        RuleHarness.Findings(RuleId, json, file: "handover.json").ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Handover's accessTransferred is false; {Advice}", "handover-billing", "/spec/accessTransferred", 5, 66));
    }
}
