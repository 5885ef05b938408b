namespace Governance.Rules.Engine;

/// <summary>
/// The engine's own diagnostics (SPEC §C). They are always on, cannot be suppressed or exempted, and their severity
/// can be set to error, warning or info but never none.
/// </summary>
internal static class EngineDiagnostics
{
    /// <summary>GOV001: YAML/JSON syntax error.</summary>
    public static RuleDescriptor ParseError { get; } = new(
        "GOV001", "Document cannot be parsed", "{0}", RuleCategories.Engine, Severity.Error,
        "The file is not well-formed YAML or JSON (or not valid UTF-8), so the document with the error cannot be read; in a YAML stream, reading resumes at the next document.");

    /// <summary>GOV002: wrong type, bad enum value, bad date, unknown property (warning), out-of-range number.</summary>
    public static RuleDescriptor SchemaViolation { get; } = new(
        "GOV002", "Document does not match the schema", "{0}", RuleCategories.Engine, Severity.Error,
        "A value has the wrong type, an unknown enum value, a malformed date or an out-of-range number, or a property name is unknown. The value is treated as absent by the rules.")
    {
        MilderSeverity = Severity.Warning,
    };

    /// <summary>GOV003: two documents share <c>metadata.id</c>.</summary>
    public static RuleDescriptor DuplicateId { get; } = new(
        "GOV003", "Duplicate artifact id", "Artifact id '{0}' is already used by {1}; references resolve to the first",
        RuleCategories.Engine, Severity.Error,
        "Two documents share metadata.id. References resolve to the first; every later one is reported.");

    /// <summary>GOV004: apiVersion or kind missing or not recognised.</summary>
    public static RuleDescriptor UnknownKind { get; } = new(
        "GOV004", "Unknown kind or apiVersion", "{0}", RuleCategories.Engine, Severity.Error,
        "The document's apiVersion or kind is missing or not recognised, so it takes no part in the analysis.");

    /// <summary>GOV005: suppression without justification, or expired.</summary>
    public static RuleDescriptor InvalidSuppression { get; } = new(
        "GOV005", "Suppression without justification, or expired", "{0}", RuleCategories.Engine, Severity.Warning,
        "A suppression or exemption has no justification or has expired, so it suppresses nothing.")
    {
        UsesClock = true,
    };

    /// <summary>GOV006: a valid suppression that matched nothing.</summary>
    public static RuleDescriptor UnusedSuppression { get; } = new(
        "GOV006", "Suppression matches no finding", "{0}", RuleCategories.Engine, Severity.Info,
        "A valid suppression or exemption suppressed nothing although its artifact was analysed and its rule ran.");

    /// <summary>GOV009: a rule threw.</summary>
    public static RuleDescriptor RuleFailed { get; } = new(
        "GOV009", "Rule failed", "Rule {0} failed: {1}: {2}", RuleCategories.Engine, Severity.Warning,
        "A rule threw an exception. The run goes on; the rule's other findings for that artifact may be missing.");

    /// <summary>Every engine diagnostic, by id.</summary>
    public static IReadOnlyList<RuleDescriptor> All { get; } =
        [ParseError, SchemaViolation, DuplicateId, UnknownKind, InvalidSuppression, UnusedSuppression, RuleFailed];
}
