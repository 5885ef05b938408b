using Governance.Rules.Engine;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Rules;

[TestFixture]
[Category("GOV411")]
public sealed class GOV411StakeholderRegisterIncompleteTests
{
    private const string RuleId = "GOV411";
    private const string Empty = "Stakeholder register is empty; list the project's stakeholders (sponsor, customers, users, team and others) with their role, interest and influence";
    private const string NoSponsor = "No stakeholder has role sponsor; name the project's sponsor in the stakeholder register";
    private const string Rate = "rate it low or high so that the stakeholder is managed accordingly";

    [TestCase("", TestName = "Empty register: key absent")]
    [TestCase("  stakeholders: []", TestName = "Empty register: empty list")]
    [TestCase("  stakeholders:", TestName = "Empty register: null")]
    [TestCase("  stakeholders: [{}, ~]", TestName = "Empty register: only blank entries")]
    public void An_empty_register_is_an_error_at_spec_and_nothing_else(string stakeholders)
    {
        var yaml = $"""
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata:
              id: plan-billing
            spec:
              projectId: project-billing
            {stakeholders}
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, Empty, "plan-billing", "/spec", 6, 3));
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

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(new ExpectedFinding(Severity.Error, Empty, "plan-billing", string.Empty, 1, 1));
    }

    [Test]
    public void A_register_without_sponsor_is_a_warning_at_the_register()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata:
              id: plan-billing
            spec:
              stakeholders:
                - { personId: p-cfo, role: customer, interest: high, influence: high }
                - { name: Finance team, role: user, interest: high, influence: low }
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, NoSponsor, "plan-billing", "/spec/stakeholders", 7, 5));
    }

    [Test]
    public void Each_stakeholder_without_interest_or_influence_is_a_warning_at_the_stakeholder()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata:
              id: plan-billing
            spec:
              stakeholders:
                - { personId: p-dana, role: sponsor, interest: high, influence: high }
                - { personId: p-cfo, role: customer, influence: high }
                - { name: Finance team, role: user, interest: low }
                - { role: regulator }
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Stakeholder 'p-cfo' has no interest; {Rate}", "plan-billing", "/spec/stakeholders/1", 8, 7),
            new ExpectedFinding(Severity.Warning, $"Stakeholder 'Finance team' has no influence; {Rate}", "plan-billing", "/spec/stakeholders/2", 9, 7),
            new ExpectedFinding(Severity.Warning, $"Stakeholder at index 3 has no interest or influence; {Rate}", "plan-billing", "/spec/stakeholders/3", 10, 7));
    }

    [Test]
    public void Stakeholders_are_named_with_the_portfolio_name_of_the_person()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: Portfolio
            metadata:
              id: portfolio
            spec:
              name: Finance
              people:
                - { id: p-cfo, name: Chris Doe }
            ---
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata:
              id: plan-billing
            spec:
              stakeholders:
                - { personId: p-cfo, role: sponsor }
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Stakeholder 'p-cfo' (Chris Doe) has no interest or influence; {Rate}", "plan-billing", "/spec/stakeholders/0", 16, 7));
    }

    [Test]
    public void A_complete_register_with_a_sponsor_does_not_fire()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata:
              id: plan-billing
            spec:
              stakeholders:
                - {}
                - { personId: p-dana, role: sponsor, interest: high, influence: high }
                - { name: Finance team, interest: high, influence: low }
            """;

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [TestCase(Severity.Info)]
    [TestCase(Severity.Error)]
    public void A_configured_severity_applies_to_both_cases(Severity configured)
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata:
              id: plan-billing
            spec:
              stakeholders:
                - { personId: p-cfo, role: customer }
            """;

        RuleHarness.Findings(RuleId, yaml, rules: RuleHarness.WithSeverity(RuleId, configured)).Select(f => f.Severity).Should().Equal(configured, configured);
        RuleHarness.Findings(RuleId, "apiVersion: governance/v1\nkind: ProjectPlan\nmetadata:\n  id: plan-billing\nspec: {}\n", rules: RuleHarness.WithSeverity(RuleId, configured))
            .Should().ContainSingle().Which.Severity.Should().Be(configured);
    }

    [Test]
    public void Json_input_points_at_the_register_and_the_stakeholder()
    {
        const string json = """
            {
              "apiVersion": "governance/v1",
              "kind": "ProjectPlan",
              "metadata": { "id": "plan-billing" },
              "spec": {
                "stakeholders": [
                  { "personId": "p-cfo", "role": "customer", "interest": "high" }
                ]
              }
            }
            """;

        RuleHarness.Findings(RuleId, json, file: "plan.json").ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, NoSponsor, "plan-billing", "/spec/stakeholders", 6, 21),
            new ExpectedFinding(Severity.Warning, $"Stakeholder 'p-cfo' has no influence; {Rate}", "plan-billing", "/spec/stakeholders/0", 7, 7));
    }
}
