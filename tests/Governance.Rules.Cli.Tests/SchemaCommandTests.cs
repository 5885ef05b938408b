using System.Text.Json;
using Governance.Rules.Cli.Tests.Testing;
using Governance.Rules.Model;
using NJsonSchema;

namespace Governance.Rules.Cli.Tests;

[TestFixture]
[Category("cli")]
public sealed class SchemaCommandTests
{
    private Workspace workspace = null!;

    [SetUp]
    public void SetUp() => workspace = Workspace.Create();

    [TearDown]
    public void TearDown() => workspace.Dispose();

    private static IEnumerable<string> ExpectedFiles =>
        ArtifactKinds.Names.Select(kind => kind + ".schema.json").Append("GovernanceConfig.schema.json").Append("RulePack.schema.json");

    [Test]
    public async Task Schema_writes_one_schema_per_kind_and_the_config_schema_to_schemas_by_default()
    {
        var run = await workspace.RunAsync("schema");

        run.ExitCode.Should().Be(0, run.ToString());
        Directory.GetFiles(workspace.PathOf("schemas")).Select(Path.GetFileName).Should().BeEquivalentTo(ExpectedFiles);
        run.Lines.Should().BeEquivalentTo(ExpectedFiles.Select(file => "schemas/" + file));
    }

    [Test]
    public async Task Schema_writes_to_the_output_folder()
    {
        var run = await workspace.RunAsync("schema", "--output", "out/json-schemas");

        run.ExitCode.Should().Be(0, run.ToString());
        Directory.GetFiles(workspace.PathOf("out/json-schemas")).Select(Path.GetFileName).Should().BeEquivalentTo(ExpectedFiles);
    }

    [Test]
    public async Task Every_schema_is_valid_json_and_rejects_unknown_properties_at_the_root()
    {
        await workspace.RunAsync("schema");

        foreach (var file in ExpectedFiles)
        {
            var text = workspace.Read(Path.Combine("schemas", file));
            using var document = JsonDocument.Parse(text);
            document.RootElement.GetProperty("additionalProperties").GetBoolean().Should().BeFalse(file);
            document.RootElement.GetProperty("title").GetString().Should().Be(file[..^".schema.json".Length]);
            var schema = await JsonSchema.FromJsonAsync(text);
            schema.Properties.Should().ContainKeys("apiVersion", "kind");
        }
    }

    [Test]
    public async Task The_roadmap_schema_pins_its_kind()
    {
        await workspace.RunAsync("schema");

        var schema = await JsonSchema.FromJsonAsync(workspace.Read("schemas/Roadmap.schema.json"));

        schema.Properties["kind"].Enumeration.Should().Equal("Roadmap");
        schema.Properties["apiVersion"].Enumeration.Should().Equal("governance/v1");
    }

    [Test]
    public async Task The_config_schema_accepts_the_example_of_the_specification()
    {
        await workspace.RunAsync("schema");
        var schema = await JsonSchema.FromJsonAsync(workspace.Read("schemas/GovernanceConfig.schema.json"));

        var errors = schema.Validate("""
            {
              "apiVersion": "governance/v1",
              "kind": "GovernanceConfig",
              "asOf": "2026-11-01",
              "timeZone": "Europe/Berlin",
              "failOn": "error",
              "rules": {
                "GOV105": "none",
                "GOV304": { "severity": "error", "options": { "maxStoryPoints": 8 } },
                "GOV205": { "enforceFrom": "2027-01-01" }
              },
              "overrides": [ { "files": [ "projects/legacy-*/**" ], "rules": { "GOV401": "warning" } } ],
              "exemptions": [
                {
                  "rule": "GOV606",
                  "artifact": "handover-billing",
                  "pointer": "/spec/uat",
                  "justification": "UAT waived by the steering committee, decision D-17",
                  "owner": "p-dana",
                  "expires": "2027-01-31"
                }
              ],
              "baseline": "governance.baseline.json"
            }
            """);

        errors.Should().BeEmpty();
    }

    [TestCase("""{ "apiVersion": "governance/v1", "kind": "GovernanceConfig", "failOn": "fatal" }""")]
    [TestCase("""{ "apiVersion": "governance/v1", "kind": "GovernanceConfig", "rules": { "GOV401": "critical" } }""")]
    [TestCase("""{ "apiVersion": "governance/v1", "kind": "GovernanceConfig", "rules": { "GOV401": { "severty": "error" } } }""")]
    [TestCase("""{ "apiVersion": "governance/v1", "kind": "GovernanceConfig", "exemptions": [ { "rule": "GOV606", "expires": "soon" } ] }""")]
    [TestCase("""{ "apiVersion": "governance/v1", "kind": "GovernanceConfig", "unknownKey": true }""")]
    [TestCase("""{ "apiVersion": "governance/v1", "kind": "Roadmap" }""")]
    [TestCase("""{ "kind": "GovernanceConfig" }""")]
    public async Task The_config_schema_rejects_wrong_values_and_unknown_keys(string config)
    {
        await workspace.RunAsync("schema");
        var schema = await JsonSchema.FromJsonAsync(workspace.Read("schemas/GovernanceConfig.schema.json"));

        schema.Validate(config).Should().NotBeEmpty();
    }

    [Test]
    public async Task An_output_that_is_a_file_exits_2()
    {
        workspace.Write("taken", "x");

        var run = await workspace.RunAsync("schema", "--output", "taken");

        run.ExitCode.Should().Be(2, run.ToString());
        run.StdErr.Should().Contain("cannot write to taken");
    }
}
