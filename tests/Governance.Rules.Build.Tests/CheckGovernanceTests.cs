using System.Text.Json;
using Governance.Rules.Build.Tests.Testing;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Governance.Rules.Build.Tests;

/// <summary>The two tasks in process, over a copy of the sample's governance folder (as of 2026-11-20 by its governance.yaml).</summary>
[TestFixture]
public sealed class CheckGovernanceTests
{
    private TempFolder folder = null!;
    private string governance = null!;
    private string plan = null!;

    [SetUp]
    public void SetUp()
    {
        folder = new TempFolder();
        governance = Path.Combine(folder.Path, "governance");
        Repository.Copy(Path.Combine(Repository.Sample, "Billing.Export", "governance"), governance);
        plan = Path.Combine(governance, "plan.yaml");
    }

    [TearDown]
    public void TearDown() => folder.Dispose();

    private string Cache => Path.Combine(folder.Path, "obj", "findings.json");

    private (bool Checked, bool Reported, RecordingBuildEngine Engine) Run(Action<CheckGovernance>? configure = null, Action<ReportGovernanceFindings>? report = null)
    {
        var engine = new RecordingBuildEngine(Path.Combine(folder.Path, "Billing.Export.csproj"));
        var check = new CheckGovernance
        {
            BuildEngine = engine,
            Files = [.. Directory.EnumerateFiles(governance, "*.*", SearchOption.AllDirectories).Select(f => new TaskItem(f))],
            ProjectDirectory = folder.Path,
            FindingsCache = Cache,
            ConfigFile = Path.Combine(governance, "governance.yaml"),
        };
        configure?.Invoke(check);
        var checkedOk = check.Execute();
        var reporter = new ReportGovernanceFindings { BuildEngine = engine, FindingsCache = Cache };
        report?.Invoke(reporter);
        return (checkedOk, reporter.Execute(), engine);
    }

    private static ITaskItem[] Items(params string[] paths) => [.. paths.Select(p => (ITaskItem)new TaskItem(p))];

    [Test]
    public void Findings_are_warnings_with_full_path_line_column_code_help_link_and_artifact()
    {
        var (checkedOk, reported, engine) = Run();

        checkedOk.Should().BeTrue();
        reported.Should().BeTrue();
        engine.Errors.Should().BeEmpty();
        engine.Warnings.Select(w => w.Code).Should().BeEquivalentTo(["GOV404", "GOV408", "GOV414", "GOV501"]);
        var risk = engine.Warnings.Single(w => w.Code == "GOV404");
        risk.File.Should().Be(plan);
        (risk.LineNumber, risk.ColumnNumber).Should().Be((42, 7));
        risk.HelpLink.Should().EndWith("rules/GOV404.md");
        risk.Message.Should().StartWith("Risk 'rk-ledger-api'").And.EndWith("[plan-billing-export]");
        risk.Subcategory.Should().BeNull("the canonical form is 'file(line,col): warning GOV404: message'");
    }

    [Test]
    public void GovernanceAsOf_drives_the_clock_rules_and_governance_yaml_sets_the_severity()
    {
        var (checkedOk, reported, engine) = Run(c => c.AsOf = "2027-01-15");

        checkedOk.Should().BeTrue();
        reported.Should().BeFalse("an error fails the build");
        var review = engine.Errors.Should().ContainSingle().Which;
        review.Code.Should().Be("GOV405", "governance.yaml sets GOV405: error");
        (review.File, review.LineNumber, review.ColumnNumber).Should().Be((plan, 54, 19));
    }

    [Test]
    public void Editorconfig_severities_win_over_governance_yaml_nearest_first_with_none_and_suggestion()
    {
        folder.Write(".editorconfig", """
            root = true
            [*.yaml]
            dotnet_diagnostic.GOV405.severity = warning
            dotnet_diagnostic.GOV404.severity = error
            """);
        folder.Write("governance/.editorconfig", """
            [*.yaml]
            dotnet_diagnostic.GOV404.severity = none
            dotnet_diagnostic.GOV414.severity = suggestion
            dotnet_diagnostic.OTHER1.severity = error
            """);

        var (_, reported, engine) = Run(c =>
        {
            c.AsOf = "2027-01-15";
            c.EditorConfigFiles = Items(Path.Combine(folder.Path, ".editorconfig"), Path.Combine(governance, ".editorconfig"));
        });

        reported.Should().BeTrue("GOV405 is only a warning now");
        engine.Errors.Should().BeEmpty();
        engine.Warnings.Select(w => w.Code).Should().BeEquivalentTo(["GOV405", "GOV408", "GOV501"]);
        var suggestion = engine.CodedMessages.Should().ContainSingle().Which;
        (suggestion.Code, suggestion.File, suggestion.LineNumber, suggestion.Importance).Should().Be(("GOV414", plan, 63, MessageImportance.Normal));
    }

    [Test]
    public void A_global_config_sets_severities_below_editorconfig_and_can_enable_a_rule_governance_yaml_disables()
    {
        folder.Write("governance/governance.yaml", """
            apiVersion: governance/v1
            kind: GovernanceConfig
            asOf: 2026-11-20
            rules:
              GOV408: none
            """);
        var global = folder.Write(".globalconfig", "dotnet_diagnostic.GOV408.severity = error\ndotnet_diagnostic.GOV404.severity = error\n");
        var editor = folder.Write(".editorconfig", "[*.yaml]\ndotnet_diagnostic.GOV404.severity = suggestion\n");

        var (_, _, engine) = Run(c =>
        {
            c.GlobalConfigFiles = Items(global);
            c.EditorConfigFiles = Items(editor);
        });

        engine.Errors.Select(e => e.Code).Should().Equal("GOV408");
        engine.CodedMessages.Select(m => m.Code).Should().Equal("GOV404");
    }

