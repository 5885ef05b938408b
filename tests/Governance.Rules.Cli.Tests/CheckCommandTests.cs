using Governance.Rules.Cli.Tests.Testing;

namespace Governance.Rules.Cli.Tests;

[TestFixture]
[Category("cli")]
public sealed class CheckCommandTests
{
    private Workspace workspace = null!;

    [SetUp]
    public void SetUp() => workspace = Workspace.Create();

    [TearDown]
    public void TearDown() => workspace.Dispose();

    [Test]
    public async Task A_clean_folder_exits_0_and_prints_only_the_summary()
    {
        workspace.Write("plan.yaml", Documents.PlanWithRisk);

        var run = await workspace.RunAsync("check");

        run.ExitCode.Should().Be(0, run.ToString());
        run.StdOut.Should().Be("0 errors, 0 warnings, 0 infos in 1 file, 1 artifact\n");
        run.StdErr.Should().BeEmpty();
    }

    [Test]
    public async Task A_finding_prints_file_line_column_severity_rule_message_and_artifact_id_exactly()
    {
        workspace.Write("plans/billing.yaml", Documents.PlanWithoutRisks);

        var run = await workspace.RunAsync("check", ".");

        run.ExitCode.Should().Be(1, run.ToString());
        run.Lines.Should().Equal(
            "plans/billing.yaml:7:3: error GOV401: Plan's risk register holds 0 risk(s); at least 1 expected [plan-billing]",
            "1 error, 0 warnings, 0 infos in 1 file, 1 artifact");
    }

    [Test]
    public async Task Findings_of_several_files_come_in_report_order_with_their_pointers_resolved_to_positions()
    {
        workspace
            .Write("b-plan.yaml", Documents.PlanWithUnknownProperty)
            .Write("a-future.json", Documents.UnknownApiVersionJson)
            .Write("c-plan.yaml", Documents.PlanWithoutRisks);

        var run = await workspace.RunAsync("check");

        run.Lines.Should().HaveCount(4, run.ToString());
        run.Lines[0].Should().Be("a-future.json:2:17: error GOV004: Unknown apiVersion 'governance/v2'; expected 'governance/v1' [proj-future]");
        run.Lines[1].Should().StartWith("b-plan.yaml:10:16: warning GOV002: ").And.EndWith(" [plan-typo]");
        run.Lines[2].Should().Be("c-plan.yaml:7:3: error GOV401: Plan's risk register holds 0 risk(s); at least 1 expected [plan-billing]");
        run.Lines[3].Should().Be("2 errors, 1 warning, 0 infos in 3 files, 2 artifacts");
    }

    [Test]
    public async Task A_malformed_file_is_GOV001_without_artifact_id_and_the_other_files_are_still_analysed()
    {
        workspace
            .Write("broken.yaml", Documents.Malformed)
            .Write("plan.yaml", Documents.PlanWithoutRisks);

        var run = await workspace.RunAsync("check", ".");

        run.ExitCode.Should().Be(1, "a malformed artifact is a finding, never an invocation error");
        run.Lines.Should().HaveCount(3, run.ToString());
        run.Lines[0].Should().MatchRegex(@"^broken\.yaml:\d+:\d+: error GOV001: .+[^\]]$", "GOV001 has no artifact id");
        run.Lines[1].Should().StartWith("plan.yaml:7:3: error GOV401: ");
        run.Lines[2].Should().Be("2 errors, 0 warnings, 0 infos in 2 files, 1 artifact");
    }

    [TestCase("error", 1)]
    [TestCase("warning", 1)]
    [TestCase("info", 1)]
    [TestCase("none", 0)]
    public async Task An_error_fails_at_every_level_but_none(string failOn, int expectedExitCode)
    {
        workspace.Write("plan.yaml", Documents.PlanWithoutRisks);

        var run = await workspace.RunAsync("check", "--fail-on", failOn);

        run.ExitCode.Should().Be(expectedExitCode, run.ToString());
    }

    [TestCase("error", 0)]
    [TestCase("warning", 1)]
    [TestCase("info", 1)]
    [TestCase("none", 0)]
    public async Task A_warning_fails_at_warning_and_info(string failOn, int expectedExitCode)
    {
        workspace.Write("plan.yaml", Documents.PlanWithUnknownProperty);

        var run = await workspace.RunAsync("check", "--fail-on", failOn);

        run.Lines[0].Should().Contain(" warning GOV002: ", run.ToString());
        run.ExitCode.Should().Be(expectedExitCode, run.ToString());
    }

