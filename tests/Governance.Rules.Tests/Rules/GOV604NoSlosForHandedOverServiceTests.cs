using Governance.Rules.Engine;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Rules;

[TestFixture]
[Category("GOV604")]
public sealed class GOV604NoSlosForHandedOverServiceTests
{
    private const string RuleId = "GOV604";
    private const string Message = "Handover has no SLOs in operations.slos; agree at least one service level objective (name, objectivePct, window) with the receiving team";

    private static string Handover(string body) => $"""
        apiVersion: governance/v1
        kind: Handover
        metadata:
          id: handover-billing
        spec:
          projectId: project-billing
        {body}
        """;

    [TestCase("slos: []", TestName = "Blank SLOs: empty list")]
    [TestCase("slos:", TestName = "Blank SLOs: null")]
    [TestCase("slos: [{}]", TestName = "Blank SLOs: only an empty object")]
    [TestCase("dashboards: [https://grafana.example.com/billing]", TestName = "Blank SLOs: key absent")]
    public void Operations_without_slos_fire_at_operations(string line)
    {
        var yaml = Handover($"""
              operations:
                onCallOwner: p-oncall
                {line}
            """);

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(new ExpectedFinding(Severity.Warning, Message, "handover-billing", "/spec/operations", 8, 5));
    }

    [TestCase("", TestName = "No operations: key absent")]
    [TestCase("operations:", TestName = "No operations: null")]
    [TestCase("operations: {}", TestName = "No operations: empty object")]
    public void Without_operations_it_fires_at_spec(string line)
    {
        RuleHarness.Findings(RuleId, Handover("  " + line)).ShouldBeExactly(new ExpectedFinding(Severity.Warning, Message, "handover-billing", "/spec", 6, 3));
    }

    [TestCase("{ name: availability, objectivePct: 99.9, window: 28d }")]
    [TestCase("{ name: p95 latency under 300 ms }")]
    public void One_slo_is_enough(string slo)
    {
        var yaml = Handover($"""
              operations:
                onCallOwner: p-oncall
                slos: [{slo}]
            """);

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [Test]
    public void Option_requireSlo_false_disables_the_check()
    {
        RuleHarness.Findings(RuleId, Handover(string.Empty), rules: RuleHarness.WithOptions(RuleId, new { requireSlo = false })).Should().BeEmpty();
        RuleHarness.Findings(RuleId, Handover(string.Empty), rules: RuleHarness.WithOptions(RuleId, new { requireSlo = true })).Should().ContainSingle();
    }

    [Test]
    public void A_configured_severity_applies()
    {
        RuleHarness.Findings(RuleId, Handover(string.Empty), rules: RuleHarness.WithSeverity(RuleId, Severity.Error))
            .Should().ContainSingle().Which.Severity.Should().Be(Severity.Error);
    }

    [Test]
    public void Json_input_points_at_operations()
    {
        const string json = """
            {
              "apiVersion": "governance/v1",
              "kind": "Handover",
              "metadata": { "id": "handover-billing" },
              "spec": {
                "operations": { "onCallOwner": "p-oncall", "slos": [] }
              }
            }
            """;

        RuleHarness.Findings(RuleId, json, file: "handover.json").ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, Message, "handover-billing", "/spec/operations", 6, 19));
    }
}
