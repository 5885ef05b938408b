using Governance.Rules.Cli.Tests.Testing;

namespace Governance.Rules.Cli.Tests;

/// <summary>
/// <c>govern trace</c> in every format, byte for byte against golden files in <c>Golden/</c>: the bundled sample portfolio,
/// and a small portfolio of awkward text (Markdown and HTML specials, line breaks, blank and long titles, items without
/// status). Run with <c>GOVERN_UPDATE_GOLDEN=1</c> to rewrite the files after an intended change.
/// </summary>
[TestFixture]
[Category("Golden")]
[Category("Trace")]
public sealed class TraceGoldenTests
{
    private static readonly string[] EdgeCases =
    [
        "product.yaml", """
            apiVersion: governance/v1
            kind: Product
            metadata:
              id: app_1
              title: "<b>Tom & Jerry</b> | *stars* _under_ {x} [y](z) #1 + - . ! `tick` ~t~ $5"
            spec: {lifecycleStage: launched}
            """,
        "strategy.yaml", """
            apiVersion: governance/v1
            kind: ProductStrategy
            metadata: {id: strategy}
            spec:
              productId: app_1
              objectives:
                - id: o.1
                  statement: |
                    First line
                    second line of an objective whose statement is much longer than eighty characters in all
                - {id: o-2}
                - {id: o-3, statement: "   "}
                - {id: o-4, statement: "Exactly eighty characters long, which is the limit of a title in the text view!!"}
            """,
        "roadmap.yaml", """
            apiVersion: governance/v1
            kind: Roadmap
            metadata: {id: roadmap}
            spec:
              productId: app_1
              items:
                - {id: ri-1, title: "One <script>", objectiveIds: [o.1], status: inProgress}
                - {id: ri-2, objectiveIds: [o.1]}
                - {id: ri-3, title: Dropped, objectiveIds: [o-2], status: dropped}
                - {id: ri-4, title: "Unlinked\nand wrapped", status: planned}
                - {id: ri-5, title: Unlinked and delivered, status: delivered, objectiveIds: [elsewhere]}
            """,
        "backlog.yaml", """
            apiVersion: governance/v1
            kind: Backlog
            metadata: {id: backlog}
            spec:
              productId: app_1
              items:
                - {id: ep_1, type: epic, roadmapItemId: ri-1, status: inProgress}
                - {id: st-1, type: story, parentId: ep_1}
                - {id: st-2, type: story, roadmapItemId: ri-5, status: done}
                - {id: bug*1, type: bug}
                - {id: task-2, type: task, status: new}
            """,
        "projects.yaml", """
            apiVersion: governance/v1
            kind: Project
            metadata: {id: proj-a, title: Project A}
            spec: {productId: app_1, roadmapItemIds: [ri-1, ri-4], status: inProgress}
            ---
            apiVersion: governance/v1
            kind: Project
            metadata: {id: proj-b}
            spec: {roadmapItemIds: [ri-1]}
            """,
        "other.yaml", """
            apiVersion: governance/v1
            kind: Backlog
            metadata: {id: other-backlog}
            spec:
              productId: other
              items:
                - {id: lone, type: story}
            """,
    ];

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Governance.Rules.sln"))) return folder.FullName;
        }

        throw new DirectoryNotFoundException("Governance.Rules.sln not found above the test directory.");
    }

    private static async Task ShouldMatchGoldenAsync(CliRun run, string fileName)
    {
        run.ExitCode.Should().Be(0, run.ToString());
        var golden = Path.Combine(RepositoryRoot(), "tests", "Governance.Rules.Cli.Tests", "Golden", fileName);
        if (Environment.GetEnvironmentVariable("GOVERN_UPDATE_GOLDEN") == "1") await File.WriteAllTextAsync(golden, run.StdOut);
        File.Exists(golden).Should().BeTrue($"the golden file {golden} exists (run with GOVERN_UPDATE_GOLDEN=1 to write it)");
        run.StdOut.Should().Be(await File.ReadAllTextAsync(golden), $"{fileName} is unchanged; if the change is intended, run with GOVERN_UPDATE_GOLDEN=1 and review the diff");
    }

    [TestCase("text", "txt")]
    [TestCase("markdown", "md")]
    [TestCase("json", "json")]
    public async Task The_sample_portfolio_traces_exactly_as_the_golden_file(string format, string extension)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };

        var exitCode = await GovernCli.RunAsync(["trace", "samples/portfolio", "--format", format], new CliEnvironment(stdout, stderr) { WorkingDirectory = RepositoryRoot() });

        await ShouldMatchGoldenAsync(new CliRun(exitCode, stdout.ToString(), stderr.ToString()), $"trace-sample.{extension}");
    }

    [TestCase("text", "txt")]
    [TestCase("markdown", "md")]
    [TestCase("json", "json")]
    public async Task Awkward_text_traces_exactly_as_the_golden_file(string format, string extension)
    {
        using var workspace = Workspace.Create(focusOnGov401: false);
        for (var i = 0; i < EdgeCases.Length; i += 2) workspace.Write(EdgeCases[i], EdgeCases[i + 1]);

        var run = await workspace.RunAsync("trace", ".", "--format", format);

        await ShouldMatchGoldenAsync(run, $"trace-edge.{extension}");
    }
}
