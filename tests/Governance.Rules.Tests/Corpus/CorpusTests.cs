using System.Text;
using Governance.Rules.Engine;
using Governance.Rules.Loading;
using Governance.Rules.Rules;

namespace Governance.Rules.Tests.Corpus;

/// <summary>An expected engine finding in the hostile file: a rule id and, where the case pins it, a line and column.</summary>
public sealed record Expect(string RuleId, int? Line = null, int? Column = null)
{
    public override string ToString() => Line is null ? RuleId : FormattableString.Invariant($"{RuleId}@{Line}:{Column}");
}

/// <summary>One hostile or malformed input and its expected outcome.</summary>
/// <param name="Name">The test name.</param>
/// <param name="FileName">The name the input is written under, beside a valid artifact.</param>
/// <param name="Content">The bytes (a file of Corpus/Files, or generated).</param>
/// <param name="Findings">The GOV00x findings expected in the file (none: the file is skipped or valid).</param>
/// <param name="Survivors">The artifact ids from the file itself that must still be analysed.</param>
public sealed record CorpusCase(string Name, string FileName, Func<byte[]> Content, Expect[] Findings, string?[] Survivors)
{
    public override string ToString() => Name;
}

/// <summary>
/// The hostile-input corpus (SECURITY.md): every case runs in a folder beside a valid artifact through
/// <see cref="GovernanceEngine.AnalyzePaths"/>; the right GOV00x appears at a plausible location, the valid artifact
/// and the file's own valid documents are still analysed, and the run ends within a generous bound.
/// </summary>
[TestFixture]
[Category("Reliability")]
[Parallelizable(ParallelScope.Children)]
public sealed class CorpusTests
{
    private const string ValidArtifact = "apiVersion: governance/v1\nkind: ProjectPlan\nmetadata: {id: survivor}\nspec: {}\n";

    private static string FilesFolder => Path.Combine(TestContext.CurrentContext.TestDirectory, "Corpus", "Files");

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string Plan(string id) => $"apiVersion: governance/v1\nkind: ProjectPlan\nmetadata: {{id: {id}}}\nspec: {{}}\n";

    private static CorpusCase File(string name, string?[] survivors, params Expect[] findings) =>
        new(name, name, () => System.IO.File.ReadAllBytes(Path.Combine(FilesFolder, name)), findings, survivors);

