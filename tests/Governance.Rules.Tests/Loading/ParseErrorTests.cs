using System.Text;
using Governance.Rules.Engine;
using Governance.Rules.Loading;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Loading;

[TestFixture]
[Category("GOV001")]
public sealed class ParseErrorTests
{
    [Test]
    public void A_yaml_syntax_error_is_GOV001_at_the_parsers_position_without_an_artifact_id()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata: {id: ok}
            spec: {riskRegister: [{id: r}]}
            ---
            apiVersion: governance/v1
            kind: Roadmap
            metadata:
              id: broken
              title: [unclosed
            """;

        var result = RuleHarness.Analyze(yaml);

        var error = result.Findings.Should().ContainSingle(f => f.RuleId == "GOV001").Subject;
        error.Should().BeEquivalentTo(new { File = "test.yaml", Pointer = "", ArtifactId = (string?)null, Severity = Severity.Error });
        error.Line.Should().BeGreaterThanOrEqualTo(10);
        result.Artifacts.Select(a => a.Id).Should().Equal("ok");
    }

    [Test]
    public void A_duplicate_mapping_key_is_GOV001_at_the_second_key_and_later_documents_are_still_read()
    {
        const string yaml = """
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata: {id: dup}
            spec:
              projectId: a
              projectId: b
            ---
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata: {id: after}
            spec: {}
            """;

        var result = RuleHarness.Analyze(yaml);

        result.Findings.Should().ContainSingle(f => f.RuleId == "GOV001")
            .Which.Should().BeEquivalentTo(new { Line = 6, Column = 3, Pointer = "" });
        result.Artifacts.Select(a => a.Id).Should().Equal("after");
        result.Findings.Should().Contain(f => f.RuleId == "GOV401" && f.ArtifactId == "after");
    }

    [Test]
    public void A_json_syntax_error_is_GOV001_at_the_readers_line_and_column()
    {
        const string json = "{\n  \"apiVersion\": \"governance/v1\",\n  \"kind\": tru\n}";

        var finding = RuleHarness.Analyze(json, "bad.json").Findings.Single();

        finding.Should().BeEquivalentTo(new { RuleId = "GOV001", File = "bad.json", Line = 3, Pointer = "" });
        finding.Column.Should().BeInRange(11, 14);
    }

    [Test]
    public void A_duplicate_json_property_is_GOV001_at_the_second_name()
    {
        const string json = "{\n  \"kind\": \"ProjectPlan\",\n  \"kind\": \"Roadmap\"\n}";

        RuleHarness.Analyze(json, "dup.json").Findings.Should().ContainSingle()
            .Which.Should().BeEquivalentTo(new { RuleId = "GOV001", Line = 3, Column = 3 });
    }

    [TestCase("")]
    [TestCase("   \n\t\n")]
    public void An_empty_json_file_is_a_syntax_error(string json) =>
        RuleHarness.Analyze(json, "empty.json").Findings.Should().ContainSingle()
            .Which.Should().BeEquivalentTo(new { RuleId = "GOV001", Line = 1, Column = 1 });

    [TestCase("")]
    [TestCase("# only a comment\n")]
    [TestCase("---\n---\n")]
    public void An_empty_yaml_file_or_document_yields_nothing(string yaml)
    {
        var result = RuleHarness.Analyze(yaml);

        result.Findings.Should().BeEmpty();
        result.Artifacts.Should().BeEmpty();
    }

    [Test]
    public void An_empty_json_array_yields_nothing() =>
        RuleHarness.Analyze("[]", "none.json").Findings.Should().BeEmpty();

    [Test]
    public void Invalid_utf8_is_GOV001_at_its_line()
    {
        var bytes = Encoding.UTF8.GetBytes("apiVersion: governance/v1\nkind: ProjectPlan\nmetadata: {id: x, title: \"ab")
            .Concat(new byte[] { 0xC3, 0x28 })
            .Concat(Encoding.UTF8.GetBytes("\"}\n")).ToArray();

        var loaded = new ArtifactLoader().LoadContent("bad.yaml", bytes);

        loaded.Findings.Should().ContainSingle().Which.Should().BeEquivalentTo(new { RuleId = "GOV001", Line = 3, Column = 29 });
        loaded.Artifacts.Should().BeEmpty();
    }

    [Test]
    public void Utf16_yaml_with_a_bom_is_read()
    {
        var text = "apiVersion: governance/v1\nkind: ProjectPlan\nmetadata: {id: wide}\nspec: {}\n";
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray();

        var loaded = new ArtifactLoader().LoadContent("wide.yaml", bytes);

        loaded.Findings.Should().BeEmpty();
        loaded.Artifacts.Should().ContainSingle().Which.Artifact.Id.Should().Be("wide");
    }

    [Test]
    public void A_utf8_bom_is_skipped_in_json()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("{\"apiVersion\":\"governance/v1\",\"kind\":\"ProjectPlan\",\"metadata\":{\"id\":\"b\"}}")).ToArray();

        var loaded = new ArtifactLoader().LoadContent("bom.json", bytes);

        loaded.Findings.Should().BeEmpty();
        loaded.Artifacts.Should().ContainSingle();
        loaded.Artifacts[0].Document.Map.TryGetPosition("", out var root).Should().BeTrue();
        root.Should().Be(new SourcePosition(1, 1));
    }
}
