using Governance.Rules.Engine;

namespace Governance.Rules.Reporting;

/// <summary>
/// The report model: what the <c>markdown</c>, <c>html</c> and <c>json</c> reports and custom templates
/// (<c>govern check --template</c>) see, built once from an <see cref="AnalysisResult"/> by <see cref="Create"/>.
/// </summary>
/// <remarks>
/// The model is a stable contract, documented field by field in <c>docs/report-model.md</c>. The <c>json</c> report is
/// this model serialized with camelCase names; templates use the same camelCase names (<c>{{summary.errors}}</c>,
/// <c>{{#each findings}}{{ruleId}}{{/each}}</c>). Within one <see cref="FormatVersion"/> fields are only ever added,
/// never renamed, removed or given another meaning. Every collection is in a deterministic order, so the same analysis
/// always gives the same report. Enumerated values (severities, states, kinds) are lower-case or camelCase strings.
/// </remarks>
public sealed record ReportModel
{
    /// <summary>The <see cref="FormatVersion"/> this library writes.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>The version of the model's shape; changes only when a field is removed or changes meaning.</summary>
    public int FormatVersion { get; init; } = CurrentFormatVersion;

    /// <summary>The tool that produced the report.</summary>
    public required ReportTool Tool { get; init; }

    /// <summary>The date the clock rules used ("today"), <c>YYYY-MM-DD</c>.</summary>
    public required string AsOf { get; init; }

    /// <summary>Whether the findings were compared with a baseline (only then is a finding's <c>baselineState</c> set).</summary>
    public bool BaselineUsed { get; init; }

    /// <summary>Counts over the whole analysis.</summary>
    public required ReportSummary Summary { get; init; }

    /// <summary>How many projects of <see cref="ByProject"/> are red, amber or green.</summary>
    public required ReportHealth ProjectHealth { get; init; }

    /// <summary>
    /// The rule categories of the rules that ran, in catalog order (<c>engine</c>, <c>strategy</c>, ... <c>portfolio</c>,
    /// then other categories by name); the columns of every <c>byCategory</c> list.
    /// </summary>
    public required IReadOnlyList<string> Categories { get; init; }

    /// <summary>Every rule that ran, engine diagnostics included, by id.</summary>
    public required IReadOnlyList<ReportRule> Rules { get; init; }

    /// <summary>Every finding, whatever its state, in report order (file, line, column, rule id, pointer, message).</summary>
    public required IReadOnlyList<ReportFinding> Findings { get; init; }

    /// <summary>Finding counts per rule, for the rules with at least one finding, by rule id.</summary>
    public required IReadOnlyList<ReportRuleGroup> ByRule { get; init; }

    /// <summary>
    /// Finding counts per artifact: every artifact analysed (also those without findings), plus one group per file for
    /// findings without an artifact (a file that does not parse, the configuration file) and one group without file for
    /// findings without a location; by file, then document order.
    /// </summary>
    public required IReadOnlyList<ReportArtifactGroup> ByArtifact { get; init; }

    /// <summary>
    /// Finding counts per product: every Product analysed and every product id the artifacts refer to, by id. A product
    /// counts the findings of its own artifacts and of its projects' artifacts.
    /// </summary>
    public required IReadOnlyList<ReportPortfolioGroup> ByProduct { get; init; }

    /// <summary>
    /// Finding counts per project: every Project analysed and every project id the artifacts refer to, by id. A project
    /// counts the findings of the Project itself, its plans, status reports, handovers and retrospectives.
    /// </summary>
    public required IReadOnlyList<ReportPortfolioGroup> ByProject { get; init; }

    /// <summary>
    /// The health score of the whole portfolio (every finding), 0–100, with its per-rule breakdown. Every entry of
    /// <see cref="ByArtifact"/>, <see cref="ByProduct"/> and <see cref="ByProject"/> has its own <c>score</c>.
    /// </summary>
    public ReportScore Score { get; init; } = ReportScore.Perfect;

    /// <summary>The weights the scores were computed with.</summary>
    public ReportScoreWeights ScoreWeights { get; init; } = ReportScoreWeights.From(Reporting.ScoreWeights.Default);

    /// <summary>The comparison with an earlier json report (<c>govern check --compare</c>); <see langword="null"/> otherwise.</summary>
    public ReportComparison? Comparison { get; init; }

    /// <summary>Time spent per stage and per rule; empty lists unless asked for (<see cref="ReportContext.IncludeTimings"/>), so reports stay reproducible.</summary>
    public required ReportTimings Timings { get; init; }

