using System.Collections.Frozen;
using System.Text;

namespace Governance.Rules.Rules;

/// <summary>
/// The rule pages of <c>rules/GOVnnn.md</c>, embedded in this assembly as resources named <c>rules/GOVnnn.md</c>, so
/// <c>govern rules GOV401</c> works wherever the tool is installed.
/// </summary>
internal static class RuleDocumentation
{
    private const string ResourcePrefix = "rules/";
    private const string ResourceSuffix = ".md";

    private static readonly FrozenSet<string> Resources = typeof(RuleDocumentation).Assembly
        .GetManifestResourceNames()
        .Where(static name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(ResourceSuffix, StringComparison.Ordinal))
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The ids of the rules that have a page, ordered.</summary>
    public static IReadOnlyList<string> DocumentedRuleIds { get; } =
        [.. Resources.Select(static name => name[ResourcePrefix.Length..^ResourceSuffix.Length]).Order(StringComparer.Ordinal)];

    /// <summary>Reads the Markdown page of <paramref name="ruleId"/> (<c>GOV401</c>, exact case).</summary>
    /// <returns><see langword="false"/> when the rule has no page.</returns>
    public static bool TryGetPage(string ruleId, out string markdown)
    {
        ArgumentNullException.ThrowIfNull(ruleId);
        markdown = string.Empty;
        var name = ResourcePrefix + ruleId + ResourceSuffix;
        if (!Resources.Contains(name)) return false;
        using var stream = typeof(RuleDocumentation).Assembly.GetManifestResourceStream(name);
        if (stream is null) return false;
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        markdown = reader.ReadToEnd();
        return true;
    }
}
