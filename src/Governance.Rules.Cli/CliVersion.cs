using Governance.Rules.Reporting;

namespace Governance.Rules.Cli;

/// <summary>The version of the <c>govern</c> tool, as reports name it.</summary>
internal static class CliVersion
{
    /// <summary>The informational version without its <c>+sha</c> suffix, so reports of one release are identical.</summary>
    public static string Current { get; } = ToolInformation.VersionOf(typeof(CliVersion).Assembly);
}
