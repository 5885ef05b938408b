namespace Governance.Rules.Cli.Tests.Testing;

/// <summary>Small governance documents the tests write, with the positions their findings are known to have.</summary>
internal static class Documents
{
    /// <summary>A plan whose risk register is empty: GOV401 at <c>/spec</c>, line 7 column 3 (the first key of <c>spec</c>).</summary>
    public const string PlanWithoutRisks = """
        apiVersion: governance/v1
        kind: ProjectPlan
        metadata:
          id: plan-billing
          title: Billing plan
        spec:
          projectId: proj-billing
          riskRegister: []
        """;

    /// <summary>A plan with a risk: no finding.</summary>
    public const string PlanWithRisk = """
        apiVersion: governance/v1
        kind: ProjectPlan
        metadata:
          id: plan-search
        spec:
          projectId: proj-search
          riskRegister:
            - id: r-vendor
              title: Vendor misses the API freeze
        """;

    /// <summary>A plan with a risk and a misspelled property: GOV002 (warning) at <c>/spec/riskRegistr</c>, line 10 column 16 (its value).</summary>
    public const string PlanWithUnknownProperty = """
        apiVersion: governance/v1
        kind: ProjectPlan
        metadata:
          id: plan-typo
        spec:
          projectId: proj-typo
          riskRegister:
            - id: r-1
              title: Key people leave
          riskRegistr: []
        """;

    /// <summary>A JSON document with an unknown apiVersion: GOV004 at <c>/apiVersion</c>, line 2 column 17.</summary>
    public const string UnknownApiVersionJson = """
        {
          "apiVersion": "governance/v2",
          "kind": "Project",
          "metadata": { "id": "proj-future" }
        }
        """;

    /// <summary>YAML that does not parse: GOV001.</summary>
    public const string Malformed = """
        apiVersion: governance/v1
        kind: Project
        metadata:
          id: [unclosed
        """;

    /// <summary>A project: no finding from the built-in rules.</summary>
    public const string Project = """
        apiVersion: governance/v1
        kind: Project
        metadata:
          id: proj-billing
        spec:
          status: inProgress
        """;
}
