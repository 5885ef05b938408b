namespace Governance.Rules.Cli;

/// <summary>The exit codes of <c>govern</c> (SPEC §D).</summary>
internal static class ExitCodes
{
    /// <summary>No active finding at or above <c>--fail-on</c>; or the command did what it was asked.</summary>
    public const int Success = 0;

    /// <summary>At least one active finding at or above <c>--fail-on</c>.</summary>
    public const int FindingsAtOrAboveThreshold = 1;

    /// <summary>The invocation is invalid: an unknown flag, a bad value, a missing path, an unwritable output.</summary>
    public const int InvalidInvocation = 2;

    /// <summary>The tool itself failed (a bug): distinct from 1 so that a crash never reads as "findings".</summary>
    public const int InternalError = 3;

    /// <summary>Cancelled with Ctrl+C (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;
}
