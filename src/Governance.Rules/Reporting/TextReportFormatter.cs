using System.Globalization;
using System.Text;
using Governance.Rules.Engine;

namespace Governance.Rules.Reporting;

/// <summary>
/// The <c>text</c> report (SPEC §F): one line per finding, <c>file:line:column: severity GOVnnn: message [artifact-id]</c>,
/// then a summary line. The format is stable: scripts and problem matchers parse it.
/// </summary>
internal sealed class TextReportFormatter : IReportFormatter
{
    public string Name => ReportFormatNames.Text;

    public void Write(AnalysisResult result, ReportContext context, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var finding in result.Findings)
        {
            writer.Write(FormatFinding(finding));
            writer.Write('\n');
        }

        writer.Write(FormatSummary(result));
        writer.Write('\n');

        // With an earlier report to compare with (govern check --compare), the comparison follows the summary.
        if (context?.Previous is not null && ReportModel.Create(result, context).Comparison is { } comparison)
            writer.Write(ReportComparer.FormatText(comparison));
    }

    /// <summary>The whole line of one finding, without the line end.</summary>
    public static string FormatFinding(Finding finding)
    {
        var line = new StringBuilder();
        line.Append(FormatLocation(finding))
            .Append(finding.Severity.ToName()).Append(' ')
            .Append(finding.RuleId).Append(": ")
            .Append(finding.Message)
            .Append(FormatArtifact(finding))
            .Append(FormatState(finding));
        return line.ToString();
    }

    /// <summary><c>file:line:column: </c>; <c>file: </c> when the position is unknown; empty without a file.</summary>
    public static string FormatLocation(Finding finding)
    {
        if (finding.File is null) return string.Empty;
        return finding.Line > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{finding.File}:{finding.Line}:{finding.Column}: ")
            : finding.File + ": ";
    }

    /// <summary><c> [artifact-id]</c>, or empty for a finding without an artifact.</summary>
    public static string FormatArtifact(Finding finding) =>
        finding.ArtifactId is null ? string.Empty : " [" + finding.ArtifactId + "]";

    /// <summary><c> (suppressed)</c>, <c> (exempted)</c>, <c> (baselined)</c>, or empty for an active finding.</summary>
    public static string FormatState(Finding finding) => finding switch
    {
        { Suppression.Kind: SuppressionKind.InSource } => " (suppressed)",
        { Suppression.Kind: SuppressionKind.Exemption } => " (exempted)",
        { IsBaselined: true } => " (baselined)",
        _ => string.Empty,
    };

    /// <summary>
    /// The summary line: <c>2 errors, 1 warning, 0 infos in 3 files, 4 artifacts</c>, followed by
    /// <c>, N suppressed</c> and <c>, N baselined</c> when there are such findings.
    /// </summary>
    public static string FormatSummary(AnalysisResult result)
    {
        var summary = result.Summary;
        var line = new StringBuilder()
            .Append(Count(summary.Errors, "error", "errors")).Append(", ")
            .Append(Count(summary.Warnings, "warning", "warnings")).Append(", ")
            .Append(Count(summary.Infos, "info", "infos")).Append(" in ")
            .Append(Count(result.FilesAnalyzed, "file", "files")).Append(", ")
            .Append(Count(result.Analyzed.Count, "artifact", "artifacts"));
        if (summary.Suppressed > 0) line.Append(", ").Append(summary.Suppressed.ToString(CultureInfo.InvariantCulture)).Append(" suppressed");
        if (summary.Baselined > 0) line.Append(", ").Append(summary.Baselined.ToString(CultureInfo.InvariantCulture)).Append(" baselined");
        return line.ToString();
    }

    private static string Count(int count, string singular, string plural) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : plural);
}
