using Governance.Rules.Engine;
using Governance.Rules.Loading;
using Governance.Rules.RulePacks;
using Governance.Rules.Rules;
using static Governance.Rules.Tests.RulePacks.PackHarness;

namespace Governance.Rules.Tests.RulePacks;

/// <summary>Reading and compiling packs: what a valid pack becomes, and the clear errors of an invalid one.</summary>
[TestFixture]
[Category("RulePacks")]
public sealed class RulePackLoaderTests
{
    private const string ValidRule = """
        id: PK001
        title: Stories need acceptance criteria
        severity: error
        appliesTo: Backlog
        selector: /spec/items/*
        field: acceptanceCriteria
        conditions: { nonEmpty: true }
        message: "{id} has no acceptance criteria"
        """;

    [Test]
    public void A_valid_pack_compiles_into_rules_with_descriptors()
    {
        var pack = Pack(ValidRule).Replace("  id: test-pack\n", "  id: test-pack\n  helpUri: https://example.com/packs\n  category: conventions\n");

        var rule = RulePackLoader.Parse(pack, "pack.yaml").Should().ContainSingle().Subject;

        rule.Descriptor.Should().BeEquivalentTo(new
        {
            Id = "PK001",
            Title = "Stories need acceptance criteria",
            Category = "conventions",
            DefaultSeverity = Severity.Error,
            Description = "Stories need acceptance criteria",
            HelpUri = "https://example.com/packs",
            UsesClock = false,
        });
        rule.OptionsType.Should().Be<NoOptions>();
    }

    [Test]
    public void Without_a_help_link_a_pack_rule_has_none_and_its_category_is_custom()
    {
        var rule = RulePackLoader.Parse(Pack(ValidRule), "pack.yaml").Single();

        rule.Descriptor.HelpUri.Should().BeNull();
        rule.Descriptor.Category.Should().Be("custom");
    }

    [Test]
    public void A_json_pack_reads_like_a_yaml_one_with_its_positions()
    {
        const string json = """
            {
              "apiVersion": "governance/v1",
              "kind": "RulePack",
              "rules": [
                { "id": "PK001", "title": "T", "severity": "info", "appliesTo": "Backlog", "selector": "/spec/itmes/*",
                  "conditions": { "required": true }, "message": "m" }
              ]
            }
            """;

        Problems(json, "pack.json").Should().Equal("pack.json:5:92: Unknown field 'itmes' in '/spec/itmes/*' (did you mean 'items'?)");
        RulePackLoader.Parse(json.Replace("itmes", "items"), "pack.json").Should().ContainSingle();
    }

    [Test]
    public void A_yaml_syntax_error_names_the_file_line_and_column()
    {
        var problems = Problems("apiVersion: governance/v1\nkind: RulePack\nrules:\n  - id: [PK001\n    title: x\n");

        problems.Should().Equal("pack.yaml:4:9: Malformed YAML near here: an unclosed '[' or '{', or a misplaced ':' or '-'");
    }

    [TestCase("requird: true", "pack.yaml:12:28: Unknown property 'requird' (did you mean 'required'?)")]
    [TestCase("pattern: '([a-z'", "pack.yaml:12:28: '([a-z' is not a valid regular expression: Invalid pattern '([a-z' at offset 5. Unterminated [] set.")]
    [TestCase("min: 1", "pack.yaml:12:24: 'min' checks a number, but 'title' is a string")]
    [TestCase("notAfter: today+30", "pack.yaml:12:29: 'notAfter' checks a date, but 'title' is a string")]
    [TestCase("notAfter: tomorrow", "pack.yaml:12:29: 'notAfter' must be today, today+N, today-N (N days) or a date YYYY-MM-DD, not 'tomorrow'")]
    [TestCase("reference: Persn", "pack.yaml:12:30: Unknown reference target 'Persn' (did you mean 'Person'?)")]
    [TestCase("required: false", "pack.yaml:12:17: The rule has no condition that can fail (required and nonEmpty are false); give it at least one")]
    public void An_invalid_condition_is_reported_at_its_position(string condition, string expected)
    {
        Problems(Pack(ValidRule.Replace("field: acceptanceCriteria", "field: title").Replace("{ nonEmpty: true }", "{ " + condition + " }"))).Should().Equal(expected);
    }

