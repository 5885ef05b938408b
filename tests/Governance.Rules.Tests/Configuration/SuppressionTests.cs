using Governance.Rules.Engine;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Configuration;

[TestFixture]
[Category("GOV005")]
[Category("GOV006")]
public sealed class SuppressionTests
{
    private static string Plan(string suppressions, string spec = "spec: {projectId: p}") => $"""
        apiVersion: governance/v1
        kind: ProjectPlan
        metadata:
          id: plan-a
          suppressions:
        {suppressions}
        {spec}
        """;

    private static AnalysisResult Analyze(string content, DateOnly? today = null, IReadOnlyDictionary<string, RuleSettings>? rules = null)
    {
        var settings = RuleHarness.Only("GOV401");
        foreach (var (id, value) in rules ?? new Dictionary<string, RuleSettings>()) settings[id] = value;
        return RuleHarness.Analyze(content, today: today, rules: settings);
    }

    [Test]
    public void A_justified_suppression_sets_the_finding_aside_as_in_source()
    {
        var result = Analyze(Plan("    - {rule: GOV401, justification: Tracked in the programme register}"));

        var finding = result.Findings.Should().ContainSingle().Subject;
        finding.RuleId.Should().Be("GOV401");
        finding.Suppression.Should().Be(new FindingSuppression(SuppressionKind.InSource, "Tracked in the programme register"));
        finding.IsActive.Should().BeFalse();
        result.HasFindingsAtOrAbove(Severity.Info).Should().BeFalse();
        result.Summary.Suppressed.Should().Be(1);
    }

    [Test]
    public void A_suppression_pointer_covers_findings_at_or_below_it_only()
    {
        var below = Analyze(Plan("    - {rule: GOV401, pointer: /spec, justification: ok}"));
        below.Findings.Should().ContainSingle().Which.Suppression.Should().NotBeNull();

        var elsewhere = Analyze(Plan("    - {rule: GOV401, pointer: /spec/riskRegister, justification: ok}"));
        elsewhere.Findings.Where(f => f.RuleId == "GOV401").Should().ContainSingle().Which.Suppression.Should().BeNull();
        elsewhere.Findings.Should().ContainSingle(f => f.RuleId == "GOV006")
            .Which.Should().BeEquivalentTo(new { Pointer = "/metadata/suppressions/0", Line = 6, Column = 7, Severity = Severity.Info, ArtifactId = "plan-a" });

        var prefixOnly = Analyze(Plan("    - {rule: GOV401, pointer: /sp, justification: ok}"));
        prefixOnly.Findings.Where(f => f.RuleId == "GOV401").Should().ContainSingle().Which.Suppression.Should().BeNull();
    }

    [Test]
    public void A_suppression_without_justification_suppresses_nothing_and_raises_GOV005()
    {
        var result = Analyze(Plan("    - {rule: GOV401}\n    - {rule: GOV401, justification: \"  \"}"));

        result.Findings.Where(f => f.RuleId == "GOV401").Should().ContainSingle().Which.Suppression.Should().BeNull();
        var invalid = result.Findings.Where(f => f.RuleId == "GOV005").ToList();
        invalid.Select(f => f.Pointer).Should().Equal("/metadata/suppressions/0", "/metadata/suppressions/1");
        invalid.Should().OnlyContain(f => f.Severity == Severity.Warning && f.Message.Contains("no justification", StringComparison.Ordinal));
        result.Findings.Should().NotContain(f => f.RuleId == "GOV006");
    }

    [TestCase("2026-11-01", false)]
    [TestCase("2026-11-02", false)]
    [TestCase("2026-10-31", true)]
    public void A_suppression_still_works_on_its_expiry_day_and_stops_the_day_after(string expires, bool expired)
    {
        var result = Analyze(Plan($"    - {{rule: GOV401, justification: ok, expires: {expires}}}"), today: new DateOnly(2026, 11, 1));

        result.Findings.Single(f => f.RuleId == "GOV401").Suppression.Should().Match<FindingSuppression?>(s => (s == null) == expired);
        result.Findings.Any(f => f.RuleId == "GOV005" && f.Message.Contains("expired on " + expires, StringComparison.Ordinal)).Should().Be(expired);
    }

    [Test]
    public void Engine_diagnostics_cannot_be_suppressed()
    {
        var result = Analyze(Plan("    - {rule: GOV002, justification: typo is fine}", "spec: {projectId: p, bogus: 1, riskRegister: [{id: r}]}"));

        result.Findings.Should().ContainSingle(f => f.RuleId == "GOV002").Which.Suppression.Should().BeNull();
        result.Findings.Should().ContainSingle(f => f.RuleId == "GOV006");
    }

    [Test]
    public void GOV006_is_not_raised_when_the_rule_did_not_run()
    {
        var result = Analyze(
            Plan("    - {rule: GOV401, justification: ok}", "spec: {projectId: p, riskRegister: [{id: r}]}"),
            rules: new Dictionary<string, RuleSettings> { ["GOV401"] = new() { Enabled = false } });

        result.Findings.Should().BeEmpty();
    }

    [Test]
    public void GOV005_and_GOV006_severity_can_be_configured()
    {
        var result = Analyze(Plan("    - {rule: GOV401}"), rules: RuleHarness.WithSeverity("GOV005", Severity.Error));

        result.Findings.Should().ContainSingle(f => f.RuleId == "GOV005").Which.Severity.Should().Be(Severity.Error);
    }

    [Test]
    public void Exemptions_set_aside_findings_of_their_artifact_and_report_problems_on_the_configuration()
    {
        var content = Plan("    []");
        var location = new ConfigurationLocation("governance.yaml", "/exemptions/1", 12, 5);
        var engine = new GovernanceEngine(Governance.Rules.Rules.BuiltInRules.Create(), new Governance.Rules.Loading.ArtifactLoader(), TimeProvider.System);
        var loaded = new Governance.Rules.Loading.ArtifactLoader().LoadContent("plan.yaml", System.Text.Encoding.UTF8.GetBytes(content));

        var result = engine.Analyze(loaded, new AnalysisOptions
        {
            AsOf = new DateOnly(2026, 11, 1),
            Rules = RuleHarness.Only("GOV401", "GOV201"),
            Exemptions =
            [
                new ExemptionSettings { Rule = "GOV401", Artifact = "plan-a", Justification = "Decision D-17", Expires = new DateOnly(2026, 11, 1) },
                new ExemptionSettings { Rule = "GOV401", Artifact = "plan-a", Location = location },
                new ExemptionSettings { Rule = "GOV201", Artifact = "plan-a", Justification = "x" },
                new ExemptionSettings { Rule = "GOV401", Artifact = "missing", Justification = "x" },
            ],
        });

        result.Findings.Single(f => f.RuleId == "GOV401").Suppression.Should().Be(new FindingSuppression(SuppressionKind.Exemption, "Decision D-17"));
        result.Findings.Should().ContainSingle(f => f.RuleId == "GOV005")
            .Which.Should().BeEquivalentTo(new { File = "governance.yaml", Pointer = "/exemptions/1", Line = 12, Column = 5, ArtifactId = (string?)null });
        // GOV201 ran but a plan has no roadmap items, so nothing to exempt: GOV006; the missing artifact was not analysed: nothing.
        result.Findings.Where(f => f.RuleId == "GOV006").Should().ContainSingle().Which.Message.Should().Contain("GOV201");
    }
}
