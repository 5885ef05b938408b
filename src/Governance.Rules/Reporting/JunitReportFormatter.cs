using System.Globalization;
using System.Text;
using System.Xml;
using Governance.Rules.Engine;

namespace Governance.Rules.Reporting;

/// <summary>
/// The <c>junit</c> report (SPEC §F) that CI systems display as test results: one <c>&lt;testsuite&gt;</c> per artifact
/// (named by its id; findings without an artifact are grouped by file), one <c>&lt;testcase&gt;</c> per finding, with a
/// <c>&lt;failure&gt;</c> (type = severity) for an active finding and <c>&lt;skipped/&gt;</c> for a suppressed,
/// exempted or baselined one. UTF-8, deterministic (no timestamps or host names).
/// </summary>
internal sealed class JunitReportFormatter : IReportFormatter
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Entitize,
    };

    public string Name => ReportFormatNames.Junit;

    public void Write(AnalysisResult result, ReportContext context, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(writer);
        var model = ReportModel.Create(result, context);
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, Settings))
        {
            WriteSuites(xml, model);
        }

        writer.Write(Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length));
        writer.Write('\n');
    }

    private static void WriteSuites(XmlWriter xml, ReportModel model)
    {
        xml.WriteStartDocument();
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", model.Tool.Name);
        WriteCounts(xml, model.Summary.Total, model.Summary.Active, model.Summary.Total - model.Summary.Active);
        foreach (var group in model.ByArtifact)
        {
            var suiteName = Clean(group.ArtifactId ?? group.File ?? "(no location)");
            xml.WriteStartElement("testsuite");
            xml.WriteAttributeString("name", suiteName);
            WriteCounts(xml, group.Counts.Total, group.Counts.Active, group.Counts.Total - group.Counts.Active);
            if (group.File is not null) xml.WriteAttributeString("file", Clean(group.File));
            foreach (var finding in group.Members) WriteCase(xml, suiteName, finding);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void WriteCounts(XmlWriter xml, int tests, int failures, int skipped)
    {
        xml.WriteAttributeString("tests", tests.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("failures", failures.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("errors", "0");
        xml.WriteAttributeString("skipped", skipped.ToString(CultureInfo.InvariantCulture));
    }

    private static void WriteCase(XmlWriter xml, string suiteName, ReportFinding finding)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("name", Clean(CaseName(finding)));
        xml.WriteAttributeString("classname", suiteName);
        if (finding.File is not null) xml.WriteAttributeString("file", Clean(finding.File));
        if (finding.Line is { } line) xml.WriteAttributeString("line", line.ToString(CultureInfo.InvariantCulture));
        if (finding.State == ReportModelBuilder.Active)
        {
            xml.WriteStartElement("failure");
            xml.WriteAttributeString("message", Clean(finding.Message));
            xml.WriteAttributeString("type", finding.Severity);
            xml.WriteString(Clean(Details(finding)));
            xml.WriteEndElement();
        }
        else
        {
            xml.WriteStartElement("skipped");
            xml.WriteAttributeString("message", Clean(finding.Justification is null ? finding.State : finding.State + ": " + finding.Justification));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    /// <summary><c>GOV401 /spec: message</c>: the rule, where in the artifact, and what is wrong.</summary>
    private static string CaseName(ReportFinding finding)
    {
        var name = new StringBuilder(finding.RuleId);
        if (finding.Pointer is { } pointer) name.Append(' ').Append(pointer.Length == 0 ? "(root)" : pointer);
        return name.Append(": ").Append(finding.Message).ToString();
    }

    /// <summary>The failure's text: the finding as the text report prints it, then the rule's page.</summary>
    private static string Details(ReportFinding finding)
    {
        var text = new StringBuilder();
        if (finding.Location is { } location) text.Append(location).Append(": ");
        text.Append(finding.Severity).Append(' ').Append(finding.RuleId).Append(": ").Append(finding.Message);
        if (finding.ArtifactId is { } artifactId) text.Append(" [").Append(artifactId).Append(']');
        text.Append('\n');
        if (finding.RuleTitle is { } title) text.Append(finding.RuleId).Append(": ").Append(title).Append('\n');
        return finding.HelpUri is { } helpUri ? text.Append("Help: ").Append(helpUri).ToString() : text.ToString().TrimEnd('\n');
    }

    /// <summary>Replaces the characters XML 1.0 cannot hold (control characters, lone surrogates) with U+FFFD.</summary>
    private static string Clean(string text)
    {
        StringBuilder? cleaned = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var valid = XmlConvert.IsXmlChar(c)
                || (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]));
            if (valid && char.IsHighSurrogate(c))
            {
                cleaned?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            if (valid)
            {
                cleaned?.Append(c);
                continue;
            }

            cleaned ??= new StringBuilder(text, 0, i, text.Length);
            cleaned.Append('\uFFFD');
        }

        return cleaned?.ToString() ?? text;
    }
}
