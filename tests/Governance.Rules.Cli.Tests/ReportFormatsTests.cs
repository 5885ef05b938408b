using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Governance.Rules.Cli.Tests.Testing;
using Governance.Rules.Engine;
using Governance.Rules.Reporting;
using NJsonSchema;

namespace Governance.Rules.Cli.Tests;

/// <summary>
/// The markdown, html, json and junit reports and custom templates, on a small portfolio holding a finding in every
/// state: active, suppressed inline, exempted in the configuration and baselined, plus a file that does not parse.
/// </summary>
[TestFixture]
[Category("reporting")]
public sealed partial class ReportFormatsTests
{
    private const string Script = "<script>alert(1)</script>";

    private Workspace workspace = null!;

    [SetUp]
    public async Task SetUp()
    {
        workspace = Workspace.Create();
        workspace.Write("governance.yaml", Workspace.FocusedConfiguration("""
            exemptions:
              - rule: GOV401
                artifact: plan-ex
                justification: Waived by the steering committee, decision D-17
            """));
        workspace.Write("plans/old.yaml", Plan("plan-old", "proj-pay"));
        var baseline = await workspace.RunAsync("baseline", ".", "--output", "governance.baseline.json");
        baseline.ExitCode.Should().Be(0, baseline.ToString());

        workspace.Write("plans/ex.yaml", Plan("plan-ex", "proj-pay"));
        workspace.Write("plans/sup.yaml", Plan("plan-sup", "proj-pay", suppressions: "  suppressions:\n    - {rule: GOV401, justification: Register kept by the PMO}\n"));
        workspace.Write("projects/pay/plan.yaml", Plan("plan-pay", "proj-pay", title: "Plan | with pipe"));
        workspace.Write("projects/pay/project.yaml", $$"""
            apiVersion: governance/v1
            kind: Project
            metadata:
              id: proj-pay
              title: "{{Script}}"
            spec:
              productId: prod-pay
              status: inProgress
            """);
        workspace.Write("products/prod.yaml", """
            apiVersion: governance/v1
            kind: Product
            metadata: {id: prod-pay, title: Payments}
            spec: {lifecycleStage: growth}
            """);
        workspace.Write("broken.yaml", Documents.Malformed);
    }

    [TearDown]
    public void TearDown() => workspace.Dispose();

    private static string Plan(string id, string projectId, string? title = null, string suppressions = "") =>
        $"apiVersion: governance/v1\nkind: ProjectPlan\nmetadata:\n  id: {id}\n" +
        (title is null ? string.Empty : $"  title: \"{title}\"\n") + suppressions +
        $"spec:\n  projectId: {projectId}\n  riskRegister: []\n";

    private Task<CliRun> CheckAsync(params string[] args) =>
        workspace.RunAsync(EchoTitleRule.Register, ["check", ".", "--as-of", "2026-11-01", "--baseline", "governance.baseline.json", .. args]);

    private async Task<JsonElement> JsonReportAsync(params string[] args)
    {
        var run = await CheckAsync(["--format", "json", .. args]);
        run.ExitCode.Should().Be(1, run.ToString());
        using var document = JsonDocument.Parse(run.StdOut);
        return document.RootElement.Clone();
    }

    private static JsonElement FindingOf(JsonElement report, string ruleId, string? artifactId) =>
        report.GetProperty("findings").EnumerateArray().Single(f =>
            f.GetProperty("ruleId").GetString() == ruleId && f.GetProperty("artifactId").GetString() == artifactId);

    [Test]
    public async Task Json_has_the_summary_with_a_count_per_state()
    {
        var report = await JsonReportAsync();

        report.GetProperty("formatVersion").GetInt32().Should().Be(ReportModel.CurrentFormatVersion);
        report.GetProperty("tool").GetProperty("name").GetString().Should().Be("govern");
        report.GetProperty("asOf").GetString().Should().Be("2026-11-01");
        report.GetProperty("baselineUsed").GetBoolean().Should().BeTrue();
        var summary = report.GetProperty("summary");
        var counts = new[] { "errors", "warnings", "infos", "suppressed", "exempted", "baselined", "active", "total", "files", "artifacts", "products", "projects" }
            .ToDictionary(name => name, name => summary.GetProperty(name).GetInt32());
        counts.Should().Equal(new Dictionary<string, int>
        {
            ["errors"] = 2, // GOV001 on broken.yaml, GOV401 on plan-pay
            ["warnings"] = 2, // GOV998 on plan-pay and proj-pay
            ["infos"] = 0,
            ["suppressed"] = 1,
            ["exempted"] = 1,
            ["baselined"] = 1,
            ["active"] = 4,
            ["total"] = 7,
            ["files"] = 7,
            ["artifacts"] = 6,
            ["products"] = 1,
            ["projects"] = 1,
        });
        report.GetProperty("findings").GetArrayLength().Should().Be(7);
    }

