using Governance.Rules.Engine;
using Governance.Rules.RulePacks;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.RulePacks;

/// <summary>Compiles an inline rule pack and runs its rules (and no built-in rule) over inline documents.</summary>
internal static class PackHarness
{
    /// <summary>A pack with one rule: the envelope around <paramref name="rule"/> (YAML lines of one list entry, unindented).</summary>
    public static string Pack(string rule) =>
        "apiVersion: governance/v1\nkind: RulePack\nmetadata:\n  id: test-pack\nrules:\n" +
        string.Concat(rule.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n').Select((line, i) => (i == 0 ? "  - " : "    ") + line + "\n"));

    /// <summary>Every finding of the pack's rules and of the engine (built-in rules off) on <paramref name="documents"/>.</summary>
    public static IReadOnlyList<Finding> Run(
        string pack,
        string documents,
        DateOnly? today = null,
        IReadOnlyDictionary<string, RuleSettings>? settings = null,
        string file = "test.yaml")
    {
        var rules = RulePackLoader.Parse(pack, "pack.yaml");
        var only = RuleHarness.Only();
        foreach (var (id, value) in settings ?? new Dictionary<string, RuleSettings>()) only[id] = value;
        return RuleHarness.Analyze(documents, file, today, only, rules).Findings;
    }

    /// <summary>The problems of an invalid pack, as <c>file:line:column: message</c> lines.</summary>
    public static IReadOnlyList<string> Problems(string pack, string displayName = "pack.yaml")
    {
        var act = () => RulePackLoader.Parse(pack, displayName);
        return [.. act.Should().Throw<RulePackException>().Which.Problems.Select(p => p.ToString())];
    }

    /// <summary>A backlog with the given YAML list of items (unindented, <c>- id: ...</c>).</summary>
    public static string Backlog(string items, string id = "backlog-a") =>
        $"apiVersion: governance/v1\nkind: Backlog\nmetadata:\n  id: {id}\nspec:\n  productId: prod-a\n  items:\n" +
        string.Concat(items.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n').Select(line => "    " + line + "\n"));
}
