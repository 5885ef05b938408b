using System.Text;
using System.Text.Json;
using Governance.Rules.Loading;

namespace Governance.Rules.Tests.Loading;

/// <summary>
/// The loader's fast path (events or bytes straight to records, source maps built on demand) must give exactly what
/// the full path (nodes, normalising, schema) gives: the same records, findings and source maps, file by file.
/// </summary>
[TestFixture]
[Category("Loading")]
public sealed class CompactLoadingTests
{
    internal const string Plan = "apiVersion: governance/v1\nkind: ProjectPlan\nmetadata:\n  id: plan-1\n  title: Plan\nspec:\n  projectId: proj-1\n";

    internal static string RepositoryRoot
    {
        get
        {
            var folder = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
            while (folder is not null && !Directory.Exists(Path.Combine(folder.FullName, "samples")))
                folder = folder.Parent;
            return folder?.FullName ?? throw new DirectoryNotFoundException("repository root");
        }
    }

    public static IEnumerable<TestCaseData> Documents()
    {
        // Clean documents: the fast path takes them.
        yield return Case("plain.yaml", Plan, fast: true);
        yield return Case("numbers.yaml", Plan + "  budget:\n    approved: {amount: 1.50, currency: EUR}\n  riskRegister:\n    - id: r1\n      title: 'Risk'\n      probability: 0x3\n      impact: 0o4\n", fast: true);
        yield return Case("quoted.yaml", Plan.Replace("title: Plan", "title: \"007\"", StringComparison.Ordinal) + "  version: \"true\"\n  approvedBy: 'x: y'\n", fast: true);
        yield return Case("anchor.yaml", Plan + "  milestones:\n    - &m {id: m1, name: \"M \\u00e9\", baselineDate: 2026-01-02}\n", fast: true);
        yield return Case("block.yaml", Plan.Replace("title: Plan", "title: |\n    two\n    lines", StringComparison.Ordinal), fast: true);
        yield return Case("multi.yaml", Plan + "---\n" + Plan.Replace("plan-1", "plan-2", StringComparison.Ordinal) + "...\n", fast: true);
        yield return Case("dates.yaml", Plan + "  schedule: {start: 2026-01-01, end: 2026-02-01}\n", fast: true);
        yield return Case("bom-crlf.yaml", "\uFEFF" + Plan.Replace("\n", "\r\n", StringComparison.Ordinal) + "  approvedBy: \"Zoë 🚀\"\r\n  version: v1\r\n", fast: true);
        yield return Case("wide.json", "{\r\n\"apiVersion\": \"governance/v1\", \"kind\": \"ProjectPlan\",\r\n\"metadata\": {\"title\": \"Zoë 🚀\", \"id\": \"w\"}, \"spec\": {\"version\": \"ü\", \"approvedBy\": \"x\"}}", fast: true);
        yield return Case("plan.json", """{"apiVersion":"governance/v1","kind":"ProjectPlan","metadata":{"id":"p\u00e9","title":"A \"b\""},"spec":{"projectId":"x","budget":{"approved":{"amount":12.50,"currency":"EUR"}}}}""", fast: true);
        yield return Case("array.json", "\uFEFF[\n  {\"apiVersion\": \"governance/v1\", \"kind\": \"Project\", \"metadata\": {\"id\": \"a\"}, \"spec\": {}},\n  {\"apiVersion\": \"governance/v1\", \"kind\": \"ProjectPlan\", \"metadata\": {\"id\": \"b\"}, \"spec\": {\"projectId\": \"a\"}}\n]\n", fast: true);

        // Documents the full path must take: the results are still compared.
        yield return Case("blank.yaml", Plan + "  version: '  '\n  approvedBy:\n", fast: false);
        yield return Case("alias.yaml", Plan + "  milestones:\n    - &m {id: m1, name: M}\n    - *m\n", fast: false);
        yield return Case("reversed.yaml", Plan + "  schedule: {start: 2026-02-01, end: 2026-01-01}\n", fast: false);
        yield return Case("duplicate.yaml", Plan + "  projectId: again\n", fast: false);
        yield return Case("unknown.yaml", Plan + "  surprise: 1\n", fast: false);
        yield return Case("kind.yaml", Plan.Replace("ProjectPlan", "ProjectPlna", StringComparison.Ordinal), fast: false);
        yield return Case("sequence.yaml", "- " + Plan.Replace("\n", "\n  ", StringComparison.Ordinal), fast: false);
        yield return Case("broken.yaml", Plan + "---\nkind: [\n---\n" + Plan.Replace("plan-1", "plan-3", StringComparison.Ordinal), fast: false);
        yield return Case("exponent.json", """{"apiVersion":"governance/v1","kind":"ProjectPlan","metadata":{"id":"e"},"spec":{"budget":{"approved":{"amount":1e3,"currency":"EUR"}}}}""", fast: false);
        yield return Case("null.json", """{"apiVersion":"governance/v1","kind":"ProjectPlan","metadata":{"id":"n","title":null},"spec":{}}""", fast: false);
        yield return Case("duplicate.json", """{"apiVersion":"governance/v1","kind":"ProjectPlan","metadata":{"id":"d"},"spec":{},"spec":{}}""", fast: false);
        yield return Case("mixed.json", """[{"apiVersion":"governance/v1","kind":"ProjectPlan","metadata":{"id":"m"},"spec":{}}, 3]""", fast: false);

        // JSON in one pass: what the converters and setters now reject while deserializing, and what they let through.
        foreach (var (name, spec, fast) in SinglePassCases()) yield return Case(name, JsonPlan(spec), fast);
        foreach (var (name, content, fast) in SinglePassEnvelopes()) yield return Case(name, content, fast);
    }

