using Governance.Rules.Engine;
using Governance.Rules.Model;
using static Governance.Rules.Rules.PlanRuleFacts;

namespace Governance.Rules.Rules;

/// <summary>
/// GOV410: the actual cost to date exceeds the approved budget (error), or the forecast at completion exceeds it by more
/// than <see cref="GOV410Options.CostTolerancePct"/> percent (warning). Figures in another currency than the approved
/// budget are not compared: each such comparison is an info finding, whatever the configured severity.
/// </summary>
internal sealed class GOV410 : GovernanceRule<GOV410Options>
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GOV410",
        "Budget over plan",
        "{0}",
        RuleCategories.Plan,
        Severity.Error,
        "The actual cost to date stays within the approved budget (error otherwise) and the forecast at completion within the approved budget plus costTolerancePct percent (default 10; warning otherwise). Amounts in different currencies are never converted: such a comparison is reported as info.")
    {
        MilderSeverity = Severity.Warning,
    };

    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterArtifactAction<ProjectPlan>(context =>
        {
            var tolerance = context.GetOptions<GOV410Options>().CostTolerancePct;
            foreach (var comparison in BudgetComparisons(context.Artifact.Spec, context.Portfolio, tolerance))
            {
                var figure = FieldName(comparison.Property);
                var amount = Amount(comparison.Amount, comparison.Currency);
                var approved = Amount(comparison.Approved, comparison.ApprovedCurrency);
                switch (comparison.Finding)
                {
                    case BudgetFinding.ActualOverApproved:
                        context.Report(comparison.Figure,
                            $"Actual cost to date {amount} exceeds the approved budget {approved} by {Amount(comparison.Amount - comparison.Approved, comparison.Currency)}; re-plan the remaining work or get a budget change approved");
                        break;
                    case BudgetFinding.ForecastOverTolerance:
                        context.Report(Severity.Warning, comparison.Figure, null,
                            $"Forecast at completion {amount} exceeds the approved budget {approved} by more than costTolerancePct {NumberText(tolerance)}% (limit {Amount(comparison.Limit, comparison.Currency)}); re-plan or get a budget change approved");
                        break;
                    default:
                        context.ReportWithFixedSeverity(Severity.Info, comparison.Figure, null,
                            $"{figure} is in {comparison.Currency} and the approved budget in {comparison.ApprovedCurrency}; amounts in different currencies are not compared, so {figure} is not checked against the approved budget");
                        break;
                }
            }
        });

    private static string FieldName(string property) => char.ToLowerInvariant(property[0]) + property[1..];
}

/// <summary>Options of GOV410.</summary>
internal sealed record GOV410Options
{
    /// <summary>
    /// How far, in percent of the approved budget, the forecast at completion may exceed it before GOV410 warns. Default 10:
    /// a forecast of exactly approved × 1.10 does not fire.
    /// </summary>
    public decimal CostTolerancePct { get; init; } = 10m;
}
