using System.Text.Json;
using Governance.Rules.Engine;
using Governance.Rules.Loading;
using Governance.Rules.Rules;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Rules;

[TestFixture]
[Category("GOV805")]
public sealed class GOV805NoRecentCustomerFeedbackTests
{
    private const string RuleId = "GOV805";
    private const string Record = "record what customers said in surveys, support, interviews, reviews or usability tests";
    private static readonly DateOnly Today = new(2026, 11, 1);

    private static string Product(string stage) => $"""
        apiVersion: governance/v1
        kind: Product
        metadata:
          id: product-checkout
          title: Checkout
        spec:
          lifecycleStage: {stage}
        ---
        """;

    private static string Analytics(string feedback) => $"""

        apiVersion: governance/v1
        kind: ProductAnalytics
        metadata:
          id: analytics-checkout
        spec:
          productId: product-checkout
          northStarMetricId: m-buyers
          {feedback}
        """;

    private static string Feedback(params string[] dates) =>
        "feedback:" + string.Concat(dates.Select(d => $"\n    - date: {d}\n      source: survey\n      summary: Wants wallet payments"));

    private static string Message(string stage, string fact) =>
        $"Product 'product-checkout' (Checkout) is in stage '{stage}' but its analytics have no customer feedback from the last 90 days (windowDays): {fact}; {Record}";

    [TestCase("2026-08-03", TestName = "Feedback exactly windowDays (90) old")]
    [TestCase("2026-11-01", TestName = "Feedback from today")]
    [TestCase("2026-11-05", TestName = "Feedback dated in the future")]
    public void Feedback_within_the_window_does_not_fire(string date) =>
        RuleHarness.Findings(RuleId, Product("launched") + Analytics(Feedback("2025-01-01", date)), Today).Should().BeEmpty();

