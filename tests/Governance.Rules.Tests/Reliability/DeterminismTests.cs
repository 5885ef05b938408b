using Governance.Rules.Engine;
using Governance.Rules.Reporting;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Rules.Tests.Reliability;

[TestFixture]
[Category("Reliability")]
public sealed class DeterminismTests
{
    private static readonly string SamplePortfolio = Path.Combine(FindRoot(), "samples", "portfolio");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Governance.Rules.sln"))) return folder.FullName;
        }

        throw new DirectoryNotFoundException("Governance.Rules.sln not found above the test directory.");
    }

    private static string Render(ServiceProvider provider, AnalysisResult result, string format)
    {
        var formatter = provider.GetServices<IReportFormatter>().Single(f => f.Name == format);
        using var writer = new StringWriter { NewLine = "\n" };
        formatter.Write(result, new ReportContext(), writer);
        return writer.ToString();
    }

    [Test]
    public void The_same_input_gives_byte_identical_reports_whatever_the_parallelism()
    {
        using var provider = new ServiceCollection().AddGovernanceRules().Services.BuildServiceProvider();
        var engine = provider.GetRequiredService<GovernanceEngine>();
        var root = Path.GetDirectoryName(SamplePortfolio)!;
        AnalysisResult Run(int parallelism) => engine.AnalyzePaths(["portfolio"], new AnalysisOptions
        {
            AsOf = new DateOnly(2026, 11, 1),
            MaxDegreeOfParallelism = parallelism,
            Load = new Governance.Rules.Loading.LoadOptions { WorkingDirectory = root },
        });

        var serial = Run(1);
        var parallel = Run(8);
        var unlimited = Run(-1); // as ParallelOptions takes it

        serial.Findings.Should().NotBeEmpty();
        foreach (var format in provider.GetServices<IReportFormatter>().Select(f => f.Name))
        {
            Render(provider, parallel, format).Should().Be(Render(provider, serial, format), $"the {format} report must not depend on parallelism");
            Render(provider, unlimited, format).Should().Be(Render(provider, serial, format), $"the {format} report must not depend on parallelism");
        }
    }

    [Test]
    public void One_engine_analysing_from_many_threads_gives_the_serial_results()
    {
        using var provider = new ServiceCollection().AddGovernanceRules().Services.BuildServiceProvider();
        var engine = provider.GetRequiredService<GovernanceEngine>();
        var options = new AnalysisOptions
        {
            AsOf = new DateOnly(2026, 11, 1),
            Load = new Governance.Rules.Loading.LoadOptions { WorkingDirectory = Path.GetDirectoryName(SamplePortfolio)! },
        };
        var expected = engine.AnalyzePaths(["portfolio"], options).Findings;

        var results = new IReadOnlyList<Finding>[6];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 6 }, i => results[i] = engine.AnalyzePaths(["portfolio"], options).Findings);

        results.Should().AllSatisfy(r => r.Should().Equal(expected));
    }
}
