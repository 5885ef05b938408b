using System.Collections.Concurrent;
using Governance.Rules.Cli.Tests.Testing;
using Governance.Rules.Engine;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Governance.Rules.Cli.Tests;

/// <summary>The progress callback of the engine and the terminal status line built on it.</summary>
[TestFixture]
[Category("cli")]
public sealed class ProgressDisplayTests
{
    private static AnalysisResult Empty() => new() { Findings = [], Rules = [], Today = new DateOnly(2026, 11, 1), FilesAnalyzed = 0, Artifacts = [] };

    [Test]
    public void Without_a_terminal_the_analysis_runs_with_the_options_unchanged()
    {
        var options = new AnalysisOptions();
        AnalysisOptions? seen = null;

        AnalysisProgressDisplay.Run(null, options, o => { seen = o; return Empty(); });

        seen.Should().BeSameAs(options, "redirected output gets no progress reporter");
    }

    [Test]
    public void On_a_terminal_a_long_run_reports_progress_and_still_returns_its_result()
    {
        using var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(output) });
        var result = Empty();

        var returned = AnalysisProgressDisplay.Run(console, new AnalysisOptions(), o =>
        {
            o.Progress.Should().NotBeNull();
            o.Progress!.Report(new AnalysisProgress(3, 1, 2));
            Thread.Sleep(AnalysisProgressDisplay.Delay + TimeSpan.FromMilliseconds(300));
            return result;
        });

        returned.Should().BeSameAs(result);
    }

    [Test]
    public void The_engine_reports_every_file_read_and_every_artifact_analysed()
    {
        using var workspace = Workspace.Create();
        workspace.Write("a.yaml", Documents.PlanWithoutRisks).Write("b.yaml", Documents.PlanWithRisk).Write("c.yaml", Documents.Project);
        using var services = new ServiceCollection().AddGovernanceRules().Services.BuildServiceProvider();
        var engine = services.GetRequiredService<GovernanceEngine>();
        var reports = new ConcurrentBag<AnalysisProgress>();

        var result = engine.AnalyzePaths(["a.yaml", "b.yaml", "c.yaml"], new AnalysisOptions
        {
            Load = new Governance.Rules.Loading.LoadOptions { WorkingDirectory = workspace.Root },
            Progress = new Collector(reports),
        });

        result.FilesAnalyzed.Should().Be(3);
        reports.Max(r => r.FilesRead).Should().Be(3);
        reports.Max(r => r.ArtifactsAnalyzed).Should().Be(3);
        reports.Max(r => r.Artifacts).Should().Be(3);
    }

    private sealed class Collector(ConcurrentBag<AnalysisProgress> reports) : IProgress<AnalysisProgress>
    {
        public void Report(AnalysisProgress value) => reports.Add(value);
    }
}
