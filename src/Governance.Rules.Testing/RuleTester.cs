using Governance.Rules.DependencyInjection;
using Governance.Rules.Engine;
using Governance.Rules.Model;
using Governance.Rules.Rules;
using Microsoft.Extensions.Options;

namespace Governance.Rules.Testing;

/// <summary>
/// Runs custom rules over inline documents, the way the built-in rules are tested: a YAML (or JSON) text in, the
/// findings with file, line, column, JSON pointer and message out. It asserts nothing itself, so any test framework
/// (NUnit, xUnit, MSTest) and assertion library fit.
/// </summary>
/// <example>
/// <code>
/// var result = RuleTester.Run(new PlanVersionRule(), """
///     apiVersion: governance/v1
///     kind: ProjectPlan
///     metadata: { id: plan-a }
///     spec: { projectId: a }
///     """);
/// Assert.That(result.Lines, Is.EqualTo(new[] { "test.yaml:4:7: warning GOV990: Plan 'plan-a' has no version [plan-a]" }));
/// </code>
/// </example>
public static class RuleTester
{
    /// <summary>Runs <paramref name="rule"/> over <paramref name="document"/>.</summary>
    /// <param name="rule">The rule under test.</param>
    /// <param name="document">One file's content; <c>---</c> separates several YAML documents (artifacts).</param>
    /// <param name="options">The date, file name and configuration; the defaults when <see langword="null"/>.</param>
    /// <exception cref="RuleTestException">The run produced engine diagnostics and <see cref="RuleTestOptions.AllowEngineFindings"/> is off.</exception>
    /// <exception cref="Configuration.GovernanceConfigurationException">The configuration is invalid (an unknown option, say).</exception>
    public static RuleTestResult Run(GovernanceRule rule, string document, RuleTestOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return RunAll([rule], document, options);
    }

    /// <summary>Runs <paramref name="rules"/> together over <paramref name="document"/>.</summary>
    /// <param name="rules">The rules under test.</param>
    /// <param name="document">One file's content; <c>---</c> separates several YAML documents (artifacts).</param>
    /// <param name="options">The date, file name and configuration; the defaults when <see langword="null"/>.</param>
    /// <exception cref="RuleTestException">The run produced engine diagnostics and <see cref="RuleTestOptions.AllowEngineFindings"/> is off.</exception>
    /// <exception cref="Configuration.GovernanceConfigurationException">The configuration is invalid (an unknown option, say).</exception>
    public static RuleTestResult RunAll(IEnumerable<GovernanceRule> rules, string document, RuleTestOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        options ??= new RuleTestOptions();
        var engine = CreateEngine(rules, options);
        return Collect(engine.AnalyzeContent(options.FileName, document, AnalysisOptionsFor(engine, options)), options);
    }

    /// <summary>Runs <paramref name="rules"/> over records built in memory (findings then carry pointers, not lines).</summary>
    /// <param name="rules">The rules under test.</param>
    /// <param name="artifacts">The records.</param>
    /// <param name="options">The date and configuration (<see cref="RuleTestOptions.FileName"/> is not used).</param>
    /// <exception cref="RuleTestException">The run produced engine diagnostics and <see cref="RuleTestOptions.AllowEngineFindings"/> is off.</exception>
    public static RuleTestResult RunOnRecords(IEnumerable<GovernanceRule> rules, IEnumerable<Artifact> artifacts, RuleTestOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        options ??= new RuleTestOptions();
        var engine = CreateEngine(rules, options);
        return Collect(engine.Analyze(artifacts, AnalysisOptionsFor(engine, options)), options);
    }

    private static GovernanceEngine CreateEngine(IEnumerable<GovernanceRule> rules, RuleTestOptions options)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var all = options.IncludeBuiltInRules ? [.. BuiltInRules.Create(), .. rules] : rules.ToList();
        return new GovernanceEngine(all, TimeProvider.System, Options.Create(new GovernanceRulesOptions { Configuration = options.Configuration }));
    }

    private static AnalysisOptions AnalysisOptionsFor(GovernanceEngine engine, RuleTestOptions options) =>
        engine.DefaultOptions with { AsOf = options.AsOf, MaxDegreeOfParallelism = 1 };

    private static RuleTestResult Collect(AnalysisResult analysis, RuleTestOptions options)
    {
        var engineFindings = analysis.Findings.Where(f => IsEngineDiagnostic(f.RuleId)).ToList();
        if (engineFindings.Count > 0 && !options.AllowEngineFindings) throw new RuleTestException(engineFindings);
        return new RuleTestResult
        {
            Findings = [.. analysis.Findings.Where(f => !IsEngineDiagnostic(f.RuleId))],
            EngineFindings = engineFindings,
            Analysis = analysis,
        };
    }

    private static bool IsEngineDiagnostic(string ruleId) => ruleId.StartsWith("GOV0", StringComparison.Ordinal);
}
