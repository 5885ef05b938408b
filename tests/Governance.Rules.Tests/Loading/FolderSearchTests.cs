using Governance.Rules.Loading;

namespace Governance.Rules.Tests.Loading;

[TestFixture]
[Category("Loading")]
public sealed class FolderSearchTests
{
    private string root = null!;

    [SetUp]
    public void CreateFolder()
    {
        root = Path.Combine(Path.GetTempPath(), "govern-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(root, recursive: true);

    private void Write(string relativePath, string content)
    {
        var path = Path.Combine(root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    private static string Plan(string id) => $"apiVersion: governance/v1\nkind: ProjectPlan\nmetadata: {{id: {id}}}\nspec: {{}}\n";

    private LoadResult Load(LoadOptions? options = null, params string[] paths) =>
        new ArtifactLoader().LoadPaths(paths.Length == 0 ? ["."] : paths, (options ?? new LoadOptions()) with { WorkingDirectory = root });

    [Test]
    public void Folders_are_searched_recursively_in_relative_path_order()
    {
        Write("b/plan.yaml", Plan("b"));
        Write("a/deeper/plan.yml", Plan("a"));
        Write("c.json", "{\"apiVersion\":\"governance/v1\",\"kind\":\"ProjectPlan\",\"metadata\":{\"id\":\"c\"}}");
        Write("notes.txt", Plan("ignored"));

        var result = Load();

        result.Artifacts.Select(a => (a.Artifact.Id, a.Document.File)).Should().Equal(
            ("a", "a/deeper/plan.yml"), ("b", "b/plan.yaml"), ("c", "c.json"));
        result.FilesRead.Should().Be(3);
    }

    [Test]
    public void Without_patterns_a_folder_gives_the_files_a_match_all_pattern_gives()
    {
        // Without --include or --exclude the folder's files are taken as found, not matched against **/*: the same files.
        string[] names = [".hidden.yaml", ".github/workflows/plan.yml", "a[1].yaml", "b{x}.json", "with space/e.yaml",
            "deep/er/f.YAML", "g.Json", "h.txt", "i.yaml.bak", "!j.yml", "#k.yaml"];
        foreach (var name in names)
            Write(name, name.EndsWith("json", StringComparison.OrdinalIgnoreCase) ? "{\"apiVersion\":\"governance/v1\",\"kind\":\"ProjectPlan\",\"metadata\":{\"id\":\"x\"}}" : Plan("x"));

        var found = Load();
        var matched = Load(new LoadOptions { Include = ["**/*"] });
        var underFolder = Load(null, "deep", ".");

        found.FilesRead.Should().Be(9);
        found.Artifacts.Select(a => a.Document.File).Should().Equal(matched.Artifacts.Select(a => a.Document.File));
        found.Findings.Select(f => (f.RuleId, f.File, f.Line)).Should().Equal(matched.Findings.Select(f => (f.RuleId, f.File, f.Line)));
        underFolder.Artifacts.Select(a => a.Document.File).Should().Equal(found.Artifacts.Select(a => a.Document.File), "each file is read once");
    }

    [Test]
    public void Non_governance_files_found_by_search_are_skipped_without_a_finding()
    {
        Write("appsettings.json", "{\"Logging\": {\"LogLevel\": {\"Default\": \"Information\"}}}");
        Write(".github/workflows/ci.yml", "name: ci\non: [push]\njobs: {}\n");
        Write("k8s.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n");
        Write("plan.yaml", Plan("p"));

        var result = Load();

        result.Findings.Should().BeEmpty();
        result.Artifacts.Should().ContainSingle();
    }

    [Test]
    public void A_broken_file_found_by_search_is_GOV001_and_the_other_files_are_still_read()
    {
        Write("broken.json", "{\"apiVersion\": ");
        Write("plan.yaml", Plan("p"));

        var result = Load();

        result.Findings.Should().ContainSingle().Which.Should().BeEquivalentTo(new { RuleId = "GOV001", File = "broken.json" });
        result.Artifacts.Should().ContainSingle();
    }

    [Test]
    public void A_file_named_explicitly_is_always_read()
    {
        Write("k8s.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n");

        var result = Load(null, "k8s.yaml");

        result.Findings.Should().ContainSingle().Which.Should().BeEquivalentTo(new { RuleId = "GOV004", Pointer = "/apiVersion" });
    }

    [Test]
    public void Include_and_exclude_globs_are_relative_to_each_folder_argument()
    {
        Write("projects/alpha/plan.yaml", Plan("alpha"));
        Write("projects/legacy-x/plan.yaml", Plan("legacy"));
        Write("products/p.yaml", Plan("product"));

        var result = Load(new LoadOptions { Include = ["projects/**"], Exclude = ["projects/legacy-*/**"] });

        result.Artifacts.Select(a => a.Artifact.Id).Should().Equal("alpha");
    }

    [Test]
    public void Excluded_files_are_never_read_and_each_file_is_read_once()
    {
        Write("plan.yaml", Plan("p"));
        Write("report.json", "{\"not\": \"an artifact\"}");

        var result = Load(new LoadOptions { ExcludedFiles = [Path.Combine(root, "report.json")] }, ".", "plan.yaml", "./plan.yaml");

        result.Artifacts.Should().ContainSingle();
        result.FilesRead.Should().Be(1);
    }

    [Test]
    public void Symbolic_links_to_folders_are_not_followed()
    {
        Write("real/plan.yaml", Plan("p"));
        Directory.CreateSymbolicLink(Path.Combine(root, "link"), Path.Combine(root, "real"));

        Load().Artifacts.Select(a => a.Document.File).Should().Equal("real/plan.yaml");
    }

    [Test]
    public void Paths_are_relative_to_a_working_directory_given_with_a_trailing_separator()
    {
        Write("a/plan.yaml", Plan("a"));
        Write(".config/plan.yaml", Plan("hidden"));

        var result = new ArtifactLoader().LoadPaths(["."], new LoadOptions { WorkingDirectory = root + Path.DirectorySeparatorChar });

        result.Artifacts.Select(a => a.Document.File).Should().Equal(".config/plan.yaml", "a/plan.yaml");
    }

    [Test]
    public void Many_folders_are_all_searched_to_any_depth_and_git_folders_and_links_are_skipped_at_every_depth()
    {
        // Enough folders that their subtrees are listed on several threads: every file once, none of .git or behind a link.
        var expected = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            var project = $"projects/p{i:D2}";
            Write($"{project}/plan.yaml", Plan($"plan-{i}"));
            Write($"{project}/docs/deep/er/notes.json", "{\"apiVersion\":\"governance/v1\",\"kind\":\"ProjectPlan\",\"metadata\":{\"id\":\"n" + i + "\"}}");
            Write($"{project}/.git/plan.yaml", Plan($"git-{i}"));
            Write($"{project}/readme.txt", "not governance");
            expected.Add($"{project}/docs/deep/er/notes.json");
            expected.Add($"{project}/plan.yaml");
        }

        Directory.CreateSymbolicLink(Path.Combine(root, "projects/p07/docs/link"), Path.Combine(root, "projects/p08"));

        var result = Load();

        result.Artifacts.Select(a => a.Document.File).Should().Equal(expected.Order(StringComparer.Ordinal));
    }

    [Test]
    public void A_missing_path_is_an_invocation_error()
    {
        var act = () => Load(null, "does-not-exist");

        act.Should().Throw<InputPathNotFoundException>().Which.Message.Should().Contain("does-not-exist");
    }
}
