using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>
/// GOV405: an open or mitigating risk is overdue for review: its <c>nextReview</c> is past, or its <c>lastReviewed</c>
/// is more than <see cref="GOV405Options.ReviewDays"/> days ago, or it has neither date.
/// </summary>
internal sealed class GOV405 : GovernanceRule<GOV405Options>
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GOV405",
        "Risk review overdue",
        "Risk {0} is {1} and its review is overdue: {2}; review it and update lastReviewed and nextReview",
        RuleCategories.Plan,
        Severity.Warning,
        "Open and mitigating risks are reviewed regularly: a nextReview date in the past, a lastReviewed date more than reviewDays (default 30) days ago, or no review date at all is overdue.")
    {
        UsesClock = true,
    };

    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterArtifactAction<ProjectPlan>(context =>
        {
            var reviewDays = context.GetOptions<GOV405Options>().ReviewDays;
            var today = context.Today;
            foreach (var (risk, index) in PlanRuleFacts.Entries(context.Artifact.Spec.RiskRegister, PlanRuleFacts.BlankRisk))
            {
                if (risk.Status is not ({ } status and (RiskStatus.Open or RiskStatus.Mitigating))) continue;
                var name = RuleFacts.DescribeQuotingLoneTitle(risk.Id, risk.Title, index);
                var statusName = PlanRuleFacts.Name(status);
                if (risk.NextReview is null && risk.LastReviewed is null)
                {
                    context.Report(risk, name, statusName, "it has neither lastReviewed nor nextReview");
                    continue;
                }

                var facts = new List<string>(2);
                var nextPast = false;
                if (risk.NextReview is { } next && RuleFacts.IsPastDue(next, today))
                {
                    nextPast = true;
                    facts.Add($"nextReview {RuleFacts.DateText(next)} is {RuleFacts.DaysBetween(next, today)} day(s) past");
                }

                if (risk.LastReviewed is { } last && RuleFacts.IsStale(last, today, reviewDays))
                    facts.Add($"lastReviewed {RuleFacts.DateText(last)} is {RuleFacts.DaysBetween(last, today)} days ago, more than reviewDays {reviewDays}");
                if (facts.Count == 0) continue;

                // One finding per risk, at the date that is overdue: nextReview when it is past, else lastReviewed.
                var property = nextPast ? nameof(Risk.NextReview) : nameof(Risk.LastReviewed);
                context.ReportAt(risk, property, name, statusName, string.Join(" and ", facts));
            }
        });
}

/// <summary>Options of GOV405.</summary>
internal sealed record GOV405Options
{
    /// <summary>Most days since <c>lastReviewed</c> before an open or mitigating risk is overdue for review. Default 30.</summary>
    public int ReviewDays { get; init; } = 30;
}
