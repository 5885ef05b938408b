using System.Globalization;
using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>
/// GOV103: a strategy objective has no key results (error, at the objective) or more than
/// <see cref="GOV103Options.MaxKeyResults"/> (warning, at its <c>keyResults</c>).
/// </summary>
internal sealed class GOV103 : GovernanceRule<GOV103Options>
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GOV103",
        "Objective without key results",
        "Objective {0} has {1}; {2}",
        RuleCategories.Strategy,
        Severity.Error,
        "Every strategy objective is measured by key results: none is an error; more than maxKeyResults (default 5) is a warning, since an objective with many key results has no focus.")
    {
        MilderSeverity = Severity.Warning,
    };

    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterArtifactAction<ProductStrategy>(context =>
        {
            var objectives = context.Artifact.Spec.Objectives;
            if (objectives is null || objectives.Count == 0) return;
            var max = context.GetOptions<GOV103Options>().MaxKeyResults;
            for (var i = 0; i < objectives.Count; i++)
            {
                var objective = objectives[i];
                if (!objective.IsEntry()) continue;
                var count = objective!.KeyResults.Present().Count(StrategyRoadmapRuleFacts.IsEntry);
                var name = objective.Describe(i);
                if (count == 0)
                {
                    context.Report(objective, name, "no key results", $"add the measurable key results that show it is reached (at most {Number(max)}, maxKeyResults)");
                }
                else if (count > max)
                {
                    context.Report(Severity.Warning, objective, nameof(Objective.KeyResults),
                        name, $"{Number(count)} key results, more than maxKeyResults ({Number(max)})", "keep the few that measure it best, or split the objective");
                }
            }
        });

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Options of GOV103.</summary>
internal sealed record GOV103Options
{
    /// <summary>Most key results an objective should have; more is a warning (exactly this many is fine). Default 5.</summary>
    public int MaxKeyResults { get; init; } = 5;
}