    [Test]
    public async Task Json_marks_each_finding_with_its_state_suppression_and_baseline_state()
    {
        var report = await JsonReportAsync();

        var active = FindingOf(report, "GOV401", "plan-pay");
        active.GetProperty("state").GetString().Should().Be("active");
        active.GetProperty("severity").GetString().Should().Be("error");
        active.GetProperty("suppression").ValueKind.Should().Be(JsonValueKind.Null);
        active.GetProperty("baselineState").GetString().Should().Be("new");
        active.GetProperty("justification").ValueKind.Should().Be(JsonValueKind.Null);

        var suppressed = FindingOf(report, "GOV401", "plan-sup");
        suppressed.GetProperty("state").GetString().Should().Be("suppressed");
        suppressed.GetProperty("suppression").GetProperty("kind").GetString().Should().Be("inSource");
        suppressed.GetProperty("suppression").GetProperty("justification").GetString().Should().Be("Register kept by the PMO");
        suppressed.GetProperty("justification").GetString().Should().Be("Register kept by the PMO");

        var exempted = FindingOf(report, "GOV401", "plan-ex");
        exempted.GetProperty("state").GetString().Should().Be("exempted");
        exempted.GetProperty("suppression").GetProperty("kind").GetString().Should().Be("external");
        exempted.GetProperty("justification").GetString().Should().StartWith("Waived by the steering committee");

        var baselined = FindingOf(report, "GOV401", "plan-old");
        baselined.GetProperty("state").GetString().Should().Be("baselined");
        baselined.GetProperty("baselineState").GetString().Should().Be("unchanged");
        baselined.GetProperty("suppression").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Test]
    public async Task Json_gives_each_finding_its_location_rule_and_product_and_project()
    {
        var report = await JsonReportAsync();

        var finding = FindingOf(report, "GOV401", "plan-pay");
        finding.GetProperty("file").GetString().Should().Be("projects/pay/plan.yaml");
        finding.GetProperty("line").GetInt32().Should().Be(7);
        finding.GetProperty("column").GetInt32().Should().Be(3);
        finding.GetProperty("pointer").GetString().Should().Be("/spec");
        finding.GetProperty("location").GetString().Should().Be("projects/pay/plan.yaml:7:3");
        finding.GetProperty("ruleTitle").GetString().Should().Be("Plan has no risk register");
        finding.GetProperty("category").GetString().Should().Be("plan");
        finding.GetProperty("helpUri").GetString().Should().Be(RuleDescriptor.HelpBaseUri + "GOV401.md");
        finding.GetProperty("artifactKind").GetString().Should().Be("ProjectPlan");
        finding.GetProperty("projectId").GetString().Should().Be("proj-pay");
        finding.GetProperty("productId").GetString().Should().Be("prod-pay", "a plan belongs to its project's product");

        var unparsed = FindingOf(report, "GOV001", null);
        unparsed.GetProperty("file").GetString().Should().Be("broken.yaml");
        unparsed.GetProperty("artifactKind").ValueKind.Should().Be(JsonValueKind.Null);
        unparsed.GetProperty("projectId").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Test]
    public async Task Json_groups_the_findings_by_rule_artifact_product_and_project()
    {
        var report = await JsonReportAsync();

        report.GetProperty("byRule").EnumerateArray().Select(g => g.GetProperty("ruleId").GetString()).Should().Equal("GOV001", "GOV401", "GOV998");
        var gov401 = report.GetProperty("byRule")[1].GetProperty("counts");
        (gov401.GetProperty("errors").GetInt32(), gov401.GetProperty("total").GetInt32()).Should().Be((1, 4));

        var artifacts = report.GetProperty("byArtifact").EnumerateArray().ToList();
        artifacts.Select(a => a.GetProperty("artifactId").GetString() ?? "file:" + a.GetProperty("file").GetString())
            .Should().Equal("file:broken.yaml", "plan-ex", "plan-old", "plan-sup", "prod-pay", "plan-pay", "proj-pay");
        artifacts.Single(a => a.GetProperty("artifactId").GetString() == "prod-pay").GetProperty("counts").GetProperty("total").GetInt32().Should().Be(0);

        var project = report.GetProperty("byProject").EnumerateArray().Single();
        project.GetProperty("id").GetString().Should().Be("proj-pay");
        project.GetProperty("title").GetString().Should().Be(Script);
        project.GetProperty("analyzed").GetBoolean().Should().BeTrue();
        project.GetProperty("productId").GetString().Should().Be("prod-pay");
        project.GetProperty("health").GetString().Should().Be("red");
        project.GetProperty("counts").GetProperty("total").GetInt32().Should().Be(6, "every finding but GOV001 is on the project's artifacts");
        var categories = report.GetProperty("categories").EnumerateArray().Select(c => c.GetString()).ToList();
        categories.Should().Equal("engine", "plan");
        project.GetProperty("byCategory").EnumerateArray().Select(c => (c.GetProperty("category").GetString(), c.GetProperty("active").GetInt32()))
            .Should().Equal(("engine", 0), ("plan", 3));

        var product = report.GetProperty("byProduct").EnumerateArray().Single();
        product.GetProperty("id").GetString().Should().Be("prod-pay");
        product.GetProperty("title").GetString().Should().Be("Payments");
        product.GetProperty("counts").GetProperty("total").GetInt32().Should().Be(6, "a product counts its projects' findings");
        report.GetProperty("projectHealth").GetProperty("red").GetInt32().Should().Be(1);
    }

