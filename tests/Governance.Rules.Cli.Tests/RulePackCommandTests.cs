using System.Text.Json;
using Governance.Rules.Cli.Tests.Testing;

namespace Governance.Rules.Cli.Tests;

/// <summary><c>--rules FILE</c>: declarative rule packs on the command line, end to end.</summary>
[TestFixture]
[Category("cli")]
public sealed class RulePackCommandTests
{
    private const string Pack = """
        apiVersion: governance/v1
        kind: RulePack
        metadata:
          id: team-conventions
          helpUri: https://example.com/conventions
        rules:
          - id: TC001
            title: Plans name their version
            severity: error
            appliesTo: ProjectPlan
            selector: /spec
            field: version
            conditions: { required: true }
            message: "Plan {artifactId} has no version"
          - id: TC002
            title: Risk ids start with r-
            severity: warning
            appliesTo: ProjectPlan
            selector: /spec/riskRegister/*
            field: id
            conditions: { pattern: '^r-' }
            message: "Risk {value} {expected}"
        """;

    private const string Plan = """
        apiVersion: governance/v1
        kind: ProjectPlan
        metadata:
          id: plan-search
        spec:
          projectId: proj-search
          riskRegister:
            - id: risk-vendor
              title: Vendor misses the API freeze
        """;

    private Workspace workspace = null!;

    [SetUp]
    public void SetUp() => workspace = Workspace.Create().Write("rules/team.yaml", Pack).Write("plans/plan.yaml", Plan);

    [TearDown]
    public void TearDown() => workspace.Dispose();

    [Test]
    public async Task Check_runs_the_pack_rules_and_reports_them_like_built_in_rules()
    {
        var run = await workspace.RunAsync("check", "plans", "--rules", "rules/team.yaml", "--as-of", "2026-11-01");

        run.ExitCode.Should().Be(1, run.ToString());
        run.Lines.Should().StartWith([
            "plans/plan.yaml:6:3: error TC001: Plan plan-search has no version [plan-search]",
            "plans/plan.yaml:8:11: warning TC002: Risk risk-vendor must match ^r- [plan-search]",
        ]);
        run.StdErr.Should().BeEmpty();
    }

    [Test]
    public async Task Rules_is_repeatable_and_the_fail_on_threshold_applies_to_pack_findings()
    {
        workspace.Write("rules/second.yaml", Pack.Replace("TC001", "TC101").Replace("TC002", "TC102").Replace("severity: error", "severity: info"));

        var run = await workspace.RunAsync("check", "plans", "--rules", "rules/second.yaml", "--as-of", "2026-11-01");
        run.ExitCode.Should().Be(0, "info and warning findings do not fail the run at --fail-on error: " + run);
        run.Lines.Where(l => l.Contains(" TC1", StringComparison.Ordinal)).Should().HaveCount(2);

        var both = await workspace.RunAsync("check", "plans", "--rules", "rules/team.yaml", "--rules", "rules/second.yaml", "--as-of", "2026-11-01");
        both.Lines.Select(l => l.Split(' ').ElementAtOrDefault(2)).Should().Contain(["TC001:", "TC002:", "TC101:", "TC102:"]);

        var twice = await workspace.RunAsync("check", "plans", "--rules", "rules/team.yaml", "--rules", "rules/team.yaml");
        twice.ExitCode.Should().Be(2, twice.ToString());
        twice.StdErr.Should().StartWith("govern: rules/team.yaml:7:9: Rule id TC001 is already used by rule TC001 of rule pack rules/team.yaml:7:9");
    }

    [Test]
    public async Task An_invalid_pack_is_an_invalid_invocation_naming_file_line_and_column()
    {
        workspace.Write("rules/team.yaml", Pack.Replace("appliesTo: ProjectPlan\n    selector: /spec\n", "appliesTo: ProjectPlna\n    selector: /spec\n"));

        var run = await workspace.RunAsync("check", "plans", "--rules", "rules/team.yaml");

        run.ExitCode.Should().Be(2, run.ToString());
        run.StdOut.Should().BeEmpty();
        run.StdErr.Should().Be("govern: rules/team.yaml:10:16: Unknown artifact kind 'ProjectPlna' (did you mean 'ProjectPlan'?)\n");
    }

    [Test]
    public async Task A_pack_with_a_yaml_syntax_error_is_an_invalid_invocation()
    {
        workspace.Write("rules/team.yaml", "apiVersion: governance/v1\nkind: RulePack\nrules:\n  - id: [TC001\n");

        var run = await workspace.RunAsync("check", "plans", "--rules", "rules/team.yaml");

        run.ExitCode.Should().Be(2, run.ToString());
        run.StdErr.Should().StartWith("govern: rules/team.yaml:5:1: ");
    }

    [Test]
    public async Task A_missing_pack_is_an_invalid_invocation()
    {
        var run = await workspace.RunAsync("check", "plans", "--rules", "rules/none.yaml");

        run.ExitCode.Should().Be(2, run.ToString());
        run.StdErr.Should().Be("govern: rules/none.yaml: The rule pack file does not exist\n");
    }

