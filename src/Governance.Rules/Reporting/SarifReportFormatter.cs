using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Governance.Rules.Engine;

namespace Governance.Rules.Reporting;

/// <summary>
/// The <c>sarif</c> report (SPEC §F): SARIF 2.1.0 with one run, every rule that ran in <c>tool.driver.rules</c>, and per
/// finding its rule, level, message, file region and JSON pointer (as the logical location). The output is
/// deterministic: no timestamps, no absolute paths, rules by id and results in report order.
/// </summary>
internal sealed class SarifReportFormatter : IReportFormatter
{
    /// <summary>The <c>$schema</c> the log declares: the OASIS SARIF 2.1.0 schema (errata 01).</summary>
    public const string SchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        NewLine = "\n",
        // The log is a file, never embedded in HTML: keep non-ASCII text and quotes readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Bytes the JSON writer holds before they go on to the text writer.</summary>
    private const int FlushBytes = 16 * 1024;

    public string Name => ReportFormatNames.Sarif;

    public void Write(AnalysisResult result, ReportContext context, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(writer);
        using (var stream = new Utf8TextWriterStream(writer))
        using (var json = new Utf8JsonWriter(stream, WriterOptions))
        {
            WriteLog(json, result, context);
        }

        writer.Write('\n');
    }

    private static void WriteLog(Utf8JsonWriter json, AnalysisResult result, ReportContext context)
    {
        json.WriteStartObject();
        json.WriteString("$schema", SchemaUri);
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();

        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", ToolInformation.Name);
        json.WriteString("version", context.ToolVersion);
        json.WriteString("informationUri", ToolInformation.InformationUri);
        json.WriteStartArray("rules");
        var ruleIndexes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var rule in result.Rules)
        {
            ruleIndexes.TryAdd(rule.Id, ruleIndexes.Count);
            WriteRule(json, rule);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();

        // Columns count UTF-16 code units, as .NET strings do (SPEC §H Locations).
        json.WriteString("columnKind", "utf16CodeUnits");
        json.WriteStartArray("results");
        foreach (var finding in result.Findings)
        {
            WriteResult(json, finding, ruleIndexes, context);
            if (json.BytesPending > FlushBytes) json.Flush(); // onto the writer a chunk at a time, not the whole log at the end
        }

        json.WriteEndArray();
        if (context.IncludeTimings) WriteInvocation(json, result);

        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Per-stage and per-rule times in milliseconds, only when asked for (<c>--timings</c>), so default output stays byte-identical.</summary>
    private static void WriteInvocation(Utf8JsonWriter json, AnalysisResult result)
    {
        json.WriteStartArray("invocations");
        json.WriteStartObject();
        json.WriteBoolean("executionSuccessful", true);
        json.WriteStartObject("properties");
        json.WriteStartObject("stageTimingsMs");
        foreach (var (stage, time) in result.StageTimings.OrderBy(p => p.Key, StringComparer.Ordinal))
            json.WriteNumber(stage, Math.Round(time.TotalMilliseconds, 3));
        json.WriteEndObject();
        json.WriteStartObject("ruleTimingsMs");
        foreach (var (rule, time) in result.RuleTimings.OrderBy(p => p.Key, StringComparer.Ordinal))
            json.WriteNumber(rule, Math.Round(time.TotalMilliseconds, 3));
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void WriteRule(Utf8JsonWriter json, RuleDescriptor rule)
    {
        json.WriteStartObject();
        json.WriteString("id", rule.Id);
        json.WriteString("name", ToPascalCase(rule.Title));
        WriteMessage(json, "shortDescription", rule.Title);
        WriteMessage(json, "fullDescription", string.IsNullOrWhiteSpace(rule.Description) ? rule.Title : rule.Description);
        if (rule.HelpUri is { } helpUri) json.WriteString("helpUri", helpUri);
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", rule.DefaultSeverity.ToSarifLevel());
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteString("category", rule.Category);
        json.WriteStartArray("tags");
        json.WriteStringValue("governance");
        json.WriteStringValue(rule.Category);
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, Finding finding, Dictionary<string, int> ruleIndexes, ReportContext context)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.RuleId);
        if (ruleIndexes.TryGetValue(finding.RuleId, out var ruleIndex)) json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", finding.Severity.ToSarifLevel());
        WriteMessage(json, "message", finding.Message);

        if (finding.File is not null || finding.Pointer is not null)
        {
            json.WriteStartArray("locations");
            json.WriteStartObject();
            if (finding.File is not null) WritePhysicalLocation(json, finding);
            if (finding.Pointer is not null)
            {
                json.WriteStartArray("logicalLocations");
                json.WriteStartObject();
                json.WriteString("fullyQualifiedName", finding.Pointer);
                json.WriteEndObject();
                json.WriteEndArray();
            }

            json.WriteEndObject();
            json.WriteEndArray();
        }

        if (finding.Suppression is { } suppression)
        {
            json.WriteStartArray("suppressions");
            json.WriteStartObject();
            json.WriteString("kind", suppression.Kind == SuppressionKind.InSource ? "inSource" : "external");
            json.WriteString("justification", suppression.Justification);
            json.WriteEndObject();
            json.WriteEndArray();
        }

        if (finding.IsBaselined) json.WriteString("baselineState", "unchanged");
        else if (context.BaselineUsed) json.WriteString("baselineState", "new");

        if (finding.ArtifactId is not null)
        {
            json.WriteStartObject("properties");
            json.WriteString("artifactId", finding.ArtifactId);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WritePhysicalLocation(Utf8JsonWriter json, Finding finding)
    {
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", ToUriReference(finding.File!));
        json.WriteEndObject();
        if (finding.Line > 0)
        {
            json.WriteStartObject("region");
            json.WriteNumber("startLine", finding.Line);
            if (finding.Column > 0) json.WriteNumber("startColumn", finding.Column);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteMessage(Utf8JsonWriter json, string propertyName, string text)
    {
        json.WriteStartObject(propertyName);
        json.WriteString("text", text);
        json.WriteEndObject();
    }

    /// <summary>A relative path (forward slashes) as a URI reference: each segment percent-encoded, slashes kept.</summary>
    internal static string ToUriReference(string relativePath) =>
        string.Join('/', relativePath.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));

    /// <summary>The rule's title as a SARIF rule name: <c>Plan has no risk register</c> → <c>PlanHasNoRiskRegister</c>.</summary>
    internal static string ToPascalCase(string title)
    {
        var name = new StringBuilder(title.Length);
        var startOfWord = true;
        foreach (var c in title)
        {
            if (!char.IsLetterOrDigit(c))
            {
                startOfWord = true;
                continue;
            }

            name.Append(startOfWord ? char.ToUpperInvariant(c) : c);
            startOfWord = false;
        }

        return name.Length == 0 ? title : name.ToString();
    }
}
