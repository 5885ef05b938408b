using System.Globalization;
using Governance.Rules.Engine;
using Governance.Rules.Reporting;

namespace Governance.Rules.TestPlugin;

/// <summary>A plugin report format: one CSV line per finding (rule, severity, file, line, column, artifact).</summary>
public sealed class CsvReportFormatter : IReportFormatter
{
    public string Name => "csv";

    public void Write(AnalysisResult result, ReportContext context, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write("rule,severity,file,line,column,artifact\n");
        foreach (var f in result.Findings)
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"{f.RuleId},{f.Severity.ToName()},{f.File},{f.Line},{f.Column},{f.ArtifactId}\n"));
    }
}
