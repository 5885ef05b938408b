using System.Text.Json;
using Governance.Rules.Cli.Tests.Testing;
using Governance.Rules.Reporting;

namespace Governance.Rules.Cli.Tests;

/// <summary>Health scores (formula, weights, breakdown, configuration), <c>govern diff</c> and <c>govern check --compare</c>.</summary>
[TestFixture]
[Category("reporting")]
public sealed class ScoreAndDiffTests
{
    private Workspace workspace = null!;

    [SetUp]
    public void SetUp()
    {
        workspace = Workspace.Create();
        workspace.Write("products/prod.yaml", "apiVersion: governance/v1\nkind: Product\nmetadata: {id: prod-a, title: A}\nspec: {lifecycleStage: growth}\n");
        workspace.Write("projects/a/project.yaml", "apiVersion: governance/v1\nkind: Project\nmetadata: {id: proj-a}\nspec: {productId: prod-a, status: inProgress}\n");
        workspace.Write("projects/a/plan-1.yaml", PlanWithoutRisks("plan-1"));
        workspace.Write("projects/a/plan-2.yaml", PlanWithoutRisks("plan-2"));
        // A misspelled property: GOV002, a warning (engine diagnostics are always on).
        workspace.Write("projects/a/plan-3.yaml", PlanWithRisk("plan-3") + "  riskRegistr: []\n");
    }

    [TearDown]
    public void TearDown() => workspace.Dispose();

    private static string PlanWithoutRisks(string id) =>
        $"apiVersion: governance/v1\nkind: ProjectPlan\nmetadata:\n  id: {id}\nspec:\n  projectId: proj-a\n  riskRegister: []\n";

    private static string PlanWithRisk(string id) =>
        $"apiVersion: governance/v1\nkind: ProjectPlan\nmetadata:\n  id: {id}\nspec:\n  projectId: proj-a\n  riskRegister:\n    - id: r-1\n      title: Key people leave\n";

    private async Task<JsonElement> JsonReportAsync(params string[] args)
    {
        var run = await workspace.RunAsync(["check", ".", "--as-of", "2026-11-01", "--format", "json", .. args]);
        run.ExitCode.Should().BeOneOf([0, 1], run.ToString());
        using var document = JsonDocument.Parse(run.StdOut);
        return document.RootElement.Clone();
    }

    private static List<(string RuleId, int Count, int Deducted)> Breakdown(JsonElement score) =>
        [.. score.GetProperty("breakdown").EnumerateArray().Select(i =>
            (i.GetProperty("ruleId").GetString()!, i.GetProperty("findings").GetInt32(), i.GetProperty("deducted").GetInt32()))];

    private static JsonElement Group(JsonElement report, string list, string idProperty, string id) =>
        report.GetProperty(list).EnumerateArray().Single(g => g.GetProperty(idProperty).GetString() == id);

    [Test]
    public async Task Default_weights_deduct_10_per_error_3_per_warning_1_per_info_with_a_per_rule_breakdown()
    {
        var report = await JsonReportAsync();

        var score = report.GetProperty("score");
        score.GetProperty("value").GetInt32().Should().Be(100 - 10 - 10 - 3);
        score.GetProperty("deducted").GetInt32().Should().Be(23);
        Breakdown(score).Should().Equal(("GOV002", 1, 3), ("GOV401", 2, 20));
        var weights = report.GetProperty("scoreWeights");
        (weights.GetProperty("error").GetInt32(), weights.GetProperty("warning").GetInt32(), weights.GetProperty("info").GetInt32()).Should().Be((10, 3, 1));

        var plan1 = Group(report, "byArtifact", "artifactId", "plan-1").GetProperty("score");
        plan1.GetProperty("value").GetInt32().Should().Be(90);
        Breakdown(plan1).Should().Equal(("GOV401", 1, 10));
        Group(report, "byArtifact", "artifactId", "proj-a").GetProperty("score").GetProperty("value").GetInt32().Should().Be(100);
        Breakdown(Group(report, "byArtifact", "artifactId", "proj-a").GetProperty("score")).Should().BeEmpty();
        Group(report, "byProject", "id", "proj-a").GetProperty("score").GetProperty("value").GetInt32().Should().Be(77, "a project scores its plans");
        Group(report, "byProduct", "id", "prod-a").GetProperty("score").GetProperty("value").GetInt32().Should().Be(77, "a product scores its projects' artifacts too");
    }

