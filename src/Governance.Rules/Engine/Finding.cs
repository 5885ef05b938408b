namespace Governance.Rules.Engine;

/// <summary>One thing a rule or the engine found (SPEC §B).</summary>
public sealed record Finding
{
    /// <summary>Rule id, <c>GOVnnn</c>.</summary>
    public required string RuleId { get; init; }
    /// <summary>Effective severity.</summary>
    public required Severity Severity { get; init; }
    /// <summary>The message.</summary>
    public required string Message { get; init; }
    /// <summary>The artifact's id; <see langword="null"/> for findings without an artifact (GOV001, portfolio-wide GOV009).</summary>
    public string? ArtifactId { get; init; }
    /// <summary>The file, relative to the working directory with forward slashes; <see langword="null"/> without a location.</summary>
    public string? File { get; init; }
    /// <summary>RFC 6901 JSON pointer into the document; <c>""</c> is the document root; <see langword="null"/> without a location.</summary>
    public string? Pointer { get; init; }
    /// <summary>1-based line where the pointed node starts; 0 when unknown.</summary>
    public int Line { get; init; }
    /// <summary>1-based column (UTF-16 code units) where the pointed node starts; 0 when unknown.</summary>
    public int Column { get; init; }
    /// <summary>How the finding is set aside, when it is suppressed, exempted or baselined.</summary>
    public FindingSuppression? Suppression { get; init; }
    /// <summary>Whether a baseline covers the finding.</summary>
    public bool IsBaselined { get; init; }

    /// <summary>Whether the finding counts towards the exit code (neither suppressed, exempted nor baselined).</summary>
    public bool IsActive => Suppression is null && !IsBaselined;

    /// <summary>The deterministic report order of SPEC §B: file, line, column, rule id, pointer, message (ordinal).</summary>
    public static IComparer<Finding> ReportOrder { get; } = Comparer<Finding>.Create(static (a, b) =>
    {
        var c = string.CompareOrdinal(a.File, b.File);
        if (c != 0) return c;
        c = a.Line.CompareTo(b.Line);
        if (c != 0) return c;
        c = a.Column.CompareTo(b.Column);
        if (c != 0) return c;
        c = string.CompareOrdinal(a.RuleId, b.RuleId);
        if (c != 0) return c;
        c = string.CompareOrdinal(a.Pointer, b.Pointer);
        if (c != 0) return c;
        c = string.CompareOrdinal(a.Message, b.Message);
        return c != 0 ? c : string.CompareOrdinal(a.ArtifactId, b.ArtifactId);
    });
}

/// <summary>Why a finding is set aside.</summary>
/// <param name="Kind">Inline suppression or configured exemption.</param>
/// <param name="Justification">The justification given.</param>
public sealed record FindingSuppression(SuppressionKind Kind, string Justification);

/// <summary>Where a suppression comes from.</summary>
public enum SuppressionKind
{
    /// <summary>An artifact's <c>metadata.suppressions</c> (SARIF <c>inSource</c>).</summary>
    InSource,
    /// <summary>An exemption in the configuration (SARIF <c>external</c>).</summary>
    Exemption,
}
