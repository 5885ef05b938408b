using System.Diagnostics;
using System.Globalization;

namespace Governance.Rules.Cli;

/// <summary>
/// <c>GOVERN_STARTUP_TRACE=1</c>: prints to standard error, in milliseconds since the process started, when each
/// start-up stage ends, when each assembly loads and when an exception is thrown (benchmarks/README.md, "Start-up");
/// <c>GOVERN_STARTUP_TRACE=stacks</c> adds the stack that loaded each assembly. Costs nothing when unset.
/// The process start time is a wall-clock time, so this diagnostic (never the analysis) reads the system clock.
/// </summary>
internal static class StartupTrace
{
    /// <summary>The environment variable that turns the trace on.</summary>
    public const string Variable = "GOVERN_STARTUP_TRACE";

    private static readonly DateTime? ProcessStart = Start();

    /// <summary>Whether the trace is on.</summary>
    public static bool Enabled => ProcessStart is not null;

    /// <summary>Prints that <paramref name="stage"/> has ended, when the trace is on.</summary>
    public static void Mark(string stage)
    {
        if (ProcessStart is { } start) Write(start, stage);
    }

    private static DateTime? Start()
    {
        if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } value || value == "0") return null;
        var start = Process.GetCurrentProcess().StartTime.ToUniversalTime();
        Write(start, "main entered");
        var stacks = value == "stacks";
        AppDomain.CurrentDomain.AssemblyLoad += (_, e) =>
            Write(start, "  loaded " + e.LoadedAssembly.GetName().Name + (stacks ? Environment.NewLine + Environment.StackTrace : string.Empty));
        AppDomain.CurrentDomain.FirstChanceException += (_, e) => Write(start, "  thrown " + e.Exception.GetType().Name + ": " + e.Exception.Message);
        return start;
    }

    private static void Write(DateTime start, string stage) =>
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[startup] {(TimeProvider.System.GetUtcNow().UtcDateTime - start).TotalMilliseconds,7:0.0} ms  {stage}"));
}
