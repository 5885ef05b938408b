using System.Text;
using Governance.Rules.Engine;
using Governance.Rules.Loading;
using Governance.Rules.Model;
using Governance.Rules.Tests.Testing;

namespace Governance.Rules.Tests.Portfolio;

/// <summary>The link graph of <see cref="PortfolioIndex"/>: nodes, every reference with its pointer and resolution.</summary>
[TestFixture]
[Category("Portfolio")]
public sealed class PortfolioLinkGraphTests
{
    private const string Yaml = """
        apiVersion: governance/v1
        kind: Portfolio
        metadata: { id: pf, title: Portfolio, owner: ann }
        spec:
          productIds: [app, missing-product]
          people:
            - { id: ann, name: Ann }
        ---
        apiVersion: governance/v1
        kind: Product
        metadata: { id: app, title: The app, owner: ann }
        spec:
          strategyId: strat
          roadmapId: app
        ---
        apiVersion: governance/v1
        kind: ProductStrategy
        metadata: { id: strat, title: Strategy, owner: ann }
        spec:
          productId: app
          objectives:
            - { id: obj-1, statement: Grow, owner: bob }
        ---
        apiVersion: governance/v1
        kind: Roadmap
        metadata: { id: rm, title: Roadmap, owner: ann }
        spec:
          productId: app
          items:
            - { id: ri-1, title: One, objectiveIds: [obj-1, obj-9] }
        ---
        apiVersion: governance/v1
        kind: Backlog
        metadata: { id: bl, title: Backlog, owner: ann }
        spec:
          productId: app
          items:
            - { id: bi-1, title: Epic, type: epic, roadmapItemId: ri-1 }
            - { id: bi-2, title: Story, parentId: bi-1, assignee: " " }
        """;

    private static PortfolioIndex Index()
    {
        var loaded = new ArtifactLoader().LoadContent("portfolio.yaml", Encoding.UTF8.GetBytes(Yaml));
        return new PortfolioIndex([.. loaded.Artifacts.Select((a, i) => new ArtifactEntry(a.Artifact, a.Document, i))]);
    }

    private static string Describe(PortfolioLink link) =>
        $"{link.From.Id}{link.Pointer} {link.Kind} {link.TargetId} -> {link.Target?.Id ?? "none"} {(link.IsResolved ? "resolved" : "dangling")}";

    [Test]
    public void Every_artifact_has_a_node_with_its_kind_and_parent()
    {
        var index = Index();
        Assert.Multiple(() =>
        {
            Assert.That(index.Nodes.Select(n => $"{n.Order} {n.Kind} {n.Id} {n.ParentId}"), Is.EqualTo(new[]
            {
                "0 Portfolio pf ", "1 Product app ", "2 ProductStrategy strat app", "3 Roadmap rm app", "4 Backlog bl app",
            }));
            Assert.That(index.NodesOf(ArtifactKind.Roadmap).Select(n => n.Id), Is.EqualTo(new[] { "rm" }));
            Assert.That(index.NodesOf(ArtifactKind.Handover), Is.Empty);
            Assert.That(index.TryGetNode("strat", out var strategy) ? strategy.Kind : (ArtifactKind?)null, Is.EqualTo(ArtifactKind.ProductStrategy));
            Assert.That(index.TryGetNode("nope", out _), Is.False);
            Assert.That(index.NodeOf(index.Artifacts[3]), Is.SameAs(index.Nodes[3]));
        });
    }

