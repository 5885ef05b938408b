using System.Text.Json.Nodes;
using Governance.Rules.Cli.Tests.Testing;

namespace Governance.Rules.Cli.Tests;

[TestFixture]
[Category("Configuration")]
public sealed class AdoptionTests
{
    private Workspace workspace = null!;

    private const string PlanWithoutRisks = """
        apiVersion: governance/v1
        kind: ProjectPlan
        metadata: {id: ID}
        spec: {projectId: p}
        """;

    [SetUp]
    public void SetUp() => workspace = Workspace.Create();

    [TearDown]
    public void TearDown() => workspace.Dispose();

    private void Plans(params string[] relativePaths)
    {
        foreach (var path in relativePaths)
            workspace.Write(path, PlanWithoutRisks.Replace("ID", Path.GetFileNameWithoutExtension(path) + "-" + Path.GetFileName(Path.GetDirectoryName(path)), StringComparison.Ordinal));
    }

    [Test]
    public async Task The_configuration_next_to_the_artifacts_is_found_and_applied()
    {
        Plans("projects/legacy-a/plan.yaml", "projects/new/plan.yaml");
        workspace.Write("governance.yaml", Workspace.FocusedConfiguration("""
            failOn: warning
            overrides:
              - files: ["projects/legacy-*/**"]
                rules: {GOV401: warning}
            exemptions:
              - rule: GOV401
                artifact: plan-new
                justification: Tracked in the programme register
                expires: 2027-01-31
            """));

        var run = await workspace.RunAsync("check", ".", "--as-of", "2026-11-01");

        run.ExitCode.Should().Be(1, run.ToString());
        run.Lines.Should().Equal(
            "projects/legacy-a/plan.yaml:4:7: warning GOV401: Plan's risk register holds 0 risk(s); at least 1 expected [plan-legacy-a]",
            "projects/new/plan.yaml:4:7: error GOV401: Plan's risk register holds 0 risk(s); at least 1 expected [plan-new] (exempted)",
            "0 errors, 1 warning, 0 infos in 2 files, 2 artifacts, 1 suppressed");
        (await workspace.RunAsync("check", ".", "--as-of", "2026-11-01", "--fail-on", "error")).ExitCode.Should().Be(0);
    }

    [Test]
    public async Task An_invalid_configuration_is_exit_2_with_file_line_and_suggestion()
    {
        Plans("plan.yaml");
        workspace.Write("governance.yaml", "rules:\n  GOV401: { severity: eror }\n");
        workspace.PathOf("governance.yaml").Should().EndWith("governance.yaml");

        var run = await workspace.RunAsync("check", ".");

        run.ExitCode.Should().Be(2);
        run.StdErr.Should().Contain("governance.yaml:2:23: 'eror' is not a severity").And.Contain("did you mean 'error'?");
        run.StdOut.Should().BeEmpty();
    }

    [Test]
    public async Task An_explicit_config_that_does_not_exist_is_exit_2()
    {
        Plans("plan.yaml");

        (await workspace.RunAsync("check", ".", "--config", "nope.yaml")).ExitCode.Should().Be(2);
        (await workspace.RunAsync("check", ".", "--baseline", "nope.json")).ExitCode.Should().Be(2);
    }

    [Test]
    public async Task A_baseline_records_the_findings_and_then_only_new_ones_fail()
    {
        Plans("a/plan.yaml");

        var record = await workspace.RunAsync("baseline", ".", "--output", "governance.baseline.json");
        record.ExitCode.Should().Be(0, record.ToString());
        var entries = JsonNode.Parse(workspace.Read("governance.baseline.json"))!["findings"]!.AsArray();
        entries.Should().ContainSingle();
        entries[0]!["artifactId"]!.GetValue<string>().Should().Be("plan-a");

        var baselined = await workspace.RunAsync("check", ".", "--baseline", "governance.baseline.json");
        baselined.ExitCode.Should().Be(0, baselined.ToString());
        baselined.Lines[0].Should().EndWith("[plan-a] (baselined)");

        Plans("b/plan.yaml");
        var withNew = await workspace.RunAsync("check", ".", "--baseline", "governance.baseline.json", "--format", "sarif");
        withNew.ExitCode.Should().Be(1);
        var results = JsonNode.Parse(withNew.StdOut)!["runs"]![0]!["results"]!.AsArray();
        results.Select(r => r!["baselineState"]!.GetValue<string>()).Should().Equal("unchanged", "new");
    }

    [Test]
    public async Task The_baseline_named_in_the_configuration_is_used_and_never_read_as_an_artifact()
    {
        Plans("plan.yaml");
        workspace.Write("governance.yaml", Workspace.FocusedConfiguration("baseline: governance.baseline.json"));
        (await workspace.RunAsync("baseline", ".")).ExitCode.Should().Be(0);

        var run = await workspace.RunAsync("check", ".");

        run.ExitCode.Should().Be(0, run.ToString());
        run.Lines[^1].Should().Be("0 errors, 0 warnings, 0 infos in 1 file, 1 artifact, 1 baselined");
    }

    [Test]
    public async Task Fixed_baseline_entries_are_reported_so_the_baseline_can_be_tightened()
    {
        Plans("plan.yaml");
        (await workspace.RunAsync("baseline", ".", "--output", "b.json")).ExitCode.Should().Be(0);
        workspace.Write("plan.yaml", PlanWithoutRisks.Replace("ID", "plan-", StringComparison.Ordinal).Replace("{projectId: p}", "{projectId: p, riskRegister: [{id: r}]}", StringComparison.Ordinal));

        var run = await workspace.RunAsync("check", ".", "--baseline", "b.json");

        run.ExitCode.Should().Be(0);
        run.StdErr.Should().Contain("1 baselined finding(s) are fixed");
    }

    [Test]
    public async Task Inline_suppressions_show_in_sarif_as_in_source_with_the_justification()
    {
        workspace.Write("plan.yaml", """
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata:
              id: plan-s
              suppressions:
                - {rule: GOV401, justification: Register kept by the PMO}
            spec: {projectId: p}
            """);

        var run = await workspace.RunAsync("check", ".", "--format", "sarif");

        run.ExitCode.Should().Be(0);
        var suppression = JsonNode.Parse(run.StdOut)!["runs"]![0]!["results"]![0]!["suppressions"]![0]!;
        suppression["kind"]!.GetValue<string>().Should().Be("inSource");
        suppression["justification"]!.GetValue<string>().Should().Be("Register kept by the PMO");
    }
}