    /// <summary>A JSON project plan whose <c>spec</c> (and, through <c>{m}</c>, extra metadata members) a case fills in.</summary>
    private static string JsonPlan(string spec) =>
        "{\n  \"apiVersion\": \"governance/v1\",\n  \"kind\": \"ProjectPlan\",\n  \"metadata\": {\"id\": \"plan-1\", \"title\": \"Plan\"},\n  \"spec\": " + spec + "\n}\n";

    private static IEnumerable<(string Name, string Spec, bool Fast)> SinglePassCases()
    {
        const string Risk = """{"id": "r1", "title": "Risk", "probability": 3, "impact": 4}""";
        yield return ("sp-clean.json", """{"projectId": "p", "budget": {"approved": {"amount": 12.50, "currency": "EUR"}}, "riskRegister": [""" + Risk + "]}", true);
        yield return ("sp-null-string.json", """{"projectId": null}""", false);
        yield return ("sp-blank-string.json", """{"projectId": " \t "}""", false);
        yield return ("sp-empty-string.json", """{"projectId": ""}""", false);
        yield return ("sp-blank-escaped.json", """{"projectId": "\u0020\u00a0"}""", false);
        yield return ("sp-null-object.json", """{"budget": null}""", false);
        yield return ("sp-null-nested-object.json", """{"budget": {"approved": null}}""", false);
        yield return ("sp-null-list.json", """{"riskRegister": null}""", false);
        yield return ("sp-null-list-element.json", """{"riskRegister": [""" + Risk + ", null]}", false);
        yield return ("sp-null-string-element.json", """{"constraints": ["a", null]}""", false);
        yield return ("sp-blank-string-element.json", """{"constraints": ["a", " "]}""", false);
        yield return ("sp-null-number.json", """{"riskRegister": [{"id": "r1", "title": "Risk", "probability": null}]}""", false);
        yield return ("sp-null-date.json", """{"schedule": {"start": null, "end": "2026-01-01"}}""", false);
        yield return ("sp-null-enum.json", """{"riskRegister": [{"id": "r1", "title": "Risk", "status": null}]}""", false);
        yield return ("sp-duplicate-key.json", """{"projectId": "a", "projectId": "b"}""", false);
        yield return ("sp-duplicate-nested-key.json", """{"budget": {"approved": {"amount": 1, "amount": 2, "currency": "EUR"}}}""", false);
        yield return ("sp-duplicate-escaped-key.json", """{"projectId": "a", "project\u0049d": "b"}""", false);
        yield return ("sp-escaped-key.json", """{"project\u0049d": "a", "budget": {"appr\u006fved": {"amount": 1, "currency": "EUR"}}}""", true);
        yield return ("sp-escaped-value.json", """{"projectId": "p\u00e9\n\"x\"", "approvedBy": "\ud83d\ude80"}""", true);
        yield return ("sp-lone-surrogate-value.json", """{"projectId": "\ud800"}""", false);
        yield return ("sp-lone-surrogate-key.json", """{"project\ud800Id": "p"}""", false);
        yield return ("sp-exponent.json", """{"budget": {"approved": {"amount": 1E3, "currency": "EUR"}}}""", false);
        yield return ("sp-exponent-int.json", """{"riskRegister": [{"id": "r1", "title": "Risk", "probability": 3e0}]}""", false);
        yield return ("sp-long-number.json", """{"budget": {"approved": {"amount": 1.0000000000000000000001, "currency": "EUR"}}}""", false);
        yield return ("sp-twenty-digits.json", """{"budget": {"approved": {"amount": 12345678901234567.89, "currency": "EUR"}}}""", true);
        yield return ("sp-negative-zero.json", """{"budget": {"approved": {"amount": -0.0, "currency": "EUR"}}}""", true);
        yield return ("sp-fraction-int.json", """{"riskRegister": [{"id": "r1", "title": "Risk", "probability": 3.0}]}""", false);
        yield return ("sp-huge-int.json", """{"riskRegister": [{"id": "r1", "title": "Risk", "probability": 99999999999}]}""", false);
        yield return ("sp-out-of-range.json", """{"riskRegister": [{"id": "r1", "title": "Risk", "probability": 6}]}""", false);
        yield return ("sp-number-for-string.json", """{"projectId": 5}""", false);
        yield return ("sp-bool-for-string.json", """{"projectId": true}""", false);
        yield return ("sp-string-for-number.json", """{"riskRegister": [{"id": "r1", "title": "Risk", "probability": "3"}]}""", false);
        yield return ("sp-object-for-string.json", """{"projectId": {"a": 1}}""", false);
        yield return ("sp-reversed-dates.json", """{"schedule": {"start": "2026-02-01", "end": "2026-01-01"}}""", false);
        yield return ("sp-reversed-nested-dates.json", """{"resources": [{"personId": "p1", "period": {"start": "2026-02-01", "end": "2026-01-31"}}]}""", false);
        yield return ("sp-same-day.json", """{"schedule": {"start": "2026-02-01", "end": "2026-02-01"}}""", true);
        yield return ("sp-open-range.json", """{"schedule": {"end": "2026-02-01"}}""", true);
        yield return ("sp-bad-date.json", """{"schedule": {"start": "2026-02-30", "end": "2026-03-01"}}""", false);
        yield return ("sp-date-time.json", """{"schedule": {"start": "2026-02-01T00:00:00", "end": "2026-03-01"}}""", false);
        yield return ("sp-bad-enum.json", """{"riskRegister": [{"id": "r1", "title": "Risk", "status": "Open"}]}""", false);
        yield return ("sp-unknown-enum.json", """{"riskRegister": [{"id": "r1", "title": "Risk", "status": "ajar"}]}""", false);
        yield return ("sp-integer-enum.json", """{"riskRegister": [{"id": "r1", "title": "Risk", "status": 1}]}""", false);
        yield return ("sp-unknown-member.json", """{"surprise": 1}""", false);
        yield return ("sp-case-member.json", """{"ProjectId": "p"}""", false);
        yield return ("sp-unknown-nested-member.json", """{"budget": {"approved": {"amount": 1, "currency": "EUR", "rate": 2}}}""", false);
        yield return ("sp-array-for-object.json", """{"budget": []}""", false);
        yield return ("sp-deep.json", """{"projectId": """ + new string('[', 200) + new string(']', 200) + "}", false);
    }

