using Governance.Rules.Cli.Tests.Testing;

namespace Governance.Rules.Cli.Tests;

/// <summary>SECURITY.md: the CLI writes nothing except the requested outputs.</summary>
[TestFixture]
[Category("cli")]
public sealed class WritesNothingElseTests
{
    private Workspace workspace = null!;

    [SetUp]
    public void SetUp()
    {
        workspace = Workspace.Create()
            .Write("gov/plan.yaml", Documents.PlanWithoutRisks)
            .Write("gov/broken.yaml", Documents.Malformed)
            .Write("gov/other.json", Documents.UnknownApiVersionJson);
    }

    [TearDown]
    public void TearDown() => workspace.Dispose();

    private Dictionary<string, DateTime> Snapshot() =>
        Directory.GetFiles(workspace.Root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(workspace.Root, f).Replace('\\', '/'), File.GetLastWriteTimeUtc, StringComparer.Ordinal);

    [TestCase(null)]
    [TestCase("report.sarif", "--format", "sarif")]
    [TestCase("out/report.json", "--format", "json")]
    public async Task Check_writes_only_its_output(string? output, params string[] more)
    {
        var before = Snapshot();
        string[] args = output is null ? ["check", "gov"] : ["check", "gov", "--output", output, .. more];

        var run = await workspace.RunAsync(args);

        run.ExitCode.Should().Be(1, run.ToString());
        var after = Snapshot();
        after.Keys.Except(before.Keys).Should().BeEquivalentTo(output is null ? [] : [output]);
        before.Should().AllSatisfy(entry => after.Should().Contain(entry.Key, entry.Value, "an input must not be rewritten"));
    }

    [Test]
    public async Task Baseline_writes_only_the_baseline()
    {
        var before = Snapshot();

        var run = await workspace.RunAsync("baseline", "gov", "--output", "governance.baseline.json");

        run.ExitCode.Should().Be(0, run.ToString());
        var after = Snapshot();
        after.Keys.Except(before.Keys).Should().BeEquivalentTo(["governance.baseline.json"]);
        before.Should().AllSatisfy(entry => after.Should().Contain(entry.Key, entry.Value));
    }
}
