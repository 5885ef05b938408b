namespace Governance.Rules.Build;

/// <summary>
/// The codes of the build integration's own messages (not rule findings): GOVB, so they never collide with the
/// catalog's GOVnnn ids, and each can be listed in <c>NoWarn</c> or <c>WarningsAsErrors</c> like any other code.
/// </summary>
internal static class BuildCodes
{
    /// <summary>An MSBuild property or item of the integration has an invalid value (error).</summary>
    public const string InvalidProperty = "GOVB001";

    /// <summary><c>governance.yaml</c> is invalid or unreadable (error, at the problem's file, line and column).</summary>
    public const string InvalidConfiguration = "GOVB002";

    /// <summary>A <c>.editorconfig</c> or <c>.globalconfig</c> line is ignored (warning, at its file and line).</summary>
    public const string EditorConfigProblem = "GOVB003";

    /// <summary>A governance file cannot be read, or the SARIF log or the findings cache cannot be written (error).</summary>
    public const string CannotWrite = "GOVB004";

    /// <summary>The findings cache cannot be read; the next build checks again (warning).</summary>
    public const string CacheUnreadable = "GOVB005";
}
