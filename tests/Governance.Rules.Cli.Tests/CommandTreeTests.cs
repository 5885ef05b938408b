using Governance.Rules.Cli.Tests.Testing;

namespace Governance.Rules.Cli.Tests;

/// <summary><c>govern</c> builds only the command its first argument names; everything else still sees them all.</summary>
[TestFixture]
[Category("cli")]
public sealed class CommandTreeTests
{
    private static readonly string[] Commands = ["check", "rules", "schema", "baseline", "trace", "diff"];

    private Workspace workspace = null!;

    [SetUp]
    public void SetUp() => workspace = Workspace.Create();

    [TearDown]
    public void TearDown() => workspace.Dispose();

    [Test]
    public async Task Root_help_lists_every_command()
    {
        var run = await workspace.RunAsync("--help");

        run.ExitCode.Should().Be(0, run.ToString());
        foreach (var command in Commands) run.StdOut.Should().Contain(command);
    }

    [Test]
    public async Task Each_command_has_its_help_when_named_first()
    {
        foreach (var command in Commands)
        {
            var run = await workspace.RunAsync(command, "--help");

            run.ExitCode.Should().Be(0, run.ToString());
            run.StdOut.Should().Contain("Usage:", command).And.Contain($" {command} ", command);
        }
    }

    [Test]
    public async Task A_sibling_command_name_after_a_command_is_an_argument_of_that_command()
    {
        // Same as with the whole tree: after 'check', 'rules' is a path, not the rules command.
        var run = await workspace.RunAsync("check", "rules");

        run.ExitCode.Should().Be(2, run.ToString());
        run.StdErr.Should().Contain("path not found: rules");
    }

    [Test]
    public async Task An_unknown_command_is_an_invalid_invocation()
    {
        var run = await workspace.RunAsync("chek");

        run.ExitCode.Should().Be(2, run.ToString());
    }
}
