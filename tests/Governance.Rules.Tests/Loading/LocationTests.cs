using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Loading;

[TestFixture]
[Category("Loading")]
public sealed class LocationTests
{
    private const string PlanWithTwoDocuments = """
        apiVersion: governance/v1
        kind: ProjectPlan
        metadata:
          id: plan-one
        spec:
          projectId: proj-one
          riskRegister: []
        ---
        # second document
        apiVersion: governance/v1
        kind: ProjectPlan
        metadata: { id: plan-two }
        spec:
          projectId: proj-two
        """;

    [Test]
    public void Yaml_finding_about_a_blank_list_points_at_the_holder_with_its_line_and_column()
    {
        var findings = RuleHarness.Findings("GOV401", PlanWithTwoDocuments);

        findings.Should().HaveCount(2);
        findings[0].Should().BeEquivalentTo(new { File = "test.yaml", Pointer = "/spec", Line = 6, Column = 3, ArtifactId = "plan-one" });
        findings[1].Should().BeEquivalentTo(new { File = "test.yaml", Pointer = "/spec", Line = 14, Column = 3, ArtifactId = "plan-two" });
    }

    [Test]
    public void Pointers_are_relative_to_each_element_of_a_json_array()
    {
        const string json = """
            [
              {"apiVersion": "governance/v1", "kind": "ProjectPlan", "metadata": {"id": "a"}, "spec": {"riskRegister": []}},
              {"apiVersion": "governance/v1", "kind": "ProjectPlan", "metadata": {"id": "b"},
               "spec": {"riskRegister": [{"id": "r1"}], "bogus": 1}}
            ]
            """;

        var result = RuleHarness.Analyze(json, "plans.json", rules: RuleHarness.WithOptions("GOV401", new { minRisks = 2 }));

        var gov401 = result.Findings.Where(f => f.RuleId == "GOV401").ToList();
        gov401.Should().HaveCount(2);
        gov401[0].Should().BeEquivalentTo(new { ArtifactId = "a", Pointer = "/spec", Line = 2, Column = 91 });
        gov401[1].Should().BeEquivalentTo(new { ArtifactId = "b", Pointer = "/spec/riskRegister", Line = 4, Column = 29 });
        result.Findings.Should().ContainSingle(f => f.RuleId == "GOV002")
            .Which.Should().BeEquivalentTo(new { Pointer = "/spec/bogus", Line = 4, Column = 54, Severity = Governance.Rules.Engine.Severity.Warning });
    }

    [Test]
    public void A_yaml_root_sequence_holds_one_artifact_per_element()
    {
        const string yaml = """
            - apiVersion: governance/v1
              kind: ProjectPlan
              metadata: {id: a}
              spec: {riskRegister: []}
            - apiVersion: governance/v1
              kind: ProjectPlan
              metadata: {id: b}
              spec:
                riskRegister: []
            """;

        var findings = RuleHarness.Findings("GOV401", yaml);

        findings.Select(f => (f.ArtifactId, f.Pointer, f.Line, f.Column)).Should().Equal(
            ("a", "/spec", 4, 9),
            ("b", "/spec", 9, 5));
    }

    [Test]
    public void Columns_count_utf16_code_units_and_ignore_the_bom()
    {
        const string yaml = "\uFEFFapiVersion: governance/v1\nkind: ProjectPlan\nmetadata: {id: p, title: \"\U0001F680 rocket\", tgs: x}\nspec: {}\n";

        var findings = RuleHarness.Analyze(yaml).Findings;

        var unknown = findings.Should().ContainSingle(f => f.RuleId == "GOV002").Subject;
        unknown.Line.Should().Be(3);
        unknown.Column.Should().Be("metadata: {id: p, title: \"\U0001F680 rocket\", tgs: ".Length + 1);
        findings.Should().ContainSingle(f => f.RuleId == "GOV401").Which.Should().BeEquivalentTo(new { Line = 4, Column = 7 });
    }

    [Test]
    public void Json_columns_count_utf16_code_units_not_bytes()
    {
        var json = "{\"apiVersion\": \"governance/v1\", \"kind\": \"ProjectPlan\", \"metadata\": {\"title\": \"Zürich 🚀\", \"id\": \"p\"}, \"spec\": {\"x\": 1}}";

        var finding = RuleHarness.Analyze(json, "p.json").Findings.Single(f => f.RuleId == "GOV002");

        finding.Column.Should().Be(json.IndexOf("1}}", StringComparison.Ordinal) + 1);
        finding.Pointer.Should().Be("/spec/x");
    }

    [Test]
    public void Pointer_tokens_are_escaped_per_rfc_6901()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata: {id: p}
            spec:
              "a/b~c": 1
              riskRegister: [{id: r}]
            """;

        var finding = RuleHarness.Analyze(yaml).Findings.Single(f => f.RuleId == "GOV002");

        finding.Pointer.Should().Be("/spec/a~1b~0c");
        finding.Line.Should().Be(5);
        finding.Column.Should().Be(12);
    }
}
