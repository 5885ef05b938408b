using System.Text.Json;
using Governance.Rules.Engine;
using Governance.Rules.Loading;
using Governance.Rules.Reporting;
using Governance.Rules.Rules;
using Microsoft.Extensions.DependencyInjection;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Governance.Rules.Benchmarks;

/// <summary>
/// What every suite shares: the generated portfolio (cached per size and format in the temp folder), its bytes in
/// memory for the raw parsers, the engine with every built-in rule, and the raw parsers themselves.
/// </summary>
public static class Workload
{
    public static readonly AnalysisOptions Options = new() { AsOf = new DateOnly(2026, 11, 1) };

    private static readonly ServiceProvider Services = new ServiceCollection().AddGovernanceRules().Services.BuildServiceProvider();

    public static IReadOnlyList<IReportFormatter> Formatters { get; } = [.. Services.GetServices<IReportFormatter>()];

    public static GovernanceEngine CreateEngine(IEnumerable<GovernanceRule>? rules = null) =>
        new(rules ?? BuiltInRules.Create(), new ArtifactLoader(), TimeProvider.System);

    /// <summary>Generates the portfolio into a fresh folder under the temp folder.</summary>
    public static GeneratedPortfolio Generate(int projects, PortfolioFormat format)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"governance-bench-{format.ToString().ToLowerInvariant()}-{projects}-{Environment.ProcessId}");
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        return PortfolioGenerator.Write(folder, projects, format);
    }

    /// <summary>
    /// The portfolio for a benchmark, shared by the benchmark processes of one run: generated and checked once, then
    /// reused while the generator, its seed and the library are unchanged (the marker holds their identity).
    /// </summary>
    public static GeneratedPortfolio Shared(int projects, PortfolioFormat format, GovernanceEngine engine)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"governance-bench-shared-{format.ToString().ToLowerInvariant()}-{projects}");
        var marker = Path.Combine(Path.GetTempPath(), $"governance-bench-shared-{format.ToString().ToLowerInvariant()}-{projects}.checked");
        var identity = $"{typeof(PortfolioGenerator).Assembly.ManifestModule.ModuleVersionId} {typeof(GovernanceEngine).Assembly.ManifestModule.ModuleVersionId}";
        if (Directory.Exists(folder) && File.Exists(marker) && File.ReadAllText(marker) == identity)
        {
            var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
            var portfolio = new GeneratedPortfolio(folder, format, projects, PortfolioGenerator.ProductCount(projects),
                int.Parse(File.ReadAllText(marker + ".artifacts"), System.Globalization.CultureInfo.InvariantCulture), files, files.Sum(f => new FileInfo(f).Length));
            Console.WriteLine($"// Reusing the checked portfolio in {folder}: {portfolio.MiB:F1} MiB of {format}");
            return portfolio;
        }

        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        var generated = PortfolioGenerator.Write(folder, projects, format);
        Describe(generated, Check(generated, engine));
        File.WriteAllText(marker + ".artifacts", generated.Artifacts.ToString(System.Globalization.CultureInfo.InvariantCulture));
        File.WriteAllText(marker, identity);
        return generated;
    }

    /// <summary>Outside any measurement: every document loads without an engine diagnostic (GOV001–GOV009), and every planted gap is found.</summary>
    public static AnalysisResult Check(GeneratedPortfolio portfolio, GovernanceEngine engine)
    {
        var result = engine.AnalyzePaths([portfolio.Root], Options);
        var engineFindings = result.Findings.Where(f => string.CompareOrdinal(f.RuleId, "GOV010") < 0).ToList();
        if (result.Artifacts.Count != portfolio.Artifacts || engineFindings.Count != 0)
        {
            throw new InvalidOperationException(
                $"The synthetic portfolio is broken: {result.Artifacts.Count} of {portfolio.Artifacts} artifacts, {engineFindings.Count} engine findings; " +
                string.Join("; ", engineFindings.Take(5).Select(f => $"{f.RuleId} {f.File}:{f.Line} {f.Message}")));
        }

        foreach (var (ruleId, expected) in PortfolioGenerator.PlantedGaps(portfolio.Projects))
        {
            var found = result.Findings.Count(f => f.RuleId == ruleId);
            if (found < expected) throw new InvalidOperationException($"Planted {expected} {ruleId} gaps, found {found}");
        }

        return result;
    }

    public static void Describe(GeneratedPortfolio portfolio, AnalysisResult result) =>
        Console.WriteLine($"// Synthetic portfolio: {portfolio.Projects} projects, {portfolio.Products} products, {portfolio.Artifacts} artifacts in {portfolio.Files.Count} files, " +
            $"{portfolio.MiB:F1} MiB of {portfolio.Format}, {result.Findings.Count} findings");

    public static byte[][] ReadAll(GeneratedPortfolio portfolio) => [.. portfolio.Files.Select(File.ReadAllBytes)];

    /// <summary>YamlDotNet's parser over every file, one after the other on one thread: the events, nothing built.</summary>
    public static long YamlEventScan(byte[][] files)
    {
        long events = 0;
        foreach (var bytes in files)
        {
            using var reader = new StreamReader(new MemoryStream(bytes), System.Text.Encoding.UTF8);
            var parser = new Parser(new Scanner(reader, skipComments: true));
            while (parser.MoveNext())
            {
                if (parser.Current is Scalar) events++;
            }
        }

        return events;
    }

    /// <summary>System.Text.Json's <see cref="JsonDocument.Parse(ReadOnlyMemory{byte}, JsonDocumentOptions)"/> over every file on one thread.</summary>
    public static long JsonDocumentParse(byte[][] files)
    {
        long length = 0;
        foreach (var bytes in files)
        {
            using var document = JsonDocument.Parse(bytes);
            length += document.RootElement.ValueKind == JsonValueKind.Array ? document.RootElement.GetArrayLength() : 1;
        }

        return length;
    }

    public static long RawParse(PortfolioFormat format, byte[][] files) =>
        format == PortfolioFormat.Yaml ? YamlEventScan(files) : JsonDocumentParse(files);

    /// <summary>Writes <paramref name="result"/> in <paramref name="format"/> to a discarding writer; returns the characters written.</summary>
    public static long Render(AnalysisResult result, string format)
    {
        var formatter = Formatters.First(f => f.Name == format);
        using var writer = new CountingWriter();
        formatter.Write(result, new ReportContext { BaselineUsed = false }, writer);
        return writer.Count;
    }

    private sealed class CountingWriter : TextWriter
    {
        public long Count { get; private set; }

        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void Write(char value) => Count++;

        public override void Write(char[] buffer, int index, int count) => Count += count;

        public override void Write(ReadOnlySpan<char> buffer) => Count += buffer.Length;

        public override void Write(string? value) => Count += value?.Length ?? 0;
    }
}