    [Test]
    public async Task Governance_yaml_configures_pack_rules_given_with_rules()
    {
        workspace.Write("governance.yaml", Workspace.FocusedConfiguration() + "  TC001: none\n  TC002: error\n");

        var run = await workspace.RunAsync("check", "plans", "--rules", "rules/team.yaml", "--as-of", "2026-11-01");
        run.ExitCode.Should().Be(1, run.ToString());
        run.Lines[0].Should().Be("plans/plan.yaml:8:11: error TC002: Risk risk-vendor must match ^r- [plan-search]");
        run.StdOut.Should().NotContain("TC001");

        var withoutPack = await workspace.RunAsync("check", "plans", "--as-of", "2026-11-01");
        withoutPack.ExitCode.Should().Be(2, "a configuration naming a rule no pack provides is invalid: " + withoutPack);
        withoutPack.StdErr.Should().Contain("Unknown rule 'TC001'");
    }

    [Test]
    public async Task A_pack_inside_the_analysed_folder_is_not_read_as_an_artifact()
    {
        var run = await workspace.RunAsync("check", ".", "--rules", "rules/team.yaml", "--as-of", "2026-11-01");
        var withoutRules = await workspace.RunAsync("check", ".", "--as-of", "2026-11-01");

        run.StdOut.Should().NotContain("GOV004").And.NotContain("rules/team.yaml");
        withoutRules.StdOut.Should().NotContain("GOV004", "a RulePack document is never an artifact");
    }

    [Test]
    public async Task Sarif_carries_pack_rules_with_their_help_link_and_stays_valid()
    {
        workspace.Write("rules/nolink.yaml", Pack.Replace("  helpUri: https://example.com/conventions\n", string.Empty).Replace("TC00", "NL00"));

        var run = await workspace.RunAsync("check", "plans", "--rules", "rules/team.yaml", "--rules", "rules/nolink.yaml", "--format", "sarif", "--as-of", "2026-11-01");

        (await SarifSchema.ValidateAsync(run.StdOut)).Should().BeEmpty();
        using var sarif = JsonDocument.Parse(run.StdOut);
        var rules = sarif.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()
            .ToDictionary(r => r.GetProperty("id").GetString()!);
        rules["TC001"].GetProperty("helpUri").GetString().Should().Be("https://example.com/conventions");
        rules["TC001"].GetProperty("defaultConfiguration").GetProperty("level").GetString().Should().Be("error");
        rules["NL001"].TryGetProperty("helpUri", out _).Should().BeFalse("a pack rule without a help link has none");
        sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Select(r => r.GetProperty("ruleId").GetString())
            .Should().Contain(["TC001", "TC002", "NL001", "NL002"]);
    }

    [TestCase("json")]
    [TestCase("junit")]
    [TestCase("markdown")]
    [TestCase("html")]
    public async Task Every_report_format_reports_pack_findings(string format)
    {
        var run = await workspace.RunAsync("check", "plans", "--rules", "rules/team.yaml", "--format", format, "--as-of", "2026-11-01");

        run.ExitCode.Should().Be(1, run.ToString());
        run.StdOut.Should().Contain("TC001").And.Contain("Plan plan-search has no version");
    }

    [Test]
    public async Task Markdown_links_a_pack_rule_to_its_help_page_only_when_it_has_one()
    {
        workspace.Write("rules/team.yaml", Pack.Replace("  helpUri: https://example.com/conventions\n", string.Empty));

        var run = await workspace.RunAsync("check", "plans", "--rules", "rules/team.yaml", "--format", "markdown", "--as-of", "2026-11-01");

        run.StdOut.Should().Contain("| TC001 |").And.NotContain("[TC001]");
    }

    [Test]
    public async Task Baseline_records_pack_findings_and_check_then_accepts_them()
    {
        var baseline = await workspace.RunAsync("baseline", "plans", "--rules", "rules/team.yaml", "--output", "baseline.json", "--as-of", "2026-11-01");
        baseline.ExitCode.Should().Be(0, baseline.ToString());
        workspace.Read("baseline.json").Should().Contain("TC001");

        var run = await workspace.RunAsync("check", "plans", "--rules", "rules/team.yaml", "--baseline", "baseline.json", "--as-of", "2026-11-01");
        run.ExitCode.Should().Be(0, run.ToString());
        run.Lines[0].Should().EndWith("[plan-search] (baselined)");
    }

    [Test]
    public async Task Rules_lists_pack_rules_and_prints_what_is_known_of_one()
    {
        var list = await workspace.RunAsync("rules", "--rules", "rules/team.yaml");
        list.ExitCode.Should().Be(0, list.ToString());
        list.Lines.Should().Contain(line => System.Text.RegularExpressions.Regex.IsMatch(line, @"^TC001\s+error\s+custom\s+Plans name their version$"));

        var page = await workspace.RunAsync("rules", "TC002", "--rules", "rules/team.yaml");
        page.ExitCode.Should().Be(0, page.ToString());
        page.Lines[0].Should().Be("# TC002: Risk ids start with r-");
        page.StdOut.Should().Contain("See https://example.com/conventions");
    }

    [Test]
    public async Task Rules_refuses_an_invalid_pack()
    {
        workspace.Write("rules/team.yaml", Pack.Replace("id: TC001", "id: GOV001"));

        var run = await workspace.RunAsync("rules", "--rules", "rules/team.yaml");

        run.ExitCode.Should().Be(2, run.ToString());
        run.StdErr.Should().StartWith("govern: rules/team.yaml:7:9: Rule id GOV001 uses the prefix GOV");
    }
}
