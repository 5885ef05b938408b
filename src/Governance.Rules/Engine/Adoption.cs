namespace Governance.Rules.Engine;

/// <summary>Rule settings that apply only to the files matching <see cref="Files"/> (SPEC §E <c>overrides</c>); later overrides win.</summary>
public sealed record RuleOverride
{
    /// <summary>Globs relative to <see cref="BaseDirectory"/>.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>The folder the globs are relative to (the configuration file's folder); default the working directory.</summary>
    public string? BaseDirectory { get; init; }

    /// <summary>Rule settings by id; each field set here replaces the one set before.</summary>
    public IReadOnlyDictionary<string, RuleSettings> Rules { get; init; } = new Dictionary<string, RuleSettings>(StringComparer.Ordinal);
}

/// <summary>A central exemption (SPEC §E <c>exemptions</c>): one rule's findings on one artifact, at or below a pointer.</summary>
public sealed record ExemptionSettings
{
    /// <summary>The rule id.</summary>
    public required string Rule { get; init; }

    /// <summary>The artifact id.</summary>
    public required string Artifact { get; init; }

    /// <summary>JSON pointer; absent: the whole artifact.</summary>
    public string? Pointer { get; init; }

    /// <summary>Why; without one the exemption does not work and GOV005 fires.</summary>
    public string? Justification { get; init; }

    /// <summary>Who answers for it.</summary>
    public string? Owner { get; init; }

    /// <summary>Last day it works; after it GOV005 fires.</summary>
    public DateOnly? Expires { get; init; }

    /// <summary>Where it is written, for GOV005/GOV006 (<c>/exemptions/N</c> in the configuration file), when it comes from a file.</summary>
    public ConfigurationLocation? Location { get; init; }
}

/// <summary>A place in the configuration file.</summary>
/// <param name="File">The file, relative to the working directory.</param>
/// <param name="Pointer">The JSON pointer (<c>/exemptions/0</c>).</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
public sealed record ConfigurationLocation(string File, string Pointer, int Line, int Column);

/// <summary>
/// Recorded findings keyed by (rule id, artifact id — or the file when there is none —, JSON pointer) with counts, never
/// by line, so edits elsewhere in a file do not break it (SPEC §E).
/// </summary>
public sealed record Baseline
{
    /// <summary>The entries, sorted.</summary>
    public required IReadOnlyList<BaselineEntry> Entries { get; init; }

    /// <summary>Records the active findings of <paramref name="result"/> (suppressed and exempted ones are not recorded).</summary>
    public static Baseline From(AnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var entries = result.Findings
            .Where(f => f.Suppression is null)
            .GroupBy(BaselineKey.Of)
            .Select(g => new BaselineEntry(g.Key.RuleId, g.Key.ArtifactId, g.Key.File, g.Key.Pointer, g.Count()))
            .OrderBy(e => e.RuleId, StringComparer.Ordinal)
            .ThenBy(e => e.ArtifactId, StringComparer.Ordinal)
            .ThenBy(e => e.File, StringComparer.Ordinal)
            .ThenBy(e => e.Pointer, StringComparer.Ordinal)
            .ToList();
        return new Baseline { Entries = entries };
    }
}

/// <summary>One baseline entry.</summary>
/// <param name="RuleId">Rule id.</param>
/// <param name="ArtifactId">Artifact id; <see langword="null"/> for findings without one.</param>
/// <param name="File">The file, only for findings without an artifact id.</param>
/// <param name="Pointer">JSON pointer.</param>
/// <param name="Count">How many findings share the key.</param>
public sealed record BaselineEntry(string RuleId, string? ArtifactId, string? File, string? Pointer, int Count);

/// <summary>The key a baseline matches findings by.</summary>
internal readonly record struct BaselineKey(string RuleId, string? ArtifactId, string? File, string? Pointer)
{
    public static BaselineKey Of(Finding finding) =>
        new(finding.RuleId, finding.ArtifactId, finding.ArtifactId is null ? finding.File : null, finding.Pointer);

    public static BaselineKey Of(BaselineEntry entry) =>
        new(entry.RuleId, entry.ArtifactId, entry.ArtifactId is null ? entry.File : null, entry.Pointer);
}