    [Test]
    public async Task Json_is_valid_against_the_documented_schema_which_is_up_to_date()
    {
        var documented = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "docs", ReportSchema.FileName));
        documented.ReplaceLineEndings("\n").Should().Be(ReportSchema.ToJson(),
            "docs/report.schema.json is generated from ReportModel; regenerate it with ReportSchema.ToJson() when the model changes");

        var run = await CheckAsync("--format", "json", "--timings");
        var schema = await JsonSchema.FromJsonAsync(documented);
        schema.Validate(run.StdOut).Select(e => e.ToString()).Should().BeEmpty(run.StdOut);
        var rejected = schema.Validate(run.StdOut.Replace("\"formatVersion\"", "\"formatVersoin\"", StringComparison.Ordinal));
        rejected.Should().NotBeEmpty("a validator that accepts anything proves nothing");
    }

    [Test]
    public async Task Json_includes_timings_only_when_asked_so_reports_stay_reproducible()
    {
        var without = await JsonReportAsync();
        without.GetProperty("timings").GetProperty("rules").GetArrayLength().Should().Be(0);
        without.GetProperty("timings").GetProperty("stages").GetArrayLength().Should().Be(0);

        var with = await JsonReportAsync("--timings");
        with.GetProperty("timings").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("name").GetString()).Should().Contain("GOV401");
        with.GetProperty("timings").GetProperty("stages").GetArrayLength().Should().BeGreaterThan(0);
    }

    [Test]
    public async Task Junit_has_a_suite_per_artifact_a_failure_per_active_finding_and_skipped_for_the_others()
    {
        var run = await CheckAsync("--format", "junit");

        run.ExitCode.Should().Be(1, run.ToString());
        run.StdOut.Should().StartWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        var root = XDocument.Parse(run.StdOut).Root!;
        root.Name.LocalName.Should().Be("testsuites");
        ((int)root.Attribute("tests")!, (int)root.Attribute("failures")!, (int)root.Attribute("skipped")!).Should().Be((7, 4, 3));
        var suites = root.Elements("testsuite").ToDictionary(s => (string)s.Attribute("name")!);
        suites.Keys.Should().Equal("broken.yaml", "plan-ex", "plan-old", "plan-sup", "prod-pay", "plan-pay", "proj-pay");
        suites["prod-pay"].Elements("testcase").Should().BeEmpty();
        ((int)suites["prod-pay"].Attribute("tests")!).Should().Be(0);

        var failures = suites["plan-pay"].Elements("testcase").Select(c => c.Element("failure")).ToList();
        failures.Should().HaveCount(2).And.OnlyContain(f => f != null);
        failures.Select(f => (string)f!.Attribute("type")!).Should().BeEquivalentTo(["error", "warning"]);
        failures.Select(f => (string)f!.Attribute("message")!).Should().Contain("Title is Plan | with pipe");
        var gov401 = suites["plan-pay"].Elements("testcase").Single(c => ((string)c.Attribute("name")!).StartsWith("GOV401", StringComparison.Ordinal));
        ((string)gov401.Attribute("file")!, (int)gov401.Attribute("line")!).Should().Be(("projects/pay/plan.yaml", 7));
        gov401.Element("failure")!.Value.Should().Contain("projects/pay/plan.yaml:7:3: error GOV401").And.Contain(RuleDescriptor.HelpBaseUri + "GOV401.md");

        foreach (var (suite, reason) in new[] { ("plan-sup", "suppressed: Register kept by the PMO"), ("plan-ex", "exempted: Waived"), ("plan-old", "baselined") })
        {
            var testCase = suites[suite].Elements("testcase").Single();
            testCase.Element("failure").Should().BeNull(suite);
            ((string)testCase.Element("skipped")!.Attribute("message")!).Should().StartWith(reason);
        }

        suites["broken.yaml"].Elements("testcase").Single().Element("failure")!.Attribute("type")!.Value.Should().Be("error");
        suites["proj-pay"].Descendants("failure").Single().Attribute("message")!.Value.Should().Be("Title is " + Script, "XML escaping keeps the text");
    }

    [Test]
    public async Task Markdown_has_a_table_row_per_finding_with_pipes_and_html_escaped()
    {
        var run = await CheckAsync("--format", "markdown");

        run.ExitCode.Should().Be(1, run.ToString());
        var lines = run.Lines;
        var header = lines.ToList().IndexOf("| Severity | Rule | Artifact | Location | Message | State |");
        header.Should().BePositive(run.StdOut);
        var rows = lines.Skip(header + 2).TakeWhile(l => l.StartsWith('|')).ToList();
        rows.Should().HaveCount(7);
        rows.Should().OnlyContain(row => Cells(row) == 6, "an escaped pipe does not split a cell");
        rows.Should().Contain(row => row.Contains(@"Title is Plan \| with pipe", StringComparison.Ordinal));
        rows.Should().Contain(row => row.Contains(@"Title is \<script\>alert(1)\</script\>", StringComparison.Ordinal));
        rows.Should().Contain(row => row.Contains("| suppressed: Register kept by the PMO |", StringComparison.Ordinal));
        rows.Should().Contain(row => row.Contains("| baselined |", StringComparison.Ordinal));
        rows.Should().Contain(row => row.Contains($"[GOV401]({RuleDescriptor.HelpBaseUri}GOV401.md)", StringComparison.Ordinal));
        run.StdOut.Should().NotContain("<script>");
        lines[0].Should().Be("## Governance report: 2 errors, 2 warnings, 0 infos");
    }

    /// <summary>The cells of a Markdown table row: the unescaped pipes, less the outer two, plus one.</summary>
    private static int Cells(string row) => UnescapedPipe().Count(row) - 1;

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex UnescapedPipe();

    [Test]
    public async Task Html_escapes_artifact_text_and_loads_nothing_from_the_network()
    {
        var run = await CheckAsync("--format", "html");

        run.ExitCode.Should().Be(1, run.ToString());
        var html = run.StdOut;
        html.Should().StartWith("<!DOCTYPE html>");
        html.Should().NotContain("<script>alert", "artifact text is escaped");
        html.Should().Contain("&lt;script&gt;alert(1)&lt;/script&gt;");
        Regex.Matches(html, "<script", RegexOptions.IgnoreCase).Should().HaveCount(1, "the only script is the page's own inline one");
        Regex.Matches(html, "<tr data-severity=").Should().HaveCount(7, "one table row per finding");
        html.Should().Contain("<svg").And.Contain("Heat map");

        var links = Regex.Matches(html, @"\b(?:src|href|xlink:href|action|srcset)\s*=\s*[""']?([^""'\s>]*)", RegexOptions.IgnoreCase).Select(m => m.Groups[1].Value).ToList();
        links.Should().NotBeEmpty();
        links.Should().OnlyContain(link => link.StartsWith(RuleDescriptor.HelpBaseUri, StringComparison.Ordinal), "the only links are the rules' pages");
        Regex.Matches(html, @"\bsrc\s*=", RegexOptions.IgnoreCase).Should().BeEmpty();
        html.Should().NotContain("url(").And.NotContain("@import").And.NotContain("<link").And.NotContain("<iframe");
        html.Should().Contain("Content-Security-Policy");
    }

    [Test]
    public async Task Every_format_is_byte_identical_across_runs()
    {
        foreach (var format in ReportFormatNames.All)
        {
            var first = await CheckAsync("--format", format, "--output", $"out/first.{format}", "--exclude", "out/**");
            var second = await CheckAsync("--format", format, "--output", $"out/second.{format}", "--exclude", "out/**");
            first.ExitCode.Should().Be(1, first.ToString());
            second.ExitCode.Should().Be(1, second.ToString());
            var bytes = await File.ReadAllBytesAsync(workspace.PathOf($"out/first.{format}"));
            bytes.Should().NotBeEmpty(format);
            bytes.Should().Equal(await File.ReadAllBytesAsync(workspace.PathOf($"out/second.{format}")), $"--format {format} is deterministic");
        }
    }

    [Test]
    public async Task A_custom_markdown_template_renders_the_report_model()
    {
        workspace.Write("templates/short.hbs", "{{#each findings}}\n- {{ruleId}} {{state}} {{md artifactId}}: {{md message}}\n{{/each}}\n{{summary.total}} findings as of {{asOf}}\n");

        var run = await CheckAsync("--format", "markdown", "--template", "templates/short.hbs");

        run.ExitCode.Should().Be(1, run.ToString());
        run.Lines.Should().HaveCount(8);
        run.Lines.Should().Contain("- GOV401 exempted plan-ex: Plan's risk register holds 0 risk(s); at least 1 expected");
        run.Lines.Should().Contain(@"- GOV998 active plan-pay: Title is Plan \| with pipe");
        run.Lines[^1].Should().Be("7 findings as of 2026-11-01");
    }

    [Test]
    public async Task A_custom_html_template_escapes_artifact_text_and_can_be_written_to_a_file()
    {
        workspace.Write("page.hbs", "<ul>{{#each byProject}}<li>{{title}}</li>{{/each}}</ul>");

        var run = await CheckAsync("--format", "html", "--template", "page.hbs", "--output", "out/page.html", "--exclude", "out/**");

        run.ExitCode.Should().Be(1, run.ToString());
        workspace.Read("out/page.html").Should().Be("<ul><li>&lt;script&gt;alert(1)&lt;/script&gt;</li></ul>");
    }

    [TestCase("json")]
    [TestCase("junit")]
    [TestCase("sarif")]
    [TestCase("text")]
    public async Task A_template_with_a_format_other_than_markdown_or_html_is_exit_2(string format)
    {
        workspace.Write("t.hbs", "{{asOf}}");

        var run = await CheckAsync("--format", format, "--template", "t.hbs");

        run.ExitCode.Should().Be(2, run.ToString());
        run.StdErr.Should().Contain("--template applies only to --format markdown or --format html");
        run.StdOut.Should().BeEmpty();
    }

    [TestCase("{{#each findings}}{{ruleId}}", "broken.hbs: ", "#each")]
    [TestCase("{{summary.eror}}", "broken.hbs: ", "'eror' is not a field")]
    [TestCase("{{#each findings}}{{#if justification}}{{justificaton}}{{/if}}{{/each}}", "broken.hbs: ", "'justificaton'")]
    [TestCase("{{nosuchhelper asOf}}", "broken.hbs: ", "nosuchhelper")]
    [TestCase("{{asOf}}\n{{#if summary}", "broken.hbs: ", "at line 2, column")]
    public async Task A_template_that_does_not_compile_or_names_an_unknown_field_is_exit_2_with_the_file_and_reason(string template, string file, string reason)
    {
        workspace.Write("broken.hbs", template);

        var run = await CheckAsync("--format", "markdown", "--template", "broken.hbs");

        run.ExitCode.Should().Be(2, run.ToString());
        run.StdErr.Should().Contain(file).And.Contain(reason);
        run.StdOut.Should().BeEmpty();
    }

    [Test]
    public async Task A_template_file_that_does_not_exist_is_exit_2()
    {
        var run = await CheckAsync("--format", "html", "--template", "nope.hbs");

        run.ExitCode.Should().Be(2, run.ToString());
        run.StdErr.Should().Contain("template file not found: nope.hbs");
    }

    [Test]
    public async Task The_baseline_command_takes_no_template()
    {
        var run = await workspace.RunAsync("baseline", ".", "--template", "t.hbs");

        run.ExitCode.Should().Be(2, run.ToString());
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Governance.Rules.sln"))) return directory.FullName;
        }

        throw new InvalidOperationException($"No folder above {TestContext.CurrentContext.TestDirectory} holds Governance.Rules.sln.");
    }
}
