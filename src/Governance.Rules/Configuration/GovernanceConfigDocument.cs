using Governance.Rules.Model;

namespace Governance.Rules.Configuration;

/// <summary>
/// The configuration file <c>governance.yaml</c> (SPEC §E): the date and time zone "today" is taken in, the exit-code
/// threshold, per-rule settings, per-folder overrides, exemptions and the baseline file.
/// </summary>
public sealed record GovernanceConfigDocument
{
    /// <summary>The API version; <c>governance/v1</c>.</summary>
    public string ApiVersion { get; init; } = ArtifactKinds.ApiVersion;

    /// <summary>The kind; always <c>GovernanceConfig</c>.</summary>
    public string Kind { get; init; } = ArtifactKinds.ConfigKind;

    /// <summary>"Today" for the clock rules; <c>--as-of</c> wins.</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>The IANA time zone "today" is taken in when no date is given (for example <c>Europe/Berlin</c>); default UTC.</summary>
    public string? TimeZone { get; init; }

    /// <summary>The lowest severity that makes <c>govern check</c> exit 1; <c>--fail-on</c> wins. Default error.</summary>
    public ConfiguredSeverity? FailOn { get; init; }

    /// <summary>Rule settings by rule id (<c>GOV401</c>): a severity, or an object with severity, enabled, enforceFrom and options.</summary>
    public IReadOnlyDictionary<string, RuleConfiguration>? Rules { get; init; }

    /// <summary>Rule settings for some files; later entries win.</summary>
    public IReadOnlyList<ConfigurationOverride>? Overrides { get; init; }

    /// <summary>Findings set aside by rule, artifact and pointer, with a justification, an owner and an expiry date.</summary>
    public IReadOnlyList<Exemption>? Exemptions { get; init; }

    /// <summary>The baseline file, relative to the configuration file.</summary>
    public string? Baseline { get; init; }

    /// <summary>The weights of the 0–100 health scores: points per active finding by severity and by rule.</summary>
    public ScoreConfiguration? Scores { get; init; }
}

/// <summary>
/// The <c>scores</c> key: a score is <c>max(0, 100 - sum of weights)</c> over the active findings of an artifact,
/// project, product or the portfolio (<c>scores: { weights: { error: 10, warning: 3, info: 1 }, rules: { GOV401: 20 } }</c>).
/// </summary>
public sealed record ScoreConfiguration
{
    /// <summary>Points per active finding by severity; default error 10, warning 3, info 1.</summary>
    public ScoreWeightConfiguration? Weights { get; init; }

    /// <summary>Points per active finding of a rule, by rule id (0 to 100); wins over the severity weights.</summary>
    public IReadOnlyDictionary<string, int>? Rules { get; init; }
}

/// <summary>Points per active finding by severity (0 to 100 each).</summary>
public sealed record ScoreWeightConfiguration
{
    /// <summary>Points per active error; default 10.</summary>
    public int? Error { get; init; }

    /// <summary>Points per active warning; default 3.</summary>
    public int? Warning { get; init; }

    /// <summary>Points per active info; default 1.</summary>
    public int? Info { get; init; }
}

/// <summary>
/// One rule's settings. In the file a rule entry is either a severity (<c>GOV105: none</c>) or this object
/// (<c>GOV304: { severity: error, options: { maxStoryPoints: 8 } }</c>).
/// </summary>
public sealed record RuleConfiguration
{
    /// <summary>The severity that replaces the rule's own; <c>none</c> disables the rule.</summary>
    public ConfiguredSeverity? Severity { get; init; }

    /// <summary>Whether the rule runs; default true.</summary>
    public bool? Enabled { get; init; }

    /// <summary>Until this date the rule's findings are reported as info; from it on, at their severity.</summary>
    public DateOnly? EnforceFrom { get; init; }

    /// <summary>The rule's options (camelCase names, as listed on the rule's page).</summary>
    public IReadOnlyDictionary<string, object?>? Options { get; init; }
}

/// <summary>Rule settings that apply only to the files matching <c>files</c>.</summary>
public sealed record ConfigurationOverride
{
    /// <summary>Globs relative to the configuration file (<c>projects/legacy-*/**</c>).</summary>
    public IReadOnlyList<string>? Files { get; init; }

    /// <summary>Rule settings by rule id, as in the top-level <c>rules</c>.</summary>
    public IReadOnlyDictionary<string, RuleConfiguration>? Rules { get; init; }
}

/// <summary>A configured exemption: findings of one rule on one artifact (at or below a pointer) are set aside.</summary>
public sealed record Exemption
{
    /// <summary>The rule id exempted.</summary>
    public string? Rule { get; init; }

    /// <summary>The artifact id (<c>metadata.id</c>) exempted.</summary>
    public string? Artifact { get; init; }

    /// <summary>JSON pointer; findings at or below it are exempted. Absent: the whole artifact.</summary>
    public string? Pointer { get; init; }

    /// <summary>Why; an exemption without one does not work and raises GOV005.</summary>
    public string? Justification { get; init; }

    /// <summary>The person who answers for the exemption.</summary>
    public string? Owner { get; init; }

    /// <summary>Last day on which the exemption works; after it GOV005 fires.</summary>
    public DateOnly? Expires { get; init; }
}

/// <summary>A severity as written in configuration: <c>error</c>, <c>warning</c>, <c>info</c> or <c>none</c> (disabled / never fail).</summary>
public enum ConfiguredSeverity
{
    /// <summary><c>none</c>: the rule is disabled; as <c>failOn</c>, no finding fails the run.</summary>
    None,
    /// <summary><c>info</c>.</summary>
    Info,
    /// <summary><c>warning</c>.</summary>
    Warning,
    /// <summary><c>error</c>.</summary>
    Error,
}