    [Test]
    public async Task Configured_severity_and_rule_weights_replace_the_defaults_and_the_score_stops_at_0()
    {
        workspace.Write("governance.yaml", Workspace.FocusedConfiguration("scores:\n  weights: {error: 25, warning: 5, info: 0}\n  rules: {GOV401: 40}\n"));

        var report = await JsonReportAsync();

        var score = report.GetProperty("score");
        Breakdown(score).Should().Equal(("GOV002", 1, 5), ("GOV401", 2, 80));
        score.GetProperty("value").GetInt32().Should().Be(15);
        report.GetProperty("scoreWeights").GetProperty("rules").EnumerateArray()
            .Select(r => (r.GetProperty("ruleId").GetString(), r.GetProperty("weight").GetInt32())).Should().Equal(("GOV401", 40));

        workspace.Write("projects/a/plan-4.yaml", PlanWithoutRisks("plan-4"));
        var saturated = (await JsonReportAsync()).GetProperty("score");
        saturated.GetProperty("deducted").GetInt32().Should().Be(125);
        saturated.GetProperty("value").GetInt32().Should().Be(0, "a score never goes below 0");
    }

    [Test]
    public async Task Set_aside_findings_deduct_nothing()
    {
        workspace.Write("governance.yaml", Workspace.FocusedConfiguration(
            "exemptions:\n  - {rule: GOV401, artifact: plan-1, justification: Waived, owner: p-dana, expires: 2027-01-31}\n"));

        var report = await JsonReportAsync();

        Breakdown(report.GetProperty("score")).Should().Equal(("GOV002", 1, 3), ("GOV401", 1, 10));
        Group(report, "byArtifact", "artifactId", "plan-1").GetProperty("score").GetProperty("value").GetInt32().Should().Be(100);
    }

    [TestCase("scores:\n  weigths: {error: 5}\n", 4, "Unknown key of scores 'weigths' (did you mean 'weights'?)")]
    [TestCase("scores:\n  weights: {eror: 5}\n", 4, "(did you mean 'error'?)")]
    [TestCase("scores:\n  weights: {error: -1}\n", 4, "The score weight of error must be a whole number from 0 to 100")]
    [TestCase("scores:\n  weights: {warning: 2.5}\n", 4, "The score weight of warning must be a whole number from 0 to 100")]
    [TestCase("scores:\n  rules:\n    GOV4O1: 5\n", 5, "Unknown rule 'GOV4O1' (did you mean 'GOV401'?)")]
    [TestCase("scores: 10\n", 3, "scores must be a mapping")]
    public async Task An_invalid_scores_key_is_exit_2_naming_the_line(string scores, int line, string message)
    {
        workspace.Write("governance.yaml", Workspace.FocusedConfiguration(scores));

        var run = await workspace.RunAsync("check", ".");

        run.ExitCode.Should().Be(2, run.ToString());
        run.StdErr.Should().Contain($"governance.yaml:{line}:").And.Contain(message);
    }

    [Test]
    public void The_config_schema_has_the_scores_key()
    {
        var schema = Governance.Rules.Configuration.GovernanceConfigSchema.ToJson();
        using var document = JsonDocument.Parse(schema);
        document.RootElement.GetProperty("properties").TryGetProperty("scores", out _).Should().BeTrue(schema);
    }

    private async Task WriteReportAsync(string file)
    {
        var run = await workspace.RunAsync("check", ".", "--as-of", "2026-11-01", "--format", "json", "--output", file, "--exclude", "reports/**");
        run.ExitCode.Should().BeOneOf([0, 1], run.ToString());
    }

