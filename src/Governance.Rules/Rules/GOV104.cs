using System.Globalization;
using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>
/// GOV104: a key result of a strategy objective lacks its baseline, target, unit, data source or due date, or its
/// target equals its baseline while its direction is not <c>maintain</c>. One finding per key result.
/// </summary>
internal sealed class GOV104 : GovernanceRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GOV104",
        "Key result not measurable",
        "Key result {0} of objective {1} is not measurable: {2}",
        RuleCategories.Strategy,
        Severity.Error,
        "Every key result says what is measured (unit), where from (dataSource), from where (baseline), to where (target) and by when (due); a target equal to its baseline measures no change unless the direction is maintain.");

    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterArtifactAction<ProductStrategy>(context =>
        {
            var objectives = context.Artifact.Spec.Objectives;
            if (objectives is null) return;
            for (var i = 0; i < objectives.Count; i++)
            {
                var objective = objectives[i];
                if (!objective.IsEntry() || objective!.KeyResults is not { Count: > 0 } keyResults) continue;
                for (var k = 0; k < keyResults.Count; k++)
                {
                    var keyResult = keyResults[k];
                    if (!keyResult.IsEntry()) continue;
                    Check(context, objective.Describe(i), keyResult!, k);
                }
            }
        });

    private static void Check(ArtifactRuleContext<ProductStrategy> context, string objective, SuccessMetric keyResult, int index)
    {
        var missing = new List<string>(5);
        if (keyResult.Baseline is null) missing.Add("baseline");
        if (keyResult.Target is null) missing.Add("target");
        if (keyResult.Unit.IsBlank()) missing.Add("unit");
        if (keyResult.DataSource.IsBlank()) missing.Add("dataSource");
        if (keyResult.Due is null) missing.Add("due");
        var flat = keyResult is { Baseline: { } baseline, Target: { } target } && baseline == target
            && keyResult.Direction != MetricDirection.Maintain;
        var name = RuleFacts.DescribeTrimmed(keyResult.Id, keyResult.Name, index);
        var value = keyResult.Target?.ToString(CultureInfo.InvariantCulture);

        if (missing.Count > 0)
        {
            var fix = $"it has no {Join(missing)}; add {(missing.Count == 1 ? "it" : "them")}";
            if (flat) fix += $", and set a target other than its baseline ({value}) or direction: maintain";
            context.Report(keyResult, name, objective, fix);
        }
        else if (flat)
        {
            context.ReportAt(keyResult, nameof(SuccessMetric.Target), name, objective,
                $"its target equals its baseline ({value}); set the value it should reach, or direction: maintain if it should hold");
        }
    }

    /// <summary><c>unit</c>, <c>unit and due</c>, <c>baseline, unit and due</c>.</summary>
    private static string Join(List<string> names) =>
        names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];
}
