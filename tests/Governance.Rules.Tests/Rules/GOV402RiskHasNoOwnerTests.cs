using Governance.Rules.Engine;
using Governance.Rules.Loading;
using Governance.Rules.Model;
using Governance.Rules.Rules;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Rules;

[TestFixture]
[Category("GOV402")]
public sealed class GOV402RiskHasNoOwnerTests
{
    private const string RuleId = "GOV402";
    private const string Act = "name the person who watches it and carries out its response";

    [Test]
    public void A_risk_without_owner_fires_at_the_risk()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata:
              id: plan-billing
            spec:
              riskRegister:
                - id: r-1
                  title: Payment provider migration slips
                  owner: p-dana
                - id: r-2
                  title: Auditor unavailable in Q1
                  probability: 2
                  impact: 3
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"Risk 'r-2' (Auditor unavailable in Q1) has no owner; {Act}", "plan-billing", "/spec/riskRegister/1", 10, 7));
    }

    [TestCase("owner: \"\"", TestName = "Blank owner: empty string")]
    [TestCase("owner: \"   \"", TestName = "Blank owner: whitespace")]
    [TestCase("owner:", TestName = "Blank owner: null")]
    [TestCase("status: open", TestName = "Blank owner: key absent")]
    public void Blank_and_absent_owners_fire_alike_at_the_risk(string ownerLine)
    {
        var yaml = $"""
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata:
              id: plan-billing
            spec:
              riskRegister:
                - id: r-1
                  {ownerLine}
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"Risk 'r-1' has no owner; {Act}", "plan-billing", "/spec/riskRegister/0", 7, 7));
    }

    [TestCase("open")]
    [TestCase("mitigating")]
    [TestCase("occurred")]
    [TestCase("closed")]
    public void Every_status_is_checked(string status)
    {
        var yaml = $"""
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata:
              id: plan-billing
            spec:
              riskRegister:
                - id: r-1
                  status: {status}
            """;

        RuleHarness.Findings(RuleId, yaml).Should().ContainSingle().Which.Pointer.Should().Be("/spec/riskRegister/0");
    }

    [Test]
    public void Risks_with_owners_and_plans_without_register_do_not_fire()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata:
              id: plan-billing
            spec:
              riskRegister:
                - id: r-1
                  owner: p-dana
            ---
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata:
              id: plan-payments
            spec: {}
            """;

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [Test]
    public void Risks_are_named_by_id_title_or_index_and_empty_entries_are_skipped()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata:
              id: plan-billing
            spec:
              riskRegister:
                - {}
                -
                - title: Key engineer leaves
                - status: open
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"Risk 'Key engineer leaves' has no owner; {Act}", "plan-billing", "/spec/riskRegister/2", 9, 7),
            new ExpectedFinding(Severity.Error, $"Risk at index 3 has no owner; {Act}", "plan-billing", "/spec/riskRegister/3", 10, 7));
    }

    [TestCase(Severity.Warning)]
    [TestCase(Severity.Info)]
    public void A_configured_severity_replaces_the_default(Severity configured)
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata:
              id: plan-billing
            spec:
              riskRegister:
                - id: r-1
            """;

        RuleHarness.Findings(RuleId, yaml, rules: RuleHarness.WithSeverity(RuleId, configured)).ShouldBeExactly(
            new ExpectedFinding(configured, $"Risk 'r-1' has no owner; {Act}", "plan-billing", "/spec/riskRegister/0", 7, 7));
    }

    [Test]
    public void Json_input_points_at_the_risk()
    {
        const string json = """
            {
              "apiVersion": "governance/v1",
              "kind": "ProjectPlan",
              "metadata": { "id": "plan-billing" },
              "spec": {
                "riskRegister": [
                  { "id": "r-1", "owner": "p-dana" },
                  { "id": "r-2", "owner": "" }
                ]
              }
            }
            """;

        RuleHarness.Findings(RuleId, json, file: "plan.json").ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"Risk 'r-2' has no owner; {Act}", "plan-billing", "/spec/riskRegister/1", 8, 7));
    }

    [Test]
    public void Null_risks_in_memory_are_skipped_safely()
    {
        var plan = new ProjectPlan
        {
            Kind = "ProjectPlan",
            Metadata = new ArtifactMetadata { Id = "plan-billing" },
            Spec = new ProjectPlanSpec { RiskRegister = [null!, new Risk { Id = "r-1" }] },
        };
        var engine = new GovernanceEngine(BuiltInRules.Create(), new ArtifactLoader(), TimeProvider.System);

        var findings = engine.Analyze([plan], new AnalysisOptions { AsOf = RuleHarness.DefaultToday }).Findings;

        findings.Where(f => f.RuleId == "GOV009").Should().BeEmpty();
        findings.Where(f => f.RuleId == RuleId).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"Risk 'r-1' has no owner; {Act}", "plan-billing", "/spec/riskRegister/1", 0, 0));
    }
}