    /// <summary>Old: GOV401 on plan-1 and plan-2, GOV002 on plan-3. New: plan-1 fixed, plan-5 new, the rest persists.</summary>
    private async Task WriteTwoReportsAsync()
    {
        await WriteReportAsync("reports/old.json");
        workspace.Write("projects/a/plan-1.yaml", PlanWithRisk("plan-1"));
        workspace.Write("projects/a/plan-5.yaml", PlanWithoutRisks("plan-5"));
        await WriteReportAsync("reports/new.json");
    }

    [Test]
    public async Task Diff_lists_new_and_fixed_findings_and_the_score_change_in_text()
    {
        await WriteTwoReportsAsync();

        var run = await workspace.RunAsync("diff", "reports/old.json", "reports/new.json");

        run.ExitCode.Should().Be(0, run.ToString());
        run.Lines.Should().Equal(
            "new: projects/a/plan-5.yaml:6:3: error GOV401: Plan's risk register holds 0 risk(s); at least 1 expected [plan-5]",
            "fixed: projects/a/plan-1.yaml:6:3: error GOV401: Plan's risk register holds 0 risk(s); at least 1 expected [plan-1]",
            "Compared with reports/old.json: 1 new, 1 fixed, 2 persisting; health score 77 -> 77 (+0)");
    }

    [Test]
    public async Task Diff_in_json_has_counts_lists_and_the_score_change_and_is_deterministic()
    {
        await WriteTwoReportsAsync();
        workspace.Write("projects/a/plan-6.yaml", PlanWithoutRisks("plan-6"));
        await WriteReportAsync("reports/newer.json");

        var run = await workspace.RunAsync("diff", "reports/old.json", "reports/newer.json", "--format", "json");
        var again = await workspace.RunAsync("diff", "reports/old.json", "reports/newer.json", "--format", "json");

        run.ExitCode.Should().Be(0, run.ToString());
        again.StdOut.Should().Be(run.StdOut);
        using var document = JsonDocument.Parse(run.StdOut);
        var diff = document.RootElement;
        diff.GetProperty("previous").GetString().Should().Be("reports/old.json");
        var counts = diff.GetProperty("counts");
        (counts.GetProperty("new").GetInt32(), counts.GetProperty("fixed").GetInt32(), counts.GetProperty("persisting").GetInt32()).Should().Be((2, 1, 2));
        diff.GetProperty("new").EnumerateArray().Select(f => f.GetProperty("artifactId").GetString()).Should().Equal("plan-5", "plan-6");
        diff.GetProperty("fixed").EnumerateArray().Select(f => f.GetProperty("artifactId").GetString()).Should().Equal("plan-1");
        diff.GetProperty("persisting").EnumerateArray().Select(f => f.GetProperty("artifactId").GetString()).Should().Equal("plan-2", "plan-3");
        var score = diff.GetProperty("score");
        (score.GetProperty("before").GetInt32(), score.GetProperty("after").GetInt32(), score.GetProperty("change").GetInt32()).Should().Be((77, 67, -10));
    }

    [Test]
    public async Task Diff_in_markdown_has_a_section_per_kind_of_change()
    {
        await WriteTwoReportsAsync();

        var run = await workspace.RunAsync("diff", "reports/old.json", "reports/new.json", "--format", "markdown");

        run.ExitCode.Should().Be(0, run.ToString());
        run.Lines[0].Should().Be("## Governance comparison: 1 new, 1 fixed, 2 persisting");
        run.StdOut.Should().Contain("### New findings").And.Contain("### Fixed findings").And.Contain("### Persisting findings")
            .And.Contain("| error | GOV401 | plan-5 |").And.Contain("Health score: 77 -\\> 77 (+0)");
    }