    [Test]
    public void Links_carry_the_pointer_of_the_id_and_what_it_resolves_to()
    {
        var index = Index();
        var links = index.Nodes.SelectMany(index.LinksFrom).Select(Describe).ToList();
        Assert.That(links, Is.EqualTo(new[]
        {
            "pf/metadata/owner Person ann -> none resolved",
            "pf/spec/productIds/0 Artifact app -> app resolved",
            "pf/spec/productIds/1 Artifact missing-product -> none dangling",
            "app/metadata/owner Person ann -> none resolved",
            "app/spec/strategyId Artifact strat -> strat resolved",
            "app/spec/roadmapId Artifact app -> app dangling",
            "strat/metadata/owner Person ann -> none resolved",
            "strat/spec/productId Artifact app -> app resolved",
            "strat/spec/objectives/0/owner Person bob -> none dangling",
            "rm/metadata/owner Person ann -> none resolved",
            "rm/spec/productId Artifact app -> app resolved",
            "rm/spec/items/0/objectiveIds/0 Objective obj-1 -> strat resolved",
            "rm/spec/items/0/objectiveIds/1 Objective obj-9 -> none dangling",
            "bl/metadata/owner Person ann -> none resolved",
            "bl/spec/productId Artifact app -> app resolved",
            "bl/spec/items/0/roadmapItemId RoadmapItem ri-1 -> rm resolved",
            "bl/spec/items/1/parentId BacklogItem bi-1 -> bl resolved",
        }));
        Assert.That(index.LinkCount, Is.EqualTo(links.Count));
    }

    [Test]
    public void Links_name_the_expected_kind_and_the_scope()
    {
        var index = Index();
        var roadmapId = index.LinksFrom(index.Nodes[1]).Single(l => l.Pointer == "/spec/roadmapId");
        var objective = index.LinksFrom(index.Nodes[3]).First(l => l.Kind == PortfolioLinkKind.Objective);
        Assert.Multiple(() =>
        {
            Assert.That(roadmapId.ExpectedKind, Is.EqualTo(ArtifactKind.Roadmap));
            Assert.That(roadmapId.Target?.Kind, Is.EqualTo(ArtifactKind.Product), "the id names the product, so the link does not resolve");
            Assert.That(roadmapId.Scope, Is.Null);
            Assert.That(objective.ExpectedKind, Is.Null);
            Assert.That(objective.Scope, Is.EqualTo("app"));
        });
    }

    [Test]
    public void Links_to_a_node_are_the_references_to_it_or_to_its_items()
    {
        var index = Index();
        Assert.Multiple(() =>
        {
            Assert.That(index.LinksTo(index.Nodes[1]).Select(Describe), Is.EqualTo(new[]
            {
                "pf/spec/productIds/0 Artifact app -> app resolved",
                "app/spec/roadmapId Artifact app -> app dangling",
                "strat/spec/productId Artifact app -> app resolved",
                "rm/spec/productId Artifact app -> app resolved",
                "bl/spec/productId Artifact app -> app resolved",
            }));
            Assert.That(index.LinksTo(index.Nodes[4]).Select(Describe), Is.EqualTo(new[] { "bl/spec/items/1/parentId BacklogItem bi-1 -> bl resolved" }));
            Assert.That(index.LinksTo(index.Nodes[0]), Is.Empty);
        });
    }

    [Test]
    public void GOV901_reports_exactly_the_dangling_links_at_their_pointers()
    {
        var findings = RuleHarness.Findings("GOV901", Yaml);
        var index = Index();
        var dangling = index.Nodes.SelectMany(index.LinksFrom).Where(l => !l.IsResolved).Select(l => $"{l.From.Id}{l.Pointer}");
        Assert.That(findings.Select(f => $"{f.ArtifactId}{f.Pointer}"), Is.EquivalentTo(dangling));
    }

    [Test]
    public void Every_link_of_the_sample_portfolio_points_at_its_id()
    {
        var folder = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (folder is not null && !Directory.Exists(Path.Combine(folder.FullName, "samples"))) folder = folder.Parent;
        var loaded = new ArtifactLoader().LoadPaths([Path.Combine(folder!.FullName, "samples", "portfolio")]);
        var index = new PortfolioIndex([.. loaded.Artifacts.Select((a, i) => new ArtifactEntry(a.Artifact, a.Document, i))]);
        var checkedLinks = 0;
        foreach (var node in index.Nodes)
        {
            var document = loaded.Artifacts[node.Order].Document!;
            foreach (var link in index.LinksFrom(node))
            {
                Assert.That(document.Map.Contains(link.Pointer), Is.True, $"{node} {link.Pointer}");
                checkedLinks++;
            }
        }

        Assert.That(checkedLinks, Is.GreaterThan(50));
    }
}
