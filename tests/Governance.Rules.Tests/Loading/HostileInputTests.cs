using System.Text;
using Governance.Rules.Loading;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Loading;

[TestFixture]
[Category("Loading")]
public sealed class HostileInputTests
{
    [Test]
    public void A_billion_laughs_alias_bomb_is_bounded_and_reported()
    {
        var yaml = new StringBuilder("apiVersion: governance/v1\nkind: ProjectPlan\nmetadata: {id: bomb}\nspec:\n  a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 10; i++)
            yaml.Append(CultureInfoInvariant($"  a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]\n"));

        var result = RuleHarness.Analyze(yaml.ToString());

        result.Findings.Should().ContainSingle().Which.Should().BeEquivalentTo(new { RuleId = "GOV001" });
        result.Findings[0].Message.Should().Contain("alias");
    }

    [Test]
    public void Small_aliases_expand_like_copies()
    {
        var result = RuleHarness.Analyze("""
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata: {id: aliases}
            spec:
              schedule: &range {start: 2026-01-01, end: 2026-06-30}
              resources:
                - {personId: p-a, allocationPct: 50, period: *range}
              riskRegister: [{id: r}]
            """);

        // Neither a parse nor a schema finding; the plan rules still report what the small plan lacks.
        result.Findings.Where(f => f.RuleId.StartsWith("GOV00", StringComparison.Ordinal)).Should().BeEmpty();
        result.Artifacts.Single().As<Model.ProjectPlan>().Spec.Resources[0].Period!.End.Should().Be(new DateOnly(2026, 6, 30));
    }

    [TestCase(".yaml", "flow")]
    [TestCase(".yaml", "block")]
    [TestCase(".yaml", "shallow")]
    [TestCase(".json", "flow")]
    public void Deep_nesting_is_a_finding_not_a_stack_overflow(string extension, string style)
    {
        var content = style switch
        {
            "block" => string.Concat(Enumerable.Repeat("- ", 20_000)) + "x",
            "shallow" => "spec: " + new string('[', 500) + new string(']', 500),
            _ when extension == ".json" => new string('[', 100_000) + new string(']', 100_000),
            _ => "spec: " + new string('[', 100_000) + new string(']', 100_000),
        };

        var result = RuleHarness.Analyze(content, "deep" + extension);

        result.Findings.Should().ContainSingle().Which.RuleId.Should().Be("GOV001");
    }

    [Test]
    public void Random_bytes_never_throw()
    {
        var random = new Random(42);
        for (var i = 0; i < 200; i++)
        {
            var bytes = new byte[random.Next(0, 300)];
            random.NextBytes(bytes);
            foreach (var name in new[] { "r.yaml", "r.json" })
            {
                var act = () => new ArtifactLoader().LoadContent(name, bytes);
                act.Should().NotThrow();
            }
        }
    }

    [Test]
    public void Mutated_valid_documents_never_throw_and_never_lose_the_other_documents()
    {
        const string valid = """
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata: {id: p, tags: [a, b]}
            spec:
              schedule: {start: 2026-01-01, end: 2026-02-01}
              riskRegister: [{id: r, probability: 3, impact: 4, owner: p-a, response: mitigate, status: open}]
            """;
        var random = new Random(7);
        const string punctuation = "{}[]:,-&*!|>'\"#%@`\n\t ";
        for (var i = 0; i < 300; i++)
        {
            var chars = valid.ToCharArray();
            for (var m = 0; m < 3; m++) chars[random.Next(chars.Length)] = punctuation[random.Next(punctuation.Length)];
            var mutated = new string(chars);
            var content = mutated + "\n---\napiVersion: governance/v1\nkind: Roadmap\nmetadata: {id: survivor}\nspec: {}\n";

            var act = () => RuleHarness.Analyze(content);

            var result = act.Should().NotThrow().Subject;
            result.Findings.Should().NotContain(f => f.RuleId == "GOV009", "mutation {0} broke a rule: {1}", i, mutated);
        }
    }

    [Test]
    public void Huge_numbers_and_odd_scalars_are_schema_errors_not_crashes()
    {
        var result = RuleHarness.Analyze("""
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata: {id: odd}
            spec:
              budget:
                approved: {amount: 1e400, currency: EUR}
                actualToDate: {amount: .inf, currency: EUR}
              riskRegister:
                - {id: r, probability: 99999999999999999999999999999999}
            """);

        result.Findings.Where(f => f.RuleId == "GOV002").Should().HaveCountGreaterThanOrEqualTo(3);
        result.Findings.Should().NotContain(f => f.RuleId == "GOV001" || f.RuleId == "GOV009");
    }

    private static string CultureInfoInvariant(FormattableString text) => FormattableString.Invariant(text);
}