    [TestCase("error", 0)]
    [TestCase("warning", 0)]
    [TestCase("info", 1)]
    [TestCase("none", 0)]
    public async Task An_info_fails_only_at_info(string failOn, int expectedExitCode)
    {
        workspace.Write("project.yaml", Documents.Project);

        var run = await workspace.RunAsync(InfoOnEveryProjectRule.Register, "check", "--fail-on", failOn);

        run.Lines[0].Should().Be("project.yaml:1:1: info GOV999: Project 'proj-billing' noted [proj-billing]", run.ToString());
        run.ExitCode.Should().Be(expectedExitCode, run.ToString());
    }

    [TestCase("error")]
    [TestCase("warning")]
    [TestCase("info")]
    [TestCase("none")]
    public async Task No_finding_passes_at_every_level(string failOn)
    {
        workspace.Write("plan.yaml", Documents.PlanWithRisk);

        var run = await workspace.RunAsync("check", "--fail-on", failOn);

        run.ExitCode.Should().Be(0, run.ToString());
    }

    [Test]
    public async Task Fail_on_defaults_to_error()
    {
        workspace.Write("plan.yaml", Documents.PlanWithUnknownProperty);

        var run = await workspace.RunAsync("check");

        run.ExitCode.Should().Be(0, "a warning does not fail the default --fail-on error");
    }

    [TestCase("check", "--bogus")]
    [TestCase("check", "--fail-on", "fatal")]
    [TestCase("check", "--fail-on")]
    [TestCase("check", "--include")]
    [TestCase("check", "--output")]
    [TestCase("check", "--format", "xml")]
    [TestCase("check", "--as-of", "2026-13-01")]
    [TestCase("check", "--as-of", "01/11/2026")]
    [TestCase("check", "--as-of", "tomorrow")]
    [TestCase("frobnicate")]
    [TestCase()]
    public async Task An_invalid_invocation_exits_2_with_a_message_on_stderr(params string[] args)
    {
        workspace.Write("plan.yaml", Documents.PlanWithoutRisks);

        var run = await workspace.RunAsync(args);

        run.ExitCode.Should().Be(2, run.ToString());
        run.StdErr.Should().NotBeEmpty();
        run.StdOut.Should().BeEmpty();
    }

    [Test]
    public async Task An_invalid_as_of_names_the_expected_format()
    {
        var run = await workspace.RunAsync("check", "--as-of", "2026-02-30");

        run.ExitCode.Should().Be(2);
        run.StdErr.Should().Contain("'2026-02-30' is not a valid date for --as-of").And.Contain("YYYY-MM-DD");
    }

    [Test]
    public async Task A_valid_as_of_is_accepted()
    {
        workspace.Write("plan.yaml", Documents.PlanWithRisk);

        var run = await workspace.RunAsync("check", "--as-of", "2026-11-01");

        run.ExitCode.Should().Be(0, run.ToString());
    }

    [Test]
    public async Task A_missing_path_exits_2()
    {
        workspace.Write("plan.yaml", Documents.PlanWithoutRisks);

        var run = await workspace.RunAsync("check", ".", "does-not-exist");

        run.ExitCode.Should().Be(2, run.ToString());
        run.StdErr.Should().Contain("path not found: does-not-exist");
        run.StdOut.Should().BeEmpty();
    }

    [TestCase("markdown")]
    [TestCase("html")]
    [TestCase("json")]
    [TestCase("junit")]
    public async Task Every_format_of_the_spec_writes_a_report_and_keeps_the_exit_code(string format)
    {
        workspace.Write("plan.yaml", Documents.PlanWithoutRisks);

        var run = await workspace.RunAsync("check", "--format", format);

        run.ExitCode.Should().Be(1, run.ToString());
        run.StdOut.Should().Contain("plan-billing");
        run.StdErr.Should().BeEmpty();
    }

    [Test]
    public async Task Output_writes_the_report_to_the_file_and_never_reads_it_back_as_an_artifact()
    {
        // A text report saved as .yaml does not parse as YAML: were it read back, the second run would report GOV001.
        workspace.Write("plan.yaml", Documents.PlanWithoutRisks);

        var first = await workspace.RunAsync("check", "--output", "report.yaml");
        var firstReport = workspace.Read("report.yaml");
        var second = await workspace.RunAsync("check", ".", "-o", "report.yaml");

        first.ExitCode.Should().Be(1, first.ToString());
        first.StdOut.Should().BeEmpty("the report goes to the file");
        first.StdErr.Should().Contain("report.yaml");
        firstReport.Should().Be(
            "plan.yaml:7:3: error GOV401: Plan's risk register holds 0 risk(s); at least 1 expected [plan-billing]\n" +
            "1 error, 0 warnings, 0 infos in 1 file, 1 artifact\n");
        second.ExitCode.Should().Be(1, second.ToString());
        workspace.Read("report.yaml").Should().Be(firstReport);
    }

