using System.Reflection;

namespace Governance.Rules.Reporting;

/// <summary>The name, version and home of the tool as reports name it.</summary>
internal static class ToolInformation
{
    /// <summary>The tool's name: the <c>govern</c> command.</summary>
    public const string Name = "govern";

    /// <summary>Where users read about the tool.</summary>
    public const string InformationUri = "https://github.com/governance-rules/governance-rules";

    /// <summary>The library's informational version without the source revision suffix (<c>+sha</c>), so reports stay identical across builds of one release.</summary>
    public static string Version { get; } = VersionOf(typeof(ToolInformation).Assembly);

    /// <summary>The informational version of <paramref name="assembly"/> without its <c>+metadata</c> suffix.</summary>
    public static string VersionOf(Assembly assembly)
    {
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
