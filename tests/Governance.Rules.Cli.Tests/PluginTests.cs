using Governance.Rules.Cli.Tests.Testing;

namespace Governance.Rules.Cli.Tests;

[TestFixture]
[Category("Plugins")]
public sealed class PluginTests
{
    private Workspace workspace = null!;

    private static string PluginPath => Path.Combine(TestContext.CurrentContext.TestDirectory, "Governance.Rules.TestPlugin.dll");

    [SetUp]
    public void SetUp() => workspace = Workspace.Create()
        .Write("plan.yaml", "apiVersion: governance/v1\nkind: ProjectPlan\nmetadata: {id: plan-x}\nspec:\n  projectId: p\n  riskRegister: [{id: r}]\n");

    [TearDown]
    public void TearDown() => workspace.Dispose();

    [Test]
    public async Task Rules_of_a_plugin_assembly_run_and_can_be_configured()
    {
        var run = await workspace.RunAsync("check", ".", "--plugin", PluginPath);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Lines[0].Should().Be("plan.yaml:5:3: warning GOV990: Plan 'plan-x' has no version [plan-x]");

        workspace.Write("governance.yaml", Workspace.FocusedConfiguration() + "  GOV990: error\n");
        (await workspace.RunAsync("check", ".", "--plugin", PluginPath)).ExitCode.Should().Be(1);
        (await workspace.RunAsync("check", ".")).ExitCode.Should().Be(2, "without the plugin GOV990 is an unknown rule in the configuration");
    }

    [Test]
    public async Task A_report_format_of_a_plugin_is_accepted_by_format_only_when_the_plugin_is_loaded()
    {
        var run = await workspace.RunAsync("check", ".", "--plugin", PluginPath, "--format", "csv");

        run.ExitCode.Should().Be(0, run.ToString());
        run.Lines.Should().Equal("rule,severity,file,line,column,artifact", "GOV990,warning,plan.yaml,5,3,plan-x");

        var without = await workspace.RunAsync("check", ".", "--format", "csv");
        without.ExitCode.Should().Be(2);
        without.StdErr.Should().Contain("unknown --format csv").And.Contain("available formats: html, json, junit, markdown, sarif, text");
        without.StdOut.Should().BeEmpty();
    }

    [Test]
    public async Task A_missing_or_invalid_plugin_is_exit_2()
    {
        (await workspace.RunAsync("check", ".", "--plugin", "nope.dll")).StdErr.Should().Contain("plugin not found: nope.dll");
        workspace.Write("fake.dll", "not an assembly");
        var run = await workspace.RunAsync("check", ".", "--plugin", "fake.dll");
        run.ExitCode.Should().Be(2);
        run.StdErr.Should().Contain("fake.dll cannot be loaded");
    }
}
