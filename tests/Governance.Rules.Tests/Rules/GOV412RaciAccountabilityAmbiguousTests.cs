using Governance.Rules.Engine;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Rules;

[TestFixture]
[Category("GOV412")]
public sealed class GOV412RaciAccountabilityAmbiguousTests
{
    private const string RuleId = "GOV412";
    private const string Rule = "exactly one person is accountable for a deliverable";

    private static string Plan(string entry) => $"""
        apiVersion: governance/v1
        kind: ProjectPlan
        metadata:
          id: plan-billing
        spec:
          raci:
            - deliverable: Invoice API
              responsible: [p-ann]
        {entry}
        """;

    [Test]
    public void Exactly_one_accountable_person_does_not_fire() =>
        RuleHarness.Findings(RuleId, Plan("      accountable: [p-dana]")).Should().BeEmpty();

    [TestCase("", TestName = "No accountable: key absent")]
    [TestCase("      accountable: []", TestName = "No accountable: empty list")]
    [TestCase("      accountable:", TestName = "No accountable: null")]
    public void No_accountable_person_fires_at_the_entry(string accountable) =>
        RuleHarness.Findings(RuleId, Plan(accountable)).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"RACI entry 'Invoice API' has no accountable person; {Rule}", "plan-billing", "/spec/raci/0", 7, 7));

    [Test]
    public void Two_accountable_people_fire_at_accountable() =>
        RuleHarness.Findings(RuleId, Plan("      accountable: [p-dana, p-cfo]")).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"RACI entry 'Invoice API' has 2 accountable people (p-dana, p-cfo); {Rule}", "plan-billing", "/spec/raci/0/accountable", 9, 20));

    [Test]
    public void The_same_person_twice_counts_as_two() =>
        RuleHarness.Findings(RuleId, Plan("      accountable: [p-dana, p-dana]")).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"RACI entry 'Invoice API' has 2 accountable people (p-dana, p-dana); {Rule}", "plan-billing", "/spec/raci/0/accountable", 9, 20));

    [Test]
    public void Blank_names_are_not_people() =>
        RuleHarness.Findings(RuleId, Plan("      accountable: [p-dana, \"\"]")).Should().BeEmpty();

    [Test]
    public void Every_entry_is_judged_and_named_by_deliverable_or_index()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata:
              id: plan-billing
            spec:
              raci:
                - {}
                - { deliverable: Invoice API, accountable: [p-dana] }
                - { responsible: [p-ann], accountable: [p-ann, p-bob, p-cy] }
            """;

        RuleHarness.Findings(RuleId, yaml).ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"RACI entry at index 2 has 3 accountable people (p-ann, p-bob, p-cy); {Rule}", "plan-billing", "/spec/raci/2/accountable", 9, 44));
    }

    [Test]
    public void A_plan_without_raci_does_not_fire() =>
        RuleHarness.Findings(RuleId, "apiVersion: governance/v1\nkind: ProjectPlan\nmetadata:\n  id: plan-billing\nspec:\n  raci: []\n").Should().BeEmpty();

    [Test]
    public void A_configured_severity_replaces_the_default() =>
        RuleHarness.Findings(RuleId, Plan(string.Empty), rules: RuleHarness.WithSeverity(RuleId, Severity.Warning))
            .Should().ContainSingle().Which.Severity.Should().Be(Severity.Warning);

    [Test]
    public void Json_input_points_at_the_entry_or_the_list()
    {
        const string json = """
            {
              "apiVersion": "governance/v1",
              "kind": "ProjectPlan",
              "metadata": { "id": "plan-billing" },
              "spec": {
                "raci": [
                  { "deliverable": "Invoice API", "accountable": [] },
                  { "deliverable": "Runbook", "accountable": ["p-ann", "p-bob"] }
                ]
              }
            }
            """;

        RuleHarness.Findings(RuleId, json, file: "plan.json").ShouldBeExactly(
            new ExpectedFinding(Severity.Error, $"RACI entry 'Invoice API' has no accountable person; {Rule}", "plan-billing", "/spec/raci/0", 7, 7),
            new ExpectedFinding(Severity.Error, $"RACI entry 'Runbook' has 2 accountable people (p-ann, p-bob); {Rule}", "plan-billing", "/spec/raci/1/accountable", 8, 50));
    }
}
