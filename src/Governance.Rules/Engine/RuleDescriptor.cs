namespace Governance.Rules.Engine;

/// <summary>
/// What a rule is: its stable id, title, message format, category, default severity and the page that documents it.
/// </summary>
/// <param name="Id">Stable id, <c>GOVnnn</c>; never reused or renumbered.</param>
/// <param name="Title">Short title, as in the catalog.</param>
/// <param name="MessageFormat">Composite format string for finding messages (<c>{0}</c>, <c>{1}</c>…).</param>
/// <param name="Category">Category owning the id range, see <see cref="RuleCategories"/>.</param>
/// <param name="DefaultSeverity">Severity when the configuration says nothing.</param>
/// <param name="Description">One or two sentences on what the rule checks and why.</param>
public sealed record RuleDescriptor(
    string Id,
    string Title,
    string MessageFormat,
    string Category,
    Severity DefaultSeverity,
    string Description)
{
    /// <summary>Base address of the rule pages; a rule's page is <c>{HelpBaseUri}{Id}.md</c>.</summary>
    public const string HelpBaseUri = "https://github.com/governance-rules/governance-rules/blob/main/rules/";

    /// <summary>The page documenting the rule; <see langword="null"/> when there is none (a rule pack without <c>helpUri</c>).</summary>
    public string? HelpUri { get; init; } = HelpBaseUri + Id + ".md";

    /// <summary>Whether the rule reads the clock ("today").</summary>
    public bool UsesClock { get; init; }

    /// <summary>The severity of the milder case, for rules that report two severities (SPEC §G.2).</summary>
    public Severity? MilderSeverity { get; init; }

    /// <summary>Formats a message from <see cref="MessageFormat"/> with invariant culture.</summary>
    public string FormatMessage(params object?[] args) =>
        args.Length == 0 ? MessageFormat : string.Format(System.Globalization.CultureInfo.InvariantCulture, MessageFormat, args);
}
