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

    /// <summary>Compares the two paths (records, findings, every source map entry and near misses); returns whether the fast path took the file.</summary>
    internal static bool AssertSame(string file, byte[] content)
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
            Assert.That(a.Document.Map.Entries, Is.EquivalentTo(b.Document.Map.Entries), $"{file} #{i}: source map");
            foreach (var (pointer, position) in b.Document.Map.Entries)
            {
                Assert.That(a.Document.Map.TryGetPosition(pointer, out var found), Is.True, $"{file} #{i}: {pointer} found");
                Assert.That(found, Is.EqualTo(position), $"{file} #{i}: {pointer} position");
                foreach (var near in new[] { pointer + "/0", pointer + "/x", pointer + "/01", pointer + "~2", pointer + "/-1" })
                    Assert.That(a.Document.Map.Contains(near), Is.EqualTo(b.Document.Map.Contains(near)), $"{file} #{i}: {near}");
            }

            Assert.That(a.Document.Map.Contains("spec"), Is.False);
        }

        return tookFastPath;
    }

    private static string Describe(Governance.Rules.Engine.Finding f) => $"{f.RuleId} {f.Severity} {f.File}:{f.Line}:{f.Column} {f.Pointer} {f.ArtifactId}: {f.Message}";

    private static string Json(Model.Artifact artifact) => JsonSerializer.Serialize(artifact, artifact.GetType(), ArtifactSerialization.Options);
}