    /// <summary>Builds the model of <paramref name="result"/>.</summary>
    /// <param name="result">The analysis to report.</param>
    /// <param name="context">The tool version, whether a baseline was used and whether to include timings; defaults when <see langword="null"/>.</param>
    public static ReportModel Create(AnalysisResult result, ReportContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        return ReportModelBuilder.Build(result, context ?? new ReportContext());
    }
}

/// <summary>The tool that produced a report.</summary>
/// <param name="Name">The tool's name, <c>govern</c>.</param>
/// <param name="Version">The tool's version.</param>
/// <param name="InformationUri">Where users read about the tool.</param>
public sealed record ReportTool(string Name, string Version, string InformationUri);

/// <summary>
/// Counts over the whole analysis. <see cref="Errors"/>, <see cref="Warnings"/> and <see cref="Infos"/> count active
/// findings only (neither suppressed, exempted nor baselined); the other three count findings in that state whatever
/// their severity.
/// </summary>
public sealed record ReportSummary
{
    /// <summary>Active errors.</summary>
    public int Errors { get; init; }
    /// <summary>Active warnings.</summary>
    public int Warnings { get; init; }
    /// <summary>Active infos.</summary>
    public int Infos { get; init; }
    /// <summary>Findings suppressed inline (<c>metadata.suppressions</c>).</summary>
    public int Suppressed { get; init; }
    /// <summary>Findings exempted in the configuration (<c>exemptions</c>).</summary>
    public int Exempted { get; init; }
    /// <summary>Findings covered by the baseline.</summary>
    public int Baselined { get; init; }
    /// <summary>Active findings: <c>errors + warnings + infos</c>.</summary>
    public int Active { get; init; }
    /// <summary>Every finding, whatever its state.</summary>
    public int Total { get; init; }
    /// <summary>Files read.</summary>
    public int Files { get; init; }
    /// <summary>Artifacts analysed.</summary>
    public int Artifacts { get; init; }
    /// <summary>Entries of <see cref="ReportModel.ByProduct"/>.</summary>
    public int Products { get; init; }
    /// <summary>Entries of <see cref="ReportModel.ByProject"/>.</summary>
    public int Projects { get; init; }
    /// <summary>Rules that ran, engine diagnostics included.</summary>
    public int Rules { get; init; }
}

/// <summary>Finding counts of a group (a rule, an artifact, a product, a project); same meaning as in <see cref="ReportSummary"/>.</summary>
public sealed record ReportCounts
{
    /// <summary>Active errors.</summary>
    public int Errors { get; init; }
    /// <summary>Active warnings.</summary>
    public int Warnings { get; init; }
    /// <summary>Active infos.</summary>
    public int Infos { get; init; }
    /// <summary>Findings suppressed inline.</summary>
    public int Suppressed { get; init; }
    /// <summary>Findings exempted in the configuration.</summary>
    public int Exempted { get; init; }
    /// <summary>Findings covered by the baseline.</summary>
    public int Baselined { get; init; }
    /// <summary>Active findings: <c>errors + warnings + infos</c>.</summary>
    public int Active { get; init; }
    /// <summary>Every finding, whatever its state.</summary>
    public int Total { get; init; }
}

/// <summary>How many groups are red (an active error), amber (an active warning, no error) or green (neither).</summary>
/// <param name="Red">Groups with at least one active error.</param>
/// <param name="Amber">Groups with an active warning and no active error.</param>
/// <param name="Green">Groups without active errors or warnings (infos do not count).</param>
public sealed record ReportHealth(int Red, int Amber, int Green);

/// <summary>A rule that ran.</summary>
/// <param name="Id">The rule id, <c>GOVnnn</c>.</param>
/// <param name="Title">The rule's title.</param>
/// <param name="Category">The category owning the id range (<c>plan</c>, <c>status</c>, ...).</param>
/// <param name="DefaultSeverity">The severity when the configuration says nothing: <c>error</c>, <c>warning</c> or <c>info</c>.</param>
/// <param name="Description">What the rule checks and why.</param>
/// <param name="HelpUri">The rule's documentation page; <see langword="null"/> when it has none.</param>
public sealed record ReportRule(string Id, string Title, string Category, string DefaultSeverity, string Description, string? HelpUri);

