using System.Text;
using Governance.Rules.Benchmarks;
using Governance.Rules.Loading;

namespace Governance.Rules.Tests.Loading;

/// <summary>
/// The YAML block scanner must either give up on a file or write exactly what the YamlDotNet event writer writes: the
/// same JSON bytes, the same line and column per node, the same record types, document by document; and loading with
/// it must give the records, findings and source maps of the full path (<see cref="CompactLoadingTests.AssertSame"/>).
/// </summary>
[TestFixture]
[Category("Loading")]
public sealed class YamlBlockScannerTests
{
    private const string Plan = CompactLoadingTests.Plan;

    private const string Backlog = "apiVersion: governance/v1\nkind: Backlog\nmetadata:\n  id: backlog-1\n  title: Backlog\nspec:\n  productId: prod-1\n  items:\n";

    public static IEnumerable<TestCaseData> Accepted()
    {
        yield return Case("plain", Plan);
        yield return Case("markers", "---\n" + Plan + "...\n");
        yield return Case("marker with comment", "--- # the plan\n" + Plan);
        yield return Case("two documents", Plan + "---\n" + Plan.Replace("plan-1", "plan-2", StringComparison.Ordinal));
        yield return Case("end marker then start", Plan + "...\n---\n" + Plan.Replace("plan-1", "plan-2", StringComparison.Ordinal) + "...\n");
        yield return Case("crlf and bom", "\uFEFF" + Plan.Replace("\n", "\r\n", StringComparison.Ordinal));
        yield return Case("no final newline", Plan.TrimEnd('\n'));
        yield return Case("no final newline after crlf", Plan.Replace("\n", "\r\n", StringComparison.Ordinal) + "  version: v2");
        yield return Case("comments and blank lines", "# head\n\n" + Plan.Replace("metadata:\n", "metadata: # the metadata\n\n      # odd indentation\n# col 0\n", StringComparison.Ordinal) + "  # tail\n\n");
        yield return Case("trailing spaces", Plan.Replace("\n", "   \n", StringComparison.Ordinal));
        yield return Case("trailing comment after values", Plan.Replace("title: Plan", "title: Plan   # a comment: with colon", StringComparison.Ordinal));
        yield return Case("hash and colon inside plain", Plan + "  version: a#b\n  approvedBy: http://x:80/y?a=b#c\n  approvedOn: 12:30\n");
        yield return Case("plain with quotes and brackets", Plan + "  version: it's a \"v\" [draft] {x}, y\n");
        yield return Case("markers as plain values", Plan + "  version: ---\n  approvedBy: ...\n");
        yield return Case("dash plain", Plan + "  version: -x\n  approvedBy: '-'\n");
        yield return Case("quoted values", Plan + "  version: \"1.0\"\n  approvedBy: ' a: b # c '\n  approvedOn: \"2026-01-02\"\n");
        yield return Case("quoted then comment", Plan + "  version: \"v\" # c\n  approvedBy: 'x'   # 'y'\n");
        yield return Case("quoted keys", Plan + "  \"version\": v\n  'approvedBy': x\n");
        yield return Case("numbers and booleans", Plan + "  budget:\n    approved: {amount: 1.50, currency: EUR}\n    contingency: { amount: -5, currency: EUR }\n    actualToDate: {amount: +7, currency: EUR}\n    forecastAtCompletion: {amount: .5, currency: EUR}\n");
        yield return Case("number-like strings", Plan + "  scope:\n    inScope: [1.0.0, 2026-13-45, 0x, 0o9, --1, 1-2, e5, 1e, 0xZZ, 1_000, \"12\", '0x3', 1e3, 0x1F, 0o17, -0, 00012, 99999999999999999999999999999999, nulls, truex, ~x, .e, +.5]\n");
        yield return Case("booleans and nulls as strings", Plan + "  scope:\n    inScope: [true, False, TRUE, yes, no, on, \"null\", 'false', NULL0, Nul]\n");
        yield return Case("indented sequence of mappings", Backlog + "    - id: a\n      type: epic\n      title: A\n      priority: 1\n    - id: b\n      type: story\n      title: B\n      parentId: a\n      acceptanceCriteria:\n        - one\n        - two\n");
        yield return Case("indentless sequences", Backlog.Replace("  items:\n", "  items:\n  - id: a\n    type: epic\n    title: A\n    acceptanceCriteria:\n    - one\n    - two\n    priority: 1\n  - id: b\n    type: story\n    title: B\n", StringComparison.Ordinal));
        yield return Case("root indentless sequence", Plan.Replace("spec:\n  projectId: proj-1\n", "spec:\n  projectId: proj-1\n  scope:\n    inScope:\n    - a\n    - b\n    outOfScope: [c]\n", StringComparison.Ordinal));
        yield return Case("wide dash spacing", Backlog + "    -   id: a\n        type: epic\n        title: A\n    -  id: b\n       type: epic\n       title: B\n");
        yield return Case("nested flow", Plan + "  schedule: { start: 2026-01-01, end: 2026-02-01 }\n  resources:\n    - { personId: p-1, role: Engineer, allocationPct: 50, period: { start: 2026-04-03, end: 2026-09-19 } }\n    - {personId: p-2, role: 'Lead, tech', allocationPct: 20}\n");
        yield return Case("empty flow", Plan + "  scope:\n    inScope: []\n    outOfScope: [ ]\n  budget: {}\n");
        yield return Case("flow strings", Plan + "  scope:\n    inScope: [a b, 'c, d', \"e] f\", g#h]\n");
        yield return Case("non-ascii", Plan.Replace("title: Plan", "title: Zoë 🚀 plan", StringComparison.Ordinal) + "  scope:\n    inScope: [é, 🚀x, 'ü', z]\n    outOfScope: [ { a: 🚀 } ]\n  version: \"Zoë\"\n");
        yield return Case("non-ascii keys", Plan + "  scope:\n    inScope:\n      - zoë: 🚀\n        ü: x\n");
        yield return Case("many keys", Plan + "  scope:\n" + string.Concat(Enumerable.Range(0, 40).Select(i => $"    k{i}: v{i}\n")));
        yield return Case("many flow keys", Plan + "  scope: {" + string.Join(", ", Enumerable.Range(0, 40).Select(i => $"k{i}: v{i}")) + "}\n");
        yield return Case("dates in order", Plan + "  schedule:\n    start: 2026-01-01\n    end: 2026-01-01\n");
        yield return Case("dates ignored when not dates", Plan + "  schedule:\n    start: 2026-05-01\n    end: soon\n  budget: {start: 7, end: 2026-01-01}\n");
        yield return Case("key with no space before value on next line", Plan.Replace("metadata:\n", "metadata:   \n", StringComparison.Ordinal));
        yield return Case("envelope quoted", Plan.Replace("kind: ProjectPlan", "kind: \"ProjectPlan\"", StringComparison.Ordinal).Replace("id: plan-1", "'id': 'plan-1'", StringComparison.Ordinal));
        yield return Case("unknown property (strict path falls back)", Plan + "  surprise: 1\n");
        yield return Case("merge key as plain", Plan + "  <<: x\n");
        yield return Case("backslashes and html", Plan + "  version: C:\\path\\to\n  approvedBy: '<a href=\"x\">&amp; \\ + </a>'\n  approvedOn: \"it's <b>\"\n");
        yield return Case("non-ascii spaces kept", Plan + "  version: a\u00A0\n  approvedBy: \u2003b\n");
        yield return Case("folded block strip", Plan + "  version: >-\n    Whoever needs it gets it: in one place # not a comment\n    in minutes.\n  approvedBy: p-1\n");
        yield return Case("folded block clip", Plan + "  version: >\n      one\n      two\n\n\n  approvedBy: p-1\n");
        yield return Case("literal block strip", Plan + "  version: |-   # header comment\n    one: 1\n    - two\n  approvedBy: p-1\n");
        yield return Case("literal block clip at the end", Plan + "  version: |\n    one\n    two\n");
        yield return Case("literal block crlf", (Plan + "  version: |\n    one\n    'two'\n  approvedBy: p-1\n").Replace("\n", "\r\n", StringComparison.Ordinal));
        yield return Case("block scalar as a date", Plan + "  schedule:\n    start: >-\n      2026-01-01\n    end: |-\n      2026-02-01\n");
        yield return Case("block scalar in a sequence item's mapping", Backlog + "    - id: a\n      type: epic\n      title: >-\n        A long\n        title\n      priority: 1\n    - id: b\n      type: epic\n      title: |\n        B\n");
        yield return Case("block scalar before a marker", Plan + "  version: >-\n    v\n---\n" + Plan.Replace("plan-1", "plan-2", StringComparison.Ordinal));
    }

