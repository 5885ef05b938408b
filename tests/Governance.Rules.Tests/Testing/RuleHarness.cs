using System.Text;
using System.Text.Json;
using Governance.Rules.Engine;
using Governance.Rules.Loading;
using Governance.Rules.Rules;

namespace Governance.Rules.Tests.Testing;

/// <summary>Runs the built-in catalog over inline documents, so a test reads as input → expected findings.</summary>
internal static class RuleHarness
{
    /// <summary>The date tests run on unless they say otherwise.</summary>
    public static readonly DateOnly DefaultToday = new(2026, 11, 1);

    /// <summary>Loads <paramref name="content"/> as the file <paramref name="file"/> and analyses it with every built-in rule.</summary>
    public static AnalysisResult Analyze(
        string content,
        string file = "test.yaml",
        DateOnly? today = null,
        IReadOnlyDictionary<string, RuleSettings>? rules = null,
        IReadOnlyList<GovernanceRule>? extraRules = null)
    {
        var engine = new GovernanceEngine([.. BuiltInRules.Create(), .. extraRules ?? []], new ArtifactLoader(), TimeProvider.System);
        var loaded = new ArtifactLoader().LoadContent(file, Encoding.UTF8.GetBytes(content));
        return engine.Analyze(loaded, new AnalysisOptions
        {
            AsOf = today ?? DefaultToday,
            Rules = rules ?? new Dictionary<string, RuleSettings>(StringComparer.Ordinal),
        });
    }

    /// <summary>The findings of rule <paramref name="ruleId"/> only.</summary>
    public static IReadOnlyList<Finding> Findings(
        string ruleId,
        string content,
        DateOnly? today = null,
        IReadOnlyDictionary<string, RuleSettings>? rules = null,
        string file = "test.yaml") =>
        [.. Analyze(content, file, today, rules).Findings.Where(f => f.RuleId == ruleId)];

    /// <summary>Settings that give rule <paramref name="ruleId"/> the options <paramref name="options"/> (an anonymous object, camelCase).</summary>
    public static IReadOnlyDictionary<string, RuleSettings> WithOptions(string ruleId, object options, Severity? severity = null) =>
        new Dictionary<string, RuleSettings>(StringComparer.Ordinal)
        {
            [ruleId] = new RuleSettings
            {
                Severity = severity,
                Options = JsonSerializer.SerializeToElement(options, ArtifactSerialization.Options),
            },
        };

    /// <summary>Settings that switch off every built-in rule but <paramref name="ruleIds"/> (engine diagnostics always run).</summary>
    public static Dictionary<string, RuleSettings> Only(params string[] ruleIds) =>
        BuiltInRules.Types.Select(t => t.Name).Where(id => !ruleIds.Contains(id))
            .ToDictionary(id => id, _ => new RuleSettings { Enabled = false }, StringComparer.Ordinal);

    /// <summary>Settings that set rule <paramref name="ruleId"/>'s severity.</summary>
    public static IReadOnlyDictionary<string, RuleSettings> WithSeverity(string ruleId, Severity severity) =>
        new Dictionary<string, RuleSettings>(StringComparer.Ordinal) { [ruleId] = new RuleSettings { Severity = severity } };
}
