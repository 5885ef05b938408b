using Governance.Rules.Engine;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Rules;

[TestFixture]
[Category("GOV413")]
public sealed class GOV413CommunicationPlanGapsTests
{
    private const string RuleId = "GOV413";
    private const string Empty = "Communication plan is empty; say who is told what, through which channel, how often and by whom";
    private const string Complete = "complete it so that the communication happens";
    private const string AddAudience = "add them to an entry's audience";

    private static string Uncovered(string name) =>
        $"High-interest, high-influence stakeholder {name} is named in no communication plan entry's audience; {AddAudience}";

    [TestCase("", TestName = "Empty plan: key absent")]
    [TestCase("  communicationPlan: []", TestName = "Empty plan: empty list")]
    [TestCase("  communicationPlan: [{}]", TestName = "Empty plan: only an empty entry")]
    public void An_empty_plan_fires_once_at_spec_even_with_uncovered_stakeholders(string plan)
    {
        var yaml = $$"""
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata:
              id: plan-billing
            spec:
              stakeholders:
                - { personId: p-cfo, role: sponsor, interest: high, influence: high }
            {{plan}}
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(new ExpectedFinding(Severity.Warning, Empty, "plan-billing", "/spec", 6, 3));
    }

    [Test]
    public void An_incomplete_entry_fires_at_the_entry_naming_what_is_missing()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata:
              id: plan-billing
            spec:
              communicationPlan:
                - { audience: [Steering committee], information: Status, channel: meeting, frequency: monthly, owner: p-dana }
                - { audience: [Finance team], information: Budget, frequency: weekly }
                - { information: Release notes, channel: email, frequency: perMilestone, owner: p-ann }
                - { audience: [], information: Everything }
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Communication plan entry at index 1 has no channel or owner; {Complete}", "plan-billing", "/spec/communicationPlan/1", 8, 7),
            new ExpectedFinding(Severity.Warning, $"Communication plan entry at index 2 has no audience; {Complete}", "plan-billing", "/spec/communicationPlan/2", 9, 7),
            new ExpectedFinding(Severity.Warning, $"Communication plan entry at index 3 has no audience, channel, frequency or owner; {Complete}", "plan-billing", "/spec/communicationPlan/3", 10, 7));
    }

    [Test]
    public void A_missing_information_alone_is_not_a_gap()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata:
              id: plan-billing
            spec:
              communicationPlan:
                - { audience: [Steering committee], channel: meeting, frequency: monthly, owner: p-dana }
            """;

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [Test]
    public void A_high_interest_high_influence_stakeholder_in_no_audience_fires_at_the_stakeholder()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata:
              id: plan-billing
            spec:
              stakeholders:
                - { personId: p-dana, role: sponsor, interest: high, influence: high }
                - { personId: p-cfo, role: customer, interest: high, influence: high }
                - { name: Works council, role: other, interest: high, influence: high }
                - { name: Finance team, role: user, interest: high, influence: low }
                - { name: Auditors, role: regulator, interest: low, influence: high }
              communicationPlan:
                - { audience: [P-DANA], channel: meeting, frequency: monthly, owner: p-dana }
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, Uncovered("'p-cfo'"), "plan-billing", "/spec/stakeholders/1", 8, 7),
            new ExpectedFinding(Severity.Warning, Uncovered("'Works council'"), "plan-billing", "/spec/stakeholders/2", 9, 7));
    }

    [TestCase("p-cfo", TestName = "Covered by the personId")]
    [TestCase("P-CFO", TestName = "Covered by the personId, case-insensitively")]
    [TestCase("chris doe", TestName = "Covered by the person's name in the Portfolio")]
    [TestCase("CFO office", TestName = "Covered by the stakeholder's name")]
    public void A_stakeholder_is_covered_by_its_personId_its_person_name_or_its_name(string audience)
    {
        var yaml = $$"""
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
                - { personId: p-cfo, name: CFO office, role: customer, interest: high, influence: high }
              communicationPlan:
                - { audience: [Board, "{{audience}}"], channel: email, frequency: weekly, owner: p-cfo }
            """;

        RuleHarness.Findings(RuleId, yaml).Should().BeEmpty();
    }

    [Test]
    public void Without_a_portfolio_the_person_name_is_unknown()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata:
              id: plan-billing
            spec:
              stakeholders:
                - { personId: p-cfo, role: customer, interest: high, influence: high }
              communicationPlan:
                - { audience: [Chris Doe], channel: email, frequency: weekly, owner: p-cfo }
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, Uncovered("'p-cfo'"), "plan-billing", "/spec/stakeholders/0", 7, 7));
    }

    [Test]
    public void An_audience_of_an_incomplete_entry_still_covers()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata:
              id: plan-billing
            spec:
              stakeholders:
                - { personId: p-cfo, role: customer, interest: high, influence: high }
              communicationPlan:
                - { audience: [p-cfo] }
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, $"Communication plan entry at index 0 has no channel, frequency or owner; {Complete}", "plan-billing", "/spec/communicationPlan/0", 9, 7));
    }

    [Test]
    public void A_configured_severity_replaces_the_default() =>
        RuleHarness.Findings(RuleId, "apiVersion: governance/v1\nkind: ProjectPlan\nmetadata:\n  id: plan-billing\nspec: {}\n", rules: RuleHarness.WithSeverity(RuleId, Severity.Error))
            .ShouldBeExactly(new ExpectedFinding(Severity.Error, Empty, "plan-billing", "/spec", 5, 7));

    [Test]
    public void Json_input_points_at_the_entry_and_the_stakeholder()
    {
        const string json = """
            {
              "apiVersion": "governance/v1",
              "kind": "ProjectPlan",
              "metadata": { "id": "plan-billing" },
              "spec": {
                "stakeholders": [ { "name": "Board", "interest": "high", "influence": "high" } ],
                "communicationPlan": [ { "audience": ["Team"], "channel": "chat", "frequency": "daily" } ]
              }
            }
            """;

        RuleHarness.Findings(RuleId, json, file: "plan.json").ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, Uncovered("'Board'"), "plan-billing", "/spec/stakeholders/0", 6, 23),
            new ExpectedFinding(Severity.Warning, $"Communication plan entry at index 0 has no owner; {Complete}", "plan-billing", "/spec/communicationPlan/0", 7, 28));
    }
}
