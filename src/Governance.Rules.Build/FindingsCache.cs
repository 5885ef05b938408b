using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Governance.Rules.Build;

/// <summary>
/// The findings of the last check, stored in the intermediate folder: the check target writes it (and is skipped when
/// its inputs are unchanged), the report target reads it on every build, so an up-to-date build still shows the
/// findings, as a compiler re-reports its warnings.
/// </summary>
internal static class FindingsCache
{
    /// <summary>Changes when the file's shape changes; a cache of another format is not read.</summary>
    public const int FormatVersion = 1;

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Writes <paramref name="findings"/> to <paramref name="path"/>, creating its folder.</summary>
    /// <exception cref="IOException">The file cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be written.</exception>
    public static void Write(string path, IReadOnlyList<BuildFinding> findings)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { Length: > 0 } folder) Directory.CreateDirectory(folder);
        var content = JsonSerializer.Serialize(new CacheDocument(FormatVersion, findings), Options);
        File.WriteAllText(path, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    /// <summary>The findings in <paramref name="path"/>, or <see langword="null"/> when it cannot be read or is of another format.</summary>
    public static IReadOnlyList<BuildFinding>? TryRead(string path)
    {
        try
        {
            var document = JsonSerializer.Deserialize<CacheDocument>(File.ReadAllText(path), Options);
            return document is { Version: FormatVersion, Findings: { } findings } && findings.All(f => f is { Code: not null, Level: not null, Message: not null })
                ? findings
                : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            return null;
        }
    }

    private sealed record CacheDocument(int Version, IReadOnlyList<BuildFinding> Findings);
}

/// <summary>One finding as the build reports it.</summary>
/// <param name="Code">The rule id, e.g. <c>GOV401</c>.</param>
/// <param name="Level"><c>error</c>, <c>warning</c> or <c>info</c>: the severity after governance.yaml and .editorconfig.</param>
/// <param name="Message">The message, followed by <c>[artifact-id]</c> when there is one.</param>
/// <param name="File">The file's full path; <see langword="null"/> for a finding without a file.</param>
/// <param name="Line">1-based line; 0 when unknown.</param>
/// <param name="Column">1-based column; 0 when unknown.</param>
/// <param name="HelpLink">The rule's page.</param>
/// <param name="IsEngineDiagnostic">GOV001–GOV009: like compiler diagnostics, never silenced when they are errors.</param>
internal sealed record BuildFinding(string Code, string Level, string Message, string? File, int Line, int Column, string? HelpLink, bool IsEngineDiagnostic);
