using Governance.Rules.Reporting;
using Governance.Rules.Tests.Testing;
using Governance.Rules.Tracing;

namespace Governance.Rules.Tests.Tracing;

[TestFixture]
[Category("Trace")]
public sealed class TraceBuilderTests
{
    private const string Portfolio = """
        apiVersion: governance/v1
        kind: Product
        metadata: {id: app, title: The app}
        spec: {lifecycleStage: launched}
        ---
        apiVersion: governance/v1
        kind: ProductStrategy
        metadata: {id: strategy}
        spec:
          productId: app
          objectives:
            - {id: o-served, statement: Grow}
            - {id: o-dropped-only, statement: Delight}
            - {id: o-nothing, statement: Expand}
        ---
        apiVersion: governance/v1
        kind: Roadmap
        metadata: {id: roadmap}
        spec:
          productId: app
          items:
            - {id: ri-1, title: One, objectiveIds: [o-served], status: inProgress}
            - {id: ri-2, title: Two, objectiveIds: [o-dropped-only], status: dropped}
            - {id: ri-3, title: Three, objectiveIds: [o-served], status: planned}
            - {id: ri-4, title: Four, status: planned}
        ---
        apiVersion: governance/v1
        kind: Backlog
        metadata: {id: backlog}
        spec:
          productId: app
          items:
            - {id: epic-1, type: epic, roadmapItemId: ri-1}
            - {id: story-1, type: story, parentId: epic-1}
            - {id: story-2, type: story, roadmapItemId: ri-1, status: removed}
            - {id: bug-1, type: bug}
            - {id: epic-orphan, type: epic}
        ---
        apiVersion: governance/v1
        kind: Project
        metadata: {id: proj}
        spec: {productId: app, roadmapItemIds: [ri-4], status: inProgress}
        """;

    [Test]
    public void Chains_run_from_objectives_through_roadmap_items_to_work_with_gaps_marked()
    {
        var model = TraceBuilder.Build(RuleHarness.Analyze(Portfolio).Artifacts);

        var product = model.Products.Should().ContainSingle().Subject;
        product.Title.Should().Be("The app");
        product.Objectives.Select(o => (o.Id, o.IsGap)).Should().Equal(("o-served", false), ("o-dropped-only", true), ("o-nothing", true));
        var ri1 = product.Objectives[0].RoadmapItems[0];
        ri1.BacklogItems.Select(i => i.Id).Should().Equal("epic-1", "story-1");
        ri1.IsGap.Should().BeFalse();
        product.Objectives[0].RoadmapItems[1].Should().Match<RoadmapItemTrace>(r => r.Id == "ri-3" && r.IsGap);
        product.UnlinkedRoadmapItems.Should().ContainSingle().Which.Projects.Select(p => p.Id).Should().Equal("proj");
        product.OrphanBacklogItems.Select(i => i.Id).Should().Equal("bug-1");
        model.GapCount.Should().Be(4);
    }

    [Test]
    public void Text_and_markdown_from_the_built_in_templates_mark_the_gaps_and_escape_artifact_text()
    {
        var model = TraceBuilder.Build(RuleHarness.Analyze(Portfolio.Replace("title: The app", "title: \"<b>The app</b>\"", StringComparison.Ordinal)).Artifacts);
        var writer = new TraceWriter(new HandlebarsTemplateRenderer());
        using var text = new StringWriter();
        using var markdown = new StringWriter();

        writer.Write(model, "text", text);
        writer.Write(model, "markdown", markdown);

        text.ToString().Should().Contain("  Objective o-nothing (Expand)  GAP: no roadmap item serves it\n")
            .And.Contain("Roadmap item ri-3 (Three) [planned]  GAP: no delivering work")
            .And.EndWith("1 product(s), 4 gap(s)\n");
        markdown.ToString().Should().Contain("&lt;b&gt;The app&lt;/b&gt;").And.NotContain("<b>")
            .And.Contain("**gap: no delivering work**");
    }
}
