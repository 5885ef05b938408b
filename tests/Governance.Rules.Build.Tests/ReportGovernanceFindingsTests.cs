using Governance.Rules.Build.Tests.Testing;

namespace Governance.Rules.Build.Tests;

/// <summary>How stored findings are logged: NoWarn and the warnings-as-errors switches, as for compiler diagnostics.</summary>
[TestFixture]
public sealed class ReportGovernanceFindingsTests
{
    private static readonly HashSet<string> None = new(StringComparer.OrdinalIgnoreCase);

    private static BuildFinding Finding(string code, string level, bool engine = false) =>
        new(code, level, "message", "/repo/governance/plan.yaml", 3, 5, $"https://example.test/{code}.md", engine);

    private static HashSet<string> Set(params string[] codes) => new(codes, StringComparer.OrdinalIgnoreCase);

    [TestCase("warning", false, "Warning")]
    [TestCase("error", false, "Error")]
    [TestCase("info", false, "Message")]
    [TestCase("warning", true, "Error")]
    [TestCase("info", true, "Message", Description = "suggestions are not warnings: TreatWarningsAsErrors leaves them")]
    public void TreatWarningsAsErrors_promotes_warnings_only(string level, bool treatWarningsAsErrors, string expected) =>
        BuildLevels.Effective(Finding("GOV404", level), None, treatWarningsAsErrors, None, None).ToString().Should().Be(expected);

    [Test]
    public void WarningsNotAsErrors_keeps_a_warning_under_TreatWarningsAsErrors() =>
        BuildLevels.Effective(Finding("GOV404", "warning"), None, true, None, Set("gov404")).Should().Be(BuildLevel.Warning);

    [Test]
    public void WarningsAsErrors_promotes_the_listed_codes()
    {
        BuildLevels.Effective(Finding("GOV404", "warning"), None, false, Set("GOV404"), None).Should().Be(BuildLevel.Error);
        BuildLevels.Effective(Finding("GOV408", "warning"), None, false, Set("GOV404"), None).Should().Be(BuildLevel.Warning);
    }

    [TestCase("GOV404", "warning", false, "None")]
    [TestCase("GOV404", "error", false, "None", Description = "a rule is like an analyzer: NoWarn silences it at any severity")]
    [TestCase("GOV404", "info", false, "None")]
    [TestCase("GOV001", "warning", true, "None")]
    [TestCase("GOV001", "error", true, "Error", Description = "engine errors are like compiler errors: NoWarn cannot silence them")]
    public void NoWarn_silences_findings_but_not_engine_errors(string code, string level, bool engine, string expected) =>
        BuildLevels.Effective(Finding(code, level, engine), Set(code), true, None, None).ToString().Should().Be(expected);

    [Test]
    public void The_task_parses_the_msbuild_lists_and_logs_with_help_links()
    {
        using var folder = new TempFolder();
        var cache = Path.Combine(folder.Path, "findings.json");
        FindingsCache.Write(cache, [Finding("GOV404", "warning"), Finding("GOV408", "warning"), Finding("GOV414", "warning"), Finding("GOV501", "info")]);
        var engine = new RecordingBuildEngine("/repo/Billing.csproj");

        var ok = new ReportGovernanceFindings
        {
            BuildEngine = engine,
            FindingsCache = cache,
            NoWarn = "1701;1702;GOV404",
            WarningsAsErrors = "nullable, GOV408",
        }.Execute();

        ok.Should().BeFalse();
        engine.Errors.Select(e => (e.Code, e.HelpLink, e.File, e.LineNumber, e.ColumnNumber))
            .Should().Equal(("GOV408", "https://example.test/GOV408.md", "/repo/governance/plan.yaml", 3, 5));
        engine.Warnings.Select(w => w.Code).Should().Equal("GOV414");
        engine.CodedMessages.Select(m => m.Code).Should().Equal("GOV501");
    }

    [Test]
    public void A_message_with_braces_is_logged_verbatim()
    {
        using var folder = new TempFolder();
        var cache = Path.Combine(folder.Path, "findings.json");
        FindingsCache.Write(cache, [Finding("GOV404", "warning") with { Message = "Risk '{0}' {oops}" }]);
        var engine = new RecordingBuildEngine("/repo/Billing.csproj");

        new ReportGovernanceFindings { BuildEngine = engine, FindingsCache = cache }.Execute().Should().BeTrue();

        engine.Warnings.Single().Message.Should().Be("Risk '{0}' {oops}");
    }

    [Test]
    public void An_unreadable_cache_is_a_warning_and_is_deleted_so_the_next_build_checks_again()
    {
        using var folder = new TempFolder();
        var cache = folder.Write("findings.json", "{ not json");
        var engine = new RecordingBuildEngine("/repo/Billing.csproj");

        new ReportGovernanceFindings { BuildEngine = engine, FindingsCache = cache }.Execute().Should().BeTrue();

        engine.Warnings.Should().ContainSingle().Which.Code.Should().Be("GOVB005");
        File.Exists(cache).Should().BeFalse();
    }

    [Test]
    public void No_cache_logs_nothing()
    {
        var engine = new RecordingBuildEngine("/repo/Billing.csproj");

        new ReportGovernanceFindings { BuildEngine = engine, FindingsCache = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.json") }.Execute().Should().BeTrue();

        engine.Warnings.Should().BeEmpty();
        engine.Errors.Should().BeEmpty();
    }
}
