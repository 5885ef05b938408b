using System.CommandLine;
using System.CommandLine.Help;
using Governance.Rules.Cli.Commands;

namespace Governance.Rules.Cli;

/// <summary>
/// The <c>govern</c> command line (SPEC §D): <c>check</c>, <c>rules</c> and <c>schema</c>. Runs in-process with the
/// streams it is given, so tests call it like the shell does. An invalid invocation always exits 2.
/// </summary>
internal static class GovernCli
{
    /// <summary>Runs <c>govern</c> with <paramref name="args"/>, writing to <paramref name="stdout"/> and <paramref name="stderr"/>.</summary>
    /// <returns>The exit code (see <see cref="ExitCodes"/>).</returns>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default) =>
        RunAsync(args, new CliEnvironment(stdout, stderr), cancellationToken);

    /// <summary>Runs <c>govern</c> with <paramref name="args"/> in <paramref name="environment"/>.</summary>
    /// <returns>The exit code (see <see cref="ExitCodes"/>).</returns>
    public static async Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        var root = CreateRootCommand(args, environment);
        StartupTrace.Mark("commands built");
        var parseResult = root.Parse(args);
        StartupTrace.Mark("arguments parsed");

        // System.CommandLine exits 1 on a parse error; 1 means "findings" here, so report the errors ourselves.
        if (parseResult.Errors.Count > 0 && parseResult.Action is not HelpAction)
        {
            foreach (var error in parseResult.Errors)
                await environment.Error.WriteLineAsync($"govern: {error.Message}").ConfigureAwait(false);
            var command = string.Join(' ', parseResult.CommandResult.Command is RootCommand ? ["govern"] : ["govern", parseResult.CommandResult.Command.Name]);
            await environment.Error.WriteLineAsync($"Run '{command} --help' for usage.").ConfigureAwait(false);
            return ExitCodes.InvalidInvocation;
        }

        var invocation = new InvocationConfiguration
        {
            Output = environment.Out,
            Error = environment.Error,
            EnableDefaultExceptionHandler = false,
            // Ctrl+C is wired by the host (Program) into cancellationToken; in-process callers must keep their handlers.
            ProcessTerminationTimeout = null,
        };
        try
        {
            return await parseResult.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await environment.Error.WriteLineAsync("govern: cancelled").ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }
        catch (Exception ex)
        {
            await environment.Error.WriteLineAsync($"govern: internal error: {ex}").ConfigureAwait(false);
            return ExitCodes.InternalError;
        }
    }

    /// <summary>The commands, in the order <c>govern --help</c> lists them.</summary>
    private static readonly (string Name, Func<CliEnvironment, Command> Create)[] Commands =
    [
        ("check", CheckCommand.Create),
        ("rules", RulesCommand.Create),
        ("schema", SchemaCommand.Create),
        ("baseline", BaselineCommand.Create),
        ("trace", TraceCommand.Create),
        ("diff", DiffCommand.Create),
    ];

    /// <summary>
    /// The root command. The parser looks for a command only at the first token and, once in a command, never reaches
    /// its siblings; so when the first token names a command, only that one is built (building all six is JIT work on
    /// every start, benchmarks/README.md "Start-up"). Anything else (no argument, <c>--help</c>, a typo) gets them all.
    /// </summary>
    private static RootCommand CreateRootCommand(string[] args, CliEnvironment environment)
    {
        var root = new RootCommand(
            "govern: checks governance artifacts (YAML/JSON product and project documents) against the Governance.Rules catalog.\n" +
            "Exit codes: 0 no finding at or above --fail-on, 1 at least one, 2 invalid invocation, 3 internal error, 130 cancelled.");
        var invoked = args.Length > 0 && Array.Exists(Commands, c => c.Name == args[0]) ? args[0] : null;
        foreach (var (name, create) in Commands)
        {
            if (invoked is null || name == invoked) root.Subcommands.Add(create(environment));
        }

        return root;
    }
}
