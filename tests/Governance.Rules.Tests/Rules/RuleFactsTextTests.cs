using Governance.Rules.Model;
using Governance.Rules.Rules;

namespace Governance.Rules.Tests.Rules;

/// <summary>
/// How the rules name list entries and write dates in messages. Messages are a contract, so every way of naming an
/// entry is pinned here for each combination of id and title (absent, blank, written, written with spaces around it).
/// </summary>
[TestFixture]
public sealed class RuleFactsTextTests
{
    [TestCase(null, null, 3, "at index 3")]
    [TestCase("", "  ", 0, "at index 0")]
    [TestCase("\t", null, 12, "at index 12")]
    [TestCase("ri-1", null, 3, "'ri-1'")]
    [TestCase("ri-1", " ", 3, "'ri-1'")]
    [TestCase("ri-1", "Title", 3, "'ri-1' (Title)")]
    [TestCase(null, "Title", 3, "(Title)")]
    [TestCase("  ", "Title", 3, "(Title)")]
    [TestCase(" ri-1 ", " Title ", 0, "' ri-1 ' ( Title )")]
    [TestCase(null, " Title ", 0, "( Title )")]
    [TestCase(" ri-1 ", null, 0, "' ri-1 '")]
    public void An_entry_is_named_by_its_quoted_id_and_title_in_parentheses_else_by_its_index(string? id, string? title, int index, string expected) =>
        RuleFacts.Describe(id, title, index).Should().Be(expected);

    [TestCase(null, null, 3, "at index 3")]
    [TestCase("", "  ", 0, "at index 0")]
    [TestCase("ri-1", null, 3, "'ri-1'")]
    [TestCase("ri-1", "Title", 3, "'ri-1' (Title)")]
    [TestCase(null, "Title", 3, "'Title'")]
    [TestCase("  ", "Title", 3, "'Title'")]
    [TestCase(" ri-1 ", " Title ", 0, "' ri-1 ' ( Title )")]
    [TestCase(null, " Title ", 0, "' Title '")]
    public void Plan_rules_quote_a_title_that_stands_without_an_id(string? id, string? title, int index, string expected) =>
        RuleFacts.DescribeQuotingLoneTitle(id, title, index).Should().Be(expected);

    [TestCase(null, null, 3, "at index 3")]
    [TestCase("", "  ", 0, "at index 0")]
    [TestCase("ri-1", null, 3, "'ri-1'")]
    [TestCase("ri-1", "Title", 3, "'ri-1' (Title)")]
    [TestCase(null, "Title", 3, "(Title)")]
    [TestCase(" ri-1 ", " Title ", 0, "'ri-1' (Title)")]
    [TestCase(null, "\tTitle ", 0, "(Title)")]
    [TestCase(" ri-1 ", "  ", 0, "'ri-1'")]
    public void Strategy_and_roadmap_rules_trim_the_id_and_title(string? id, string? title, int index, string expected) =>
        RuleFacts.DescribeTrimmed(id, title, index).Should().Be(expected);

    [TestCase(null, null, "without id")]
    [TestCase(" ", "", "without id")]
    [TestCase("product-a", null, "'product-a'")]
    [TestCase("product-a", "Checkout", "'product-a' (Checkout)")]
    [TestCase(null, "Checkout", "(Checkout)")]
    [TestCase(" product-a ", " Checkout ", "' product-a ' ( Checkout )")]
    public void An_artifact_without_id_or_title_is_said_to_be_without_id(string? id, string? title, string expected) =>
        ProductRuleFacts.DescribeArtifact(id, title).Should().Be(expected);

    [TestCase(null, null, null)]
    [TestCase(" ", "", null)]
    [TestCase("Runbook", null, "'Runbook'")]
    [TestCase("Runbook", "runbook", "'Runbook' (runbook)")]
    [TestCase(" ", "runbook", "(runbook)")]
    public void Name_and_detail_leave_it_to_the_caller_to_name_an_entry_that_has_neither(string? name, string? detail, string? expected) =>
        RuleFacts.NameAndDetail(name, detail).Should().Be(expected);

    [TestCase(null, 4, "at index 4")]
    [TestCase(" ", 0, "at index 0")]
    [TestCase("ai-1", 4, "'ai-1'")]
    [TestCase(" ai-1 ", 4, "' ai-1 '")]
    public void A_post_mortem_action_item_is_named_by_its_id_else_its_index(string? id, int index, string expected) =>
        PostMortemRuleFacts.Describe(new ActionItem { Id = id }, index).Should().Be(expected);

    [Test]
    public void An_objective_is_named_by_its_trimmed_id_else_its_index()
    {
        new Objective { Id = " obj-1 " }.Describe(2).Should().Be("'obj-1'");
        new Objective { Id = " " }.Describe(2).Should().Be("at index 2");
    }

    [Test]
    public void A_roadmap_item_is_named_by_its_trimmed_id_and_title() =>
        new RoadmapItem { Id = " ri-1 ", Title = " One-click checkout " }.Describe(0).Should().Be("'ri-1' (One-click checkout)");

    [TestCase(2026, 1, 5, "2026-01-05")]
    [TestCase(1, 1, 1, "0001-01-01")]
    [TestCase(9999, 12, 31, "9999-12-31")]
    public void A_date_reads_year_month_day_with_leading_zeros(int year, int month, int day, string expected) =>
        RuleFacts.DateText(new DateOnly(year, month, day)).Should().Be(expected);
}
