using System.Diagnostics.Tracing;
using System.Globalization;

namespace Governance.Rules.Benchmarks;

/// <summary>
/// Prints every garbage collection of the process as it ends (when <c>GOVERN_GC_LOG=1</c>): generation, kind, reason,
/// what it promoted and the heap's generation sizes afterwards. This is what explains a run's GC pause in <c>measure</c>.
/// </summary>
internal sealed class GcLog : EventListener
{
    private static readonly string[] Reasons =
        ["alloc small", "induced", "low memory", "empty", "alloc large", "out of space SOH", "out of space LOH", "induced not forced", "internal", "induced low memory", "induced compacting", "low memory host", "PM full", "low memory host blocking", "bgc tuning SOH", "bgc tuning LOH", "bgc stepping"];

    private static readonly string[] Kinds = ["blocking", "background", "foreground"];

    private string pending = string.Empty;
    private long started;

    public static GcLog? StartIfRequested() => Environment.GetEnvironmentVariable("GOVERN_GC_LOG") == "1" ? new GcLog() : null;

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Informational, (EventKeywords)0x1);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        switch (e.EventId)
        {
            case 1 when e.Payload is { Count: >= 4 } start: // GCStart
                var reason = Convert.ToInt32(start[2], CultureInfo.InvariantCulture);
                var kind = Convert.ToInt32(start[3], CultureInfo.InvariantCulture);
                pending = $"GC #{start[0]} gen{start[1]} {(kind < Kinds.Length ? Kinds[kind] : kind.ToString(CultureInfo.InvariantCulture))}, {(reason < Reasons.Length ? Reasons[reason] : reason.ToString(CultureInfo.InvariantCulture))}";
                started = e.TimeStamp.Ticks;
                break;
            case 4 when e.Payload is { Count: >= 8 } stats: // GCHeapStats
                static double Mb(object? value) => Convert.ToDouble(value, CultureInfo.InvariantCulture) / 1e6;
                Console.WriteLine($"  {pending} ({(e.TimeStamp.Ticks - started) / 1e4:F0} ms start to stats): promoted gen0 {Mb(stats[1]):F1} MB, gen1 {Mb(stats[3]):F1} MB, gen2 {Mb(stats[5]):F1} MB; " +
                    $"sizes gen0 {Mb(stats[0]):F1}, gen1 {Mb(stats[2]):F1}, gen2 {Mb(stats[4]):F1}, LOH {Mb(stats[6]):F1} MB");
                break;
        }
    }
}
