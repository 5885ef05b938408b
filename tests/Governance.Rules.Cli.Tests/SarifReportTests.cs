using System.Text.Json;
using Governance.Rules.Cli.Tests.Testing;

namespace Governance.Rules.Cli.Tests;

[TestFixture]
[Category("sarif")]
public sealed class SarifReportTests
{
    private Workspace workspace = null!;

    [SetUp]
    public void SetUp() => workspace = Workspace.Create();

    [TearDown]
    public void TearDown() => workspace.Dispose();

    private async Task<(CliRun Run, JsonElement Log)> CheckAsSarifAsync(params string[] extraArgs)
    {
        var run = await workspace.RunAsync(["check", "--format", "sarif", .. extraArgs]);
        var errors = await SarifSchema.ValidateAsync(run.StdOut);
        errors.Should().BeEmpty("the report must be valid SARIF 2.1.0:\n" + run.StdOut);
        using var document = JsonDocument.Parse(run.StdOut);
        return (run, document.RootElement.Clone());
    }

    private static JsonElement ResultFor(JsonElement log, string ruleId) =>
        Results(log).Single(r => r.GetProperty("ruleId").GetString() == ruleId);

    private static List<JsonElement> Results(JsonElement log) =>
        [.. log.GetProperty("runs")[0].GetProperty("results").EnumerateArray()];

    [Test]
    public async Task The_sanity_check_of_the_schema_rejects_an_invalid_log()
    {
        var errors = await SarifSchema.ValidateAsync("""{ "version": "2.1.0", "runs": [ { "tool": { "driver": { "name": "x" } }, "results": [ { "level": "fatal", "message": { "text": "m" } } ] } ] }""");

        errors.Should().NotBeEmpty("a validator that accepts anything proves nothing");
    }

    [Test]
    public async Task A_log_without_findings_is_valid_and_lists_every_rule_that_ran()
    {
        workspace.Write("plan.yaml", Documents.PlanWithRisk);

        var (run, log) = await CheckAsSarifAsync();

        run.ExitCode.Should().Be(0);
        log.GetProperty("version").GetString().Should().Be("2.1.0");
        log.GetProperty("$schema").GetString().Should().EndWith("sarif-schema-2.1.0.json");
        log.GetProperty("runs").GetArrayLength().Should().Be(1);
        var driver = log.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver");
        driver.GetProperty("name").GetString().Should().Be("govern");
        driver.GetProperty("version").GetString().Should().NotBeNullOrWhiteSpace();
        driver.GetProperty("informationUri").GetString().Should().StartWith("https://");
        var ids = driver.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        ids.Should().StartWith(["GOV001", "GOV002", "GOV003", "GOV004", "GOV005", "GOV006", "GOV009"]).And.Contain("GOV401");
        ids.Should().BeInAscendingOrder(StringComparer.Ordinal);
        Results(log).Should().BeEmpty();
    }

    [Test]
    public async Task Rules_carry_name_descriptions_help_uri_and_default_level()
    {
        workspace.Write("plan.yaml", Documents.PlanWithRisk);

        var (_, log) = await CheckAsSarifAsync();

        var rule = log.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules")
            .EnumerateArray().Single(r => r.GetProperty("id").GetString() == "GOV401");
        rule.GetProperty("name").GetString().Should().Be("PlanHasNoRiskRegister");
        rule.GetProperty("shortDescription").GetProperty("text").GetString().Should().Be("Plan has no risk register");
        rule.GetProperty("fullDescription").GetProperty("text").GetString().Should().NotBeNullOrWhiteSpace();
        rule.GetProperty("helpUri").GetString().Should().EndWith("/rules/GOV401.md");
        rule.GetProperty("defaultConfiguration").GetProperty("level").GetString().Should().Be("error");
        var gov006 = log.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules")
            .EnumerateArray().Single(r => r.GetProperty("id").GetString() == "GOV006");
        gov006.GetProperty("defaultConfiguration").GetProperty("level").GetString().Should().Be("note", "info maps to note");
    }

    [Test]
    public async Task A_GOV401_result_has_rule_level_region_pointer_and_artifact_id()
    {
        workspace.Write("plans/billing.yaml", Documents.PlanWithoutRisks);

        var (run, log) = await CheckAsSarifAsync();

        run.ExitCode.Should().Be(1);
        var result = ResultFor(log, "GOV401");
        var rules = log.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules");
        rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString().Should().Be("GOV401");
        result.GetProperty("level").GetString().Should().Be("error");
        result.GetProperty("message").GetProperty("text").GetString().Should().Be("Plan's risk register holds 0 risk(s); at least 1 expected");
        var location = result.GetProperty("locations")[0];
        var physical = location.GetProperty("physicalLocation");
        physical.GetProperty("artifactLocation").GetProperty("uri").GetString().Should().Be("plans/billing.yaml");
        physical.GetProperty("region").GetProperty("startLine").GetInt32().Should().Be(7);
        physical.GetProperty("region").GetProperty("startColumn").GetInt32().Should().Be(3);
        location.GetProperty("logicalLocations")[0].GetProperty("fullyQualifiedName").GetString().Should().Be("/spec");
        result.GetProperty("properties").GetProperty("artifactId").GetString().Should().Be("plan-billing");
        result.TryGetProperty("suppressions", out _).Should().BeFalse();
        result.TryGetProperty("baselineState", out _).Should().BeFalse("no baseline was used");
    }