    private static IEnumerable<(string Name, string Content, bool Fast)> SinglePassEnvelopes()
    {
        const string Body = "\"metadata\": {\"id\": \"e\"}, \"spec\": {}";
        yield return ("env-kind-last.json", "{" + Body + ", \"kind\": \"ProjectPlan\", \"apiVersion\": \"governance/v1\"}", true);
        yield return ("env-escaped-kind-key.json", "{\"apiVersion\": \"governance/v1\", \"k\\u0069nd\": \"ProjectPlan\", " + Body + "}", true);
        yield return ("env-escaped-kind.json", "{\"apiVersion\": \"governance/v1\", \"kind\": \"Project\\u0050lan\", " + Body + "}", true);
        yield return ("env-no-api-version.json", "{\"kind\": \"ProjectPlan\", " + Body + "}", false);
        yield return ("env-null-api-version.json", "{\"apiVersion\": null, \"kind\": \"ProjectPlan\", " + Body + "}", false);
        yield return ("env-other-api-version.json", "{\"apiVersion\": \"governance/v2\", \"kind\": \"ProjectPlan\", " + Body + "}", false);
        yield return ("env-no-kind.json", "{\"apiVersion\": \"governance/v1\", " + Body + "}", false);
        yield return ("env-unknown-kind.json", "{\"apiVersion\": \"governance/v1\", \"kind\": \"Plan\", " + Body + "}", false);
        yield return ("env-config-kind.json", "{\"apiVersion\": \"governance/v1\", \"kind\": \"" + Model.ArtifactKinds.ConfigKind + "\", " + Body + "}", false);
        yield return ("env-duplicate-kind.json", "{\"apiVersion\": \"governance/v1\", \"kind\": \"ProjectPlan\", \"kind\": \"Project\", " + Body + "}", false);
        yield return ("env-no-id.json", "{\"apiVersion\": \"governance/v1\", \"kind\": \"ProjectPlan\", \"metadata\": {\"title\": \"t\"}, \"spec\": {}}", false);
        yield return ("env-no-metadata.json", "{\"apiVersion\": \"governance/v1\", \"kind\": \"ProjectPlan\", \"spec\": {}}", false);
        yield return ("env-root-null.json", "null", false);
        yield return ("env-root-string.json", "\"ProjectPlan\"", false);
        yield return ("env-empty-array.json", "[]", false);
        yield return ("env-null-element.json", "[" + JsonPlan("{}") + ", null]", false);
        yield return ("env-trailing-content.json", JsonPlan("{}") + " {}", false);
        yield return ("env-trailing-comma.json", JsonPlan("{\"projectId\": \"p\",}"), false);
        yield return ("env-comment.json", "// plan\n" + JsonPlan("{}"), false);
        yield return ("env-truncated.json", JsonPlan("{}")[..40], false);
        yield return ("env-two-elements.json", "[" + JsonPlan("{}") + ", " + JsonPlan("{\"projectId\": \"p\"}").Replace("plan-1", "plan-2", StringComparison.Ordinal) + "]", true);
    }