    public static IEnumerable<TestCaseData> GivenUp()
    {
        yield return Case("anchor", Plan + "  milestones:\n    - &m {id: m1, name: M}\n");
        yield return Case("alias", Plan + "  milestones:\n    - &m {id: m1, name: M}\n    - *m\n");
        yield return Case("tag", Plan + "  version: !!str 1.0\n");
        yield return Case("local tag", Plan + "  version: !x v\n");
        yield return Case("literal block keep", Plan + "  version: |+\n    two\n    lines\n");
        yield return Case("folded block indentation indicator", Plan + "  version: >2\n    folded\n");
        yield return Case("folded block more indented", Plan + "  version: >\n    one\n      two\n");
        yield return Case("folded block blank inside", Plan + "  version: >\n    one\n\n    two\n");
        yield return Case("folded block trailing space", Plan + "  version: >\n    one \n    two\n");
        yield return Case("block scalar at the end without newline", Plan + "  version: |\n    one");
        yield return Case("block scalar empty", Plan + "  version: |\n  approvedBy: p-1\n");
        yield return Case("block scalar in a sequence", Plan + "  scope:\n    inScope:\n      - >-\n        one\n");
        yield return Case("block scalar reversed dates", Plan + "  schedule:\n    start: >-\n      2026-02-01\n    end: 2026-01-01\n");
        yield return Case("multi-line plain", Plan + "  version: one\n    two\n");
        yield return Case("multi-line plain in sequence", Plan + "  scope:\n    inScope:\n      - one\n        two\n");
        yield return Case("multi-line double quoted", Plan + "  version: \"one\n    two\"\n");
        yield return Case("multi-line single quoted", Plan + "  version: 'one\n    two'\n");
        yield return Case("double-quoted escape", Plan + "  version: \"a\\\"b\"\n");
        yield return Case("unicode escape", Plan + "  version: \"\\u00e9\"\n");
        yield return Case("single-quote escape", Plan + "  version: 'it''s'\n");
        yield return Case("tab indentation", Plan + "\tversion: v\n");
        yield return Case("tab in value", Plan + "  version: a\tb\n");
        yield return Case("directive", "%YAML 1.2\n---\n" + Plan);
        yield return Case("complex key", Plan + "  ? version\n  : v\n");
        yield return Case("flow over lines", Plan + "  scope:\n    inScope: [a,\n      b]\n");
        yield return Case("flow trailing comma", Plan + "  scope:\n    inScope: [a, ]\n");
        yield return Case("flow single pair", Plan + "  scope:\n    inScope: [a: b]\n");
        yield return Case("flow colon without space", Plan + "  budget: {a:b}\n");
        yield return Case("flow key without value", Plan + "  budget: {a, b: c}\n");
        yield return Case("flow comment", Plan + "  scope:\n    inScope: [a #c\n    ]\n");
        yield return Case("null value", Plan + "  version:\n");
        yield return Case("tilde", Plan + "  version: ~\n");
        yield return Case("null word", Plan + "  version: null\n");
        yield return Case("null in flow", Plan + "  budget: {approved: Null}\n");
        yield return Case("empty quoted", Plan + "  version: ''\n");
        yield return Case("blank quoted", Plan + "  version: \"   \"\n");
        yield return Case("non-breaking space only", Plan + "  version: \u00A0\n");
        yield return Case("duplicate key", Plan + "  projectId: again\n");
        yield return Case("duplicate flow key", Plan + "  budget: {a: 1, a: 2}\n");
        yield return Case("duplicate among many keys", Plan + "  scope:\n" + string.Concat(Enumerable.Range(0, 20).Select(i => $"    k{i}: v{i}\n")) + "    k3: again\n");
        yield return Case("reversed dates", Plan + "  schedule:\n    start: 2026-02-01\n    end: 2026-01-01\n");
        yield return Case("reversed flow dates", Plan + "  schedule: {start: 2026-02-01, end: 2026-01-01}\n");
        yield return Case("empty document", "---\n---\n" + Plan);
        yield return Case("trailing empty document", Plan + "---\n");
        yield return Case("only comments", "# nothing\n\n# here\n");
        yield return Case("root sequence", "- " + Plan.Replace("\n", "\n  ", StringComparison.Ordinal));
        yield return Case("root scalar", "just text\n");
        yield return Case("indented root", "  " + Plan.Replace("\n", "\n  ", StringComparison.Ordinal));
        yield return Case("lone carriage return", Plan.Replace("title: Plan\n", "title: Plan\r", StringComparison.Ordinal));
        yield return Case("content on marker line", "--- a: b\n" + Plan);
        yield return Case("bare document after end marker", Plan + "...\n" + Plan.Replace("plan-1", "plan-2", StringComparison.Ordinal));
        yield return Case("space before colon", Plan.Replace("title: Plan", "title : Plan", StringComparison.Ordinal));
        yield return Case("item on next line", Backlog + "    -\n      id: a\n      type: epic\n      title: A\n");
        yield return Case("nested inline sequence", Plan + "  scope:\n    inScope:\n      - - a\n");
        yield return Case("value then colon", Plan + "  version: a: b\n");
        yield return Case("quoted then text", Plan + "  version: 'a'b\n");
        yield return Case("quoted then hash", Plan + "  version: 'a'#b\n");
        yield return Case("key without space after colon", Plan + "  version:v\n");
        yield return Case("misaligned key", Plan + "   version: v\n");
        yield return Case("misaligned sequence", Plan + "  scope:\n    inScope:\n      - a\n     - b\n");
        yield return Case("sequence where a key belongs", Plan + "  - a\n");
        yield return Case("next-line scalar value", Plan + "  version:\n    v2\n");
        yield return Case("line separator", Plan + "  version: a\u2028b\n");
        yield return Case("next line character", Plan + "  version: a\u0085b\n");
        yield return Case("bom inside", Plan + "  version: a\uFEFFb\n");
        yield return Case("long key", Plan + "  " + new string('k', 1100) + ": v\n");
        yield return Case("unknown kind", Plan.Replace("ProjectPlan", "ProjectPlna", StringComparison.Ordinal));
        yield return Case("missing id", Plan.Replace("  id: plan-1\n", string.Empty, StringComparison.Ordinal));
        yield return Case("reserved indicator", Plan + "  version: @v\n");
        yield return Case("dash colon key", Plan + "  -: v\n");
        yield return Case("too deep", Plan + "  scope:\n" + string.Concat(Enumerable.Range(0, 140).Select(i => new string(' ', 4 + (2 * i)) + $"k{i}:\n")) + new string(' ', 4 + 280) + "leaf: x\n");
        yield return Case("too deep flow", Plan + "  scope: " + new string('[', 140) + "x" + new string(']', 140) + "\n");
    }

