using System.Diagnostics.CodeAnalysis;
using Governance.Rules.Model;
using Governance.Rules.Rules;

namespace Governance.Rules.Engine;

/// <summary>
/// Every artifact analysed together, indexed by id, by kind and by the product or project it belongs to, with the
/// people of the Portfolio artifacts. Ids resolve to the first artifact in document order (SPEC §H). Built once per
/// run, it also holds the portfolio's link graph: a small node per artifact (<see cref="Nodes"/>) and every reference
/// between them with the pointer where it is written and what it resolves to (<see cref="LinksFrom"/>,
/// <see cref="LinksTo"/>).
/// </summary>
public sealed class PortfolioIndex
{
    private readonly Dictionary<Artifact, ArtifactEntry> entries = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, Artifact> byId = new(StringComparer.Ordinal);
    private readonly Dictionary<ArtifactKind, List<Artifact>> byKind = [];
    private readonly Dictionary<(ArtifactKind, string), List<Artifact>> byParent = [];
    private readonly Dictionary<string, Person> people = new(StringComparer.Ordinal);
    private readonly Dictionary<Artifact, PortfolioNode> nodeOf = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<ArtifactKind, List<PortfolioNode>> nodesByKind = [];
    private readonly ProductScopedLookup<int> objectives = new();
    private readonly ProductScopedLookup<int> roadmapItems = new();
    private readonly ProductScopedLookup<int> backlogItems = new();
    private readonly ProductScopedLookup<int> risks = new();
    private readonly Lazy<Dictionary<int, List<(int From, int Link)>>> incoming;

