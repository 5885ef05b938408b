using System.Diagnostics;
using System.Globalization;

namespace Governance.Rules.Benchmarks;

/// <summary>
/// The command-line verbs outside BenchmarkDotNet:
/// <c>generate --projects N --format yaml|json --output DIR [--seed S]</c> writes a portfolio;
/// <c>measure --projects N [--format yaml|json] [--repeat R] [--warmup W] [--interleave 0|1]</c> is a one-shot end-to-end measurement (generate,
/// warm up, analyse and write SARIF, then the raw parser over the same files on one thread) that prints wall time, MB/s,
/// the ratio to the raw parser and the peak working set. <c>--warmup W</c> first runs both W times over the whole
/// portfolio untimed, as BenchmarkDotNet's warm-up iterations do, so that the timed runs compare steady states.
/// <c>--interleave 1</c> follows each of our runs with one of the raw parser, so that each pair runs under the same
/// machine conditions, and also prints the median of the pairs' ratios.
/// </summary>
public static class Commands
{
    public static int Run(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) return Usage($"Unexpected argument '{args[i]}'");
            options[args[i][2..]] = args[i + 1];
        }

        if ((args.Length - 1) % 2 != 0) return Usage($"'{args[^1]}' has no value");
        var projects = int.Parse(options.GetValueOrDefault("projects", "1000"), CultureInfo.InvariantCulture);
        var format = options.GetValueOrDefault("format", "yaml") switch
        {
            "yaml" => PortfolioFormat.Yaml,
            "json" => PortfolioFormat.Json,
            var other => throw new ArgumentException($"Unknown format '{other}': yaml or json"),
        };
        var seed = int.Parse(options.GetValueOrDefault("seed", PortfolioGenerator.DefaultSeed.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        return args[0] switch
        {
            "generate" when options.TryGetValue("output", out var output) => Generate(output, projects, format, seed),
            "generate" => Usage("generate needs --output DIR"),
            "profile" => Profile.Run(projects, format),
            "memory" => Profile.Memory(projects, format),
            _ => Measure(projects, format, int.Parse(options.GetValueOrDefault("repeat", "1"), CultureInfo.InvariantCulture),
                int.Parse(options.GetValueOrDefault("warmup", "0"), CultureInfo.InvariantCulture),
                options.GetValueOrDefault("interleave", "0")),
        };
    }

    private static int Usage(string problem)
    {
        Console.Error.WriteLine(problem);
        Console.Error.WriteLine("usage: generate --projects N --format yaml|json --output DIR [--seed S]");
        Console.Error.WriteLine("       measure --projects N [--format yaml|json] [--repeat R] [--warmup W] [--interleave 0|1]");
        Console.Error.WriteLine("       anything else: BenchmarkDotNet arguments (--filter '*' --list flat ...)");
        return 2;
    }

    private static int Generate(string output, int projects, PortfolioFormat format, int seed)
    {
        var stopwatch = Stopwatch.StartNew();
        var portfolio = PortfolioGenerator.Write(Path.GetFullPath(output), projects, format, seed);
        Console.WriteLine($"Wrote {portfolio.Projects} projects, {portfolio.Products} products, {portfolio.Artifacts} artifacts in {portfolio.Files.Count} files, " +
            $"{portfolio.MiB:F1} MiB of {format} to {portfolio.Root} in {stopwatch.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine("Planted gaps: " + string.Join(", ", PortfolioGenerator.PlantedGaps(projects).Select(p => $"{p.Key} x{p.Value}")));
        return 0;
    }

    private static int Measure(int projects, PortfolioFormat format, int repeat, int warmupRuns, string interleaveOption)
    {
        if (repeat < 1 || warmupRuns < 0) return Usage("--repeat is at least 1 and --warmup at least 0");
        if (interleaveOption is not ("0" or "1")) return Usage($"--interleave is 0 or 1, not '{interleaveOption}'");
        var interleave = interleaveOption == "1";
        using var gcLog = GcLog.StartIfRequested();
        // Warm up (JIT, schema and template caches) on a small portfolio, and check that it loads cleanly.
        var warmup = Workload.Generate(20, format);
        var engine = Workload.CreateEngine();
        Workload.Check(warmup, engine);
        Workload.Render(engine.AnalyzePaths([warmup.Root], Workload.Options), "sarif");
        Directory.Delete(warmup.Root, recursive: true);

        var stopwatch = Stopwatch.StartNew();
        var portfolio = Workload.Generate(projects, format);
        Console.WriteLine($"Generated {portfolio.Projects} projects, {portfolio.Artifacts} artifacts in {portfolio.Files.Count} files, {portfolio.MiB:F1} MiB of {format} in {stopwatch.Elapsed.TotalSeconds:F1} s");
        try
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            using var process = Process.GetCurrentProcess();
            process.Refresh();
            var peakBefore = process.PeakWorkingSet64;
            var times = new List<double>();
            var cpuTimes = new List<double>();
            long allocated = 0;
            var findings = 0;
            var sarifChars = 0L;
            var stages = string.Empty;
            var gaps = string.Empty;
            // Each timed run starts on a clean heap, as a `govern check` process does and as BenchmarkDotNet's iterations do
            // (a forced full collection before each, not timed): otherwise a run pays for collecting the records and the
            // index the previous run left (a compacting gen2 every few runs). GOVERN_MEASURE_NO_COLLECT=1 skips it.
            var collectBetweenRuns = Environment.GetEnvironmentVariable("GOVERN_MEASURE_NO_COLLECT") != "1";
            Console.WriteLine(collectBetweenRuns
                ? "Each run (ours and the raw parser's) starts after a forced full collection, not timed."
                : "Runs start without a forced collection (GOVERN_MEASURE_NO_COLLECT=1): each pays for the garbage of the one before.");
            void StartClean()
            {
                if (!collectBetweenRuns) return;
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
            }

            // The raw parser on the same files, one file after the other on one thread (reading the file is not timed).
            // CPU time as well as wall time: on a shared machine, CPU time is what other processes disturb least. The raw
            // parser runs alone on one thread here, so the process's CPU time is that thread's.
            var rawTimes = new List<double>();
            var rawCpuTimes = new List<double>();
            var pairRatios = new List<double>();
            var rawAllocated = 0L;
            double RawRun(int r, byte[][] files)
            {
                StartClean();
                rawAllocated = GC.GetTotalAllocatedBytes(precise: false);
                process.Refresh();
                var cpu = process.TotalProcessorTime;
                var started = Stopwatch.GetTimestamp();
                Workload.RawParse(format, files);
                var wall = Stopwatch.GetElapsedTime(started).TotalSeconds;
                process.Refresh();
                if (r >= 0)
                {
                    rawTimes.Add(wall);
                    rawCpuTimes.Add((process.TotalProcessorTime - cpu).TotalSeconds);
                }

                rawAllocated = GC.GetTotalAllocatedBytes(precise: false) - rawAllocated;
                return wall;
            }

            // With --interleave the peak is read before the raw parser's first run, whose files would count in it; each
            // raw run reads the files afresh and drops them, so our runs see the same heap either way.
            long? peakOfOurs = null;

            // Warm-up runs (r < 0) run exactly as the timed ones and are printed, but left out of the medians.
            for (var r = -warmupRuns; r < repeat; r++)
            {
                StartClean();
                var allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                var (gen0, gen1, gen2, paused) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
                stopwatch.Restart();
                var result = engine.AnalyzePaths([portfolio.Root], Workload.Options with { KeepArtifacts = false });
                sarifChars = Workload.Render(result, "sarif");
                var wall = stopwatch.Elapsed.TotalSeconds;
                process.Refresh();
                var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
                allocated = GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore;
                if (r >= 0)
                {
                    times.Add(wall);
                    cpuTimes.Add(cpu);
                }

                findings = result.Findings.Count;
                var collections = $"GC {GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2} (gen0/1/2), paused {(GC.GetTotalPauseDuration() - paused).TotalSeconds:F2} s";
                stages = $"{(r < 0 ? $"warm-up {r + warmupRuns + 1}" : $"run {r + 1}")}: {wall:F2} s wall, {cpu:F2} s CPU, {collections}; " + string.Join(", ", result.StageTimings.Select(s => $"{s.Key} {s.Value.TotalSeconds:F2} s")) + "; slowest rules: " +
                    string.Join(", ", result.RuleTimings.OrderByDescending(t => t.Value).Take(5).Select(t => $"{t.Key} {t.Value.TotalSeconds:F2} s"));
                Console.WriteLine(stages);
                gaps = string.Join(", ", PortfolioGenerator.PlantedGaps(projects).Select(p =>
                {
                    var found = result.Findings.Count(f => f.RuleId == p.Key);
                    return found >= p.Value ? $"{p.Key} {found} found of {p.Value} planted" : throw new InvalidOperationException($"Planted {p.Value} {p.Key} gaps, found {found}");
                }));
                if (result.Analyzed.Count != portfolio.Artifacts) throw new InvalidOperationException($"{result.Analyzed.Count} of {portfolio.Artifacts} artifacts loaded");
                if (!interleave) continue;
                if (peakOfOurs is null)
                {
                    process.Refresh();
                    peakOfOurs = process.PeakWorkingSet64;
                }

                var rawWall = RawRun(r, Workload.ReadAll(portfolio));
                if (r >= 0) pairRatios.Add(rawWall / wall);
                Console.WriteLine($"  raw parser after it: {rawWall:F2} s wall; ratio {rawWall / wall:F2}");
            }

            process.Refresh();
            var peak = peakOfOurs ?? process.PeakWorkingSet64;
            times.Sort();
            cpuTimes.Sort();
            var endToEnd = times[(times.Count - 1) / 2];
            var endToEndCpu = cpuTimes[(cpuTimes.Count - 1) / 2];

            if (!interleave)
            {
                var files = Workload.ReadAll(portfolio);
                for (var r = -warmupRuns; r < repeat; r++) RawRun(r, files);
            }

            rawTimes.Sort();
            rawCpuTimes.Sort();
            var rawTime = rawTimes[(rawTimes.Count - 1) / 2];
            var rawCpuTime = rawCpuTimes[(rawCpuTimes.Count - 1) / 2];
            var mb = portfolio.Bytes / 1e6;
            var rawName = format == PortfolioFormat.Yaml ? "YamlDotNet Parser event scan" : "STJ JsonDocument.Parse";
            Console.WriteLine($"End to end (AnalyzePaths + SARIF, {Environment.ProcessorCount} cores): {endToEnd:F2} s, {mb / endToEnd:F1} MB/s, {findings} findings, {sarifChars / 1e6:F1} M chars of SARIF (median of {repeat} runs, the lower of two{(warmupRuns > 0 ? $", after {warmupRuns} warm-up runs" : "")})");
            Console.WriteLine($"Raw {rawName} (1 thread): {rawTime:F2} s, {mb / rawTime:F1} MB/s");
            Console.WriteLine($"Ratio end to end / raw parser (throughput): {rawTime / endToEnd:F2}");
            if (interleave)
            {
                pairRatios.Sort();
                Console.WriteLine($"Paired ratio (median of each run's raw / ours, the raw parser right after ours): {pairRatios[(pairRatios.Count - 1) / 2]:F2} (runs {pairRatios[0]:F2}-{pairRatios[^1]:F2})");
            }

            Console.WriteLine($"CPU time: end to end {endToEndCpu:F2} s (all threads), raw parser {rawCpuTime:F2} s; ratio raw / ours {rawCpuTime / endToEndCpu:F2} " +
                $"(wall-clock ratio on an idle machine with {Environment.ProcessorCount} cores is at most {Environment.ProcessorCount * rawCpuTime / endToEndCpu:F2})");
            Console.WriteLine($"Allocated: {allocated / 1e6:F0} MB ({allocated / (double)portfolio.Bytes:F1} bytes per input byte, {allocated / 1e6 / projects:F2} MB per project; the raw parser alone: {rawAllocated / (double)portfolio.Bytes:F1} bytes per input byte)");
            Console.WriteLine($"Peak working set: {peak / 1e6:F0} MB (before the analysis: {peakBefore / 1e6:F0} MB); {peak / (double)portfolio.Bytes:F2}x the {mb:F0} MB on disk");
            Console.WriteLine($"Per project end to end: {endToEnd * 1000 / projects:F2} ms");
            Console.WriteLine($"Planted gaps (checked after the timing): {gaps}");
            return 0;
        }
        finally
        {
            Directory.Delete(portfolio.Root, recursive: true);
        }
    }
}
