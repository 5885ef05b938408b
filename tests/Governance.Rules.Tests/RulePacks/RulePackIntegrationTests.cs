using System.Text;
using Governance.Rules.Configuration;
using Governance.Rules.DependencyInjection;
using Governance.Rules.Engine;
using Governance.Rules.Loading;
using Governance.Rules.Model;
using Governance.Rules.RulePacks;
using Governance.Rules.Rules;
using Governance.Rules.Tests.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Governance.Rules.Tests.RulePacks.PackHarness;

namespace Governance.Rules.Tests.RulePacks;

/// <summary>Pack rules take part in everything C# rules do: configuration, overrides, suppressions, exemptions, failures, DI.</summary>
[TestFixture]
[Category("RulePacks")]
public sealed class RulePackIntegrationTests
{
    private const string EstimateRule = """
        id: PK001
        title: Stories are estimated
        severity: warning
        appliesTo: Backlog
        selector: /spec/items/*
        where: { type: story }
        field: estimate
        conditions: { required: true }
        message: "Story {id} has no estimate"
        """;

    private static readonly string Items = Backlog("""
        - { id: st-1, type: story, title: A, status: ready }
        - { id: st-2, type: story, title: B, status: ready, estimate: 3 }
        """);

    private string folder = null!;

    [SetUp]
    public void CreateFolder()
    {
        folder = Path.Combine(Path.GetTempPath(), "govern-packs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    /// <summary>Runs the pack with the built-in rules under a governance.yaml (built-in rules switched off, then <paramref name="config"/>).</summary>
    private IReadOnlyList<Finding> RunWithConfig(string config, string documents, string file = "backlog.yaml")
    {
        var rules = new List<GovernanceRule>([.. BuiltInRules.Create(), .. RulePackLoader.Parse(Pack(EstimateRule), "pack.yaml")]);
        File.WriteAllText(Path.Combine(folder, "governance.yaml"), "apiVersion: governance/v1\nkind: GovernanceConfig\n" + config);
        var configuration = GovernanceConfigurationLoader.Load(Path.Combine(folder, "governance.yaml"), rules, folder);
        var options = configuration.ApplyTo(new AnalysisOptions { AsOf = RuleHarness.DefaultToday });
        var only = RuleHarness.Only();
        foreach (var (id, settings) in options.Rules) only[id] = settings;
        var engine = new GovernanceEngine(rules, new ArtifactLoader(), TimeProvider.System);
        var path = Path.Combine(folder, file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, documents);
        return engine.AnalyzePaths([path], options with { Rules = only, Load = new LoadOptions { WorkingDirectory = folder } }).Findings;
    }

    [Test]
    public void Governance_yaml_sets_the_severity_of_a_pack_rule()
    {
        RunWithConfig("rules:\n  PK001: error\n", Items).Should().ContainSingle()
            .Which.Should().BeEquivalentTo(new { RuleId = "PK001", Severity = Severity.Error, Pointer = "/spec/items/0", Line = 8, Column = 7 });
    }

    [Test]
    public void Governance_yaml_can_switch_a_pack_rule_off_and_on_again_for_some_files()
    {
        const string config = "rules:\n  PK001: none\noverrides:\n  - files: [\"legacy/**\"]\n    rules: { PK001: info }\n";

        RunWithConfig(config, Items).Should().BeEmpty();
        RunWithConfig(config, Items, "legacy/backlog.yaml").Should().ContainSingle().Which.Severity.Should().Be(Severity.Info);
    }

    [Test]
    public void Governance_yaml_refuses_options_for_a_pack_rule()
    {
        var act = () => RunWithConfig("rules:\n  PK001: { options: { max: 3 } }\n", Items);

        act.Should().Throw<GovernanceConfigurationException>().Which.Problems.Select(p => p.Message)
            .Should().Equal("PK001 has no options, so 'max' is unknown");
    }

    [Test]
    public void An_exemption_sets_a_pack_finding_aside()
    {
        const string config = """
            exemptions:
              - rule: PK001
                artifact: backlog-a
                pointer: /spec/items/0
                justification: Estimated in the tracker
                owner: p-ann
                expires: 2027-01-01
            """;

        RunWithConfig(config, Items).Should().ContainSingle(f => f.RuleId == "PK001")
            .Which.Suppression!.Kind.Should().Be(SuppressionKind.Exemption);
    }

    [Test]
    public void An_inline_suppression_sets_a_pack_finding_aside()
    {
        var documents = Items.Replace("  id: backlog-a\n", "  id: backlog-a\n  suppressions:\n    - { rule: PK001, pointer: /spec/items/0, justification: Spike first }\n");

        var findings = Run(Pack(EstimateRule), documents);

        findings.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            RuleId = "PK001",
            Pointer = "/spec/items/0",
            Suppression = new FindingSuppression(SuppressionKind.InSource, "Spike first"),
        });
    }

    [Test]
    public void A_suppression_of_a_pack_rule_that_matches_nothing_is_reported_unused()
    {
        var documents = Items.Replace("  id: backlog-a\n", "  id: backlog-a\n  suppressions:\n    - { rule: PK001, pointer: /spec/items/1, justification: Not needed }\n");

        Run(Pack(EstimateRule), documents).Select(f => f.RuleId).Should().BeEquivalentTo(["PK001", "GOV006"]);
    }