/// <summary>One finding (SPEC §B) with its state and the product and project it belongs to.</summary>
public sealed record ReportFinding
{
    /// <summary>The rule id, <c>GOVnnn</c>.</summary>
    public required string RuleId { get; init; }
    /// <summary>The rule's title; <see langword="null"/> when the rule is not among those that ran.</summary>
    public string? RuleTitle { get; init; }
    /// <summary>The rule's category (<c>plan</c>, <c>status</c>, ...); <see langword="null"/> when unknown.</summary>
    public string? Category { get; init; }
    /// <summary>The effective severity: <c>error</c>, <c>warning</c> or <c>info</c>.</summary>
    public required string Severity { get; init; }
    /// <summary>The message.</summary>
    public required string Message { get; init; }
    /// <summary><c>active</c>, <c>suppressed</c> (inline), <c>exempted</c> (configuration) or <c>baselined</c>.</summary>
    public required string State { get; init; }
    /// <summary>The justification of the suppression or exemption; <see langword="null"/> otherwise.</summary>
    public string? Justification { get; init; }
    /// <summary>The suppression or exemption (SARIF kinds), or <see langword="null"/>.</summary>
    public ReportSuppression? Suppression { get; init; }
    /// <summary><c>unchanged</c> for a baselined finding, <c>new</c> for another finding when a baseline was used, else <see langword="null"/>.</summary>
    public string? BaselineState { get; init; }
    /// <summary>The artifact's id; <see langword="null"/> for findings without an artifact.</summary>
    public string? ArtifactId { get; init; }
    /// <summary>The artifact's kind (<c>ProjectPlan</c>, ...); <see langword="null"/> when unknown.</summary>
    public string? ArtifactKind { get; init; }
    /// <summary>The product the artifact belongs to (see <see cref="ReportModel.ByProduct"/>), or <see langword="null"/>.</summary>
    public string? ProductId { get; init; }
    /// <summary>The project the artifact belongs to (see <see cref="ReportModel.ByProject"/>), or <see langword="null"/>.</summary>
    public string? ProjectId { get; init; }
    /// <summary>The file, relative to the working directory with forward slashes; <see langword="null"/> without a location.</summary>
    public string? File { get; init; }
    /// <summary>1-based line; <see langword="null"/> when unknown.</summary>
    public int? Line { get; init; }
    /// <summary>1-based column (UTF-16 code units); <see langword="null"/> when unknown.</summary>
    public int? Column { get; init; }
    /// <summary>RFC 6901 JSON pointer into the artifact; <c>""</c> is its root; <see langword="null"/> without a location.</summary>
    public string? Pointer { get; init; }
    /// <summary><c>file:line:column</c>, <c>file</c> when the position is unknown, or <see langword="null"/> without a file.</summary>
    public string? Location { get; init; }
    /// <summary>The rule's documentation page; <see langword="null"/> when it has none.</summary>
    public string? HelpUri { get; init; }
}

/// <summary>Why a finding is set aside.</summary>
/// <param name="Kind"><c>inSource</c> for an inline suppression, <c>external</c> for an exemption in the configuration.</param>
/// <param name="Justification">The justification given.</param>
public sealed record ReportSuppression(string Kind, string Justification);

/// <summary>The findings of one rule.</summary>
/// <param name="RuleId">The rule id.</param>
/// <param name="Title">The rule's title; <see langword="null"/> when the rule is not among those that ran.</param>
/// <param name="Category">The rule's category; <see langword="null"/> when unknown.</param>
/// <param name="HelpUri">The rule's documentation page; <see langword="null"/> when it has none.</param>
/// <param name="Counts">The rule's findings counted by severity and state.</param>
public sealed record ReportRuleGroup(string RuleId, string? Title, string? Category, string? HelpUri, ReportCounts Counts);

/// <summary>The findings of one artifact, or of one file or location-less group of findings without an artifact.</summary>
public sealed record ReportArtifactGroup
{
    /// <summary>The artifact's id; <see langword="null"/> for a group of findings without an artifact.</summary>
    public string? ArtifactId { get; init; }
    /// <summary>The artifact's kind; <see langword="null"/> when it is not an artifact analysed.</summary>
    public string? Kind { get; init; }
    /// <summary>The artifact's <c>metadata.title</c>, or <see langword="null"/>.</summary>
    public string? Title { get; init; }
    /// <summary>The file; <see langword="null"/> for findings without a location and artifacts built in memory.</summary>
    public string? File { get; init; }
    /// <summary>The product the artifact belongs to, or <see langword="null"/>.</summary>
    public string? ProductId { get; init; }
    /// <summary>The project the artifact belongs to, or <see langword="null"/>.</summary>
    public string? ProjectId { get; init; }
    /// <summary>The group's findings counted by severity and state.</summary>
    public required ReportCounts Counts { get; init; }

