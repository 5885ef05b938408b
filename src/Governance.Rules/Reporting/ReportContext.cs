namespace Governance.Rules.Reporting;

/// <summary>What a report needs to know beyond the <see cref="Engine.AnalysisResult"/>.</summary>
public sealed record ReportContext
{
    /// <summary>The version of the tool that produced the report (SARIF <c>tool.driver.version</c>).</summary>
    public string ToolVersion { get; init; } = DefaultToolVersion;

    /// <summary>
    /// Whether the analysis compared its findings with a baseline. Only then does SARIF mark each finding that the
    /// baseline does not cover as <c>baselineState: new</c>.
    /// </summary>
    public bool BaselineUsed { get; init; }

    /// <summary>
    /// Whether reports that can carry them (<c>json</c>, <see cref="ReportModel.Timings"/>) include the time spent per
    /// stage and per rule. Off by default: timings differ from run to run, and reports are otherwise reproducible.
    /// </summary>
    public bool IncludeTimings { get; init; }

    /// <summary>The weights of the health scores (<see cref="ReportModel.Score"/>); the defaults when not configured.</summary>
    public ScoreWeights ScoreWeights { get; init; } = ScoreWeights.Default;

    /// <summary>An earlier run to compare with (<c>govern check --compare</c>); <see langword="null"/> for no comparison.</summary>
    internal ReportComparer.ReportSnapshot? Previous { get; init; }

    /// <summary>The earlier report's name as the comparison shows it.</summary>
    internal string? PreviousName { get; init; }

    private static string DefaultToolVersion => ToolInformation.Version;
}
