using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>
/// GOV805: a launched, growing or mature product's analytics hold no feedback dated within
/// <see cref="GOV805Options.WindowDays"/> days.
/// </summary>
internal sealed class GOV805 : GovernanceRule<GOV805Options>
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GOV805",
        "No recent customer feedback",
        "Product {0} is in stage '{1}' but its analytics have no customer feedback from the last {2} (windowDays): {3}; record what customers said in surveys, support, interviews, reviews or usability tests",
        RuleCategories.Analytics,
        Severity.Warning,
        "A product in the launched, growth or mature stage hears from its customers: its ProductAnalytics hold feedback dated within windowDays (default 90) days.")
    {
        UsesClock = true,
    };

    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterArtifactAction<ProductAnalytics>(context =>
        {
            var spec = context.Artifact.Spec;
            if (spec is null || spec.ProductId.IsBlank()) return;
            if (!context.Portfolio.TryGetArtifact<Product>(spec.ProductId, out var product)) return;
            var stage = product.Spec?.LifecycleStage;
            if (!stage.IsLaunched()) return;

            var windowDays = context.GetOptions<GOV805Options>().WindowDays;
            var today = context.Today;

            // The product's feedback is that of every ProductAnalytics naming it, this one included.
            DateOnly? latest = null;
            var any = false;
            foreach (var analytics in context.Portfolio.ChildrenOf<ProductAnalytics>(spec.ProductId))
            {
                foreach (var feedback in (analytics.Spec?.Feedback).Present())
                {
                    any = true;
                    if (feedback.Date is not { } date) continue;
                    if (RuleFacts.IsWithin(date, today, windowDays)) return;
                    if (latest is null || date > latest) latest = date;
                }
            }

            var fact = latest is { } last
                ? $"the latest is dated {ProductRuleFacts.Date(last)}, {ProductRuleFacts.Days(RuleFacts.DaysBetween(last, today))} ago"
                : any ? "no feedback has a date" : "no feedback is recorded";
            context.ReportAt(spec, nameof(ProductAnalyticsSpec.Feedback),
                ProductRuleFacts.DescribeArtifact(product), ProductRuleFacts.Name(stage!.Value), ProductRuleFacts.Days(windowDays), fact);
        });
}

/// <summary>Options of GOV805.</summary>
internal sealed record GOV805Options
{
    /// <summary>How many days back feedback counts as recent (within when today − date ≤ windowDays). Default 90.</summary>
    public int WindowDays { get; init; } = 90;
}