    [Test]
    public async Task Diff_of_a_missing_or_foreign_file_is_exit_2()
    {
        workspace.Write("reports/other.json", "{\"hello\": 1}");
        await WriteReportAsync("reports/old.json");

        var missing = await workspace.RunAsync("diff", "reports/old.json", "reports/nope.json");
        var foreign = await workspace.RunAsync("diff", "reports/other.json", "reports/old.json");
        var compare = await workspace.RunAsync("check", ".", "--compare", "reports/nope.json");

        missing.ExitCode.Should().Be(2);
        missing.StdErr.Should().Contain("report file not found: reports/nope.json");
        foreign.ExitCode.Should().Be(2);
        foreign.StdErr.Should().Contain("reports/other.json is not a json report of govern check");
        compare.ExitCode.Should().Be(2);
    }

    [Test]
    public async Task Check_compare_adds_the_comparison_to_json_text_and_markdown()
    {
        await WriteTwoReportsAsync();

        var json = await JsonReportAsync("--compare", "reports/old.json", "--exclude", "reports/**");
        var comparison = json.GetProperty("comparison");
        comparison.GetProperty("counts").GetProperty("new").GetInt32().Should().Be(1);
        comparison.GetProperty("counts").GetProperty("fixed").GetInt32().Should().Be(1);
        comparison.GetProperty("new").EnumerateArray().Single().GetProperty("artifactId").GetString().Should().Be("plan-5");

        var text = await workspace.RunAsync("check", ".", "--as-of", "2026-11-01", "--compare", "reports/old.json", "--exclude", "reports/**");
        text.ExitCode.Should().Be(1, text.ToString());
        text.Lines[^1].Should().Be("Compared with reports/old.json: 1 new, 1 fixed, 2 persisting; health score 77 -> 77 (+0)");
        text.Lines.Should().Contain("2 errors, 1 warning, 0 infos in 6 files, 6 artifacts");

        var markdown = await workspace.RunAsync("check", ".", "--as-of", "2026-11-01", "--format", "markdown", "--compare", "reports/old.json", "--exclude", "reports/**");
        markdown.StdOut.Should().Contain("### Compared with reports/old.json").And.Contain("1 new, 1 fixed, 2 persisting");
        markdown.StdOut.Should().Contain("Health score: **77/100**").And.Contain("| GOV401 | 2 | 20 |").And.Contain("| GOV002 | 1 | 3 |");

        var html = await workspace.RunAsync("check", ".", "--as-of", "2026-11-01", "--format", "html", "--compare", "reports/old.json", "--exclude", "reports/**");
        html.StdOut.Should().Contain("<span class=\"n\">77</span>health score").And.Contain("GOV401 ×2 −20").And.Contain("<h2>Compared with reports/old.json</h2>");

        var plain = await JsonReportAsync("--exclude", "reports/**");
        plain.GetProperty("comparison").ValueKind.Should().Be(JsonValueKind.Null, "without --compare there is no comparison");
    }

    [Test]
    public void Findings_sharing_a_key_are_matched_by_count_not_by_line()
    {
        static ReportFinding Finding(int line, string state = "active") => new()
        {
            RuleId = "GOV401", Severity = "error", Message = "m", State = state, HelpUri = "h",
            ArtifactId = "plan-1", File = "p.yaml", Line = line, Pointer = "/spec",
        };
        var previous = new ReportComparer.ReportSnapshot([Finding(3), Finding(9), Finding(12)], 70);
        var current = new ReportComparer.ReportSnapshot([Finding(5), Finding(8, "suppressed")], 90);

        var comparison = ReportComparer.Compare(previous, current, "old", "new");

        comparison.Counts.Should().Be(new ReportComparisonCounts(0, 2, 1));
        comparison.Persisting.Single().Line.Should().Be(5, "a moved finding persists");
        comparison.Fixed.Select(f => f.Line).Should().Equal(9, 12);
        comparison.Score.Should().Be(new ReportScoreChange(70, 90, 20));
    }

    [Test]
    public async Task The_text_report_is_unchanged_and_shows_no_progress_when_redirected()
    {
        var run = await workspace.RunAsync("check", ".", "--as-of", "2026-11-01");

        run.Lines[^1].Should().Be("2 errors, 1 warning, 0 infos in 5 files, 5 artifacts");
        run.StdErr.Should().BeEmpty("no progress display when output is redirected");
    }
}
