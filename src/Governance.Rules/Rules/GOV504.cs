using Governance.Rules.Engine;
using Governance.Rules.Model;
using static Governance.Rules.Rules.PlanRuleFacts;

namespace Governance.Rules.Rules;

/// <summary>
/// GOV504: a status report's <c>overallRag</c> is better than its worst dimension (schedule, budget, scope); or the
/// project's latest report is green while GOV408 (milestone overdue) or GOV410 (budget over plan) reports an error or
/// a warning on the project's plan.
/// </summary>
internal sealed class GOV504 : GovernanceRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GOV504",
        "RAG inconsistent with data",
        "{0}",
        RuleCategories.Status,
        Severity.Warning,
        "A status report's overallRag is never better than its worst dimension (scheduleRag, budgetRag, scopeRag), and a project's latest report is not green while its plan has an overdue milestone (GOV408) or is over budget (GOV410).")
    {
        UsesClock = true,
    };

    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterArtifactAction<StatusReport>(context =>
        {
            var spec = context.Artifact.Spec;
            if (spec.OverallRag is not { } overall) return;

            var dimensions = new (string Name, Rag? Rag)[] { ("scheduleRag", spec.ScheduleRag), ("budgetRag", spec.BudgetRag), ("scopeRag", spec.ScopeRag) };
            var worst = dimensions.Max(d => d.Rag);
            if (worst is { } worstRag && worstRag > overall)
            {
                var names = dimensions.Where(d => d.Rag == worstRag).Select(d => d.Name).ToList();
                var verb = names.Count == 1 ? "is" : "are";
                context.ReportAt(spec, nameof(StatusReportSpec.OverallRag),
                    $"Overall RAG is {Name(overall)} but {string.Join(" and ", names)} {verb} {Name(worstRag)}; the overall RAG is never better than its worst dimension, so report it {Name(worstRag)}");
            }

            if (overall != Rag.Green || !IsLatest(context.Artifact, context.Portfolio) || PlanOf(spec.ProjectId, context.Portfolio) is not { } plan) return;
            var reasons = Inconsistencies(plan, context);
            if (reasons.Count == 0) return;
            context.ReportAt(spec, nameof(StatusReportSpec.OverallRag),
                $"Latest status report is green while plan '{plan.Id}' has {string.Join(" and ", reasons)}; report amber or red, or bring the plan up to date");
        });

    /// <summary>
    /// What GOV408 and GOV410 would report as an error or a warning on <paramref name="plan"/>, judged with their own
    /// conditions (<see cref="PlanRuleFacts"/>) and their effective severities: a disabled rule, or one reported as info,
    /// does not count.
    /// </summary>
    private static List<string> Inconsistencies(ProjectPlan plan, RuleContext context)
    {
        var reasons = new List<string>(3);

        // GOV408's graceDays and GOV410's costTolerancePct as configured for the plan's file.
        var gov408 = context.GetOptionsOf<GOV408Options>("GOV408", plan);
        if (Counts(context.EffectiveSeverityOf("GOV408", Severity.Warning)))
        {
            var overdue = OverdueMilestones(plan.Spec, context.Today, gov408.GraceDays)
                .Where(o => !context.IsSetAside("GOV408", plan, o.Milestone, o.DueProperty))
                .ToList();
            if (overdue.Count > 0)
            {
                var names = string.Join(", ", overdue.Select(o => RuleFacts.DescribeQuotingLoneTitle(o.Milestone.Id, o.Milestone.Name, o.Index)));
                reasons.Add($"{overdue.Count} overdue milestone(s) ({names}; GOV408)");
            }
        }

        var gov410 = context.GetOptionsOf<GOV410Options>("GOV410", plan);
        var actualCounts = Counts(context.EffectiveSeverityOf("GOV410", Severity.Error));
        var forecastCounts = Counts(context.EffectiveSeverityOf("GOV410", Severity.Warning));
        if (!actualCounts && !forecastCounts) return reasons;
        foreach (var comparison in BudgetComparisons(plan.Spec, context.Portfolio, gov410.CostTolerancePct))
        {
            if (plan.Spec.Budget is { } budget && context.IsSetAside("GOV410", plan, budget, comparison.Property)) continue;
            var amount = Amount(comparison.Amount, comparison.Currency);
            var approved = Amount(comparison.Approved, comparison.ApprovedCurrency);
            if (comparison.Finding == BudgetFinding.ActualOverApproved && actualCounts)
                reasons.Add($"an actual cost to date of {amount} over the approved budget {approved} (GOV410)");
            else if (comparison.Finding == BudgetFinding.ForecastOverTolerance && forecastCounts)
                reasons.Add($"a forecast at completion of {amount} over the approved budget {approved} plus costTolerancePct {NumberText(gov410.CostTolerancePct)}% (GOV410)");
        }

        return reasons;
    }

    private static bool Counts(Severity? severity) => severity is Severity.Warning or Severity.Error;

    /// <summary>Whether no report of the same project has a later <c>reportDate</c>; reports on the same latest date are all latest.</summary>
    private static bool IsLatest(StatusReport report, PortfolioIndex portfolio)
    {
        if (report.Spec.ProjectId.IsBlank() || report.Spec.ReportDate is not { } date) return false;
        return !portfolio.ChildrenOf<StatusReport>(report.Spec.ProjectId).Any(other => other.Spec?.ReportDate > date);
    }

    /// <summary>The project's plan: the first plan whose <c>projectId</c> names it, else the Project's <c>planId</c>.</summary>
    private static ProjectPlan? PlanOf(string? projectId, PortfolioIndex portfolio)
    {
        if (projectId.IsBlank()) return null;
        var plan = portfolio.ChildrenOf<ProjectPlan>(projectId).FirstOrDefault();
        if (plan is not null) return plan;
        return portfolio.TryGetArtifact<Project>(projectId, out var project) && portfolio.TryGetArtifact<ProjectPlan>(project.Spec?.PlanId, out var linked)
            ? linked
            : null;
    }
}
