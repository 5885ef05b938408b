using Governance.Rules.Configuration;
using Governance.Rules.Engine;
using Governance.Rules.Rules;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Configuration;

[TestFixture]
[Category("Configuration")]
public sealed class ConfigurationLoaderTests
{
    private string folder = null!;

    [SetUp]
    public void CreateFolder()
    {
        folder = Path.Combine(Path.GetTempPath(), "govern-config-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    private GovernanceConfiguration Load(string yaml)
    {
        File.WriteAllText(Path.Combine(folder, "governance.yaml"), yaml);
        return GovernanceConfigurationLoader.Load(Path.Combine(folder, "governance.yaml"), BuiltInRules.Create(), folder);
    }

    private IReadOnlyList<string> Problems(string yaml)
    {
        var act = () => Load(yaml);
        return [.. act.Should().Throw<GovernanceConfigurationException>().Which.Problems.Select(p => p.ToString())];
    }

    [Test]
    public void The_spec_example_loads()
    {
        var configuration = Load("""
            apiVersion: governance/v1
            kind: GovernanceConfig
            asOf: 2026-11-01
            timeZone: Europe/Berlin
            failOn: error
            rules:
              GOV201: none
              GOV401: { severity: warning, options: { minRisks: 2 } }
              GOV002: info
            overrides:
              - files: ["projects/legacy-*/**"]
                rules: { GOV401: error }
            exemptions:
              - rule: GOV401
                artifact: plan-billing
                pointer: /spec
                justification: Waived by the steering committee, decision D-17
                owner: p-dana
                expires: 2027-01-31
            baseline: governance.baseline.json
            """);

        configuration.AsOf.Should().Be(new DateOnly(2026, 11, 1));
        configuration.TimeZone!.Id.Should().Be("Europe/Berlin");
        configuration.FailOn.Should().Be(ConfiguredSeverity.Error);
        configuration.Rules["GOV201"].Enabled.Should().BeFalse();
        configuration.Rules["GOV401"].Severity.Should().Be(Severity.Warning);
        configuration.Rules["GOV401"].Options!.Value.GetProperty("minRisks").GetInt32().Should().Be(2);
        configuration.Overrides.Should().ContainSingle().Which.Rules["GOV401"].Severity.Should().Be(Severity.Error);
        configuration.Exemptions.Should().ContainSingle().Which.Location.Should().Be(new ConfigurationLocation("governance.yaml", "/exemptions/0", 14, 5));
        configuration.BaselineFile.Should().Be(Path.Combine(folder, "governance.baseline.json"));
    }

    [Test]
    public void Unknown_keys_rules_and_options_are_errors_with_line_and_a_suggestion()
    {
        var problems = Problems("""
            apiVersion: governance/v1
            kind: GovernanceConfig
            rulez: {}
            rules:
              GOV40: warning
              GOV401: { severity: warn, options: { minRisk: 2 } }
              GOV201: { options: { errorHorizons: sometimes } }
            """);

        problems.Should().Equal(
            "governance.yaml:3:8: Unknown key 'rulez' (did you mean 'rules'?)",
            "governance.yaml:5:10: Unknown rule 'GOV40' (did you mean 'GOV401'?)",
            "governance.yaml:6:23: 'warn' is not a severity; use error, warning, info or none (did you mean 'warning'?)",
            "governance.yaml:6:49: Unknown option 'minRisk' of GOV401 (did you mean 'minRisks'?)",
            "governance.yaml:7:39: Option 'errorHorizons' of GOV201 must be a list of values among now, next, later, not 'sometimes'");
    }

    [Test]
    public void Wrong_value_types_are_errors()
    {
        var problems = Problems("""
            asOf: yesterday
            timeZone: Mars/Olympus
            failOn: sometimes
            rules:
              GOV401: { enabled: maybe, options: { minRisks: many } }
            overrides:
              - files: ["/etc/**"]
            exemptions:
              - rule: GOV401
                pointer: spec
            """);

        problems.Should().HaveCount(8);
        problems.Should().Contain(p => p.StartsWith("governance.yaml:1:7: 'asOf' must be a date", StringComparison.Ordinal));
        problems.Should().Contain(p => p.Contains("Unknown time zone 'Mars/Olympus'", StringComparison.Ordinal));
        problems.Should().Contain(p => p.Contains("Option 'minRisks' of GOV401 must be a whole number, not 'many'", StringComparison.Ordinal));
        problems.Should().Contain(p => p.Contains("Invalid glob '/etc/**'", StringComparison.Ordinal));
        problems.Should().Contain(p => p.Contains("An exemption needs an artifact id", StringComparison.Ordinal));
    }

    [Test]
    public void Engine_diagnostics_cannot_be_switched_off()
    {
        Problems("rules:\n  GOV002: none\n").Should().ContainSingle()
            .Which.Should().Be("governance.yaml:2:11: GOV002 is an engine diagnostic: its severity can be error, warning or info, never none");
    }

    [Test]
    public void A_syntax_error_names_the_file_and_line() =>
        Problems("rules: {GOV401: [\n").Should().ContainSingle().Which.Should().StartWith("governance.yaml:");

    [Test]
    public void It_is_found_in_the_first_path_or_above_it()
    {
        File.WriteAllText(Path.Combine(folder, "governance.yaml"), "rules: {}\n");
        var nested = Directory.CreateDirectory(Path.Combine(folder, "projects", "alpha")).FullName;

        GovernanceConfigurationLoader.Find("projects/alpha", folder).Should().Be(Path.Combine(folder, "governance.yaml"));
        GovernanceConfigurationLoader.Find(Path.Combine(nested, "plan.yaml"), folder).Should().Be(Path.Combine(folder, "governance.yaml"));
    }

    [Test]
    public void An_in_memory_configuration_behaves_like_the_file()
    {
        var document = new GovernanceConfigDocument
        {
            Rules = new Dictionary<string, RuleConfiguration>
            {
                ["GOV401"] = new() { Severity = ConfiguredSeverity.Info, Options = new Dictionary<string, object?> { ["minRisks"] = 2 } },
            },
        };

        var configuration = GovernanceConfigurationLoader.FromDocument(document, BuiltInRules.Create(), folder);
        var result = RuleHarness.Analyze("apiVersion: governance/v1\nkind: ProjectPlan\nmetadata: {id: p}\nspec: {riskRegister: [{id: r}]}\n", rules: configuration.Rules);

        result.Findings.Where(f => f.RuleId == "GOV401").Should().ContainSingle().Which.Should().BeEquivalentTo(new { RuleId = "GOV401", Severity = Severity.Info, Pointer = "/spec/riskRegister" });
        var bad = () => GovernanceConfigurationLoader.FromDocument(document with { Rules = new Dictionary<string, RuleConfiguration> { ["GOV777"] = new() } }, BuiltInRules.Create());
        bad.Should().Throw<GovernanceConfigurationException>().WithMessage("*Unknown rule 'GOV777'*");
    }

    [Test]
    public void Overrides_apply_by_path_relative_to_the_configuration_and_later_entries_win()
    {
        Directory.CreateDirectory(Path.Combine(folder, "projects", "legacy-x"));
        Directory.CreateDirectory(Path.Combine(folder, "projects", "new"));
        const string plan = "apiVersion: governance/v1\nkind: ProjectPlan\nmetadata: {id: ID}\nspec: {}\n";
        File.WriteAllText(Path.Combine(folder, "projects", "legacy-x", "plan.yaml"), plan.Replace("ID", "legacy", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(folder, "projects", "new", "plan.yaml"), plan.Replace("ID", "new", StringComparison.Ordinal));
        var configuration = Load("""
            rules: {GOV401: info}
            overrides:
              - files: ["projects/**"]
                rules: {GOV401: warning}
              - files: ["projects/legacy-*/**"]
                rules: {GOV401: none}
              - files: ["matches/nothing/**"]
                rules: {GOV401: error}
            """);
        var engine = new GovernanceEngine(BuiltInRules.Create(), new Governance.Rules.Loading.ArtifactLoader(), TimeProvider.System);

        var result = engine.AnalyzePaths(["projects"], configuration.ApplyTo(new AnalysisOptions
        {
            AsOf = RuleHarness.DefaultToday,
            Load = new Governance.Rules.Loading.LoadOptions { WorkingDirectory = folder },
        }));

        result.Findings.Where(f => f.RuleId == "GOV401").Should().ContainSingle().Which.Should().BeEquivalentTo(new { ArtifactId = "new", Severity = Severity.Warning });
    }
}