    [Test]
    public async Task Output_creates_missing_folders()
    {
        workspace.Write("plan.yaml", Documents.PlanWithRisk);

        var run = await workspace.RunAsync("check", "--format", "sarif", "--output", "out/reports/govern.sarif");

        run.ExitCode.Should().Be(0, run.ToString());
        File.Exists(workspace.PathOf("out/reports/govern.sarif")).Should().BeTrue();
    }

    [Test]
    public async Task An_output_that_cannot_be_written_exits_2()
    {
        workspace.Write("plan.yaml", Documents.PlanWithRisk).Write("taken/file.txt", "x");

        var run = await workspace.RunAsync("check", "plan.yaml", "--output", "taken");

        run.ExitCode.Should().Be(2, run.ToString());
        run.StdErr.Should().Contain("cannot write taken");
    }

    [Test]
    public async Task Include_narrows_the_files_relative_to_each_path()
    {
        workspace
            .Write("plans/billing.yaml", Documents.PlanWithoutRisks)
            .Write("plans/search.yaml", Documents.PlanWithRisk)
            .Write("other/future.json", Documents.UnknownApiVersionJson);

        var run = await workspace.RunAsync("check", "--include", "plans/**/*.yaml");

        run.Lines.Should().Equal(
            "plans/billing.yaml:7:3: error GOV401: Plan's risk register holds 0 risk(s); at least 1 expected [plan-billing]",
            "1 error, 0 warnings, 0 infos in 2 files, 2 artifacts");
    }

    [Test]
    public async Task Include_and_exclude_are_repeatable_and_relative_to_the_path_argument()
    {
        workspace
            .Write("repo/plans/billing.yaml", Documents.PlanWithoutRisks)
            .Write("repo/plans/search.yaml", Documents.PlanWithRisk)
            .Write("repo/projects/billing.yaml", Documents.Project)
            .Write("repo/legacy/future.json", Documents.UnknownApiVersionJson);

        var run = await workspace.RunAsync(
            "check", "repo", "--include", "plans/*.yaml", "--include", "legacy/**", "--exclude", "plans/billing.yaml", "--exclude", "**/*.json");

        run.Lines.Should().Equal("0 errors, 0 warnings, 0 infos in 1 file, 1 artifact");
    }

    [Test]
    public async Task Exclude_leaves_out_matching_files()
    {
        workspace
            .Write("plans/billing.yaml", Documents.PlanWithoutRisks)
            .Write("broken.yaml", Documents.Malformed);

        var run = await workspace.RunAsync("check", ".", "--exclude", "broken.yaml");

        run.Lines.Should().HaveCount(2, run.ToString());
        run.Lines[0].Should().StartWith("plans/billing.yaml:7:3: error GOV401");
    }

    [Test]
    public async Task A_file_named_explicitly_is_analysed()
    {
        workspace
            .Write("plans/billing.yaml", Documents.PlanWithoutRisks)
            .Write("plans/other.yaml", Documents.UnknownApiVersionJson);

        var run = await workspace.RunAsync("check", "plans/billing.yaml");

        run.Lines.Should().HaveCount(2, run.ToString());
        run.Lines[^1].Should().Be("1 error, 0 warnings, 0 infos in 1 file, 1 artifact");
    }

    [Test]
    public async Task Timings_go_to_stderr_per_stage_and_per_rule_and_leave_the_report_unchanged()
    {
        workspace.Write("plan.yaml", Documents.PlanWithoutRisks);

        var plain = await workspace.RunAsync("check");
        var timed = await workspace.RunAsync("check", "--timings");

        timed.StdOut.Should().Be(plain.StdOut);
        timed.StdErr.Should().Contain("Timings per stage:").And.Contain("load").And.Contain("rules").And.Contain("total")
            .And.Contain("Timings per rule").And.Contain("GOV401");
        timed.StdErr.Should().MatchRegex(@"\(the process so far: \d+ methods JIT-compiled in \d+ ms, summed over threads; \d+ garbage collections, paused \d+ ms\)");
    }

    [Test]
    public async Task A_cancelled_run_exits_130_without_a_report()
    {
        workspace.Write("plan.yaml", Documents.PlanWithoutRisks);
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        var run = await workspace.RunAsync(null, cancellation.Token, "check");

        run.ExitCode.Should().Be(130, run.ToString());
        run.StdOut.Should().BeEmpty();
        run.StdErr.Should().Contain("cancelled");
    }

    [Test]
    public async Task Help_exits_0()
    {
        var run = await workspace.RunAsync("check", "--help");

        run.ExitCode.Should().Be(0, run.ToString());
        run.StdOut.Should().Contain("--fail-on").And.Contain("--format").And.Contain("--as-of");
    }
}
