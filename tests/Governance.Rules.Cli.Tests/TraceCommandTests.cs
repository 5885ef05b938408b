using System.Text.Json;
using Governance.Rules.Cli.Tests.Testing;

namespace Governance.Rules.Cli.Tests;

[TestFixture]
[Category("Trace")]
public sealed class TraceCommandTests
{
    private Workspace workspace = null!;

    [SetUp]
    public void SetUp() => workspace = Workspace.Create(focusOnGov401: false)
        .Write("strategy.yaml", "apiVersion: governance/v1\nkind: ProductStrategy\nmetadata: {id: s}\nspec: {productId: app, objectives: [{id: o1, statement: Grow}, {id: o2, statement: Keep}]}\n")
        .Write("roadmap.yaml", "apiVersion: governance/v1\nkind: Roadmap\nmetadata: {id: r}\nspec: {productId: app, items: [{id: ri-1, title: One, objectiveIds: [o1], status: inProgress}]}\n")
        .Write("backlog.json", "{\"apiVersion\": \"governance/v1\", \"kind\": \"Backlog\", \"metadata\": {\"id\": \"b\"}, \"spec\": {\"productId\": \"app\", \"items\": [{\"id\": \"st-1\", \"type\": \"story\", \"roadmapItemId\": \"ri-1\"}]}}");

    [TearDown]
    public void TearDown() => workspace.Dispose();

    [Test]
    public async Task Text_shows_the_chain_and_the_gaps()
    {
        var run = await workspace.RunAsync("trace", ".");

        run.ExitCode.Should().Be(0, run.ToString());
        run.Lines.Should().Equal(
            "Product app",
            "  Objective o1 (Grow)",
            "    Roadmap item ri-1 (One) [inProgress]",
            "      Backlog: st-1",
            "  Objective o2 (Keep)  GAP: no roadmap item serves it",
            "1 product(s), 1 gap(s)");
    }

    [Test]
    public async Task Json_is_structured_and_markdown_is_available()
    {
        var json = await workspace.RunAsync("trace", ".", "--format", "json");
        using var document = JsonDocument.Parse(json.StdOut);
        var objectives = document.RootElement.GetProperty("products")[0].GetProperty("objectives");
        objectives[1].GetProperty("isGap").GetBoolean().Should().BeTrue();
        objectives[0].GetProperty("roadmapItems")[0].GetProperty("backlogItems")[0].GetProperty("id").GetString().Should().Be("st-1");

        var markdown = await workspace.RunAsync("trace", ".", "--format", "markdown");
        markdown.StdOut.Should().StartWith("# Traceability").And.Contain("**gap: no roadmap item serves it**");
        (await workspace.RunAsync("trace", ".", "--format", "html")).ExitCode.Should().Be(2);
    }
}
