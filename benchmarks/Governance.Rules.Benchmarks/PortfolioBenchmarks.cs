using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Governance.Rules.Engine;
using Governance.Rules.Loading;
using Governance.Rules.Reporting;

namespace Governance.Rules.Benchmarks;

/// <summary>A short job: the suites measure ratios against a raw parser in the same run, not absolute times.</summary>
public sealed class QuickConfig : ManualConfig
{
    public QuickConfig()
    {
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(3).WithId("Quick"));
        SummaryStyle = BenchmarkDotNet.Reports.SummaryStyle.Default.WithRatioStyle(BenchmarkDotNet.Columns.RatioStyle.Trend);
    }
}

/// <summary>
/// Loading and the end-to-end check of a generated portfolio, each against the raw parser of the same files in the same
/// process (<c>Baseline</c>): YamlDotNet's <c>Parser</c> event scan or System.Text.Json's <c>JsonDocument.Parse</c>, one
/// file after the other on one thread, over bytes already in memory. The ratio is the time of our operation over the
/// raw parser's: below 1 is faster than the raw single-core parser.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(QuickConfig))]
public class PortfolioBenchmarks
{
    private readonly ArtifactLoader loader = new();
    private GovernanceEngine engine = null!;
    private GeneratedPortfolio portfolio = null!;
    private byte[][] files = [];

    [Params(PortfolioFormat.Yaml, PortfolioFormat.Json)]
    public PortfolioFormat Format { get; set; }

    [Params(200, 1000)]
    public int Projects { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        engine = Workload.CreateEngine();
        portfolio = Workload.Shared(Projects, Format, engine);
        files = Workload.ReadAll(portfolio);
    }

    [Benchmark(Baseline = true, Description = "Raw parser, 1 thread")]
    public long RawParser() => Workload.RawParse(Format, files);

    [Benchmark(Description = "Load (parse, shape, records)")]
    public int Load() => loader.LoadPaths([portfolio.Root]).Artifacts.Count; // the count keeps the result alive (LoadResult is internal)

    [Benchmark(Description = "End to end (analyze + SARIF)")]
    public long EndToEnd() => Workload.Render(engine.AnalyzePaths([portfolio.Root], Workload.Options), ReportFormatNames.Sarif);
}

/// <summary>
/// The rules over artifacts already loaded (index, artifact rules, portfolio rules, suppressions, sorting) against the
/// same engine with no rule at all (<c>Baseline</c>, index and sorting only). Divide the difference by the artifacts for
/// the cost of the rules per artifact; <c>measure</c> prints the cost of each rule.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(QuickConfig))]
public class RuleBenchmarks
{
    private GovernanceEngine none = null!;
    private GovernanceEngine all = null!;
    private LoadResult loaded = null!;

    [Params(1000)]
    public int Projects { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        none = Workload.CreateEngine([]);
        all = Workload.CreateEngine();
        var portfolio = Workload.Shared(Projects, PortfolioFormat.Yaml, all);
        loaded = new ArtifactLoader().LoadPaths([portfolio.Root]);
        Console.WriteLine($"// {loaded.Artifacts.Count} artifacts");
    }

    [Benchmark(Baseline = true, Description = "No rules (index, sort)")]
    public int NoRules() => none.Analyze(loaded, Workload.Options).Findings.Count;

    [Benchmark(Description = "Every built-in rule")]
    public int AllRules() => all.Analyze(loaded, Workload.Options).Findings.Count;
}

/// <summary>
/// Each report format writing the findings of a 1,000-project analysis, against System.Text.Json serializing the same
/// findings (<c>Baseline</c>). Divide the findings by the time for findings per second.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(QuickConfig))]
public class ReportBenchmarks
{
    private AnalysisResult result = null!;

    [GlobalSetup]
    public void Setup()
    {
        var engine = Workload.CreateEngine();
        var portfolio = Workload.Shared(1000, PortfolioFormat.Yaml, engine);
        result = engine.AnalyzePaths([portfolio.Root], Workload.Options);
        Console.WriteLine($"// {result.Findings.Count} findings");
    }

    [Benchmark(Baseline = true, Description = "Raw STJ serialize of the findings")]
    public int RawJson() => System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(result.Findings).Length;

    [Benchmark]
    public long Text() => Workload.Render(result, ReportFormatNames.Text);

    [Benchmark]
    public long Sarif() => Workload.Render(result, ReportFormatNames.Sarif);

    [Benchmark]
    public long Json() => Workload.Render(result, ReportFormatNames.Json);

    [Benchmark]
    public long Junit() => Workload.Render(result, ReportFormatNames.Junit);

    [Benchmark]
    public long Markdown() => Workload.Render(result, ReportFormatNames.Markdown);

    [Benchmark]
    public long Html() => Workload.Render(result, ReportFormatNames.Html);
}