    private static CorpusCase Generated(string name, string fileName, Func<byte[]> content, string?[] survivors, params Expect[] findings) =>
        new(name, fileName, content, findings, survivors);

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];

    private static readonly string?[] None = [];

    public static IEnumerable<TestCaseData> Cases()
    {
        CorpusCase[] cases =
        [
            // YAML syntax
            File("yaml-bad-indent.yaml", None, new Expect("GOV001", 5)),
            File("yaml-unclosed-flow.yaml", None, new Expect("GOV001")),
            File("yaml-duplicate-key.yaml", None, new Expect("GOV001", 5, 1)),
            File("yaml-tab-indent.yaml", None, new Expect("GOV001", 4)),
            File("yaml-unterminated-quote.yaml", None, new Expect("GOV001")),
            File("yaml-collection-key.yaml", None, new Expect("GOV001", 5)),
            File("yaml-alias-undefined.yaml", None, new Expect("GOV001", 4, 7)),
            File("yaml-alias-bomb.yaml", None, new Expect("GOV001")),
            File("yaml-crlf-syntax-error.yaml", None, new Expect("GOV001")),
            File("yaml-broken-middle.yaml", ["first", "third"], new Expect("GOV001")),
            File("yaml-broken-middle-duplicate-key.yaml", ["first-dk", "third-dk"], new Expect("GOV001", 8, 1)),

            // YAML that is valid but unusual: tags, merge keys, tabs, CRLF
            File("yaml-tabs-in-values.yaml", ["tabs-ok"]),
            File("yaml-custom-tag-ref.yaml", ["tag-ref"]),
            File("yaml-custom-tag-binary.yaml", ["tag-binary"]),
            File("yaml-merge-key.yaml", ["merge"], new Expect("GOV002")),
            File("yaml-crlf.yaml", ["crlf"], new Expect("GOV002", 5, 15)),

            // Shapes, types, dates and kinds
            File("yaml-root-scalar.yaml", None),
            File("yaml-root-sequence-of-scalars.yaml", None),
            File("yaml-unknown-kind.yaml", None, new Expect("GOV004", 2, 7)),
            File("yaml-bad-apiversion.yaml", None, new Expect("GOV004", 1, 13)),
            File("yaml-missing-kind.yaml", None, new Expect("GOV004", 1, 1)),
            File("yaml-wrong-types.yaml", ["wrong-types"], new Expect("GOV002", 3), new Expect("GOV002", 5)),
            File("yaml-bad-dates.yaml", ["bad-dates"], new Expect("GOV002", 5, 16)),
            File("yaml-missing-id.yaml", [null], new Expect("GOV002", 3, 11)),

            // Empty files
            File("yaml-empty.yaml", None),
            File("yaml-whitespace.yaml", None),
            File("yaml-only-comments.yaml", None),
            File("yaml-document-markers-only.yaml", None),
            File("json-empty.json", None, new Expect("GOV001", 1, 1)),
            File("json-whitespace.json", None, new Expect("GOV001", 1, 1)),

            // JSON
            File("json-trailing-comma.json", None, new Expect("GOV001", 6)),
            File("json-comment.json", None, new Expect("GOV001", 2)),
            File("json-unclosed.json", None, new Expect("GOV001")),
            File("json-duplicate-key.json", None, new Expect("GOV001", 4, 3)),
            File("json-single-quotes.json", None, new Expect("GOV001", 1, 2)),
            File("json-array-with-bad-element.json", ["array-ok"], new Expect("GOV004", 3, 3)),
            File("json-empty-array.json", None),
            File("json-root-string.json", None),
            File("json-wrong-types.json", ["wrong-json"], new Expect("GOV002", 4), new Expect("GOV002", 5)),
            File("json-unknown-kind.json", None, new Expect("GOV004", 3, 11)),

            // Encodings, invalid bytes, binary
            Generated("utf8-bom-yaml", "utf8-bom.yaml", () => Concat([0xEF, 0xBB, 0xBF], Utf8(Plan("bom-yaml"))), ["bom-yaml"]),
            Generated("utf8-bom-json", "utf8-bom.json", () => Concat([0xEF, 0xBB, 0xBF], Utf8("{\"apiVersion\": \"governance/v1\", \"kind\": \"ProjectPlan\", \"metadata\": {\"id\": \"bom-json\"}, \"spec\": {}}")), ["bom-json"]),
            Generated("utf16-le-bom-yaml", "utf16le.yaml", () => Concat([0xFF, 0xFE], Encoding.Unicode.GetBytes(Plan("utf16-le"))), ["utf16-le"]),
            Generated("utf16-be-bom-yaml", "utf16be.yaml", () => Concat([0xFE, 0xFF], Encoding.BigEndianUnicode.GetBytes(Plan("utf16-be") + "extra: 1\n")), ["utf16-be"], new Expect("GOV002", 5, 8)),
            Generated("utf16-be-bom-yaml-syntax-error", "utf16be-bad.yaml", () => Concat([0xFE, 0xFF], Encoding.BigEndianUnicode.GetBytes("apiVersion: governance/v1\nkind: ProjectPlan\nmetadata: {id: x}\nspec:\n\tbad: 1\n")), None, new Expect("GOV001", 5)),
            Generated("utf16-bom-json", "utf16.json", () => Concat([0xFF, 0xFE], Encoding.Unicode.GetBytes("{}")), None, new Expect("GOV001", 1, 1)),
            Generated("utf32-le-bom-yaml", "utf32le.yaml", () => Concat([0xFF, 0xFE, 0x00, 0x00], new UTF32Encoding(false, false).GetBytes(Plan("utf32"))), None, new Expect("GOV001")),
            Generated("utf32-be-bom-yaml", "utf32be.yaml", () => Concat([0x00, 0x00, 0xFE, 0xFF], new UTF32Encoding(true, false).GetBytes(Plan("utf32"))), None, new Expect("GOV001", 1, 3)),
            Generated("invalid-utf8-yaml", "invalid-utf8.yaml", () => Concat(Utf8("apiVersion: governance/v1\nkind: ProjectPlan\nmetadata: {id: x, title: caf"), [0xC3, 0x28], Utf8("}\nspec: {}\n")), None, new Expect("GOV001", 3, 29)),
            Generated("invalid-utf8-json", "invalid-utf8.json", () => Concat(Utf8("{\n  \"apiVersion\": \"governance/v1\",\n  \"kind\": \""), [0xFF], Utf8("\"\n}")), None, new Expect("GOV001", 3, 12)),
            Generated("latin1-yaml", "latin1.yaml", () => Encoding.Latin1.GetBytes("apiVersion: governance/v1\nkind: ProjectPlan\nmetadata: {id: latin, title: café}\nspec: {}\n"), None, new Expect("GOV001", 3, 33)),
            Generated("nul-bytes-yaml", "nul.yaml", () => Utf8("apiVersion: governance/v1\nkind: ProjectPlan\nmetadata: {id: nul, title: a\0b}\nspec: {}\n"), None, new Expect("GOV001", 3)),
            Generated("binary-yaml", "binary.yaml", () => Binary(1), None, new Expect("GOV001")),
            Generated("binary-json", "binary.json", () => Binary(2), None, new Expect("GOV001")),

            // Size and depth
            Generated("huge-scalar-yaml-10MB", "huge.yaml", () => Utf8("apiVersion: governance/v1\nkind: ProjectPlan\nmetadata: {id: huge-yaml, title: \"" + new string('x', 10_000_000) + "\"}\nspec: {}\n"), ["huge-yaml"]),
            Generated("huge-scalar-json-10MB", "huge.json", () => Utf8("{\"apiVersion\": \"governance/v1\", \"kind\": \"ProjectPlan\", \"metadata\": {\"id\": \"huge-json\", \"title\": \"" + new string('x', 10_000_000) + "\"}, \"spec\": {}}"), ["huge-json"]),
            Generated("deep-block-yaml", "deep.yaml", () => Utf8("apiVersion: governance/v1\nkind: ProjectPlan\nmetadata: {id: deep}\nspec:\n" + string.Concat(Enumerable.Range(1, 200).Select(i => new string(' ', i * 2) + "a:\n")) + "  " + new string(' ', 400) + "x\n"), None, new Expect("GOV001")),
            Generated("deep-json", "deep.json", () => Utf8(new string('[', 5000) + new string(']', 5000)), None, new Expect("GOV001", 1)),

            // Unusual file names (valid content)
            Generated("name-with-spaces", "with  spaces .yaml", () => Utf8(Plan("spaces")), ["spaces"]),
            Generated("name-unicode", "ünïcødé-名前-🚀.yaml", () => Utf8(Plan("unicode")), ["unicode"]),
            Generated("name-leading-dash", "-rf --output.yaml", () => Utf8(Plan("dash")), ["dash"]),
            Generated("name-very-long", new string('l', 240) + ".yaml", () => Utf8(Plan("long")), ["long"]),
            Generated("name-upper-extension", "UPPER.YML", () => Utf8(Plan("upper")), ["upper"]),
            Generated("name-hidden", ".hidden.yaml", () => Utf8(Plan("hidden")), ["hidden"]),
        ];
        return cases.Select(c => new TestCaseData(c).SetName(c.Name));
    }

    private static byte[] Binary(int seed)
    {
        var bytes = new byte[4096];
        new Random(seed).NextBytes(bytes);
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        png.CopyTo(bytes, 0);
        return bytes;
    }

    [TestCaseSource(nameof(Cases))]
    [CancelAfter(60_000)]
    public void A_hostile_input_gives_its_finding_and_every_valid_document_is_still_analysed(CorpusCase corpusCase)
    {
        var folder = Directory.CreateTempSubdirectory("govern-corpus-");
        try
        {
            var content = corpusCase.Content();
            System.IO.File.WriteAllText(Path.Combine(folder.FullName, "valid.yaml"), ValidArtifact);
            System.IO.File.WriteAllBytes(Path.Combine(folder.FullName, corpusCase.FileName), content);
            var engine = new GovernanceEngine(BuiltInRules.Create(), new ArtifactLoader(), TimeProvider.System);

            var result = engine.AnalyzePaths(["."], new AnalysisOptions
            {
                AsOf = new DateOnly(2026, 11, 1),
                Load = new LoadOptions { WorkingDirectory = folder.FullName },
            }, TestContext.CurrentContext.CancellationToken);

            var ids = result.Artifacts.Select((a, i) => (a.Id, File: result.ArtifactFiles[i])).ToList();
            ids.Should().Contain(("survivor", "valid.yaml"), "the valid artifact beside the hostile file must still be analysed");
            ids.Where(a => a.File == corpusCase.FileName).Select(a => a.Id).Should().BeEquivalentTo(corpusCase.Survivors);
            result.Findings.Should().NotContain(f => f.RuleId == "GOV009");
            result.Findings.Should().NotContain(f => f.File == "valid.yaml" && f.RuleId.StartsWith("GOV00", StringComparison.Ordinal));

            var engineFindings = result.Findings.Where(f => f.File == corpusCase.FileName && f.RuleId.StartsWith("GOV00", StringComparison.Ordinal)).ToList();
            var shown = string.Join("; ", engineFindings.Select(f => FormattableString.Invariant($"{f.RuleId}@{f.Line}:{f.Column} {f.Pointer} {f.Message}")));
            engineFindings.Select(f => f.RuleId).Distinct().Should().BeEquivalentTo(corpusCase.Findings.Select(e => e.RuleId).Distinct(), shown);
            foreach (var expected in corpusCase.Findings)
            {
                engineFindings.Should().Contain(
                    f => f.RuleId == expected.RuleId && (expected.Line == null || f.Line == expected.Line) && (expected.Column == null || f.Column == expected.Column),
                    "expected {0}; got {1}", expected, shown);
            }

            foreach (var finding in result.Findings.Where(f => f.File is not null))
            {
                finding.Line.Should().BeGreaterThanOrEqualTo(1, shown);
                finding.Column.Should().BeGreaterThanOrEqualTo(1, shown);
                finding.Pointer.Should().Match(p => p == string.Empty || p.StartsWith('/'));
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Test]
    [CancelAfter(60_000)]
    public void A_symlink_loop_terminates_and_each_file_is_read_once()
    {
        var folder = Directory.CreateTempSubdirectory("govern-loop-");
        try
        {
            var inner = Directory.CreateDirectory(Path.Combine(folder.FullName, "inner"));
            System.IO.File.WriteAllText(Path.Combine(inner.FullName, "plan.yaml"), ValidArtifact);
            try
            {
                Directory.CreateSymbolicLink(Path.Combine(inner.FullName, "loop"), folder.FullName);
                Directory.CreateSymbolicLink(Path.Combine(inner.FullName, "self"), inner.FullName);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
            {
                Assert.Ignore("Symbolic links cannot be created here: " + ex.Message);
            }

            var engine = new GovernanceEngine(BuiltInRules.Create(), new ArtifactLoader(), TimeProvider.System);
            var result = engine.AnalyzePaths(["."], new AnalysisOptions
            {
                AsOf = new DateOnly(2026, 11, 1),
                Load = new LoadOptions { WorkingDirectory = folder.FullName },
            }, TestContext.CurrentContext.CancellationToken);

            result.FilesAnalyzed.Should().Be(1);
            result.ArtifactFiles.Should().Equal("inner/plan.yaml");
            result.Findings.Should().NotContain(f => f.RuleId == "GOV003");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
