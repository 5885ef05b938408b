using Spectre.Console;

namespace Governance.Rules.Cli;

/// <summary>The <c>govern</c> executable: wires the console and Ctrl+C, then runs <see cref="GovernCli"/>.</summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        StartupTrace.Mark("runtime started");
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // The first Ctrl+C stops the analysis cleanly; a second one ends the process at once.
            if (cancellation.IsCancellationRequested) return;
            e.Cancel = true;
            cancellation.Cancel();
        };

        var environment = new CliEnvironment(Console.Out, Console.Error)
        {
            Terminal = Console.IsOutputRedirected ? null : AnsiConsole.Console,
        };
        var exitCode = await GovernCli.RunAsync(args, environment, cancellation.Token).ConfigureAwait(false);
        StartupTrace.Mark("done");
        return exitCode;
    }
}