    [TestCase("launched")]
    [TestCase("growth")]
    [TestCase("mature")]
    public void Feedback_one_day_too_old_warns_at_the_feedback_list(string stage)
    {
        RuleHarness.Findings(RuleId, Product(stage) + Analytics(Feedback("2026-08-02", "2026-01-10")), Today).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, Message(stage, "the latest is dated 2026-08-02, 91 days ago"),
                "analytics-checkout", "/spec/feedback", 17, 5));
    }

    [TestCase("feedback: []")]
    [TestCase("feedback:")]
    [TestCase("")]
    public void Without_feedback_it_fires_at_spec(string feedback)
    {
        RuleHarness.Findings(RuleId, Product("growth") + Analytics(feedback), Today).ShouldBeExactly(
            new ExpectedFinding(Severity.Warning, Message("growth", "no feedback is recorded"), "analytics-checkout", "/spec", 14, 3));
    }

    [Test]
    public void Feedback_without_a_date_does_not_count()
    {
        const string feedback = "feedback:\n    - source: support\n      summary: Card declined twice";

        RuleHarness.Findings(RuleId, Product("mature") + Analytics(feedback), Today).Should().ContainSingle()
            .Which.Message.Should().Be(Message("mature", "no feedback has a date"));
    }

    [TestCase("concept")]
    [TestCase("development")]
    [TestCase("sunset")]
    public void Products_not_launched_are_not_checked(string stage) =>
        RuleHarness.Findings(RuleId, Product(stage) + Analytics(string.Empty), Today).Should().BeEmpty();

    [Test]
    public void Analytics_whose_product_is_absent_are_not_checked() =>
        RuleHarness.Findings(RuleId, Analytics(string.Empty), Today).Should().BeEmpty();

    [Test]
    public void A_launched_product_without_analytics_is_GOV801_only()
    {
        var findings = RuleHarness.Analyze(Product("launched").TrimEnd('-', '\n'), today: Today).Findings;

        findings.Should().NotContain(f => f.RuleId == RuleId);
        findings.Should().ContainSingle(f => f.RuleId == "GOV801");
    }

    [Test]
    public void Feedback_in_another_analytics_of_the_product_counts()
    {
        var yaml = Product("launched") + Analytics(string.Empty) + """

            ---
            apiVersion: governance/v1
            kind: ProductAnalytics
            metadata:
              id: analytics-checkout-surveys
            spec:
              productId: product-checkout
              feedback:
                - date: 2026-10-01
                  source: survey
                  summary: Happy with one-click
            """;

        RuleHarness.Findings(RuleId, yaml, Today).Should().BeEmpty();
    }

    [Test]
    public void Every_analytics_of_a_product_without_recent_feedback_is_reported()
    {
        var yaml = Product("launched") + Analytics(string.Empty) + """

            ---
            apiVersion: governance/v1
            kind: ProductAnalytics
            metadata:
              id: analytics-checkout-surveys
            spec:
              productId: product-checkout
              feedback:
                - date: 2026-03-01
                  source: survey
                  summary: Happy with one-click
            """;

        RuleHarness.Findings(RuleId, yaml, Today).Select(f => (f.ArtifactId, f.Pointer, f.Message)).Should().Equal(
            ("analytics-checkout", "/spec", Message("launched", "the latest is dated 2026-03-01, 245 days ago")),
            ("analytics-checkout-surveys", "/spec/feedback", Message("launched", "the latest is dated 2026-03-01, 245 days ago")));
    }

    [Test]
    public void The_clock_decides()
    {
        var yaml = Product("launched") + Analytics(Feedback("2026-08-02"));

        RuleHarness.Findings(RuleId, yaml, new DateOnly(2026, 10, 31)).Should().BeEmpty();
        RuleHarness.Findings(RuleId, yaml, new DateOnly(2026, 11, 1)).Should().ContainSingle();
    }

    [Test]
    public void Option_windowDays_sets_the_window()
    {
        var rules = RuleHarness.WithOptions(RuleId, new { windowDays = 30 });

        RuleHarness.Findings(RuleId, Product("launched") + Analytics(Feedback("2026-10-02")), Today, rules).Should().BeEmpty();
        RuleHarness.Findings(RuleId, Product("launched") + Analytics(Feedback("2026-10-01")), Today, rules).Should().ContainSingle()
            .Which.Message.Should().Be(
                $"Product 'product-checkout' (Checkout) is in stage 'launched' but its analytics have no customer feedback from the last 30 days (windowDays): the latest is dated 2026-10-01, 31 days ago; {Record}");
    }

    [Test]
    public void Options_bind_from_camelCase_json()
    {
        using var json = JsonDocument.Parse("""{ "windowDays": 60 }""");

        json.RootElement.Deserialize<GOV805Options>(ArtifactSerialization.Options)!.WindowDays.Should().Be(60);
        new GOV805Options().WindowDays.Should().Be(90);
    }

    [Test]
    public void A_configured_severity_applies() =>
        RuleHarness.Findings(RuleId, Product("launched") + Analytics(string.Empty), Today, RuleHarness.WithSeverity(RuleId, Severity.Error))
            .Should().ContainSingle().Which.Severity.Should().Be(Severity.Error);

    [Test]
    public void Json_input_points_at_the_feedback_list()
    {
        const string json = """
            [
              { "apiVersion": "governance/v1", "kind": "Product", "metadata": { "id": "product-checkout" }, "spec": { "lifecycleStage": "growth" } },
              {
                "apiVersion": "governance/v1",
                "kind": "ProductAnalytics",
                "metadata": { "id": "analytics-checkout" },
                "spec": {
                  "productId": "product-checkout",
                  "feedback": [{ "date": "2026-01-15", "source": "review", "summary": "Slow" }]
                }
              }
            ]
            """;

        RuleHarness.Findings(RuleId, json, Today, file: "analytics.json").ShouldBeExactly(
            new ExpectedFinding(Severity.Warning,
                $"Product 'product-checkout' is in stage 'growth' but its analytics have no customer feedback from the last 90 days (windowDays): the latest is dated 2026-01-15, 290 days ago; {Record}",
                "analytics-checkout", "/spec/feedback", 9, 19));
    }
}
