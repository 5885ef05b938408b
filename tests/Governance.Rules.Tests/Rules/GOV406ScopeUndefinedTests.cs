using Governance.Rules.Engine;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Rules;

[TestFixture]
[Category("GOV406")]
public sealed class GOV406ScopeUndefinedTests
{
    private const string RuleId = "GOV406";
    private const string NoScope = "Plan has no scope; list what the project delivers in scope.inScope and what it will not do in scope.outOfScope";
    private const string NoInScope = "Plan lists nothing in scope.inScope; list what the project delivers";
    private const string NoOutOfScope = "Plan lists nothing in scope.outOfScope; say what the project will not do, so that the boundary is explicit";

    [Test]
    public void A_plan_without_scope_gets_the_error_only_at_spec()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata:
              id: plan-billing
            spec:
              projectId: project-billing
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, NoScope, "plan-billing", "/spec", 6, 3));
    }

    [TestCase("scope: {}", TestName = "Missing scope: empty object")]
    [TestCase("scope:", TestName = "Missing scope: null")]
    [TestCase("scope: { inScope: ~ }", TestName = "Missing scope: only a null key")]
    public void A_blank_scope_is_a_missing_scope(string scopeLine)
    {
        var yaml = $"""
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata:
              id: plan-billing
            spec:
              projectId: project-billing
              {scopeLine}
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, NoScope, "plan-billing", "/spec", 6, 3));
    }

    [Test]
    public void Without_spec_the_finding_points_at_the_document_root()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata:
              id: plan-billing
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, NoScope, "plan-billing", string.Empty, 1, 1));
    }

    [TestCase("inScope: []")]
    [TestCase("inScope: [\"\", \" \"]")]
    [TestCase("deliverables: [{ id: d-1, name: Invoice API }]")]
    public void Nothing_in_scope_is_an_error_at_the_scope(string inScopeLine)
    {
        var yaml = $"""
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata:
              id: plan-billing
            spec:
              scope:
                {inScopeLine}
                outOfScope: [Mobile app]
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, NoInScope, "plan-billing", "/spec/scope", 7, 5));
    }

    [TestCase("outOfScope: []")]
    [TestCase("deliverables: [{ id: d-1, name: Invoice API }]")]
    public void Nothing_out_of_scope_is_info_at_the_scope(string outOfScopeLine)
    {
        var yaml = $"""
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata:
              id: plan-billing
            spec:
              scope:
                inScope: [Invoice API, Dunning e-mails]
                {outOfScopeLine}
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Info, NoOutOfScope, "plan-billing", "/spec/scope", 7, 5));
    }

    [Test]
    public void A_scope_with_both_lists_empty_gets_the_error_and_the_info()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata:
              id: plan-billing
            spec:
              scope:
                inScope: []
                outOfScope: []
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, NoInScope, "plan-billing", "/spec/scope", 7, 5),
            new ExpectedFinding(Severity.Info, NoOutOfScope, "plan-billing", "/spec/scope", 7, 5));
    }

    [Test]
    public void A_complete_scope_does_not_fire()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata:
              id: plan-billing
            spec:
              scope:
                inScope: [Invoice API]
                outOfScope: [Mobile app]
            """;

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [TestCase(Severity.Warning)]
    [TestCase(Severity.Error)]
    public void A_configured_severity_applies_to_both_cases(Severity configured)
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata:
              id: plan-billing
            spec:
              scope:
                inScope: []
            """;

        RuleHarness.Findings(RuleId, yaml, rules: RuleHarness.WithSeverity(RuleId, configured))
            .Select(f => f.Severity).Should().Equal(configured, configured);
    }

    [Test]
    public void Json_input_points_at_the_scope()
    {
        const string json = """
            {
              "apiVersion": "governance/v1",
              "kind": "ProjectPlan",
              "metadata": { "id": "plan-billing" },
              "spec": {
                "scope": { "inScope": ["Invoice API"] }
              }
            }
            """;

        RuleHarness.Findings(RuleId, json, file: "plan.json").ShouldBeExactly(
            new ExpectedFinding(Severity.Info, NoOutOfScope, "plan-billing", "/spec/scope", 6, 14));
    }
}
