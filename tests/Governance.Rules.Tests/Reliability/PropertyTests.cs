using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Governance.Rules.Engine;
using Governance.Rules.Loading;
using Governance.Rules.Rules;

namespace Governance.Rules.Tests.Reliability;

/// <summary>FsCheck: random mutations of valid documents never crash the loader or the engine, and findings stay locatable.</summary>
[TestFixture]
[Category("Reliability")]
public sealed class PropertyTests
{
    private static readonly (string Name, string Text)[] Documents =
    [
        ("plan.yaml", """
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata: {id: p, title: Plan, owner: p-a, lastUpdated: 2026-10-01, tags: [a, b]}
            spec:
              schedule: {start: 2026-01-01, end: 2026-12-31}
              budget:
                approved: {amount: 1000, currency: EUR}
              riskRegister:
                - {id: r1, probability: 3, impact: 4, owner: p-a, response: mitigate, status: open}
            ---
            apiVersion: governance/v1
            kind: Roadmap
            metadata: {id: rm}
            spec:
              items:
                - {id: i1, title: First, priority: 1}
            """),
        ("project.json", """
            {
              "apiVersion": "governance/v1",
              "kind": "Project",
              "metadata": {"id": "prj", "title": "Project", "tags": ["x"]},
              "spec": {"schedule": {"start": "2026-01-01", "end": "2026-06-30"}, "overallRag": "green"}
            }
            """),
        ("many.json", """
            [
              {"apiVersion": "governance/v1", "kind": "Product", "metadata": {"id": "prod"}, "spec": {}},
              {"apiVersion": "governance/v1", "kind": "ProjectPlan", "metadata": {"id": "pp"}, "spec": {"riskRegister": [{"id": "r"}]}}
            ]
            """),
        ("portfolio.yml", """
            - apiVersion: governance/v1
              kind: Portfolio
              metadata: {id: pf}
              spec:
                people:
                  - {id: p-a, name: "A \"quoted\" name"}
            - apiVersion: governance/v1
              kind: ProjectPlan
              metadata: {id: pp2, owner: p-a}
              spec: {}
            """),
    ];

    private const string Punctuation = "{}[]:,-&*!|>'\"#%@`?\n\r\t \0\\";

    private static readonly GovernanceEngine Engine = new(BuiltInRules.Create(), new ArtifactLoader(), TimeProvider.System);

    private static byte[] Mutate(byte[] bytes, int seed, int count)
    {
        var random = new Random(seed);
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i <= bytes.Length; i++)
        {
            if (i == bytes.Length || bytes[i] == (byte)'\n')
            {
                lines.Add(bytes[start..Math.Min(bytes.Length, i + 1)]);
                start = i + 1;
            }
        }

        for (var m = 0; m < count && lines.Count > 0; m++)
        {
            var line = random.Next(lines.Count);
            switch (random.Next(4))
            {
                case 0 when lines[line].Length > 0: // flip a bit
                    var flipped = (byte[])lines[line].Clone();
                    flipped[random.Next(flipped.Length)] ^= (byte)(1 << random.Next(8));
                    lines[line] = flipped;
                    break;
                case 1:
                    lines.RemoveAt(line);
                    break;
                case 2:
                    lines.Insert(line, lines[line]);
                    break;
                default:
                    var at = random.Next(lines[line].Length + 1);
                    lines[line] = [.. lines[line][..at], (byte)Punctuation[random.Next(Punctuation.Length)], .. lines[line][at..]];
                    break;
            }
        }

        return [.. lines.SelectMany(l => l)];
    }

    [Test]
    public void Mutated_documents_never_crash_and_every_finding_has_a_valid_location()
    {
        var cases =
            from document in Gen.Choose(0, Documents.Length - 1)
            from seed in Gen.Choose(0, int.MaxValue - 1)
            from count in Gen.Choose(1, 6)
            select (document, seed, count);

        var property = Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var (name, text) = Documents[c.document];
            var mutated = Mutate(Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n")), c.seed, c.count);
            var loaded = new ArtifactLoader().LoadContent(name, mutated);
            var result = Engine.Analyze(loaded, new AnalysisOptions { AsOf = new DateOnly(2026, 11, 1), MaxDegreeOfParallelism = 1 });

            var shown = Encoding.UTF8.GetString(mutated);
            result.Findings.Should().NotContain(f => f.RuleId == "GOV009", shown);
            foreach (var finding in result.Findings.Where(f => f.File is not null))
            {
                finding.Line.Should().BeGreaterThanOrEqualTo(1, "{0} in {1}", finding, shown);
                finding.Column.Should().BeGreaterThanOrEqualTo(1, "{0} in {1}", finding, shown);
                finding.Pointer.Should().Match(p => p == string.Empty || p.StartsWith('/'), "{0} in {1}", finding, shown);
            }
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), property);
    }

    [Test]
    public void The_unmutated_documents_load_without_engine_findings()
    {
        foreach (var (name, text) in Documents)
        {
            var loaded = new ArtifactLoader().LoadContent(name, Encoding.UTF8.GetBytes(text));
            loaded.Findings.Where(f => f.RuleId != "GOV002").Should().BeEmpty(name);
            loaded.Artifacts.Should().NotBeEmpty(name);
        }
    }
}