    [Test]
    public void A_condition_on_a_list_says_how_to_check_its_elements()
    {
        Problems(Pack(ValidRule.Replace("{ nonEmpty: true }", "{ pattern: '^Given' }"))).Should().Equal(
            "pack.yaml:12:28: 'pattern' checks a single value, but 'acceptanceCriteria' is a list; to check each element, select them: selector: /spec/items/*/acceptanceCriteria/*");
    }

    [Test]
    public void Min_above_max_is_refused()
    {
        Problems(Pack(ValidRule.Replace("field: acceptanceCriteria", "field: estimate").Replace("{ nonEmpty: true }", "{ min: 5, max: 1 }"))).Should().Equal(
            "pack.yaml:12:24: min 5 is greater than max 1, so every value fails");
    }

    [TestCase("appliesTo: Backlog", "appliesTo: Backlg", "pack.yaml:9:16: Unknown artifact kind 'Backlg' (did you mean 'Backlog'?)")]
    [TestCase("id: PK001", "id: pk1", "pack.yaml:6:9: Rule id 'pk1' must be 2-10 capital letters and 3-4 digits, such as KES001")]
    [TestCase("id: PK001", "id: GOV950", "pack.yaml:6:9: Rule id GOV950 uses the prefix GOV, which belongs to the built-in catalog; give pack rules your own prefix, such as KES001")]
    [TestCase("severity: error", "severity: fatal", "pack.yaml:8:15: 'severity' must be one of error, warning, info, not 'fatal'")]
    [TestCase("title: Stories need acceptance criteria\n", "", "pack.yaml:6:5: 'title' is required")]
    [TestCase("selector: /spec/items/*", "selector: spec/items", "pack.yaml:10:15: 'selector' must be a JSON pointer such as /spec/items/* (field names, indexes and * after each '/'), not 'spec/items'")]
    [TestCase("selector: /spec/items/*", "selector: /spec/items/title", "pack.yaml:10:15: In '/spec/items/title', '/spec/items' is a list: follow it with '*' (every element) or an index, not 'title'")]
    [TestCase("selector: /spec/items/*", "selector: /spec/*", "pack.yaml:10:15: In '/spec/*', '*' follows '/spec', which is an object, not a list; name one of its fields: productId, items")]
    [TestCase("field: acceptanceCriteria", "field: acceptanceCriterias", "pack.yaml:11:12: Unknown field 'acceptanceCriterias' in 'acceptanceCriterias' (did you mean 'acceptanceCriteria'?)")]
    [TestCase("{id} has no", "{vaule} has no", "pack.yaml:13:14: Unknown placeholder {vaule} in the message (did you mean {value}?)")]
    [TestCase("{id} has no", "{x} has no", "pack.yaml:13:14: Unknown placeholder {x} in the message; use {value}, {path}, {field}, {id}, {artifactId}, {kind}, {rule}, {expected}, {today} or {object.FIELD}")]
    [TestCase("{id} has no", "{object.titel} has no", "pack.yaml:13:14: Placeholder {object.titel}: Unknown field 'titel' in 'object.titel' (did you mean 'title'?)")]
    [TestCase("{id} has no", "{id has no", "pack.yaml:13:14: The message has a '{' at position 1 that is never closed; write '{{' for a literal brace")]
    public void An_invalid_rule_is_reported_at_its_position(string valid, string invalid, string expected)
    {
        Problems(Pack(ValidRule.Replace(valid, invalid))).Should().Equal(expected);
    }

    [Test]
    public void Where_values_must_fit_the_field()
    {
        var pack = Pack(ValidRule.Replace("field: acceptanceCriteria", "field: acceptanceCriteria\nwhere: { type: storry, estimate: high }"));

        Problems(pack).Should().Equal(
            "pack.yaml:12:20: In where.type: 'storry' is not a possible value: the value is one of epic, story, bug, task, spike (did you mean 'story'?)",
            "pack.yaml:12:38: In where.estimate: 'high' is not a possible value: the value is a number");
    }