    [Test]
    public void Files_that_are_not_governance_artifacts_are_skipped()
    {
        folder.Write("governance/ci/workflow.yaml", "name: build\non: [push]\njobs: {}\n");
        folder.Write("governance/appsettings.json", """{ "Logging": { "LogLevel": "Information" } }""");

        var (_, _, engine) = Run();

        engine.Warnings.Should().HaveCount(4);
        engine.Errors.Should().BeEmpty();
    }

    [Test]
    public void A_malformed_artifact_is_an_error_at_its_line()
    {
        var broken = folder.Write("governance/broken.yaml", "apiVersion: governance/v1\nkind: Project\nmetadata: [unclosed\n");

        var (_, reported, engine) = Run();

        reported.Should().BeFalse();
        var error = engine.Errors.Should().ContainSingle().Which;
        (error.Code, error.File).Should().Be(("GOV001", broken));
        error.LineNumber.Should().BeGreaterThan(0);
    }

    [Test]
    public void The_sarif_log_is_written_with_every_active_finding()
    {
        var sarif = Path.Combine(folder.Path, "out", "governance.sarif");

        var (checkedOk, _, _) = Run(c => c.SarifLog = sarif);

        checkedOk.Should().BeTrue();
        using var log = JsonDocument.Parse(File.ReadAllText(sarif));
        var results = log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        results.Select(r => r.GetProperty("ruleId").GetString()).Should().BeEquivalentTo(["GOV404", "GOV408", "GOV414", "GOV501"]);
        results[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()
            .Should().StartWith("governance/", "SARIF paths are relative to the project folder");
    }

    [Test]
    public void A_sarif_log_that_cannot_be_written_is_a_build_error()
    {
        var (checkedOk, _, engine) = Run(c => c.SarifLog = Path.Combine(plan, "governance.sarif"));

        checkedOk.Should().BeFalse();
        var error = engine.Errors.Should().ContainSingle().Which;
        error.Code.Should().Be("GOVB004");
        error.Message.Should().Contain("GovernanceSarifLog");
    }

    [TestCase("2026-13-01")]
    [TestCase("next tuesday")]
    public void An_invalid_GovernanceAsOf_is_a_build_error_not_a_crash(string asOf)
    {
        var (checkedOk, _, engine) = Run(c => c.AsOf = asOf);

        checkedOk.Should().BeFalse();
        var error = engine.Errors.Should().ContainSingle().Which;
        error.Code.Should().Be("GOVB001");
        error.Message.Should().Contain("GovernanceAsOf").And.Contain("YYYY-MM-DD");
        File.Exists(Cache).Should().BeFalse("no findings are stored for a failed check");
    }

    [Test]
    public void A_missing_configuration_file_is_a_build_error()
    {
        var (checkedOk, _, engine) = Run(c => c.ConfigFile = Path.Combine(folder.Path, "nope", "governance.yaml"));

        checkedOk.Should().BeFalse();
        engine.Errors.Should().ContainSingle().Which.Message.Should().Contain("GovernanceConfig").And.Contain("does not exist");
    }

    [Test]
    public void An_invalid_configuration_is_a_build_error_at_its_file_and_line()
    {
        var config = folder.Write("governance/governance.yaml", """
            apiVersion: governance/v1
            kind: GovernanceConfig
            rules:
              GOV999: error
            """);

        var (checkedOk, _, engine) = Run();

        checkedOk.Should().BeFalse();
        var error = engine.Errors.Should().ContainSingle().Which;
        (error.Code, error.File, error.LineNumber).Should().Be(("GOVB002", config, 4));
        error.Message.Should().Contain("GOV999");
    }

    [Test]
    public void A_bad_editorconfig_value_or_an_engine_diagnostic_turned_off_is_a_warning_at_its_line_and_ignored()
    {
        var editor = folder.Write(".editorconfig", "[*.yaml]\ndotnet_diagnostic.GOV404.severity = loud\ndotnet_diagnostic.GOV001.severity = none\n");

        var (_, _, engine) = Run(c => c.EditorConfigFiles = Items(editor));

        var problems = engine.Warnings.Where(w => w.Code == "GOVB003").ToList();
        problems.Select(p => (p.File, p.LineNumber)).Should().Equal((editor, 2), (editor, 3));
        problems[1].Message.Should().Contain("engine diagnostic");
        engine.Warnings.Should().Contain(w => w.Code == "GOV404", "the bad value is ignored");

        // Stored with the findings: a build that skips the check shows them again.
        var replay = new RecordingBuildEngine(engine.ProjectFileOfTaskNode);
        new ReportGovernanceFindings { BuildEngine = replay, FindingsCache = Cache }.Execute().Should().BeTrue();
        replay.Warnings.Where(w => w.Code == "GOVB003").Should().HaveCount(2);
    }

    [Test]
    public void No_governance_files_store_no_findings_and_still_write_the_sarif_log()
    {
        var sarif = Path.Combine(folder.Path, "empty.sarif");

        var (checkedOk, _, engine) = Run(c =>
        {
            c.Files = [];
            c.SarifLog = sarif;
        });

        checkedOk.Should().BeTrue();
        engine.Warnings.Should().BeEmpty();
        File.Exists(sarif).Should().BeTrue();
        File.ReadAllText(Cache).Should().Contain("\"findings\": []");
    }
}
