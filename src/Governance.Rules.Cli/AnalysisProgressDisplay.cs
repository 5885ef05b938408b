using Governance.Rules.Engine;
using Spectre.Console;

namespace Governance.Rules.Cli;

/// <summary>
/// A status line on the interactive terminal while a long analysis runs (files read, artifacts analysed). Shown only
/// when <see cref="CliEnvironment.Terminal"/> is set (never when output is redirected) and the run takes more than
/// <see cref="Delay"/>; it disappears before the report is written.
/// </summary>
internal static class AnalysisProgressDisplay
{
    /// <summary>How long a run goes before the status line appears.</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);

    public static AnalysisResult Run(IAnsiConsole? terminal, AnalysisOptions options, Func<AnalysisOptions, AnalysisResult> analyze)
    {
        if (terminal is null) return analyze(options);
        var counters = new Counters();
        var run = Task.Run(() => analyze(options with { Progress = counters }));
        if (!run.Wait(Delay))
        {
            terminal.Status().Spinner(Spinner.Known.Dots).Start(counters.Describe(), status =>
            {
                while (!run.Wait(TimeSpan.FromMilliseconds(100))) status.Status(counters.Describe());
            });
        }

        return run.GetAwaiter().GetResult();
    }

    /// <summary>The latest counts; reports arrive from several threads and out of order, so each count only grows.</summary>
    private sealed class Counters : IProgress<AnalysisProgress>
    {
        private int files;
        private int analyzed;
        private int artifacts;

        public void Report(AnalysisProgress value)
        {
            Raise(ref files, value.FilesRead);
            Raise(ref analyzed, value.ArtifactsAnalyzed);
            Raise(ref artifacts, value.Artifacts);
        }

        public string Describe()
        {
            var total = Volatile.Read(ref artifacts);
            return total == 0
                ? $"Reading files: {Volatile.Read(ref files)} read"
                : $"Analysing: {Volatile.Read(ref files)} files read, {Volatile.Read(ref analyzed)}/{total} artifacts analysed";
        }

        private static void Raise(ref int field, int value)
        {
            for (var current = Volatile.Read(ref field); value > current; current = Volatile.Read(ref field))
            {
                if (Interlocked.CompareExchange(ref field, value, current) == current) return;
            }
        }
    }
}
