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

    private static string DefaultToolVersion => ToolInformation.Version;
}
