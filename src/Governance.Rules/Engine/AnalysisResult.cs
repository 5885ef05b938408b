using Governance.Rules.Model;

namespace Governance.Rules.Engine;

/// <summary>The outcome of an analysis: findings in report order, the rules that ran, counts and timings.</summary>
public sealed record AnalysisResult
{
    private readonly IReadOnlyList<AnalyzedArtifact>? analyzed;

    /// <summary>Every finding, in the deterministic order of SPEC §B.</summary>
    public required IReadOnlyList<Finding> Findings { get; init; }

    /// <summary>The descriptors of every rule that ran, engine diagnostics included, ordered by id.</summary>
    public required IReadOnlyList<RuleDescriptor> Rules { get; init; }

    /// <summary>The date the clock rules used.</summary>
    public required DateOnly Today { get; init; }

    /// <summary>Number of files read.</summary>
    public int FilesAnalyzed { get; init; }

    /// <summary>The artifacts analysed, in document order.</summary>
    public required IReadOnlyList<Artifact> Artifacts { get; init; }

    /// <summary>
    /// The file each artifact of <see cref="Artifacts"/> was read from, at the same index, relative to the working
    /// directory with forward slashes as in <see cref="Finding.File"/>; <see langword="null"/> for an artifact built in
    /// memory. Empty when the producer of the result did not record the files.
    /// </summary>
    public IReadOnlyList<string?> ArtifactFiles { get; init; } = [];

    /// <summary>
    /// What was analysed, in document order: each artifact's id, kind, file, title and parents, without its record
    /// (filled even when <see cref="AnalysisOptions.KeepArtifacts"/> is off and <see cref="Artifacts"/> is empty).
    /// When a producer of the result sets only <see cref="Artifacts"/>, this describes them (files from
    /// <see cref="ArtifactFiles"/>).
    /// </summary>
    public IReadOnlyList<AnalyzedArtifact> Analyzed
    {
        get => analyzed ?? [.. Artifacts.Select((a, i) => AnalyzedArtifact.Of(a, ArtifactFilesKnown ? ArtifactFiles[i] : null))];
        init => analyzed = value;
    }

    /// <summary>Whether <see cref="Analyzed"/> says which file each artifact came from (<see langword="null"/> meaning built in memory).</summary>
    internal bool ArtifactFilesKnown => analyzed is not null || ArtifactFiles.Count == Artifacts.Count;

    /// <summary>Time spent per stage (load, index, rules, ...).</summary>
    public IReadOnlyDictionary<string, TimeSpan> StageTimings { get; init; } = new Dictionary<string, TimeSpan>();

    /// <summary>Time spent in each rule, summed over artifacts (CPU time across threads).</summary>
    public IReadOnlyDictionary<string, TimeSpan> RuleTimings { get; init; } = new Dictionary<string, TimeSpan>();

    /// <summary>Baseline entries with fewer findings now than recorded (fixed), so the baseline can be tightened.</summary>
    public IReadOnlyList<BaselineEntry> FixedBaselineEntries { get; init; } = [];

    /// <summary>Whether a baseline was applied.</summary>
    public bool BaselineApplied { get; init; }

    /// <summary>Counts by severity of the findings that are not suppressed, exempted or baselined.</summary>
    public FindingSummary Summary => FindingSummary.Of(Findings);

    /// <summary>Whether any active finding is at or above <paramref name="threshold"/>; <see langword="null"/> (fail-on none) never fails.</summary>
    public bool HasFindingsAtOrAbove(Severity? threshold) =>
        threshold is { } t && Findings.Any(f => f.IsActive && f.Severity >= t);
}

/// <summary>One artifact analysed, as reports and summaries name it: not its record.</summary>
public sealed record AnalyzedArtifact
{
    /// <summary>The artifact's <c>metadata.id</c>.</summary>
    public string? Id { get; init; }

    /// <summary>The artifact's kind.</summary>
    public ArtifactKind Kind { get; init; }

    /// <summary>
    /// The file it was read from, relative to the working directory with forward slashes as in
    /// <see cref="Finding.File"/>; <see langword="null"/> for an artifact built in memory.
    /// </summary>
    public string? File { get; init; }

    /// <summary>The artifact's <c>metadata.title</c>.</summary>
    public string? Title { get; init; }

    /// <summary>The id of its parent: <c>productId</c>, <c>projectId</c> or a post-mortem's <c>subjectId</c> (<see cref="PortfolioIndex.ParentId"/>).</summary>
    public string? ParentId { get; init; }

    /// <summary>The product it names: the <c>productId</c> of a project, handover, strategy, roadmap, backlog or analytics.</summary>
    public string? ProductId { get; init; }

    /// <summary>Describes <paramref name="artifact"/>, read from <paramref name="file"/>.</summary>
    /// <param name="artifact">The record.</param>
    /// <param name="file">Its file, as in <see cref="File"/>.</param>
    public static AnalyzedArtifact Of(Artifact artifact, string? file)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        return new AnalyzedArtifact
        {
            Id = artifact.Id,
            Kind = artifact.ArtifactKind,
            File = file,
            Title = artifact.Metadata?.Title,
            ParentId = PortfolioIndex.ParentId(artifact),
            ProductId = artifact switch
            {
                Project a => a.Spec?.ProductId,
                Handover a => a.Spec?.ProductId,
                ProductStrategy or Roadmap or Backlog or ProductAnalytics => PortfolioIndex.ParentId(artifact),
                _ => null,
            },
        };
    }
}

/// <summary>Finding counts.</summary>
/// <param name="Errors">Active errors.</param>
/// <param name="Warnings">Active warnings.</param>
/// <param name="Infos">Active infos.</param>
/// <param name="Suppressed">Findings suppressed or exempted.</param>
/// <param name="Baselined">Findings covered by the baseline.</param>
public sealed record FindingSummary(int Errors, int Warnings, int Infos, int Suppressed, int Baselined)
{
    /// <summary>Total findings, whatever their state.</summary>
    public int Total => Errors + Warnings + Infos + Suppressed + Baselined;

    /// <summary>Counts <paramref name="findings"/>.</summary>
    public static FindingSummary Of(IEnumerable<Finding> findings)
    {
        int errors = 0, warnings = 0, infos = 0, suppressed = 0, baselined = 0;
        foreach (var finding in findings)
        {
            if (finding.Suppression is not null) suppressed++;
            else if (finding.IsBaselined) baselined++;
            else if (finding.Severity == Severity.Error) errors++;
            else if (finding.Severity == Severity.Warning) warnings++;
            else infos++;
        }

        return new FindingSummary(errors, warnings, infos, suppressed, baselined);
    }
}
