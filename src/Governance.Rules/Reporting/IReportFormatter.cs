using Governance.Rules.Engine;

namespace Governance.Rules.Reporting;

/// <summary>
/// Writes an <see cref="AnalysisResult"/> in one report format (text, SARIF, ...). Formatters are registered with
/// <c>AddGovernanceRules()</c> as <see cref="IReportFormatter"/> services; a host picks one by <see cref="Name"/>.
/// </summary>
public interface IReportFormatter
{
    /// <summary>The format's name as given to <c>govern check --format</c>, lower-case (<c>text</c>, <c>sarif</c>).</summary>
    string Name { get; }

    /// <summary>Writes the report for <paramref name="result"/> to <paramref name="writer"/>.</summary>
    /// <param name="result">The findings, rules, counts and timings of an analysis.</param>
    /// <param name="context">What the report needs beyond the result: the tool version, whether a baseline was used.</param>
    /// <param name="writer">Where the report goes; the formatter writes <c>\n</c> line ends and does not close it.</param>
    void Write(AnalysisResult result, ReportContext context, TextWriter writer);
}