    [Test]
    public void A_duplicate_id_in_a_pack_names_the_first_declaration()
    {
        var pack = Pack(ValidRule) + "  - " + ValidRule.Replace("\n", "\n    ") + "\n";

        Problems(pack).Should().Equal("pack.yaml:14:9: Duplicate rule id PK001: already declared at line 6");
    }

    [Test]
    public void Every_problem_of_a_pack_is_reported_at_once()
    {
        var pack = Pack(ValidRule.Replace("field: acceptanceCriteria", "field: acceptanceCriterias"))
            + "  - " + ValidRule.Replace("PK001", "PK002").Replace("field: acceptanceCriteria", "field: title").Replace("{ nonEmpty: true }", "{ pattern: '(' }").Replace("\n", "\n    ") + "\n";

        Problems(pack).Should().HaveCount(2).And.Contain(p => p.StartsWith("pack.yaml:11:12:")).And.Contain(p => p.StartsWith("pack.yaml:20:28: '(' is not a valid regular expression", StringComparison.Ordinal));
    }

    [TestCase("", "pack.yaml: A rule pack is a mapping with apiVersion: governance/v1, kind: RulePack and rules")]
    [TestCase("- a\n- b\n", "pack.yaml:1:1: A rule pack is a mapping with apiVersion: governance/v1, kind: RulePack and rules")]
    [TestCase("apiVersion: governance/v1\nkind: Backlog\nrules: []\n", "pack.yaml:2:7: 'kind' must be one of RulePack, not 'Backlog'")]
    public void A_document_that_is_no_pack_is_refused(string text, string expected)
    {
        Problems(text).Should().Contain(expected);
    }

    [Test]
    public void A_missing_pack_file_is_a_pack_error_naming_the_file()
    {
        var act = () => RulePackLoader.Load("no/such/pack.yaml");

        act.Should().Throw<RulePackException>().Which.Should().BeEquivalentTo(new { File = "no/such/pack.yaml", Line = 0, Message = "no/such/pack.yaml: The rule pack file does not exist" });
    }

    [Test]
    public void Two_packs_with_the_same_rule_id_are_refused_by_the_engine_at_the_later_rule()
    {
        var first = RulePackLoader.Parse(Pack(ValidRule), "first.yaml");
        var second = RulePackLoader.Parse(Pack(ValidRule), "second.yaml");

        var act = () => new GovernanceEngine([.. BuiltInRules.Create(), .. first, .. second], new ArtifactLoader(), TimeProvider.System);

        act.Should().Throw<RulePackException>().Which.Problems.Select(p => p.ToString())
            .Should().Equal("second.yaml:6:9: Rule id PK001 is already used by rule PK001 of rule pack first.yaml:6:9; give the pack rule its own id");
    }

    [Test]
    public void A_pack_rule_with_the_id_of_a_csharp_rule_is_refused_by_the_engine()
    {
        var pack = RulePackLoader.Parse(Pack(ValidRule.Replace("PK001", "PK900")), "pack.yaml");

        var act = () => new GovernanceEngine([new CustomIdRule(), .. pack], new ArtifactLoader(), TimeProvider.System);

        act.Should().Throw<RulePackException>().Which.Problems.Select(p => p.Message).Should()
            .Equal($"Rule id PK900 is already used by the rule {typeof(CustomIdRule).FullName}; give the pack rule its own id");
    }

    [Test]
    public void A_stream_pack_is_read_like_a_file()
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Pack(ValidRule)));

        RulePackLoader.Load(stream, "embedded.yaml").Select(r => r.Descriptor.Id).Should().Equal("PK001");
    }

    [Test]
    public void A_pack_in_an_analysed_folder_is_not_an_artifact()
    {
        var loaded = new ArtifactLoader().LoadContent("rules.yaml", System.Text.Encoding.UTF8.GetBytes(Pack(ValidRule)));

        loaded.Artifacts.Should().BeEmpty();
        loaded.Findings.Should().BeEmpty();
    }

    private sealed class CustomIdRule : GovernanceRule
    {
        public override RuleDescriptor Descriptor { get; } = new("PK900", "Custom", "{0}", "custom", Severity.Info, "A C# rule with a custom id.");

        public override void Initialize(RuleRegistration registration)
        {
        }
    }
}
