using System.Globalization;
using Governance.Rules.Engine;
using Governance.Rules.Reporting;
using Spectre.Console;

namespace Governance.Rules.Cli;

/// <summary>
/// The text report on an interactive terminal: the same lines as <c>--format text</c> with colored severities, then a
/// summary table. Every piece of artifact text is escaped, so a <c>[</c> in a message is never read as markup.
/// </summary>
internal static class TerminalReport
{
    public static void Write(AnalysisResult result, ReportContext context, IAnsiConsole console)
    {
        foreach (var finding in result.Findings)
        {
            var state = TextReportFormatter.FormatState(finding);
            var dim = state.Length > 0;
            console.MarkupLine(
                Markup.Escape(TextReportFormatter.FormatLocation(finding)) +
                $"[{(dim ? "grey" : ColorOf(finding.Severity))}]{finding.Severity.ToName()}[/] " +
                $"[bold]{Markup.Escape(finding.RuleId)}[/]: " +
                (dim ? $"[grey]{Markup.Escape(finding.Message)}[/]" : Markup.Escape(finding.Message)) +
                $"[grey]{Markup.Escape(TextReportFormatter.FormatArtifact(finding) + state)}[/]");
        }

        if (result.Findings.Count > 0) console.WriteLine();
        var summary = result.Summary;
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]govern check[/]");
        table.AddColumn(new TableColumn("[red]Errors[/]").RightAligned());
        table.AddColumn(new TableColumn("[yellow]Warnings[/]").RightAligned());
        table.AddColumn(new TableColumn("[blue]Infos[/]").RightAligned());
        table.AddColumn(new TableColumn("Suppressed").RightAligned());
        table.AddColumn(new TableColumn("Baselined").RightAligned());
        table.AddColumn(new TableColumn("Files").RightAligned());
        table.AddColumn(new TableColumn("Artifacts").RightAligned());
        table.AddRow(
            Number(summary.Errors), Number(summary.Warnings), Number(summary.Infos), Number(summary.Suppressed),
            Number(summary.Baselined), Number(result.FilesAnalyzed), Number(result.Analyzed.Count));
        console.Write(table);
        var model = ReportModel.Create(result, context);
        console.MarkupLine($"Health score: [bold]{Number(model.Score.Value)}/100[/]");
        if (model.Comparison is { } comparison) console.WriteLine(ReportComparer.SummaryLine(comparison));
    }

    /// <summary>The Spectre color of a severity.</summary>
    public static string ColorOf(Severity severity) => severity switch
    {
        Severity.Error => "red",
        Severity.Warning => "yellow",
        _ => "blue",
    };

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
