using System.Text.Json.Nodes;

namespace Governance.Rules.Cli.Tests;

/// <summary>
/// The runtime settings the tool ships with (src/Governance.Rules.Cli/ToolRuntime.props; measured in
/// benchmarks/README.md, "Runtime settings"): they must reach govern's runtimeconfig, and the benchmarks' too, so that
/// <c>measure</c> times what users run.
/// </summary>
[TestFixture]
[Category("cli")]
public sealed class ToolRuntimeTests
{
    [Test]
    public void Govern_runs_without_tiered_PGO_and_counts_calls_after_20_ms()
    {
        var settings = ConfigProperties(Path.Combine(TestContext.CurrentContext.TestDirectory, "govern.runtimeconfig.json"));
        Assert.That(settings["System.Runtime.TieredPGO"]?.GetValue<bool>(), Is.False);
        Assert.That(settings["System.Runtime.TieredCompilation.CallCountingDelayMs"]?.GetValue<int>(), Is.EqualTo(20));
    }

    [Test]
    public void Govern_collects_with_server_GC_on_at_most_two_heaps_not_tied_to_cores()
    {
        var settings = ConfigProperties(Path.Combine(TestContext.CurrentContext.TestDirectory, "govern.runtimeconfig.json"));
        Assert.That(settings["System.GC.Server"]?.GetValue<bool>(), Is.True);
        Assert.That(settings["System.GC.DynamicAdaptationMode"]?.GetValue<int>(), Is.EqualTo(0), "DATAS would start from one heap");
        Assert.That(settings["System.GC.HeapCount"]?.GetValue<int>(), Is.EqualTo(2), "a heap per core would raise the peak on larger machines");
        Assert.That(settings["System.GC.NoAffinitize"]?.GetValue<bool>(), Is.True, "checks side by side must not pin their GC threads to the same cores");
    }

    [Test]
    public void The_benchmarks_import_the_same_settings()
    {
        var root = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Governance.Rules.sln"))) root = root.Parent;
        Assert.That(root, Is.Not.Null, "repository root");
        var project = File.ReadAllText(Path.Combine(root!.FullName, "benchmarks", "Governance.Rules.Benchmarks", "Governance.Rules.Benchmarks.csproj"));
        Assert.That(project, Does.Contain("""<Import Project="../../src/Governance.Rules.Cli/ToolRuntime.props" />"""));
        Assert.That(project, Does.Not.Contain("GarbageCollection").And.Not.Contain("TieredPGO"), "the benchmarks override none of the tool's settings");
    }

    private static JsonObject ConfigProperties(string path) =>
        JsonNode.Parse(File.ReadAllText(path))!["runtimeOptions"]!["configProperties"]!.AsObject();
}
