namespace Governance.Rules.Engine;

/// <summary>How serious a finding is. Ordered: <see cref="Info"/> &lt; <see cref="Warning"/> &lt; <see cref="Error"/>.</summary>
public enum Severity
{
    /// <summary>Worth knowing; SARIF level <c>note</c>.</summary>
    Info = 1,
    /// <summary>Should be fixed; SARIF level <c>warning</c>.</summary>
    Warning = 2,
    /// <summary>Must be fixed; SARIF level <c>error</c>.</summary>
    Error = 3,
}

/// <summary>Text forms of <see cref="Severity"/>.</summary>
public static class SeverityNames
{
    /// <summary>The lower-case name used in reports and configuration: <c>error</c>, <c>warning</c>, <c>info</c>.</summary>
    public static string ToName(this Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Info => "info",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, null),
    };

    /// <summary>The SARIF level: <c>error</c>, <c>warning</c> or <c>note</c>.</summary>
    public static string ToSarifLevel(this Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Info => "note",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, null),
    };

    /// <summary>Parses <c>error</c>, <c>warning</c> or <c>info</c> (case-insensitive).</summary>
    public static bool TryParse(string? text, out Severity severity)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case "ERROR": severity = Severity.Error; return true;
            case "WARNING": severity = Severity.Warning; return true;
            case "INFO": severity = Severity.Info; return true;
            default: severity = default; return false;
        }
    }
}
