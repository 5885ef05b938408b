using Governance.Rules.Engine;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Rules;

[TestFixture]
[Category("GOV401")]
public sealed class GOV401PlanHasNoRiskRegisterTests
{
    private const string RuleId = "GOV401";

    [Test]
    public void A_plan_without_a_risk_register_fires_at_spec()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata:
              id: plan-billing
            spec:
              projectId: project-billing
              schedule:
                start: 2026-09-01
                end: 2027-03-31
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, "Plan's risk register holds 0 risk(s); at least 1 expected", "plan-billing", "/spec", 6, 3));
    }

    [TestCase("riskRegister: []", TestName = "Blank register: empty list")]
    [TestCase("riskRegister:", TestName = "Blank register: null")]
    [TestCase("riskRegister: ~", TestName = "Blank register: explicit null")]
    public void A_blank_risk_register_counts_zero_and_fires_at_its_holder(string registerLine)
    {
        var yaml = $"""
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata:
              id: plan-billing
            spec:
              projectId: project-billing
              {registerLine}
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, "Plan's risk register holds 0 risk(s); at least 1 expected", "plan-billing", "/spec", 6, 3));
    }

    [Test]
    public void An_empty_spec_is_the_holder()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata:
              id: plan-billing
            spec: {}
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, "Plan's risk register holds 0 risk(s); at least 1 expected", "plan-billing", "/spec", 5, 7));
    }

    [Test]
    public void Without_a_spec_the_finding_points_at_the_document_root()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata:
              id: plan-billing
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, "Plan's risk register holds 0 risk(s); at least 1 expected", "plan-billing", string.Empty, 1, 1));
    }

    [Test]
    public void Exactly_minRisks_risks_do_not_fire()
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
                  probability: 3
                  impact: 4
                  owner: p-dana
                  response: mitigate
                  status: open
            """;

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [TestCase("closed")]
    [TestCase("occurred")]
    [TestCase("mitigating")]
    public void Risks_count_whatever_their_status(string status)
    {
        var yaml = $"""
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata:
              id: plan-billing
            spec:
              riskRegister:
                - id: r-1
                  title: Payment provider migration slips
                  status: {status}
            """;

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [Test]
    public void An_incomplete_risk_still_counts()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata:
              id: plan-billing
            spec:
              riskRegister:
                - title: Key engineer leaves
            """;

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [Test]
    public void An_empty_object_is_not_a_risk_and_the_finding_points_at_the_register()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata:
              id: plan-billing
            spec:
              riskRegister: [{}]
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, "Plan's risk register holds 0 risk(s); at least 1 expected", "plan-billing", "/spec/riskRegister", 6, 17));
    }

    [Test]
    public void Option_minRisks_three_with_two_risks_fires_at_the_register()
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
                  status: open
                - id: r-2
                  title: Auditor unavailable in Q1
                  status: closed
            """;

        RuleHarness.Findings(RuleId, yaml, rules: RuleHarness.WithOptions(RuleId, new { minRisks = 3 })).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, "Plan's risk register holds 2 risk(s); at least 3 expected", "plan-billing", "/spec/riskRegister", 7, 5));
    }

    [Test]
    public void Option_minRisks_three_with_three_risks_of_any_status_does_not_fire()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata:
              id: plan-billing
            spec:
              riskRegister:
                - { id: r-1, status: open }
                - { id: r-2, status: closed }
                - { id: r-3, status: occurred }
            """;

        RuleHarness.Findings(RuleId, yaml, rules: RuleHarness.WithOptions(RuleId, new { minRisks = 3 })).Should().BeEmpty();
    }

    [Test]
    public void Option_minRisks_zero_accepts_a_plan_without_register()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata:
              id: plan-billing
            spec: {}
            """;

        RuleHarness.Findings(RuleId, yaml, rules: RuleHarness.WithOptions(RuleId, new { minRisks = 0 })).Should().BeEmpty();
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
            spec: {}
            """;

        RuleHarness.Findings(RuleId, yaml, rules: RuleHarness.WithSeverity(RuleId, configured)).ShouldBeExactly(
            new ExpectedFinding(configured, "Plan's risk register holds 0 risk(s); at least 1 expected", "plan-billing", "/spec", 5, 7));
    }

    [Test]
    public void Json_input_reports_lines_and_columns_of_the_json_nodes()
    {
        const string json = """
            [
              {
                "apiVersion": "governance/v1",
                "kind": "ProjectPlan",
                "metadata": { "id": "plan-billing" },
                "spec": { "riskRegister": [] }
              },
              {
                "apiVersion": "governance/v1",
                "kind": "ProjectPlan",
                "metadata": { "id": "plan-payments" },
                "spec": {
                  "riskRegister": [ { "id": "r-1", "status": "closed" } ]
                }
              },
              {
                "apiVersion": "governance/v1",
                "kind": "ProjectPlan",
                "metadata": { "id": "plan-ledger" }
              }
            ]
            """;

        RuleHarness.Findings(RuleId, json, file: "plans.json", rules: RuleHarness.WithOptions(RuleId, new { minRisks = 2 })).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, "Plan's risk register holds 0 risk(s); at least 2 expected", "plan-billing", "/spec", 6, 13),
            new ExpectedFinding(Severity.Error, "Plan's risk register holds 1 risk(s); at least 2 expected", "plan-payments", "/spec/riskRegister", 13, 23),
            new ExpectedFinding(Severity.Error, "Plan's risk register holds 0 risk(s); at least 2 expected", "plan-ledger", string.Empty, 16, 3));
    }

    [Test]
    public void Other_kinds_are_not_checked()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: Project
            metadata:
              id: project-billing
            spec: {}
            """;

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [Test]
    public void A_null_spec_is_absent_and_the_finding_points_at_the_root()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata:
              id: plan-billing
            spec:
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, "Plan's risk register holds 0 risk(s); at least 1 expected", "plan-billing", string.Empty, 1, 1));
    }

    [Test]
    public void A_register_of_null_entries_holds_no_risk()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata:
              id: plan-billing
            spec:
              riskRegister: [null]
            """;

        // Neither a schema error nor a rule failure; the other plan rules report what else this plan lacks.
        RuleHarness.Analyze(yaml).Findings.Where(f => f.RuleId is RuleId or "GOV002" or "GOV009")
            .Select(f => (f.RuleId, f.Pointer)).Should().Equal((RuleId, "/spec/riskRegister"));
    }
}
