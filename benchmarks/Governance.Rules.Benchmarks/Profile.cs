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
                var mb = portfolio.Bytes / 1e6;
                Console.WriteLine($"raw {mb / raw:F1} MB/s; parse to nodes + source map {mb / parse:F1} MB/s; LoadContent (all of loading) {mb / load:F1} MB/s; " +
                    $"so parse {parse / load:P0} of loading, the rest (normalize, date ranges, strict deserialize) {(load - parse) / load:P0}");
            }

            return 0;
        }
        finally
        {
            Directory.Delete(portfolio.Root, recursive: true);
        }
    }

    private static double Time(Func<long> action)
    {
        var stopwatch = Stopwatch.StartNew();
        action();
        return stopwatch.Elapsed.TotalSeconds;
    }
}