    internal PortfolioIndex(IReadOnlyList<ArtifactEntry> artifactEntries)
    {
        Entries = artifactEntries;
        var artifacts = new List<Artifact>(artifactEntries.Count);
        var nodes = new PortfolioNode[artifactEntries.Count];
        for (var order = 0; order < artifactEntries.Count; order++)
        {
            var entry = artifactEntries[order];
            var artifact = entry.Artifact;
            artifacts.Add(artifact);
            entries.TryAdd(artifact, entry);
            var node = nodes[order] = new PortfolioNode(order, entry);
            nodeOf.TryAdd(artifact, node);
            if (!nodesByKind.TryGetValue(node.Kind, out var ofKind)) nodesByKind[node.Kind] = ofKind = [];
            ofKind.Add(node);
            AddItems(artifact, order);
            if (artifact.Id is { } id && !string.IsNullOrWhiteSpace(id)) byId.TryAdd(id, artifact);
            if (!byKind.TryGetValue(artifact.ArtifactKind, out var list)) byKind[artifact.ArtifactKind] = list = [];
            list.Add(artifact);
            if (ParentId(artifact) is { } parent && !string.IsNullOrWhiteSpace(parent))
            {
                var key = (artifact.ArtifactKind, parent);
                if (!byParent.TryGetValue(key, out var children)) byParent[key] = children = [];
                children.Add(artifact);
            }

            if (artifact is Portfolio portfolio)
            {
                HasPeopleRegistry = true;
                foreach (var person in portfolio.Spec.People)
                {
                    if (person?.Id is { } personId && !string.IsNullOrWhiteSpace(personId)) people.TryAdd(personId, person);
                }
            }
        }

        Artifacts = artifacts;
        Nodes = nodes;
        // Each artifact's links are independent once every id and item is known: extract them in parallel (the
        // lookups are only read), each node keeping its own, so the graph is the same whatever the scheduling.
        Parallel.For(0, nodes.Length, () => new LinkExtractor(Resolve), (i, _, extractor) =>
        {
            nodes[i].Links = extractor.Extract(nodes[i].Entry.Artifact);
            return extractor;
        }, static _ => { });
        incoming = new Lazy<Dictionary<int, List<(int From, int Link)>>>(Incoming, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>A node per artifact analysed, in document order (duplicates included): ids, kinds and parents.</summary>
    public IReadOnlyList<PortfolioNode> Nodes { get; }

    /// <summary>Every artifact analysed, in document order (duplicates included).</summary>
    public IReadOnlyList<Artifact> Artifacts { get; }

    /// <summary>Whether a Portfolio artifact is present, so that person references must resolve (SPEC §A).</summary>
    public bool HasPeopleRegistry { get; }

    internal IReadOnlyList<ArtifactEntry> Entries { get; }

    /// <summary>The first artifact with <c>metadata.id</c> = <paramref name="id"/>.</summary>
    public bool TryGetArtifact(string? id, [NotNullWhen(true)] out Artifact? artifact)
    {
        if (id is null)
        {
            artifact = null;
            return false;
        }

        return byId.TryGetValue(id, out artifact);
    }

    /// <summary>The first artifact of kind <typeparamref name="TArtifact"/> with id <paramref name="id"/>.</summary>
    public bool TryGetArtifact<TArtifact>(string? id, [NotNullWhen(true)] out TArtifact? artifact)
        where TArtifact : Artifact
    {
        artifact = TryGetArtifact(id, out var found) ? found as TArtifact : null;
        return artifact is not null;
    }

    /// <summary>Every artifact of kind <typeparamref name="TArtifact"/>, in document order.</summary>
    public IEnumerable<TArtifact> OfKind<TArtifact>()
        where TArtifact : Artifact
    {
        var kind = KindOf<TArtifact>();
        return byKind.TryGetValue(kind, out var list) ? list.Cast<TArtifact>() : [];
    }

    /// <summary>
    /// The artifacts of kind <typeparamref name="TArtifact"/> that name <paramref name="parentId"/> as their parent
    /// (<c>productId</c>, <c>projectId</c>, or a post-mortem's <c>subjectId</c>), in document order.
    /// </summary>
    public IEnumerable<TArtifact> ChildrenOf<TArtifact>(string? parentId)
        where TArtifact : Artifact
    {
        if (parentId is null) return [];
        return byParent.TryGetValue((KindOf<TArtifact>(), parentId), out var list) ? list.Cast<TArtifact>() : [];
    }

    /// <summary>The person with id <paramref name="personId"/> in the people of the Portfolio artifacts.</summary>
    public bool TryGetPerson(string? personId, [NotNullWhen(true)] out Person? person)
    {
        if (personId is null)
        {
            person = null;
            return false;
        }

        return people.TryGetValue(personId, out person);
    }

    /// <summary>The nodes of kind <paramref name="kind"/>, in document order.</summary>
    public IReadOnlyList<PortfolioNode> NodesOf(ArtifactKind kind) => nodesByKind.TryGetValue(kind, out var list) ? list : [];

    /// <summary>The node of <paramref name="artifact"/>, one of those analysed.</summary>
    /// <exception cref="InvalidOperationException">The artifact is not part of this analysis.</exception>
    public PortfolioNode NodeOf(Artifact artifact)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        return nodeOf.TryGetValue(artifact, out var node)
            ? node
            : throw new InvalidOperationException($"Artifact '{artifact.Id}' is not part of this analysis.");
    }

    /// <summary>The node of the first artifact with <c>metadata.id</c> = <paramref name="id"/>.</summary>
    public bool TryGetNode(string? id, [NotNullWhen(true)] out PortfolioNode? node)
    {
        node = id is not null && byId.TryGetValue(id, out var artifact) ? nodeOf[artifact] : null;
        return node is not null;
    }

    /// <summary>Every reference <paramref name="node"/> writes, in document order (blank ids are not references).</summary>
    public IEnumerable<PortfolioLink> LinksFrom(PortfolioNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        foreach (var link in node.Links) yield return new PortfolioLink(this, node, link);
    }

    /// <summary>
    /// Every reference whose <see cref="PortfolioLink.Target"/> is <paramref name="node"/> (references to the
    /// artifact, or to an item it holds), in document order of the referrers.
    /// </summary>
    public IEnumerable<PortfolioLink> LinksTo(PortfolioNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (!incoming.Value.TryGetValue(node.Order, out var list)) yield break;
        foreach (var (from, link) in list) yield return new PortfolioLink(this, Nodes[from], Nodes[from].Links[link]);
    }

    /// <summary>The number of references in the portfolio.</summary>
    public int LinkCount => Nodes.Sum(n => n.Links.Length);

    /// <summary>The raw references of <paramref name="node"/> (no allocation), for the engine's own rules.</summary>
    internal static ReadOnlySpan<LinkData> LinkDataOf(PortfolioNode node) => node.Links;

    /// <summary>
    /// Resolves an item reference of <paramref name="kind"/> written by a referrer of <paramref name="scope"/> (all
    /// items when blank) to the node holding the item.
    /// </summary>
    internal bool TryResolveItem(PortfolioLinkKind kind, string? scope, string? id, [NotNullWhen(true)] out PortfolioNode? holder)
    {
        holder = ItemsOf(kind) is { } lookup && lookup.TryResolve(scope, id, out var order) ? Nodes[order] : null;
        return holder is not null;
    }

    private ProductScopedLookup<int>? ItemsOf(PortfolioLinkKind kind) => kind switch
    {
        PortfolioLinkKind.Objective => objectives,
        PortfolioLinkKind.RoadmapItem => roadmapItems,
        PortfolioLinkKind.BacklogItem => backlogItems,
        PortfolioLinkKind.Risk => risks,
        _ => null,
    };

    private void AddItems(Artifact artifact, int order)
    {
        switch (artifact)
        {
            case ProductStrategy strategy:
                foreach (var objective in (strategy.Spec?.Objectives).Present()) objectives.Add(strategy.Spec?.ProductId, objective.Id, order);
                break;
            case Roadmap roadmap:
                foreach (var item in (roadmap.Spec?.Items).Present()) roadmapItems.Add(roadmap.Spec?.ProductId, item.Id, order);
                break;
            case Backlog backlog:
                foreach (var item in (backlog.Spec?.Items).Present()) backlogItems.Add(backlog.Spec?.ProductId, item.Id, order);
                break;
            case ProjectPlan plan:
                foreach (var risk in (plan.Spec?.RiskRegister).Present()) risks.Add(plan.Spec?.ProjectId, risk.Id, order);
                break;
        }
    }

    private (int Target, bool Resolved) Resolve(PortfolioLinkKind kind, ArtifactKind expected, string id, string? scope)
    {
        switch (kind)
        {
            case PortfolioLinkKind.Person:
                return (-1, people.ContainsKey(id));
            case PortfolioLinkKind.Artifact:
                if (!byId.TryGetValue(id, out var artifact)) return (-1, false);
                var node = nodeOf[artifact];
                return (node.Order, node.Kind == expected);
            default:
                return TryResolveItem(kind, scope, id, out var holder) ? (holder.Order, true) : (-1, false);
        }
    }

    private Dictionary<int, List<(int From, int Link)>> Incoming()
    {
        var result = new Dictionary<int, List<(int From, int Link)>>();
        foreach (var node in Nodes)
        {
            for (var i = 0; i < node.Links.Length; i++)
            {
                var target = node.Links[i].Target;
                if (target < 0) continue;
                if (!result.TryGetValue(target, out var list)) result[target] = list = [];
                list.Add((node.Order, i));
            }
        }

        return result;
    }

    /// <summary>The id of the artifact's parent: <c>productId</c>, <c>projectId</c> or a post-mortem's <c>subjectId</c>.</summary>
    public static string? ParentId(Artifact artifact) => artifact switch
    {
        ProductStrategy a => a.Spec.ProductId,
        Roadmap a => a.Spec.ProductId,
        Backlog a => a.Spec.ProductId,
        ProductAnalytics a => a.Spec.ProductId,
        Project a => a.Spec.ProductId,
        ProjectPlan a => a.Spec.ProjectId,
        StatusReport a => a.Spec.ProjectId,
        Handover a => a.Spec.ProjectId,
        PostMortem a => a.Spec.SubjectId,
        _ => null,
    };

    internal ArtifactEntry EntryOf(Artifact artifact) =>
        entries.TryGetValue(artifact, out var entry)
            ? entry
            : throw new InvalidOperationException($"Artifact '{artifact.Id}' is not part of this analysis.");

    private static ArtifactKind KindOf<TArtifact>() => KindCache<TArtifact>.Kind;

    private static class KindCache<T>
    {
        public static readonly ArtifactKind Kind = ResolveKind();

        private static ArtifactKind ResolveKind()
        {
            foreach (var name in ArtifactKinds.Names)
            {
                ArtifactKinds.TryGet(name, out var kind, out var type);
                if (type == typeof(T)) return kind;
            }

            throw new ArgumentException($"{typeof(T).Name} is not an artifact kind.");
        }
    }
}
