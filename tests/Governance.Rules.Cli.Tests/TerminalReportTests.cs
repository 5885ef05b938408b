using Governance.Rules.Engine;
using Governance.Rules.Reporting;
using Spectre.Console;

namespace Governance.Rules.Cli.Tests;

[TestFixture]
[Category("cli")]
public sealed class TerminalReportTests
{
    [Test]
    public void Artifact_text_with_square_brackets_is_printed_literally_not_read_as_markup()
    {
        using var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
        });
        var finding = new Finding
        {
            RuleId = "GOV401",
            Severity = Severity.Error,
            Message = "Risk [red]bold[/] and [unclosed",
            ArtifactId = "plan-[x]",
            File = "plans/[draft].yaml",
            Pointer = "/spec",
            Line = 7,
            Column = 3,
        };
        var result = new AnalysisResult
        {
            Findings = [finding],
            Rules = EngineDiagnostics.All,
            Today = new DateOnly(2026, 11, 1),
            FilesAnalyzed = 1,
            Artifacts = [],
        };

        TerminalReport.Write(result, new ReportContext(), console);

        output.ToString().Should().Contain("plans/[draft].yaml:7:3: error GOV401: Risk [red]bold[/] and [unclosed [plan-[x]]");
    }
}