    private static TestCaseData Case(string file, string content, bool fast) =>
        new TestCaseData(file, Encoding.UTF8.GetBytes(content), fast).SetName($"Fast and full paths agree on {file}");

    [TestCaseSource(nameof(Documents))]
    public void Fast_and_full_paths_agree(string file, byte[] content, bool fast)
    {
        var tookFastPath = AssertSame(file, content);
        Assert.That(tookFastPath, Is.EqualTo(fast), fast ? "the fast path should take this file" : "this file needs the full path");
    }

    [Test]
    public void Fast_and_full_paths_agree_on_the_samples_and_the_corpus()
    {
        var files = Directory.EnumerateFiles(Path.Combine(RepositoryRoot, "samples"), "*", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(TestContext.CurrentContext.TestDirectory, "Corpus", "Files")))
            .Where(f => Path.GetExtension(f) is ".yaml" or ".yml" or ".json")
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.That(files, Has.Count.GreaterThan(20));
        var fast = 0;
        foreach (var file in files)
        {
            if (AssertSame(Path.GetFileName(file), File.ReadAllBytes(file))) fast++;
        }

        Assert.That(fast, Is.GreaterThan(0), "some sample takes the fast path");
    }

    [Test]
    public void Every_json_file_of_the_generated_portfolio_takes_the_fast_path_and_agrees_with_the_full_path()
    {
        var folder = Directory.CreateTempSubdirectory("governance-compact-generated-");
        try
        {
            // Two projects: a closed one (handover, post-mortem) and a running one (status report), with a product of each kind.
            var portfolio = Benchmarks.PortfolioGenerator.Write(folder.FullName, projects: 2, Benchmarks.PortfolioFormat.Json);
            Assert.That(portfolio.Files, Has.Count.EqualTo(12));
            var records = new List<string>();
            foreach (var file in portfolio.Files.Order(StringComparer.Ordinal))
            {
                var content = File.ReadAllBytes(file);
                Assert.That(AssertSame(Path.GetFileName(file), content, nearMisses: false), Is.True, $"{file} should take the fast path");
                records.AddRange(ArtifactLoader.LoadContent(Path.GetFileName(file), content, fastPath: true).Artifacts.Select(a => Json(a.Artifact)));
            }

            Assert.That(records, Has.Count.EqualTo(portfolio.Artifacts));

            // LoadPaths reads JSON files into pooled buffers, in parallel: the records must not see another file's bytes.
            var loaded = new ArtifactLoader().LoadPaths([folder.FullName]);
            Assert.That(loaded.Findings, Is.Empty);
            Assert.That(loaded.Artifacts.All(a => a.Document.Map.IsCompact), Is.True, "LoadPaths takes the fast path too");
            Assert.That(loaded.Artifacts.Select(a => Json(a.Artifact)), Is.EqualTo(records));
            Assert.That(loaded.Artifacts[^1].Document.Map.TryGetPosition("/metadata/id", out var position), Is.True);
            Assert.That(position.Line, Is.GreaterThan(1));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Test]
    public void Every_number_in_the_model_is_read_by_a_converter_of_the_single_pass()
    {
        // The single pass checks numbers in converters for int, long, decimal and double only: a model property of
        // another number type would read exponents and long numbers that the full path reads through decimal.
        Type[] checkedTypes = [typeof(int), typeof(long), typeof(decimal), typeof(double)];
        var numbers = typeof(Model.Artifact).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(Model.Artifact).Namespace)
            .SelectMany(t => t.GetProperties())
            .Select(p => Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType)
            .Select(t => t.IsGenericType && t.GetGenericArguments() is [var element] ? Nullable.GetUnderlyingType(element) ?? element : t)
            .Where(t => (t.IsPrimitive && t != typeof(bool) && t != typeof(char)) || t == typeof(decimal))
            .Distinct()
            .ToList();
        Assert.That(numbers, Is.Not.Empty);
        Assert.That(numbers, Is.SubsetOf(checkedTypes));
    }

    [Test]
    public void The_string_cache_gives_back_equal_strings_and_only_takes_short_ascii_values_that_are_not_blank()
    {
        var values = Enumerable.Range(0, 20_000).Select(i => $"value-{i * 7919 % 10_007}").ToList();
        foreach (var value in values.Concat(values))
        {
            Assert.That(StringCache.TryGet(Encoding.UTF8.GetBytes(value), out var cached), Is.True, value);
            Assert.That(cached, Is.EqualTo(value));
        }

        Assert.That(StringCache.TryGet("p-02"u8, out var first) && StringCache.TryGet("p-02"u8, out var second) && ReferenceEquals(first, second), Is.True, "a repeated value is one string");
        Assert.That(StringCache.TryGet("Zoë"u8, out _), Is.False, "not ASCII");
        Assert.That(StringCache.TryGet(Encoding.UTF8.GetBytes(new string('x', StringCache.MaxLength + 1)), out _), Is.False, "too long");
        Assert.That(StringCache.TryGet(" \t "u8, out _), Is.False, "blank");
        for (var c = (char)1; c < 128; c++)
        {
            var text = new string(c, 3);
            Assert.That(StringCache.TryGet(Encoding.ASCII.GetBytes(text), out _), Is.EqualTo(!string.IsNullOrWhiteSpace(text)), $"U+{(int)c:X4}: blank exactly as string.IsNullOrWhiteSpace says");
        }

        Assert.That(StringCache.TryGet(""u8, out _), Is.False, "empty");
    }

    [Test]
    public void Json_files_are_read_again_for_positions_and_a_changed_file_gives_none_rather_than_wrong_ones()
    {
        var folder = Directory.CreateTempSubdirectory("governance-compact-");
        try
        {
            var content = "[\n  {\"apiVersion\": \"governance/v1\", \"kind\": \"Project\", \"metadata\": {\"id\": \"a\"}, \"spec\": {}},\n" +
                "  {\"apiVersion\": \"governance/v1\", \"kind\": \"ProjectPlan\", \"metadata\": {\"id\": \"b\", \"title\": \"Zoë\"}, \"spec\": {\"projectId\": \"a\"}}\n]\n";
            var path = Path.Combine(folder.FullName, "two.json");
            File.WriteAllText(path, content);
            var loaded = new ArtifactLoader().LoadPaths([folder.FullName]);
            var full = ArtifactLoader.LoadContent("two.json", Encoding.UTF8.GetBytes(content), fastPath: false);
            Assert.That(loaded.Artifacts, Has.Count.EqualTo(2));
            for (var i = 0; i < 2; i++)
            {
                Assert.That(loaded.Artifacts[i].Document.Map.IsCompact, Is.True);
                foreach (var (pointer, position) in full.Artifacts[i].Document.Map.Entries)
                {
                    Assert.That(loaded.Artifacts[i].Document.Map.TryGetPosition(pointer, out var found), Is.True, pointer);
                    Assert.That(found, Is.EqualTo(position), pointer);
                }
            }

            File.WriteAllText(path, content.Replace("\"b\"", "\"bb\"", StringComparison.Ordinal));
            Assert.That(loaded.Artifacts[1].Document.Map.TryGetPosition("/metadata/title", out _), Is.False);
            Assert.That(loaded.Artifacts[1].Document.Map.Count, Is.Zero);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [TestCase("two.json")]
    [TestCase("scanned.yaml")]
    [TestCase("events.yaml")]
    public void Held_file_bytes_give_the_loaded_positions_until_let_go_and_then_the_file_is_read_again(string file)
    {
        var folder = Directory.CreateTempSubdirectory("governance-compact-held-");
        try
        {
            var content = file.EndsWith(".json", StringComparison.Ordinal)
                ? "[\n  {\"apiVersion\": \"governance/v1\", \"kind\": \"ProjectPlan\", \"metadata\": {\"id\": \"b\", \"title\": \"Zoë\"}, \"spec\": {\"projectId\": \"a\"}}\n]\n"
                : YamlFiles().Single(f => f.File == file).Content;
            var path = Path.Combine(folder.FullName, file);
            File.WriteAllText(path, content);
            var loaded = new ArtifactLoader().LoadPaths([folder.FullName], new LoadOptions { HoldFileBytes = true });
            var full = ArtifactLoader.LoadContent(file, Encoding.UTF8.GetBytes(content), fastPath: false);
            var map = loaded.Artifacts[0].Document.Map;
            Assert.That(map.ReadsFileAgain, Is.True, "the compact document is let go; the file's bytes are held instead");

            File.Delete(path);
            foreach (var (pointer, position) in full.Artifacts[0].Document.Map.Entries)
            {
                Assert.That(map.TryGetPosition(pointer, out var found), Is.True, $"{pointer}: from the held bytes, the file is gone");
                Assert.That(found, Is.EqualTo(position), pointer);
            }

            map.LetGoOfHeldBytes();
            map.LetGoOfHeldBytes(); // twice is once
            Assert.That(map.TryGetPosition("/metadata/title", out _), Is.False, "let go: the file is read again, and it is gone");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Test]
    public void Held_bytes_let_go_while_a_reader_uses_them_stay_intact_until_the_reader_is_done()
    {
        var folder = Directory.CreateTempSubdirectory("governance-compact-lease-");
        try
        {
            var path = Path.Combine(folder.FullName, "f.json");
            File.WriteAllText(path, "on disk");
            var info = new FileInfo(path);
            var file = new FileBytes(path, 4, info.LastWriteTimeUtc);
            var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(4);
            "held"u8.CopyTo(buffer);
            file.Hold(buffer, pooled: true);
            Assert.That(file.IsHeld, Is.True);

            Assert.That(file.TryReadAll(out var bytes, out var lease), Is.True);
            file.LetGo();
            Assert.That(file.IsHeld, Is.False, "let go: later readers read the file");
            Assert.That(Encoding.UTF8.GetString(bytes.Span), Is.EqualTo("held"), "the reader's bytes are not returned to the pool while it reads");
            Assert.That(file.TryReadAll(out _, out _), Is.False, "the file no longer has the length it had when loaded");
            lease.Dispose();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>YAML files: one the block scanner takes (with a BOM and CRLF), one it gives up on (the event writer takes it), several documents.</summary>
    private static IEnumerable<(string File, string Content, bool Scanner)> YamlFiles()
    {
        yield return ("scanned.yaml", "\uFEFF" + Plan.Replace("\n", "\r\n", StringComparison.Ordinal) + "  approvedBy: \"Zoë 🚀\"\r\n  milestones:\r\n    - { id: m1, name: M, baselineDate: 2026-01-02 }\r\n", true);
        yield return ("events.yaml", Plan + "  approvedBy: \"Zo\\u00eb \\\"x\\\"\"\n  milestones:\n    - &m {id: m1, name: \"M \\u00e9\", baselineDate: 2026-01-02}\n", false);
        yield return ("multi.yaml", Plan + "---\n" + Plan.Replace("plan-1", "plan-2", StringComparison.Ordinal) + "  version: 'v 2'\n...\n", true);
        yield return ("multi-events.yaml", Plan + "---\n" + Plan.Replace("plan-1", "plan-2", StringComparison.Ordinal) + "  version: \"v\\t2\"\n", false);
    }

    [Test]
    public void Yaml_files_are_scanned_again_for_positions_that_equal_those_of_the_kept_document()
    {
        var folder = Directory.CreateTempSubdirectory("governance-compact-yaml-");
        try
        {
            var files = YamlFiles().ToList();
            foreach (var (file, content, _) in files) File.WriteAllText(Path.Combine(folder.FullName, file), content);
            var loaded = new ArtifactLoader().LoadPaths(["."], new LoadOptions { WorkingDirectory = folder.FullName });
            var kept = new ArtifactLoader().LoadPaths(["."], new LoadOptions { WorkingDirectory = folder.FullName, KeepCompactDocuments = true });
            Assert.That(loaded.Findings, Is.Empty);
            Assert.That(loaded.Artifacts, Has.Count.EqualTo(6));
            Assert.That(kept.Artifacts.Select(a => a.Document.File), Is.EqualTo(loaded.Artifacts.Select(a => a.Document.File)));
            foreach (var (file, content, scanner) in files)
            {
                var bytes = File.ReadAllBytes(Path.Combine(folder.FullName, file));
                Assert.That(YamlDocumentParser.TryReadFast(bytes, FastReader.Scanner) is not null, Is.EqualTo(scanner), $"{file}: the scanner {(scanner ? "takes" : "gives up on")} it");
                Assert.That(YamlDocumentParser.TryReadFast(bytes, FastReader.Events), Is.Not.Null, $"{file}: the event writer takes it");
                var full = ArtifactLoader.LoadContent(file, bytes, fastPath: false);
                var mine = loaded.Artifacts.Where(a => a.Document.File == file).ToList();
                var mineKept = kept.Artifacts.Where(a => a.Document.File == file).ToList();
                Assert.That(mine, Has.Count.EqualTo(full.Artifacts.Count).And.Count.GreaterThan(0), file);
                for (var i = 0; i < mine.Count; i++)
                {
                    var (map, keptMap) = (mine[i].Document.Map, mineKept[i].Document.Map);
                    Assert.That(map.IsCompact && map.ReadsFileAgain, Is.True, $"{file} #{i}: the compact document is let go");
                    Assert.That(keptMap.IsCompact && !keptMap.ReadsFileAgain, Is.True, $"{file} #{i}: the compact document is kept");
                    foreach (var (pointer, position) in full.Artifacts[i].Document.Map.Entries)
                    {
                        Assert.That(map.TryGetPosition(pointer, out var found), Is.True, $"{file} #{i}: {pointer}");
                        Assert.That(found, Is.EqualTo(position), $"{file} #{i}: {pointer}");
                        Assert.That(keptMap.TryGetPosition(pointer, out var keptFound) && keptFound == found, Is.True, $"{file} #{i}: {pointer} kept");
                        foreach (var near in new[] { pointer + "/0", pointer + "/x", pointer + "~2" })
                            Assert.That(map.Contains(near), Is.EqualTo(keptMap.Contains(near)), $"{file} #{i}: {near}");
                    }

                    Assert.That(Sorted(map.Entries), Is.EqualTo(Sorted(keptMap.Entries)), $"{file} #{i}: every entry");
                }
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Test]
    public void Yaml_records_share_repeated_short_strings_as_json_records_do()
    {
        var content = Plan + "  milestones:\n    - { id: m1, name: Launch, baselineDate: 2026-01-02 }\n    - { id: m2, name: Launch, baselineDate: 2026-02-02 }\n";
        var artifact = (Model.ProjectPlan)ArtifactLoader.LoadContent("plan.yaml", Encoding.UTF8.GetBytes(content), fastPath: true).Artifacts.Single().Artifact;
        var milestones = artifact.Spec.Milestones;
        Assert.That(milestones[1].Name, Is.EqualTo("Launch"));
        Assert.That(ReferenceEquals(milestones[0].Name, milestones[1].Name), Is.True, "one string for a repeated value");
    }

    [TestCase("scanned.yaml")]
    [TestCase("events.yaml")]
    public void A_changed_or_deleted_yaml_file_gives_no_position_rather_than_a_wrong_one(string file)
    {
        var folder = Directory.CreateTempSubdirectory("governance-compact-yaml-");
        try
        {
            var content = YamlFiles().Single(f => f.File == file).Content;
            var path = Path.Combine(folder.FullName, file);
            File.WriteAllText(path, content);
            var written = File.GetLastWriteTimeUtc(path);
            var artifact = new ArtifactLoader().LoadPaths([folder.FullName]).Artifacts.Single();
            Assert.That(artifact.Document.Map.TryGetPosition("/metadata/title", out var before), Is.True);
            Assert.That(before.Line, Is.EqualTo(5));

            // Same length, a line moved: the write time tells (set apart by a second so coarse file systems see it too).
            File.WriteAllText(path, content.Replace("  id: plan-1\n  title: Plan\n", "  title: Plan\n  id: plan-1\n", StringComparison.Ordinal)
                .Replace("  id: plan-1\r\n  title: Plan\r\n", "  title: Plan\r\n  id: plan-1\r\n", StringComparison.Ordinal));
            Assert.That(new FileInfo(path).Length, Is.EqualTo(Encoding.UTF8.GetByteCount(content)));
            File.SetLastWriteTimeUtc(path, written.AddSeconds(2));
            Assert.That(artifact.Document.Map.TryGetPosition("/metadata/title", out _), Is.False, "a changed file gives no position");
            Assert.That(artifact.Document.Map.Count, Is.Zero);

            File.Delete(path);
            Assert.That(artifact.Document.Map.TryGetPosition("/metadata/id", out _), Is.False, "a deleted file gives no position");
            Assert.That(artifact.Document.Map.Contains(""), Is.False);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Compares the two paths (records, findings, every source map entry and near misses); returns whether the fast path took the file.</summary>
    internal static bool AssertSame(string file, byte[] content, bool nearMisses = true)
    {
        var full = ArtifactLoader.LoadContent(file, content, fastPath: false);
        var fast = ArtifactLoader.LoadContent(file, content, fastPath: true);
        Assert.That(fast.Findings.Select(Describe), Is.EqualTo(full.Findings.Select(Describe)), $"{file}: findings");
        Assert.That(fast.FilesRead, Is.EqualTo(full.FilesRead), $"{file}: read");
        Assert.That(fast.Artifacts, Has.Count.EqualTo(full.Artifacts.Count), $"{file}: artifacts");
        var tookFastPath = fast.Artifacts.Count > 0 && fast.Artifacts.All(a => a.Document.Map.IsCompact);
        for (var i = 0; i < full.Artifacts.Count; i++)
        {
            var (a, b) = (fast.Artifacts[i], full.Artifacts[i]);
            Assert.That(Json(a.Artifact), Is.EqualTo(Json(b.Artifact)), $"{file} #{i}: record");
            Assert.That(a.Artifact.GetType(), Is.EqualTo(b.Artifact.GetType()), $"{file} #{i}: type");
            Assert.That(a.Document.File, Is.EqualTo(b.Document.File));
            Assert.That(a.Document.Index, Is.EqualTo(b.Document.Index), $"{file} #{i}: index");
            Assert.That(Sorted(a.Document.Map.Entries), Is.EqualTo(Sorted(b.Document.Map.Entries)), $"{file} #{i}: source map");
            foreach (var (pointer, position) in b.Document.Map.Entries)
            {
                Assert.That(a.Document.Map.TryGetPosition(pointer, out var found), Is.True, $"{file} #{i}: {pointer} found");
                Assert.That(found, Is.EqualTo(position), $"{file} #{i}: {pointer} position");
                foreach (var near in nearMisses ? new[] { pointer + "/0", pointer + "/x", pointer + "/01", pointer + "~2", pointer + "/-1" } : [])
                    Assert.That(a.Document.Map.Contains(near), Is.EqualTo(b.Document.Map.Contains(near)), $"{file} #{i}: {near}");
            }

            Assert.That(a.Document.Map.Contains("spec"), Is.False);
        }

        return tookFastPath;
    }

    /// <summary>Source-map entries in pointer order (an order-insensitive comparison that stays linear for large maps).</summary>
    private static List<string> Sorted(IEnumerable<KeyValuePair<string, SourcePosition>> entries) =>
        [.. entries.Select(e => $"{e.Key} {e.Value.Line}:{e.Value.Column}").Order(StringComparer.Ordinal)];

    private static string Describe(Governance.Rules.Engine.Finding f) => $"{f.RuleId} {f.Severity} {f.File}:{f.Line}:{f.Column} {f.Pointer} {f.ArtifactId}: {f.Message}";

    private static string Json(Model.Artifact artifact) => JsonSerializer.Serialize(artifact, artifact.GetType(), ArtifactSerialization.Options);
}