    private static TestCaseData Case(string name, string content) => new TestCaseData(name, Encoding.UTF8.GetBytes(content)).SetName($"Block scanner: {name}");

    [TestCaseSource(nameof(Accepted))]
    public void Takes_the_block_subset_and_writes_what_the_event_writer_writes(string name, byte[] content)
    {
        Assert.That(AssertSameAsEvents(name, content), Is.True, "the scanner should take this file");
        CompactLoadingTests.AssertSame(name + ".yaml", content);
    }

    [TestCaseSource(nameof(GivenUp))]
    public void Gives_up_on_everything_else_and_loading_still_agrees_with_the_full_path(string name, byte[] content)
    {
        Assert.That(AssertSameAsEvents(name, content), Is.False, "the scanner should give up on this file");
        CompactLoadingTests.AssertSame(name + ".yaml", content);
    }

    [Test]
    public void Agrees_with_the_event_writer_on_the_samples_and_the_corpus()
    {
        var files = Directory.EnumerateFiles(Path.Combine(CompactLoadingTests.RepositoryRoot, "samples"), "*", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(TestContext.CurrentContext.TestDirectory, "Corpus", "Files")))
            .Where(f => Path.GetExtension(f) is ".yaml" or ".yml")
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.That(files, Has.Count.GreaterThan(20));
        var scanned = files.Count(file => AssertSameAsEvents(Path.GetFileName(file), File.ReadAllBytes(file)));
        Assert.That(scanned, Is.GreaterThan(0), "some sample takes the scanner");
    }

    [Test]
    public void Every_file_of_a_generated_portfolio_takes_the_scanner_and_loads_as_the_full_path_loads_it()
    {
        var folder = Directory.CreateTempSubdirectory("governance-yamlscan-");
        try
        {
            var portfolio = PortfolioGenerator.Write(folder.FullName, projects: 6, PortfolioFormat.Yaml);
            Assert.That(portfolio.Files, Has.Count.GreaterThan(20));
            foreach (var file in portfolio.Files)
            {
                var content = File.ReadAllBytes(file);
                var name = Path.GetRelativePath(folder.FullName, file);
                Assert.That(AssertSameAsEvents(name, content), Is.True, $"{name} takes the scanner");
                CompactLoadingTests.AssertSame(name, content);
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Test]
    public void The_byte_resolver_agrees_with_the_core_schema_resolver()
    {
        string[] values =
        [
            "0", "-0", "+0", "12", "-12", "+12", "012", "1.5", "-1.5", ".5", "+.5", "-.5", "5.", "1e3", "1E-3", "1.5e+3", "-1e3", "e3", "1e", "1e+",
            "0x", "0x1F", "0xff", "0xFFg", "0x-1", "0o", "0o17", "0o8", "0o-1", "0o777777777777777777777777777", "0xFFFFFFFFFFFFFFFFFF",
            "2026-01-02", "2026-1-2", "1-2", "1+2", "12:30", "1_000", "1,000", "99999999999999999999999999999999", "1.2.3", "--1", "++1", "-+1",
            "~", "null", "Null", "NULL", "nUll", "nulls", "true", "True", "TRUE", "tRue", "false", "False", "FALSE", "yes", "no", "on", "off",
            "-", "+", ".", "..", ".inf", "-.inf", ".nan", "-x", "+x", "fa", "t", "n", "N", "~~", "0b101", "1d", "1f", "1a", "0xAbC", "0XAB", "0O7",
        ];
        foreach (var value in values)
        {
            var expected = YamlDocumentParser.ResolvePlain(value, out var expectedNumber);
            var actual = YamlBlockScanner.Resolve(Encoding.UTF8.GetBytes(value), out var actualNumber);
            Assert.That(actual, Is.EqualTo(expected), value);
            Assert.That(actualNumber, Is.EqualTo(expectedNumber), value);
        }
    }

    /// <summary>
    /// Reads <paramref name="content"/> with the scanner alone and the event writer alone; where the scanner takes the
    /// file, the event writer must take it too and both must write the same documents. Returns whether the scanner took it.
    /// </summary>
    private static bool AssertSameAsEvents(string name, byte[] content)
    {
        var scanned = YamlDocumentParser.TryReadFast(content, FastReader.Scanner);
        if (scanned is null) return false;
        var events = YamlDocumentParser.TryReadFast(content, FastReader.Events);
        Assert.That(events, Is.Not.Null, $"{name}: the scanner took a file the event writer sends to the full path");
        Assert.That(scanned, Has.Count.EqualTo(events!.Count), $"{name}: documents");
        for (var i = 0; i < scanned.Count; i++)
        {
            Assert.That(Encoding.UTF8.GetString(scanned[i].Json.Span), Is.EqualTo(Encoding.UTF8.GetString(events[i].Json.Span)), $"{name} #{i}: JSON");
            Assert.That(scanned[i].Json.ToArray(), Is.EqualTo(events[i].Json.ToArray()), $"{name} #{i}: JSON bytes");
            Assert.That(scanned[i].LinesAndColumns, Is.EqualTo(events[i].LinesAndColumns), $"{name} #{i}: positions");
            Assert.That(scanned[i].RecordType, Is.EqualTo(events[i].RecordType), $"{name} #{i}: record type");
        }

        return true;
    }
}
