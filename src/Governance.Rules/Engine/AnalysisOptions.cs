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

    /// <summary>Rule settings for some files; later entries win, field by field.</summary>
    public IReadOnlyList<RuleOverride> Overrides { get; init; } = [];

    /// <summary>Central exemptions.</summary>
    public IReadOnlyList<ExemptionSettings> Exemptions { get; init; } = [];

    /// <summary>The baseline; findings it covers are marked baselined and do not count towards the exit code.</summary>
    public Baseline? Baseline { get; init; }

    /// <summary>Most artifacts analysed at once; default the processor count.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>
    /// How long one artifact action of a rule may run (default 10 s; <see cref="Timeout.InfiniteTimeSpan"/> for no
    /// limit). An action that overruns is reported as GOV009, its findings for that artifact are dropped, and the run
    /// completes without waiting for it (.NET cannot abort a thread: the action goes on in the background until it
    /// returns or observes the cancellation token, which is cancelled when the run ends). Portfolio actions have no budget.
    /// </summary>
    public TimeSpan RuleTimeBudget { get; init; } = DefaultRuleTimeBudget;

    /// <summary>The default <see cref="RuleTimeBudget"/>: 10 seconds.</summary>
    public static readonly TimeSpan DefaultRuleTimeBudget = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Whether the result keeps every record (<see cref="AnalysisResult.Artifacts"/>); default <see langword="true"/>.
    /// When <see langword="false"/>, <see cref="AnalysisResult.Artifacts"/> is empty (<see cref="AnalysisResult.Analyzed"/>
    /// still describes every artifact) and, when analysing paths, files are loaded and checked a batch at a time and the
    /// records no rule still needs are released as the run goes, so memory stays close to the index rather than the
    /// portfolio. Findings are the same either way.
    /// </summary>
    public bool KeepArtifacts { get; init; } = true;

    /// <summary>
    /// Told how far the run is (files read, artifacts analysed), from several threads at once; <see langword="null"/>
    /// reports nothing. The implementation must be thread-safe and quick.
    /// </summary>
    public IProgress<AnalysisProgress>? Progress { get; init; }
}

/// <summary>How far an analysis run is.</summary>
/// <param name="FilesRead">Files read so far.</param>
/// <param name="ArtifactsAnalyzed">Artifacts the per-artifact rules have finished with.</param>
/// <param name="Artifacts">Artifacts to analyse; 0 while files are still being read.</param>
public sealed record AnalysisProgress(int FilesRead, int ArtifactsAnalyzed, int Artifacts);

/// <summary>A rule's configured severity, switch and options (SPEC §E).</summary>
public sealed record RuleSettings
{
    /// <summary>The severity that replaces the rule's own (both of them, for rules with two); <see langword="null"/> keeps them.</summary>
    public Severity? Severity { get; init; }

    /// <summary>Whether the rule runs (<c>none</c> in configuration means disabled); <see langword="null"/> leaves it as set before (default on).</summary>
    public bool? Enabled { get; init; }

    /// <summary>Until this date the rule's findings are reported as info; from it on, at their severity.</summary>
    public DateOnly? EnforceFrom { get; init; }

    /// <summary>The rule's options as written in configuration (camelCase), bound onto the rule's options type.</summary>
    public JsonElement? Options { get; init; }

    /// <summary>These settings with every field that <paramref name="later"/> sets replaced by its value.</summary>
    internal RuleSettings MergedWith(RuleSettings? later) => later is null ? this : new RuleSettings
    {
        Severity = later.Severity ?? Severity,
        Enabled = later.Enabled ?? Enabled,
        EnforceFrom = later.EnforceFrom ?? EnforceFrom,
        Options = later.Options ?? Options,
    };
}
