using Microsoft.Build.Framework;
using MSBuildTask = Microsoft.Build.Utilities.Task;

namespace Governance.Rules.Build;

/// <summary>
/// Logs the stored findings as MSBuild errors, warnings and messages in the canonical
/// <c>file(line,col): warning GOV401: message</c> form with the rule's help link. Runs on every build, also when the
/// check was skipped as up to date. Applies <c>NoWarn</c>, <c>TreatWarningsAsErrors</c>, <c>WarningsAsErrors</c> and
/// <c>WarningsNotAsErrors</c> as the C# compiler does for analyzer diagnostics.
/// </summary>
public sealed class ReportGovernanceFindings : MSBuildTask
{
    /// <summary>The file <see cref="CheckGovernance"/> wrote.</summary>
    [Required]
    public string FindingsCache { get; set; } = string.Empty;

    /// <summary><c>$(TreatWarningsAsErrors)</c>: every warning is reported as an error, except those in <see cref="WarningsNotAsErrors"/>.</summary>
    public bool TreatWarningsAsErrors { get; set; }

    /// <summary><c>$(WarningsAsErrors)</c>: codes whose warnings are reported as errors.</summary>
    public string? WarningsAsErrors { get; set; }

    /// <summary><c>$(WarningsNotAsErrors)</c>: codes that stay warnings under <see cref="TreatWarningsAsErrors"/>.</summary>
    public string? WarningsNotAsErrors { get; set; }

    /// <summary><c>$(NoWarn)</c>: codes not reported (rule findings at any severity; engine diagnostics unless errors).</summary>
    public string? NoWarn { get; set; }

    /// <summary>Findings logged as errors.</summary>
    [Output]
    public int ErrorCount { get; private set; }

    /// <summary>Findings logged as warnings.</summary>
    [Output]
    public int WarningCount { get; private set; }

    /// <inheritdoc />
    public override bool Execute()
    {
        if (!File.Exists(FindingsCache)) return true;
        var findings = Build.FindingsCache.TryRead(FindingsCache);
        if (findings is null)
        {
            Log.LogWarning(null, BuildCodes.CacheUnreadable, null, FindingsCache, 0, 0, 0, 0, "{0}",
                "The stored governance findings cannot be read; they are checked again on the next build.");
            try
            {
                File.Delete(FindingsCache);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Log.LogWarning(null, BuildCodes.CacheUnreadable, null, FindingsCache, 0, 0, 0, 0, "{0}", $"Delete the file to check again: {ex.Message}");
            }

            return true;
        }

        var noWarn = Codes(NoWarn);
        var asErrors = Codes(WarningsAsErrors);
        var notAsErrors = Codes(WarningsNotAsErrors);
        foreach (var finding in findings)
        {
            var level = BuildLevels.Effective(finding, noWarn, TreatWarningsAsErrors, asErrors, notAsErrors);
            switch (level)
            {
                case BuildLevel.Error:
                    ErrorCount++;
                    Log.LogError(null, finding.Code, null, finding.HelpLink, finding.File, finding.Line, finding.Column, 0, 0, "{0}", finding.Message);
                    break;
                case BuildLevel.Warning:
                    WarningCount++;
                    Log.LogWarning(null, finding.Code, null, finding.HelpLink, finding.File, finding.Line, finding.Column, 0, 0, "{0}", finding.Message);
                    break;
                case BuildLevel.Message:
                    Log.LogMessage(null, finding.Code, null, finding.File, finding.Line, finding.Column, 0, 0, MessageImportance.Normal, "{0}", finding.Message);
                    break;
            }
        }

        return !Log.HasLoggedErrors;
    }

    private static HashSet<string> Codes(string? list) =>
        new((list ?? string.Empty).Split([';', ',', ' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.OrdinalIgnoreCase);
}

/// <summary>How a finding is logged.</summary>
internal enum BuildLevel
{
    /// <summary>Not logged.</summary>
    None,

    /// <summary>An MSBuild message (a suggestion, as Roslyn's info diagnostics).</summary>
    Message,

    /// <summary>An MSBuild warning.</summary>
    Warning,

    /// <summary>An MSBuild error: the build fails.</summary>
    Error,
}

/// <summary>The compiler's rules for <c>NoWarn</c> and the warnings-as-errors switches, applied to a finding.</summary>
internal static class BuildLevels
{
    /// <summary>The level <paramref name="finding"/> is logged at.</summary>
    public static BuildLevel Effective(BuildFinding finding, IReadOnlySet<string> noWarn, bool treatWarningsAsErrors, IReadOnlySet<string> warningsAsErrors, IReadOnlySet<string> warningsNotAsErrors)
    {
        var level = finding.Level switch
        {
            "error" => BuildLevel.Error,
            "warning" => BuildLevel.Warning,
            _ => BuildLevel.Message,
        };

        // NoWarn silences analyzer diagnostics at any severity, but not compiler errors: engine errors stay.
        if (noWarn.Contains(finding.Code) && !(finding.IsEngineDiagnostic && level == BuildLevel.Error)) return BuildLevel.None;
        if (level == BuildLevel.Warning &&
            (warningsAsErrors.Contains(finding.Code) || (treatWarningsAsErrors && !warningsNotAsErrors.Contains(finding.Code))))
            return BuildLevel.Error;
        return level;
    }
}