    /// <summary>The artifact's health score (its active findings), with its per-rule breakdown.</summary>
    public ReportScore Score { get; internal set; } = ReportScore.Perfect;

    /// <summary>The group's findings, in report order; not part of the model (neither json nor templates see it).</summary>
    internal List<ReportFinding> Members { get; } = [];
}

/// <summary>The findings of one product or one project.</summary>
public sealed record ReportPortfolioGroup
{
    /// <summary>The product or project id.</summary>
    public required string Id { get; init; }
    /// <summary>The Product's or Project's <c>metadata.title</c>, or <see langword="null"/>.</summary>
    public string? Title { get; init; }
    /// <summary>Whether the Product or Project artifact itself was analysed (not only artifacts referring to it).</summary>
    public bool Analyzed { get; init; }
    /// <summary>For a project, its <c>productId</c>; <see langword="null"/> for a product.</summary>
    public string? ProductId { get; init; }
    /// <summary><c>red</c> (an active error), <c>amber</c> (an active warning, no error) or <c>green</c>.</summary>
    public required string Health { get; init; }
    /// <summary>The group's findings counted by severity and state.</summary>
    public required ReportCounts Counts { get; init; }
    /// <summary>The group's findings per category, one entry per <see cref="ReportModel.Categories"/> entry, in the same order.</summary>
    public required IReadOnlyList<ReportCategoryCount> ByCategory { get; init; }
    /// <summary>The group's health score (over the same findings as <see cref="Counts"/>), with its per-rule breakdown.</summary>
    public ReportScore Score { get; init; } = ReportScore.Perfect;
}

/// <summary>The findings of a group in one rule category.</summary>
/// <param name="Category">The category.</param>
/// <param name="Active">Active findings.</param>
/// <param name="Total">Every finding, whatever its state.</param>
public sealed record ReportCategoryCount(string Category, int Active, int Total);

/// <summary>Where the analysis spent its time.</summary>
/// <param name="Stages">Per stage (load, index, rules, ...), in the order the stages ran.</param>
/// <param name="Rules">Per rule, summed over artifacts (CPU time across threads), by rule id.</param>
public sealed record ReportTimings(IReadOnlyList<ReportTiming> Stages, IReadOnlyList<ReportTiming> Rules);

/// <summary>Time spent in one stage or rule.</summary>
/// <param name="Name">The stage's name or the rule's id.</param>
/// <param name="Milliseconds">Milliseconds, rounded to three decimals.</param>
public sealed record ReportTiming(string Name, double Milliseconds);

/// <summary>
/// A 0–100 health score: <c>max(0, 100 - deducted)</c>, where each active finding deducts its weight
/// (<see cref="ScoreWeights"/>), with the per-rule breakdown of the points deducted.
/// </summary>
public sealed record ReportScore
{
    /// <summary>The score of a group without active findings.</summary>
    public static ReportScore Perfect { get; } = new() { Value = 100, Deducted = 0, Breakdown = [] };

    /// <summary>The score, 0 to 100.</summary>
    public required int Value { get; init; }

    /// <summary>Points deducted by the group's active findings (may exceed 100; the score stops at 0).</summary>
    public required int Deducted { get; init; }

    /// <summary>The rules with active findings in the group, by rule id: how many findings and how many points.</summary>
    public required IReadOnlyList<ReportScoreItem> Breakdown { get; init; }
}

/// <summary>What one rule deducts from a score.</summary>
/// <param name="RuleId">The rule id.</param>
/// <param name="Findings">Active findings of the rule in the group.</param>
/// <param name="Deducted">Points they deduct.</param>
public sealed record ReportScoreItem(string RuleId, int Findings, int Deducted);

/// <summary>The weights of <see cref="ScoreWeights"/> as the report shows them.</summary>
/// <param name="Error">Points per active error.</param>
/// <param name="Warning">Points per active warning.</param>
/// <param name="Info">Points per active info.</param>
/// <param name="Rules">Per-rule weights, by rule id.</param>
public sealed record ReportScoreWeights(int Error, int Warning, int Info, IReadOnlyList<ReportRuleWeight> Rules)
{
    internal static ReportScoreWeights From(ScoreWeights weights) => new(
        weights.Error, weights.Warning, weights.Info,
        [.. weights.Rules.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => new ReportRuleWeight(r.Key, r.Value))]);
}

/// <summary>A rule's own score weight.</summary>
/// <param name="RuleId">The rule id.</param>
/// <param name="Weight">Points per active finding of the rule.</param>
public sealed record ReportRuleWeight(string RuleId, int Weight);