    [Test]
    public void A_pattern_that_times_out_becomes_GOV009_at_the_value_and_the_rule_goes_on()
    {
        var rule = """
            id: PK001
            title: Titles are simple
            severity: warning
            appliesTo: Backlog
            selector: /spec/items/*
            field: title
            conditions: { required: true, pattern: '^(a+)+$' }
            message: "{id}: {expected}"
            """;
        var hostile = new string('a', 40) + "!";
        var findings = Run(Pack(rule), Backlog($"""
            - {"{"} id: st-1, type: story, status: ready {"}"}
            - {"{"} id: st-2, type: story, status: ready, title: {hostile} {"}"}
            - {"{"} id: st-3, type: story, status: ready, title: {hostile} {"}"}
            """));

        findings.Select(f => (f.RuleId, f.Pointer, f.Severity)).Should().Equal(
            ("PK001", "/spec/items/0", Severity.Warning),
            ("GOV009", "/spec/items/1/title", Severity.Warning));
        findings[1].Message.Should().Be("Rule PK001 failed: its pattern '^(a+)+$' took longer than 100 ms on this value, so the pattern was not checked on this artifact; simplify the pattern");
    }

    [Test]
    public void Clock_conditions_mark_the_rule_as_reading_the_clock()
    {
        var rule = EstimateRule.Replace("field: estimate", "field: updatedOn").Replace("{ required: true }", "{ notBefore: today-90 }");

        RulePackLoader.Parse(Pack(rule), "pack.yaml").Single().Descriptor.UsesClock.Should().BeTrue();
        RulePackLoader.Parse(Pack(rule.Replace("today-90", "2026-01-01")), "pack.yaml").Single().Descriptor.UsesClock.Should().BeFalse();
    }

    [Test]
    public void A_pack_rule_checks_records_built_in_memory_and_reports_pointers()
    {
        var engine = new GovernanceEngine(RulePackLoader.Parse(Pack(EstimateRule), "pack.yaml"), new ArtifactLoader(), TimeProvider.System);
        var backlog = new Backlog
        {
            Kind = "Backlog",
            Metadata = new ArtifactMetadata { Id = "backlog-memory" },
            Spec = new BacklogSpec { ProductId = "p", Items = [new BacklogItem { Id = "st-9", Type = BacklogItemType.Story, Title = "T" }] },
        };

        engine.Analyze([backlog]).Findings.Should().ContainSingle()
            .Which.Should().BeEquivalentTo(new { RuleId = "PK001", ArtifactId = "backlog-memory", Pointer = "/spec/items/0", Message = "Story st-9 has no estimate", Line = 0 });
    }

    [Test]
    public void AddRulePack_registers_the_pack_rules_with_the_engine()
    {
        var path = Path.Combine(folder, "pack.yaml");
        File.WriteAllText(path, Pack(EstimateRule));
        using var provider = new ServiceCollection().AddGovernanceRules().AddRulePack(path)
            .AddRulePackFromText(Pack(EstimateRule.Replace("PK001", "PK002")), "embedded.yaml").Services.BuildServiceProvider();

        var engine = provider.GetRequiredService<GovernanceEngine>();

        engine.Catalog.Select(d => d.Id).Should().Contain(["PK001", "PK002", "GOV401"]);
        var loaded = new ArtifactLoader().LoadContent("backlog.yaml", Encoding.UTF8.GetBytes(Items));
        engine.Analyze(loaded, new AnalysisOptions { Rules = RuleHarness.Only() }).Findings.Select(f => f.RuleId).Should().Equal("PK001", "PK002");
    }

    [Test]
    public void AddRulePack_from_a_stream_registers_the_pack_rules()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Pack(EstimateRule)));
        using var provider = new ServiceCollection().AddGovernanceRules().AddRulePack(stream, "embedded.yaml").Services.BuildServiceProvider();

        provider.GetRequiredService<GovernanceEngine>().Rules.Select(r => r.Descriptor.Id).Should().Contain("PK001");
    }

    [Test]
    public void AddRulePack_refuses_an_invalid_pack_at_registration_with_its_position()
    {
        var builder = new ServiceCollection().AddGovernanceRules();

        var act = () => builder.AddRulePackFromText(Pack(EstimateRule.Replace("appliesTo: Backlog", "appliesTo: Backlogs")), "embedded.yaml");

        act.Should().Throw<RulePackException>().Which.Should().BeEquivalentTo(new { File = "embedded.yaml", Line = 9, Column = 16 });
    }

    [Test]
    public void AddRulePack_refuses_a_second_pack_with_the_same_rule_id()
    {
        var builder = new ServiceCollection().AddGovernanceRules().AddRulePackFromText(Pack(EstimateRule), "first.yaml");

        var act = () => builder.AddRulePackFromText(Pack(EstimateRule), "second.yaml");

        act.Should().Throw<RulePackException>().WithMessage("second.yaml:6:9: Rule id PK001 is already used by rule PK001 of rule pack first.yaml:6:9*");
    }

    [Test]
    public void A_missing_pack_file_is_refused_at_registration()
    {
        var act = () => new ServiceCollection().AddGovernanceRules().AddRulePack(Path.Combine(folder, "missing.yaml"));

        act.Should().Throw<RulePackException>().Which.Message.Should().EndWith("missing.yaml: The rule pack file does not exist");
    }
}
