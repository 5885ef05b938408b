using System.Globalization;
using Governance.Rules.Engine;

namespace Governance.Rules.Testing;

/// <summary>What a <see cref="RuleTester"/> run gave: the findings of the rules under test and the engine diagnostics.</summary>
public sealed record RuleTestResult
{
    /// <summary>The findings of the rules (not the engine diagnostics), in report order (file, line, column, rule id).</summary>
    public required IReadOnlyList<Finding> Findings { get; init; }

    /// <summary>
    /// The engine diagnostics (GOV001–GOV009), empty unless <see cref="RuleTestOptions.AllowEngineFindings"/> is set:
    /// a document that did not load, or a rule that threw (GOV009).
    /// </summary>
    public required IReadOnlyList<Finding> EngineFindings { get; init; }

    /// <summary>The whole analysis, for anything else (rules that ran, artifacts, timings).</summary>
    public required AnalysisResult Analysis { get; init; }

    /// <summary>
    /// <see cref="Findings"/> as <c>govern check</c> prints them, one line each:
    /// <c>file:line:column: severity GOVnnn: message [artifact-id]</c>. Handy for comparing with an expected list.
    /// </summary>
    public IReadOnlyList<string> Lines => [.. Findings.Select(Format)];

    /// <summary>A finding as one line of the <c>text</c> report.</summary>
    /// <param name="finding">The finding.</param>
    public static string Format(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var artifact = finding.ArtifactId is null ? string.Empty : $" [{finding.ArtifactId}]";
        return string.Create(CultureInfo.InvariantCulture,
            $"{finding.File}:{finding.Line}:{finding.Column}: {finding.Severity.ToName()} {finding.RuleId}: {finding.Message}{artifact}");
    }
}

/// <summary>
/// A <see cref="RuleTester"/> run produced engine diagnostics (a document that does not parse, a rule that threw) while
/// <see cref="RuleTestOptions.AllowEngineFindings"/> was off. The message lists them.
/// </summary>
public sealed class RuleTestException : Exception
{
    /// <summary>Creates the exception for <paramref name="findings"/>.</summary>
    /// <param name="findings">The engine diagnostics.</param>
    public RuleTestException(IReadOnlyList<Finding> findings)
        : base("The rule test produced engine diagnostics (set RuleTestOptions.AllowEngineFindings to inspect them instead):"
            + string.Concat((findings ?? throw new ArgumentNullException(nameof(findings))).Select(f => "\n  " + RuleTestResult.Format(f))))
    {
        Findings = findings;
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public RuleTestException(string message)
        : base(message)
    {
        Findings = [];
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public RuleTestException(string message, Exception innerException)
        : base(message, innerException)
    {
        Findings = [];
    }

    /// <summary>Creates the exception without a message.</summary>
    public RuleTestException()
    {
        Findings = [];
    }

    /// <summary>The engine diagnostics.</summary>
    public IReadOnlyList<Finding> Findings { get; }
}
