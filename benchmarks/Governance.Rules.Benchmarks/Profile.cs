using System.Diagnostics;
using Governance.Rules.Loading;

namespace Governance.Rules.Benchmarks;

/// <summary><c>profile --projects N --format F</c>: the stages of loading, one file after the other on one thread.</summary>
public static class Profile
{
    public static int Run(int projects, PortfolioFormat format)
    {
        var portfolio = Workload.Generate(projects, format);
        try
        {
            var files = Workload.ReadAll(portfolio);
            var loader = new ArtifactLoader();
            for (var round = 0; round < 3; round++)
            {
                var raw = Time(() => Workload.RawParse(format, files));
                var parse = Time(() =>
                {
                    long n = 0;
                    foreach (var bytes in files)
                    {
                        var parsed = format == PortfolioFormat.Json
                            ? JsonDocumentParser.Parse(bytes)
                            : YamlDocumentParser.Parse(TextDecoding.TryDecodeText(bytes, true, out _)!);
                        n += parsed.Documents.Count;
                    }

                    return n;
                });
                var load = Time(() =>
                {
                    long n = 0;
                    for (var i = 0; i < files.Length; i++) n += loader.LoadContent(portfolio.Files[i], files[i]).Artifacts.Count;
                    return n;
                });
                var compact = new List<CompactDocument>();
                var check = Time(() =>
                {
                    compact.Clear();
                    foreach (var bytes in files)
                    {
                        var read = format == PortfolioFormat.Json
                            ? JsonDocumentParser.TryLoadFast(bytes)?.Documents
                            : YamlDocumentParser.TryReadFast(bytes);
                        compact.AddRange(read ?? []);
                    }

                    return compact.Count;
                });
                var deserialize = Time(() =>
                {
                    foreach (var document in compact)
                        System.Text.Json.JsonSerializer.Deserialize(document.Json.Span, document.RecordType, ArtifactSerialization.StrictOptions);
                    return compact.Count;
                });
                long fast = 0, all = 0;
                var load2 = Time(() =>
                {
                    for (var i = 0; i < files.Length; i++)
                    {
                        foreach (var artifact in loader.LoadContent(portfolio.Files[i], files[i]).Artifacts)
                        {
                            all++;
                            if (artifact.Document.Map.IsCompact) fast++;
                        }
                    }

                    return all;
                });
                var mb = portfolio.Bytes / 1e6;
                Console.WriteLine($"raw {mb / raw:F1} MB/s; LoadContent (all of loading) {mb / load:F1} MB/s; " +
                    $"full path's parse to nodes + source map alone {mb / parse:F1} MB/s; {fast} of {all} artifacts took the fast path; " +
                    $"fast path's own pass (JSON: single pass to records; YAML: to JSON with checks) {mb / check:F1} MB/s, strict deserialize from those bytes alone {mb / deserialize:F1} MB/s");
            }

            return 0;
        }
        finally
        {
            Directory.Delete(portfolio.Root, recursive: true);
        }
    }

    /// <summary><c>memory --projects N --format F</c>: the heap that loading keeps, split into records and source documents.</summary>
    public static int Memory(int projects, PortfolioFormat format)
    {
        var portfolio = Workload.Generate(projects, format);
        try
        {
            var mb = portfolio.Bytes / 1e6;
            var before = Heap();
            var (records, documents) = Load(portfolio.Root);
            var all = Heap();
            var compact = documents.Count(d => d.Map.IsCompact);
            documents.Clear();
            var onlyRecords = Heap();
            GC.KeepAlive(records);
            Console.WriteLine($"{mb:F1} MB on disk, {records.Count} artifacts ({compact} read by the fast path). Heap kept after loading: {(all - before) / 1e6:F1} MB ({(all - before) / 1e6 / mb:F2}x disk); " +
                $"records alone {(onlyRecords - before) / 1e6:F1} MB ({(onlyRecords - before) / 1e6 / mb:F2}x), source documents (compact form or maps) {(all - onlyRecords) / 1e6:F1} MB ({(all - onlyRecords) / 1e6 / mb:F2}x)");
            return 0;
        }
        finally
        {
            Directory.Delete(portfolio.Root, recursive: true);
        }

        static (List<Governance.Rules.Model.Artifact> Records, List<SourceDocument> Documents) Load(string root)
        {
            var loaded = new ArtifactLoader().LoadPaths([root]);
            return ([.. loaded.Artifacts.Select(a => a.Artifact)], [.. loaded.Artifacts.Select(a => a.Document)]);
        }

        static long Heap()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            return GC.GetTotalMemory(forceFullCollection: true);
        }
    }

    private static double Time(Func<long> action)
    {
        var stopwatch = Stopwatch.StartNew();
        action();
        return stopwatch.Elapsed.TotalSeconds;
    }
}
