using BenchmarkDotNet.Attributes;
using Governance.Rules.Engine;
using Governance.Rules.Loading;
using Governance.Rules.Rules;

namespace Governance.Rules.Benchmarks;

/// <summary>
/// Load only and end-to-end analysis of a synthetic portfolio of <see cref="Projects"/> projects (a Project, a
/// ProjectPlan and a Backlog of 100 items each), read from a temporary folder. Divide by <see cref="Projects"/> for
/// the cost per project.
/// </summary>
[MemoryDiagnoser]
public class PortfolioBenchmarks
{
    private static readonly AnalysisOptions Options = new() { AsOf = new DateOnly(2026, 11, 1) };

    private readonly ArtifactLoader loader = new();
    private string folder = string.Empty;
    private GovernanceEngine engine = null!;

    [Params(100, 1000)]
    public int Projects { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        folder = Path.Combine(Path.GetTempPath(), $"governance-bench-{Projects}-{Environment.ProcessId}");
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        var bytes = SyntheticPortfolio.Write(folder, Projects);
        engine = new GovernanceEngine(BuiltInRules.Create(), loader, TimeProvider.System);

        // Sanity check outside the measurement: every document loads without an engine diagnostic.
        var result = engine.AnalyzePaths([folder], Options);
        var engineFindings = result.Findings.Count(f => string.CompareOrdinal(f.RuleId, "GOV010") < 0);
        if (result.Artifacts.Count != 3 * Projects || engineFindings != 0)
        {
            throw new InvalidOperationException(
                $"The synthetic portfolio is broken: {result.Artifacts.Count} artifacts, {engineFindings} engine findings; first: {(result.Findings.Count > 0 ? result.Findings[0].Message : "none")}");
        }

        Console.WriteLine($"// Synthetic portfolio: {Projects} projects, {bytes / 1024.0 / 1024.0:F1} MiB of YAML, {result.Findings.Count} findings");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    [Benchmark(Description = "Load (parse, schema, records)")]
    public LoadResult Load() => loader.LoadPaths([folder]);

    [Benchmark(Description = "Analyze end to end")]
    public AnalysisResult Analyze() => engine.AnalyzePaths([folder], Options);
}
