using Governance.Rules.Configuration;

namespace Governance.Rules.Testing;

/// <summary>How <see cref="RuleTester"/> runs the rules under test: the date, the file name and the configuration.</summary>
public sealed record RuleTestOptions
{
    /// <summary>The date tests run on unless they say otherwise: 2026-01-01, fixed so tests never depend on the clock.</summary>
    public static DateOnly DefaultAsOf { get; } = new(2026, 1, 1);

    /// <summary>"Today" for the rules (<c>context.Today</c>); default <see cref="DefaultAsOf"/>.</summary>
    public DateOnly AsOf { get; init; } = DefaultAsOf;

    /// <summary>The file the document is read as: findings carry it, and a <c>.json</c> name reads JSON. Default <c>test.yaml</c>.</summary>
    public string FileName { get; init; } = "test.yaml";

    /// <summary>Whether the built-in catalog runs too (default <see langword="false"/>: only the rules under test and the engine diagnostics).</summary>
    public bool IncludeBuiltInRules { get; init; }

    /// <summary>
    /// The configuration, exactly as a <c>governance.yaml</c> would give it (severities, <c>enforceFrom</c>, options,
    /// exemptions), and validated like one: an unknown rule or option throws <see cref="GovernanceConfigurationException"/>.
    /// </summary>
    public GovernanceConfigDocument? Configuration { get; init; }

    /// <summary>
    /// Whether engine diagnostics (GOV001–GOV009: a document that does not parse or fit the schema, a rule that threw)
    /// are returned in <see cref="RuleTestResult.EngineFindings"/> instead of failing the run with
    /// <see cref="RuleTestException"/>. Default <see langword="false"/>: a typo in a test document should fail loudly.
    /// </summary>
    public bool AllowEngineFindings { get; init; }

    /// <summary>A copy whose configuration gives rule <paramref name="ruleId"/> the options <paramref name="options"/> (camelCase names).</summary>
    /// <param name="ruleId">The rule, for example <c>GOV950</c>.</param>
    /// <param name="options">Option names and values, as on the rule's page (<c>["maxItems"] = 3</c>).</param>
    public RuleTestOptions WithRuleOptions(string ruleId, IReadOnlyDictionary<string, object?> options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ruleId);
        ArgumentNullException.ThrowIfNull(options);
        var configuration = Configuration ?? new GovernanceConfigDocument();
        var rules = new Dictionary<string, RuleConfiguration>(configuration.Rules ?? new Dictionary<string, RuleConfiguration>(), StringComparer.Ordinal);
        rules[ruleId] = (rules.TryGetValue(ruleId, out var existing) ? existing : new RuleConfiguration()) with { Options = options };
        return this with { Configuration = configuration with { Rules = rules } };
    }
}