    [Test]
    public async Task A_GOV002_warning_result_points_at_the_unknown_property()
    {
        workspace.Write("plan.yaml", Documents.PlanWithUnknownProperty);

        var (_, log) = await CheckAsSarifAsync();

        var result = ResultFor(log, "GOV002");
        result.GetProperty("level").GetString().Should().Be("warning");
        var location = result.GetProperty("locations")[0];
        location.GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32().Should().Be(10);
        location.GetProperty("physicalLocation").GetProperty("region").GetProperty("startColumn").GetInt32().Should().Be(16);
        location.GetProperty("logicalLocations")[0].GetProperty("fullyQualifiedName").GetString().Should().Be("/spec/riskRegistr");
        result.GetProperty("properties").GetProperty("artifactId").GetString().Should().Be("plan-typo");
    }

    [Test]
    public async Task A_GOV004_result_points_at_the_api_version_in_a_json_file()
    {
        workspace.Write("future.json", Documents.UnknownApiVersionJson);

        var (_, log) = await CheckAsSarifAsync();

        var result = ResultFor(log, "GOV004");
        result.GetProperty("level").GetString().Should().Be("error");
        var location = result.GetProperty("locations")[0];
        location.GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString().Should().Be("future.json");
        location.GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32().Should().Be(2);
        location.GetProperty("physicalLocation").GetProperty("region").GetProperty("startColumn").GetInt32().Should().Be(17);
        location.GetProperty("logicalLocations")[0].GetProperty("fullyQualifiedName").GetString().Should().Be("/apiVersion");
    }

    [Test]
    public async Task A_GOV001_result_has_the_root_pointer_and_no_artifact_id()
    {
        workspace.Write("broken.yaml", Documents.Malformed);

        var (_, log) = await CheckAsSarifAsync();

        var result = ResultFor(log, "GOV001");
        result.GetProperty("locations")[0].GetProperty("logicalLocations")[0].GetProperty("fullyQualifiedName").GetString().Should().Be(string.Empty);
        result.TryGetProperty("properties", out _).Should().BeFalse();
    }

    [Test]
    public async Task An_info_finding_has_level_note()
    {
        workspace.Write("project.yaml", Documents.Project);

        var run = await workspace.RunAsync(InfoOnEveryProjectRule.Register, "check", "--format", "sarif");

        (await SarifSchema.ValidateAsync(run.StdOut)).Should().BeEmpty();
        using var document = JsonDocument.Parse(run.StdOut);
        ResultFor(document.RootElement, "GOV999").GetProperty("level").GetString().Should().Be("note");
    }

    [Test]
    public async Task The_report_is_deterministic()
    {
        workspace
            .Write("a.yaml", Documents.PlanWithoutRisks)
            .Write("b.yaml", Documents.PlanWithUnknownProperty)
            .Write("c.json", Documents.UnknownApiVersionJson)
            .Write("d.yaml", Documents.Malformed);

        var first = await workspace.RunAsync("check", "--format", "sarif");
        var second = await workspace.RunAsync("check", "--format", "sarif");

        second.StdOut.Should().Be(first.StdOut);
        (await SarifSchema.ValidateAsync(first.StdOut)).Should().BeEmpty();
    }

    [Test]
    public async Task A_file_name_with_spaces_is_a_valid_uri_reference()
    {
        workspace.Write("my plans/billing plan.yaml", Documents.PlanWithoutRisks);

        var (_, log) = await CheckAsSarifAsync();

        ResultFor(log, "GOV401").GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation")
            .GetProperty("uri").GetString().Should().Be("my%20plans/billing%20plan.yaml");
    }
}

[TestFixture]
[Category("sarif")]
public sealed class SarifTimingsTests
{
    [Test]
    public async Task Timings_go_into_invocations_only_when_asked_for_and_the_log_stays_valid()
    {
        using var workspace = Workspace.Create().Write("plan.yaml", Documents.PlanWithoutRisks);

        var plain = await workspace.RunAsync("check", ".", "--format", "sarif");
        var timed = await workspace.RunAsync("check", ".", "--format", "sarif", "--timings");

        plain.StdOut.Should().NotContain("invocations");
        (await SarifSchema.ValidateAsync(timed.StdOut)).Should().BeEmpty();
        using var log = JsonDocument.Parse(timed.StdOut);
        var invocation = log.RootElement.GetProperty("runs")[0].GetProperty("invocations")[0];
        invocation.GetProperty("executionSuccessful").GetBoolean().Should().BeTrue();
        invocation.GetProperty("properties").GetProperty("ruleTimingsMs").TryGetProperty("GOV401", out _).Should().BeTrue();
    }
}
