using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Governance.Rules.Build.Tests.Testing;

namespace Governance.Rules.Build.Tests;

/// <summary>
/// samples/BuildIntegration built with <c>dotnet build</c> against Governance.Rules.Build packed from this build
/// (a unique prerelease version in a temp feed and a temp package folder, so no stale cache entry is used).
/// The first two builds (the second one unchanged) run once for the fixture; the others each set properties.
/// </summary>
[TestFixture]
[Category("SampleBuild")]
[NonParallelizable]
public sealed partial class SampleBuildTests
{
    private TempFolder temp = null!;
    private string sample = null!;
    private string version = null!;
    private DotnetRun first = null!;
    private DotnetRun unchanged = null!;

    private string Plan => Path.Combine(sample, "Billing.Export", "governance", "plan.yaml");

    private string Sarif => Path.Combine(sample, "Billing.Export", "obj", "governance.sarif");

    [OneTimeSetUp]
    public void PackAndBuildTwice()
    {
        temp = new TempFolder("gov-sample-build");
        version = $"1.0.0-test.{Guid.NewGuid():N}"[..24];
        var feed = Path.Combine(temp.Path, "feed");
        var configuration = typeof(SampleBuildTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "Configuration").Value!;
        var pack = DotnetRun.Start(Repository.Root, "pack", Path.Combine("src", "Governance.Rules.Build", "Governance.Rules.Build.csproj"),
            "--no-build", "-c", configuration, "-o", feed, $"-p:PackageVersion={version}", "-nologo");
        Assert.That(pack.ExitCode, Is.Zero, pack.Output);

        sample = Path.Combine(temp.Path, "BuildIntegration");
        Repository.Copy(Repository.Sample, sample);
        File.WriteAllText(Path.Combine(sample, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="governance-test-feed" value="{feed}" />
              </packageSources>
            </configuration>
            """);

        first = Build("-v:n", "-p:GovernanceSarifLog=obj/governance.sarif");
        unchanged = Build("-v:d", "-p:GovernanceSarifLog=obj/governance.sarif");
    }

    [OneTimeTearDown]
    public void DeleteTemp() => temp?.Dispose();

    private DotnetRun Build(params string[] arguments) => DotnetRun.Start(sample,
        ["build", "BuildIntegration.slnx", "--disable-build-servers", "-tl:off", "-nologo",
         $"-p:GovernanceRulesBuildVersion={version}", $"-p:RestorePackagesPath={Path.Combine(temp.Path, "packages")}", .. arguments]);

    /// <summary>The canonical lines (file(line,col): level code: message), each once.</summary>
    private static List<(string File, int Line, int Column, string Level, string Code, string Message)> Diagnostics(DotnetRun run) =>
        [.. CanonicalLine().Matches(run.Output)
            .Select(m => (m.Groups["file"].Value, int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(m.Groups["col"].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups["level"].Value, m.Groups["code"].Value, m.Groups["message"].Value))
            .Distinct()];

    [GeneratedRegex(@"^\s*(?:\d+(?::\d+)?>)?(?<file>/\S.*?|[A-Za-z]:\\.*?)\((?<line>\d+),(?<col>\d+)\): (?<level>error|warning|message) (?<code>GOV\w+): (?<message>.*?) \[[^\[\]]+\.csproj\]\s*$", RegexOptions.Multiline)]
    private static partial Regex CanonicalLine();

    [Test]
    public void Findings_appear_as_canonical_warnings_with_file_line_and_column()
    {
        first.ExitCode.Should().Be(0, first.Output);
        var diagnostics = Diagnostics(first);
        diagnostics.Where(d => d.Level == "warning").Select(d => (d.File, d.Line, d.Column, d.Code))
            .Should().BeEquivalentTo([(Plan, 28, 80, "GOV408"), (Plan, 42, 7, "GOV404")]);
        diagnostics.Single(d => d.Code == "GOV404").Message.Should().StartWith("Risk 'rk-ledger-api'").And.EndWith("[plan-billing-export]");
        diagnostics.Should().NotContain(d => d.Level == "error");
    }

    [Test]
    public void The_editorconfig_turns_one_rule_into_a_suggestion_and_another_off()
    {
        var diagnostics = Diagnostics(first);
        diagnostics.Should().ContainSingle(d => d.Code == "GOV414").Which.Should().Be(
            (Plan, 63, 7, "message", "GOV414", "Assumption 'as-ledger-format' has no owner; name who validates it [plan-billing-export]"));
        diagnostics.Should().NotContain(d => d.Code == "GOV501", "the sample's .editorconfig sets it to none");
    }

    [Test]
    public void The_sarif_log_is_written()
    {
        using var log = JsonDocument.Parse(File.ReadAllText(Sarif));
        log.RootElement.GetProperty("version").GetString().Should().Be("2.1.0");
        log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("ruleId").GetString()).Should().BeEquivalentTo(["GOV404", "GOV408", "GOV414"]);
    }

    [Test]
    public void An_unchanged_build_skips_the_check_and_still_shows_the_findings()
    {
        unchanged.ExitCode.Should().Be(0, unchanged.Output);
        unchanged.Output.Should().Contain("Skipping target \"_GovernanceCheck\" because all output files are up-to-date");
        first.Output.Should().NotContain("Skipping target \"_GovernanceCheck\"");
        Diagnostics(unchanged).Select(d => d.Code).Should().BeEquivalentTo(Diagnostics(first).Select(d => d.Code));
    }

    [Test]
    public void GovernanceAsOf_makes_an_overdue_review_an_error_and_the_build_fails()
    {
        var run = Build("-p:GovernanceAsOf=2027-01-15");

        run.ExitCode.Should().NotBe(0, run.Output);
        run.Output.Should().NotContain("Skipping target \"_GovernanceCheck\"", "a changed property is a changed input");
        Diagnostics(run).Where(d => d.Level == "error").Select(d => (d.File, d.Line, d.Column, d.Code))
            .Should().Equal((Plan, 54, 19, "GOV405"));
    }

    [Test]
    public void TreatWarningsAsErrors_makes_warnings_errors_and_NoWarn_silences_a_rule()
    {
        var run = Build("-p:TreatWarningsAsErrors=true", "-p:NoWarn=GOV404");

        run.ExitCode.Should().NotBe(0, run.Output);
        var diagnostics = Diagnostics(run);
        diagnostics.Where(d => d.Level == "error").Select(d => d.Code).Should().Equal("GOV408");
        diagnostics.Should().NotContain(d => d.Code == "GOV404");
        diagnostics.Should().NotContain(d => d.Level == "warning");
    }

    [Test]
    public void WarningsAsErrors_promotes_only_the_listed_rule()
    {
        var run = Build("-p:WarningsAsErrors=GOV404");

        run.ExitCode.Should().NotBe(0, run.Output);
        var diagnostics = Diagnostics(run);
        diagnostics.Where(d => d.Level == "error").Select(d => (d.Line, d.Code)).Should().Equal((42, "GOV404"));
        diagnostics.Where(d => d.Level == "warning").Select(d => d.Code).Should().Equal("GOV408");
    }

    [Test]
    public void GovernanceEnabled_false_switches_the_check_off_and_an_invalid_value_is_a_build_error()
    {
        var off = Build("-p:GovernanceEnabled=false");
        var invalid = Build("-p:GovernanceEnabled=maybe");

        off.ExitCode.Should().Be(0, off.Output);
        Diagnostics(off).Should().BeEmpty();
        invalid.ExitCode.Should().NotBe(0, invalid.Output);
        invalid.Output.Should().Contain("error GOVB001: GovernanceEnabled is 'maybe'; expected true or false.");
    }
}
