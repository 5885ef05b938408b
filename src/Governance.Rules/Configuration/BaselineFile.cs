using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Governance.Rules.Engine;

namespace Governance.Rules.Configuration;

/// <summary>
/// Reads and writes baseline files: JSON, entries keyed by (ruleId, artifactId or file, pointer) with counts, sorted and
/// indented so the file diffs well in version control.
/// </summary>
public static class BaselineFile
{
    /// <summary>The default file name, <c>governance.baseline.json</c>.</summary>
    public const string DefaultFileName = "governance.baseline.json";

    /// <summary>The format version written.</summary>
    public const int Version = 1;

    /// <summary>Writes <paramref name="baseline"/> to <paramref name="path"/> (UTF-8, no BOM, trailing newline).</summary>
    public static void Write(Baseline baseline, string path)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(path);
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { Length: > 0 } folder) Directory.CreateDirectory(folder);
        File.WriteAllText(path, ToJson(baseline), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    /// <summary>The file's text for <paramref name="baseline"/>.</summary>
    public static string ToJson(Baseline baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        var findings = new JsonArray();
        foreach (var entry in baseline.Entries)
        {
            var item = new JsonObject { ["ruleId"] = entry.RuleId };
            if (entry.ArtifactId is not null) item["artifactId"] = entry.ArtifactId;
            else if (entry.File is not null) item["file"] = entry.File;
            if (entry.Pointer is not null) item["pointer"] = entry.Pointer;
            item["count"] = entry.Count;
            findings.Add(item);
        }

        var root = new JsonObject { ["version"] = Version, ["findings"] = findings };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }).ReplaceLineEndings("\n") + "\n";
    }

    /// <summary>Reads a baseline file.</summary>
    /// <exception cref="GovernanceConfigurationException">The file cannot be read or is not a baseline.</exception>
    public static Baseline Read(string path, string? displayPath = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        displayPath ??= path;
        try
        {
            var root = JsonNode.Parse(File.ReadAllBytes(path)) as JsonObject
                ?? throw new GovernanceConfigurationException($"{displayPath}: a baseline is a JSON object with 'findings'");
            if (root["findings"] is not JsonArray findings)
                throw new GovernanceConfigurationException($"{displayPath}: a baseline is a JSON object with a 'findings' list");
            var entries = new List<BaselineEntry>();
            foreach (var node in findings)
            {
                if (node is not JsonObject item || item["ruleId"]?.GetValue<string>() is not { } ruleId)
                    throw new GovernanceConfigurationException($"{displayPath}: every baseline entry needs a ruleId");
                var count = item["count"] is JsonValue c && c.TryGetValue<int>(out var n) ? n : 1;
                if (count < 1) throw new GovernanceConfigurationException($"{displayPath}: the count of a {ruleId} entry must be at least 1");
                entries.Add(new BaselineEntry(ruleId, item["artifactId"]?.GetValue<string>(), item["file"]?.GetValue<string>(), item["pointer"]?.GetValue<string>(), count));
            }

            return new Baseline { Entries = entries };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new GovernanceConfigurationException($"{displayPath}: the baseline cannot be read: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            throw new GovernanceConfigurationException($"{displayPath}: the baseline is not valid JSON: {ex.Message}", ex);
        }
    }
}
