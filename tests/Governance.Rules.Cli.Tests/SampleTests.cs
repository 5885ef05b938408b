using System.Text.Json;
using Governance.Rules.Cli.Tests.Testing;

namespace Governance.Rules.Cli.Tests;

/// <summary>The README's main command on the bundled sample portfolio, end to end.</summary>
[TestFixture]
[Category("Sample")]
public sealed class SampleTests
{
    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Governance.Rules.sln"))) return folder.FullName;
        }

        throw new DirectoryNotFoundException("Governance.Rules.sln not found above the test directory.");
    }

    private static async Task<CliRun> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var exitCode = await GovernCli.RunAsync(args, new CliEnvironment(stdout, stderr) { WorkingDirectory = RepositoryRoot() });
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }

    [Test]
    public async Task The_sample_gives_valid_sarif_with_every_rule_firing_and_no_engine_error()
    {
        var run = await RunAsync("check", "samples/portfolio", "--as-of", "2026-11-01", "--format", "sarif");

        run.ExitCode.Should().Be(1, "the sample has real gaps");
        (await SarifSchema.ValidateAsync(run.StdOut)).Should().BeEmpty();
        using var log = JsonDocument.Parse(run.StdOut);
        var results = log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        var ruleIds = results.Select(r => r.GetProperty("ruleId").GetString()!).ToHashSet();
        var catalog = Governance.Rules.Rules.BuiltInRules.Types.Select(t => t.Name);
        ruleIds.Should().Contain(catalog, "the sample shows at least one realistic finding per rule");
        ruleIds.Should().NotContain(["GOV001", "GOV002", "GOV003", "GOV004", "GOV009"]);
        var gov401 = results.Single(r => r.GetProperty("ruleId").GetString() == "GOV401");
        var location = gov401.GetProperty("locations")[0];
        location.GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()
            .Should().Be("samples/portfolio/projects/lisbon-launch/lisbon-launch.json");
        location.GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32().Should().Be(40);
        location.GetProperty("logicalLocations")[0].GetProperty("fullyQualifiedName").GetString().Should().Be("/spec");
    }
}
