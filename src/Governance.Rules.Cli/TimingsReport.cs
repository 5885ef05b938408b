using System.Globalization;
using System.Runtime;
using Governance.Rules.Engine;

namespace Governance.Rules.Cli;

/// <summary><c>--timings</c>: the time spent per stage and per rule, written to standard error.</summary>
internal static class TimingsReport
{
    public static void Write(AnalysisResult result, TimeSpan reportTime, TextWriter writer)
    {
        var stages = result.StageTimings.Append(new KeyValuePair<string, TimeSpan>("report", reportTime)).ToList();
        var rules = result.RuleTimings
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .ToList();
        var width = stages.Select(s => s.Key.Length).Concat(rules.Select(r => r.Key.Length)).Append("total".Length).Max();

        writer.WriteLine("Timings per stage:");
        foreach (var (name, time) in stages) writer.WriteLine(Line(name, time, width));
        writer.WriteLine(Line("total", stages.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Value), width));
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  (the process so far: {JitInfo.GetCompiledMethodCount()} methods JIT-compiled in {JitInfo.GetCompilationTime().TotalMilliseconds:0} ms, summed over threads; {GC.CollectionCount(0)} garbage collections, paused {GC.GetTotalPauseDuration().TotalMilliseconds:0} ms)"));
        writer.WriteLine("Timings per rule (summed over threads):");
        foreach (var (id, time) in rules) writer.WriteLine(Line(id, time, width));
    }

    private static string Line(string name, TimeSpan time, int width) =>
        string.Create(CultureInfo.InvariantCulture, $"  {name.PadRight(width)}  {time.TotalMilliseconds,10:0.000} ms");
}
