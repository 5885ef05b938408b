using Governance.Rules.Build.EditorConfig;

namespace Governance.Rules.Build.Tests;

[TestFixture]
public sealed class AnalyzerConfigSetTests
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "gov-editorconfig");
    private static readonly string Plan = Path.Combine(Root, "repo", "src", "Billing", "governance", "plan.yaml");

    private static AnalyzerConfigFile Config(string folder, string text, string name = ".editorconfig") =>
        AnalyzerConfigFile.Parse(Path.Combine(Root, folder, name), text);

    private static string? SeverityOf(AnalyzerConfigSet set, string rule) =>
        set.SeveritiesFor(Plan).TryGetValue(rule, out var setting) ? setting.Value : null;

    [Test]
    public void The_nearest_editorconfig_wins_and_root_true_stops_the_walk()
    {
        var above = Config("", "[*.yaml]\ndotnet_diagnostic.GOV401.severity = error\ndotnet_diagnostic.GOV402.severity = error\n");
        var repo = Config("repo", "root = true\n[*.yaml]\ndotnet_diagnostic.GOV401.severity = warning\n");
        var project = Config("repo/src/Billing", "[governance/*.yaml]\ndotnet_diagnostic.GOV401.severity = suggestion\n");

        var set = new AnalyzerConfigSet([above, repo, project]);

        SeverityOf(set, "GOV401").Should().Be("suggestion");
        SeverityOf(set, "GOV402").Should().BeNull("the repository's .editorconfig says root = true");
    }

    [Test]
    public void Within_a_file_the_last_matching_section_wins_and_keys_are_case_insensitive()
    {
        var config = Config("repo", """
            # comment
            [*.yaml]
            DOTNET_DIAGNOSTIC.gov401.SEVERITY = error ; trailing comment
            [**/governance/**]
            dotnet_diagnostic.GOV401.severity = none
            [*.json]
            dotnet_diagnostic.GOV401.severity = warning
            """);

        var setting = new AnalyzerConfigSet([config]).SeveritiesFor(Plan)["GOV401"];

        setting.Value.Should().Be("none");
        setting.Line.Should().Be(5);
        setting.File.Should().Be(config.Path);
    }

    [Test]
    public void A_global_config_applies_everywhere_and_an_editorconfig_wins_over_it()
    {
        var global = Config("elsewhere", "is_global = true\ndotnet_diagnostic.GOV401.severity = error\ndotnet_diagnostic.GOV402.severity = error\n", "shared.globalconfig");
        var editor = Config("repo", "[*.yaml]\ndotnet_diagnostic.GOV402.severity = warning\n");

        var set = new AnalyzerConfigSet([global, editor]);

        global.IsGlobal.Should().BeTrue();
        SeverityOf(set, "GOV401").Should().Be("error");
        SeverityOf(set, "GOV402").Should().Be("warning");
    }

    [Test]
    public void Global_configs_at_the_same_level_that_disagree_cancel_out_with_a_problem_and_a_higher_level_wins()
    {
        var a = Config("a", "dotnet_diagnostic.GOV401.severity = error\ndotnet_diagnostic.GOV402.severity = error\n", ".globalconfig");
        var b = Config("b", "dotnet_diagnostic.GOV401.severity = warning\n", ".globalconfig");
        var c = Config("c", "is_global = true\nglobal_level = 200\ndotnet_diagnostic.GOV402.severity = suggestion\n", "team.editorconfig");

        var set = new AnalyzerConfigSet([a, b, c]);

        SeverityOf(set, "GOV401").Should().BeNull();
        SeverityOf(set, "GOV402").Should().Be("suggestion");
        set.Problems.Should().ContainSingle().Which.Message.Should().Contain("GOV401").And.Contain("global_level 100");
    }

    [Test]
    public void Lines_that_are_not_sections_pairs_or_comments_are_problems_with_their_line()
    {
        var config = Config("repo", "root = true\nthis is not a pair\n[*.yaml]\ndotnet_diagnostic.GOV401.severity = error\n[\n");

        var set = new AnalyzerConfigSet([config]);

        set.Problems.Select(p => p.Line).Should().Equal(2, 5);
        SeverityOf(set, "GOV401").Should().Be("error");
    }

    [Test]
    public void An_editorconfig_in_another_folder_does_not_apply()
    {
        var sibling = Config("repo/src/Other", "[*.yaml]\ndotnet_diagnostic.GOV401.severity = error\n");

        new AnalyzerConfigSet([sibling]).SeveritiesFor(Plan).Should().BeEmpty();
    }
}
