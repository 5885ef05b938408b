using System.Text.Encodings.Web;
using System.Text.Json;
using Governance.Rules.Engine;

namespace Governance.Rules.Reporting;

/// <summary>
/// The <c>json</c> report (SPEC §F): the <see cref="ReportModel"/> as JSON: camelCase names, every field written (absent
/// values as <c>null</c>), two-space indentation and <c>\n</c> line ends, in the model's deterministic order. Documented in
/// <c>docs/report-model.md</c>, with its JSON Schema in <c>docs/report.schema.json</c>.
/// </summary>
internal sealed class JsonReportFormatter : IReportFormatter
{
    /// <summary>The serializer options of the report (and of the schema generated from the model).</summary>
    internal static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        // The report is a file, as the SARIF log is: keep non-ASCII text, quotes and apostrophes readable. A page that
        // embeds it in a <script> element must escape it itself.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string Name => ReportFormatNames.Json;

    public void Write(AnalysisResult result, ReportContext context, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(writer);
        using (var stream = new Utf8TextWriterStream(writer)) JsonSerializer.Serialize(stream, ReportModel.Create(result, context), Options);
        writer.Write('\n');
    }
}
