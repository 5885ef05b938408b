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

    /// <remarks>
    /// A node action: reads the products' and analytics' facts the index keeps, not their records (which may have
    /// been released).
    /// </remarks>
    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterNodeAction(ArtifactKind.ProductAnalytics, context =>
        {
            var node = context.Node;
            if (node.Analytics is not { } analytics || node.ParentId.IsBlank()) return;
            if (!context.Portfolio.TryGetNode(node.ParentId, out var productNode) || productNode.Product is not { } product) return;
            var stage = product.LifecycleStage;
            if (!stage.IsLaunched()) return;

            var windowDays = context.GetOptions<GOV805Options>().WindowDays;
            var today = context.Today;

            // The product's feedback is that of every ProductAnalytics naming it, this one included: recent when the
            // latest date of all is within the window.
            DateOnly? latest = null;
            var any = false;
            foreach (var other in context.Portfolio.ChildNodesOf(ArtifactKind.ProductAnalytics, node.ParentId))
            {
                if (other.Analytics is not { } facts) continue;
                any |= facts.AnyFeedback;
                if (facts.LatestFeedback is { } date && (latest is null || date > latest)) latest = date;
            }

            if (latest is { } newest && RuleFacts.IsWithin(newest, today, windowDays)) return;
            var fact = latest is { } last
                ? $"the latest is dated {RuleFacts.DateText(last)}, {ProductRuleFacts.Days(RuleFacts.DaysBetween(last, today))} ago"
                : any ? "no feedback has a date" : "no feedback is recorded";
            context.ReportAtPresentPointer(analytics.FeedbackPointer,
                ProductRuleFacts.DescribeArtifact(productNode.Id, product.Title), ProductRuleFacts.Name(stage!.Value), ProductRuleFacts.Days(windowDays), fact);
        });
}

/// <summary>Options of GOV805.</summary>
internal sealed record GOV805Options
{
    /// <summary>How many days back feedback counts as recent (within when today − date ≤ windowDays). Default 90.</summary>
    public int WindowDays { get; init; } = 90;
}
