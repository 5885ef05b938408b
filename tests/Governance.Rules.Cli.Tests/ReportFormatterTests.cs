using System.Text.Json;
using Governance.Rules.Cli.Tests.Testing;
using Governance.Rules.Engine;
using Governance.Rules.Reporting;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Rules.Cli.Tests;

/// <summary>The text and SARIF formatters on results built by hand: states the engine does not produce yet (suppressions, baselines) and findings without a location.</summary>
[TestFixture]
[Category("reporting")]
public sealed class ReportFormatterTests
{
    private static readonly RuleDescriptor Gov401 = new(
        "GOV401", "Plan has no risk register", "{0}", RuleCategories.Plan, Severity.Error, "Every plan keeps a risk register.");

    private static Finding Located(string message) => new()
    {
        RuleId = "GOV401",
        Severity = Severity.Error,
        Message = message,
        ArtifactId = "plan-billing",
        File = "plans/billing.yaml",
        Pointer = "/spec",
        Line = 7,
        Column = 3,
    };

    private static readonly Finding PortfolioWide = new()
    {
        RuleId = "GOV009",
        Severity = Severity.Warning,
        Message = "Rule GOV907 failed: InvalidOperationException: boom",
    };

    private static AnalysisResult ResultOf(params Finding[] findings) => new()
    {
        Findings = findings,
        Rules = [.. EngineDiagnostics.All, Gov401],
        Today = new DateOnly(2026, 11, 1),
        FilesAnalyzed = 1,
        Artifacts = [],
    };

    private static IReportFormatter Formatter(string name)
    {
        using var services = new ServiceCollection().AddGovernanceRules().Services.BuildServiceProvider();
        return services.GetServices<IReportFormatter>().Single(f => f.Name == name);
    }

    private static string Write(string format, AnalysisResult result, ReportContext? context = null)
    {
        using var writer = new StringWriter();
        Formatter(format).Write(result, context ?? new ReportContext(), writer);
        return writer.ToString();
    }

    [Test]
    public void AddGovernanceRules_registers_every_formatter_once()
    {
        var services = new ServiceCollection();
        services.AddGovernanceRules();
        services.AddGovernanceRules();
        using var provider = services.BuildServiceProvider();

        provider.GetServices<IReportFormatter>().Select(f => f.Name).Should().BeEquivalentTo(["text", "markdown", "html", "sarif", "json", "junit"]);
    }

    [Test]
    public void Text_marks_suppressed_exempted_and_baselined_findings()
    {
        var result = ResultOf(
            Located("active"),
            Located("inline") with { Suppression = new FindingSuppression(SuppressionKind.InSource, "accepted by the PMO") },
            Located("exempted") with { Suppression = new FindingSuppression(SuppressionKind.Exemption, "decision D-17") },
            Located("old") with { IsBaselined = true });

        var text = Write("text", result);

        text.Should().Be(
            "plans/billing.yaml:7:3: error GOV401: active [plan-billing]\n" +
            "plans/billing.yaml:7:3: error GOV401: inline [plan-billing] (suppressed)\n" +
            "plans/billing.yaml:7:3: error GOV401: exempted [plan-billing] (exempted)\n" +
            "plans/billing.yaml:7:3: error GOV401: old [plan-billing] (baselined)\n" +
            "1 error, 0 warnings, 0 infos in 1 file, 0 artifacts, 2 suppressed, 1 baselined\n");
    }

    [Test]
    public void Text_prints_a_finding_without_location_or_artifact_without_prefix_or_brackets()
    {
        var text = Write("text", ResultOf(PortfolioWide));

        text.Should().StartWith("warning GOV009: Rule GOV907 failed: InvalidOperationException: boom\n");
    }

    [Test]
    public async Task Sarif_marks_inline_suppressions_as_in_source_and_exemptions_as_external_with_their_justification()
    {
        var result = ResultOf(
            Located("inline") with { Suppression = new FindingSuppression(SuppressionKind.InSource, "accepted by the PMO") },
            Located("exempted") with { Suppression = new FindingSuppression(SuppressionKind.Exemption, "decision D-17") });

        var sarif = Write("sarif", result);

        (await SarifSchema.ValidateAsync(sarif)).Should().BeEmpty(sarif);
        var results = Results(sarif);
        results[0].GetProperty("suppressions")[0].GetProperty("kind").GetString().Should().Be("inSource");
        results[0].GetProperty("suppressions")[0].GetProperty("justification").GetString().Should().Be("accepted by the PMO");
        results[1].GetProperty("suppressions")[0].GetProperty("kind").GetString().Should().Be("external");
        results[1].GetProperty("suppressions")[0].GetProperty("justification").GetString().Should().Be("decision D-17");
    }

    [Test]
    public async Task Sarif_marks_baselined_findings_unchanged_and_the_others_new_when_a_baseline_was_used()
    {
        var result = ResultOf(Located("new one"), Located("old one") with { IsBaselined = true });

        var sarif = Write("sarif", result, new ReportContext { BaselineUsed = true });

        (await SarifSchema.ValidateAsync(sarif)).Should().BeEmpty(sarif);
        var results = Results(sarif);
        results[0].GetProperty("baselineState").GetString().Should().Be("new");
        results[1].GetProperty("baselineState").GetString().Should().Be("unchanged");
        results[1].TryGetProperty("suppressions", out _).Should().BeFalse();
    }

    [Test]
    public async Task Sarif_writes_a_finding_without_location_without_locations_and_stays_valid()
    {
        var sarif = Write("sarif", ResultOf(PortfolioWide, Located("located")));

        (await SarifSchema.ValidateAsync(sarif)).Should().BeEmpty(sarif);
        var results = Results(sarif);
        results[0].GetProperty("ruleId").GetString().Should().Be("GOV009");
        results[0].GetProperty("level").GetString().Should().Be("warning");
        results[0].TryGetProperty("locations", out _).Should().BeFalse();
        results[0].TryGetProperty("properties", out _).Should().BeFalse();
    }

    [Test]
    public async Task Sarif_gives_an_in_memory_finding_its_pointer_as_a_logical_location_only()
    {
        var inMemory = Located("in memory") with { File = null, Line = 0, Column = 0 };

        var sarif = Write("sarif", ResultOf(inMemory));

        (await SarifSchema.ValidateAsync(sarif)).Should().BeEmpty(sarif);
        var location = Results(sarif)[0].GetProperty("locations")[0];
        location.TryGetProperty("physicalLocation", out _).Should().BeFalse();
        location.GetProperty("logicalLocations")[0].GetProperty("fullyQualifiedName").GetString().Should().Be("/spec");
    }

    [Test]
    public void Sarif_uses_the_tool_version_of_the_context()
    {
        var sarif = Write("sarif", ResultOf(), new ReportContext { ToolVersion = "9.8.7" });

        using var document = JsonDocument.Parse(sarif);
        document.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("version").GetString().Should().Be("9.8.7");
    }

    private static List<JsonElement> Results(string sarif)
    {
        using var document = JsonDocument.Parse(sarif);
        return [.. document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Select(r => r.Clone())];
    }
}
