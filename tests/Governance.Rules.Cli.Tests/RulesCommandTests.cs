using Governance.Rules.Cli.Tests.Testing;

namespace Governance.Rules.Cli.Tests;

[TestFixture]
[Category("cli")]
public sealed class RulesCommandTests
{
    private Workspace workspace = null!;

    [SetUp]
    public void SetUp() => workspace = Workspace.Create();

    [TearDown]
    public void TearDown() => workspace.Dispose();

    [Test]
    public async Task Rules_lists_the_catalog_with_id_severity_category_and_title()
    {
        var run = await workspace.RunAsync("rules");

        run.ExitCode.Should().Be(0, run.ToString());
        run.Lines[0].Should().MatchRegex(@"^ID\s+SEVERITY\s+CATEGORY\s+TITLE$");
        run.Lines.Should().Contain(line => System.Text.RegularExpressions.Regex.IsMatch(line, @"^GOV401\s+error\s+plan\s+Plan has no risk register$"));
        run.Lines.Should().Contain(line => System.Text.RegularExpressions.Regex.IsMatch(line, @"^GOV001\s+error\s+engine\s+Document cannot be parsed$"));
        run.Lines.Should().Contain(line => System.Text.RegularExpressions.Regex.IsMatch(line, @"^GOV006\s+info\s+engine\s+Suppression matches no finding$"));
        run.Lines.Skip(1).Select(line => line[..6]).Should().BeInAscendingOrder(StringComparer.Ordinal);
    }

    [Test]
    public async Task Rules_lists_rules_added_to_the_engine()
    {
        var run = await workspace.RunAsync(InfoOnEveryProjectRule.Register, "rules");

        run.Lines.Should().Contain(line => line.StartsWith("GOV999", StringComparison.Ordinal) && line.EndsWith("Test info finding", StringComparison.Ordinal));
    }

    [Test]
    public async Task Rules_with_an_id_prints_the_rule_page()
    {
        var run = await workspace.RunAsync("rules", "GOV401");

        run.ExitCode.Should().Be(0, run.ToString());
        run.Lines[0].Should().Be("# GOV401: Plan has no risk register");
        run.StdOut.Should().Contain("minRisks");
    }

    [Test]
    public async Task Rules_accepts_a_lower_case_id()
    {
        var run = await workspace.RunAsync("rules", "gov401");

        run.ExitCode.Should().Be(0, run.ToString());
        run.Lines[0].Should().Be("# GOV401: Plan has no risk register");
    }

    [Test]
    public async Task Rules_prints_what_is_known_of_a_rule_without_a_page()
    {
        var run = await workspace.RunAsync(InfoOnEveryProjectRule.Register, "rules", "GOV999");

        run.ExitCode.Should().Be(0, run.ToString());
        run.Lines[0].Should().Be("# GOV999: Test info finding");
        run.StdOut.Should().Contain("Severity: info").And.Contain("/rules/GOV999.md");
    }

    [Test]
    public async Task An_unknown_id_exits_2_with_a_did_you_mean()
    {
        var run = await workspace.RunAsync("rules", "GOV41");

        run.ExitCode.Should().Be(2, run.ToString());
        run.StdOut.Should().BeEmpty();
        run.StdErr.Should().Contain("unknown rule 'GOV41'").And.Contain("Did you mean 'GOV401'?");
    }

    [Test]
    public async Task An_id_far_from_every_rule_exits_2_without_a_suggestion()
    {
        var run = await workspace.RunAsync("rules", "nonsense-rule-name");

        run.ExitCode.Should().Be(2, run.ToString());
        run.StdErr.Should().Contain("unknown rule 'nonsense-rule-name'").And.NotContain("Did you mean");
    }
}
