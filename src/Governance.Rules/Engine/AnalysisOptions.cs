using System.Text.Json;
using Governance.Rules.Loading;

namespace Governance.Rules.Engine;

/// <summary>What an analysis run should do beyond the defaults: the date, the time zone, rule settings and file selection.</summary>
public sealed record AnalysisOptions
{
    /// <summary>"Today" for the clock rules; when absent, the injected clock's date in <see cref="TimeZone"/>.</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>The time zone "today" is taken in when <see cref="AsOf"/> is absent; default UTC.</summary>
    public TimeZoneInfo? TimeZone { get; init; }

    /// <summary>Per-rule settings by rule id.</summary>
    public IReadOnlyDictionary<string, RuleSettings> Rules { get; init; } = new Dictionary<string, RuleSettings>(StringComparer.Ordinal);

    /// <summary>How files are found when analysing paths.</summary>
    public LoadOptions Load { get; init; } = new();

    /// <summary>Most artifacts analysed at once; default the processor count.</summary>
    public int? MaxDegreeOfParallelism { get; init; }
}

/// <summary>A rule's configured severity, switch and options (SPEC §E).</summary>
public sealed record RuleSettings
{
    /// <summary>The severity that replaces the rule's own (both of them, for rules with two); <see langword="null"/> keeps them.</summary>
    public Severity? Severity { get; init; }

    /// <summary>Whether the rule runs; <c>none</c> in configuration means disabled.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Until this date the rule's findings are reported as info; from it on, at their severity.</summary>
    public DateOnly? EnforceFrom { get; init; }

    /// <summary>The rule's options as written in configuration (camelCase), bound onto the rule's options type.</summary>
    public JsonElement? Options { get; init; }
}
