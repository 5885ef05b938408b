using System.Diagnostics.CodeAnalysis;
using Governance.Rules.Loading;
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
    private readonly List<ArtifactEntry> entryList = [];
    private readonly Dictionary<string, ArtifactEntry> byId = new(StringComparer.Ordinal);
    private readonly Dictionary<ArtifactKind, List<ArtifactEntry>> byKind = [];
    private readonly Dictionary<(ArtifactKind, string), List<ArtifactEntry>> byParent = [];
    private readonly Dictionary<string, Person> people = new(StringComparer.Ordinal);
    private readonly List<PortfolioNode> nodes = [];
    private readonly Dictionary<ArtifactKind, List<PortfolioNode>> nodesByKind = [];
    private readonly ProductScopedLookup<int> objectives = new();
    private readonly ProductScopedLookup<int> roadmapItems = new();
    private readonly ScopedItemLookup<(int Order, int Item)> backlogItems = new();
    private readonly Dictionary<(int Order, int Item), string> removedTitles = [];
    private readonly ProductScopedLookup<int> risks = new();
    private readonly Lazy<Dictionary<int, List<(int From, int Link)>>> incoming;
    private bool complete;

    internal PortfolioIndex(IReadOnlyList<ArtifactEntry> artifactEntries)
        : this()
    {
        Add(artifactEntries);
        Complete();
    }

    /// <summary>An index to which artifacts are added in document order (<see cref="Add"/>) before <see cref="Complete"/>.</summary>
    internal PortfolioIndex()
    {
        Artifacts = new ArtifactList(entryList);
        incoming = new Lazy<Dictionary<int, List<(int From, int Link)>>>(Incoming, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>
    /// Adds the next artifacts in document order: ids, kinds, parents, people, items and each artifact's references
    /// (resolved by <see cref="Complete"/>), and the small facts the built-in portfolio rules read, so that the record
    /// itself can be released once its own rules ran.
    /// </summary>
    internal void Add(IReadOnlyList<ArtifactEntry> batch)
    {
        if (complete) throw new InvalidOperationException("The index is complete.");
        var first = nodes.Count;
        foreach (var entry in batch)
        {
            var artifact = entry.Artifact;
            var order = nodes.Count;
            entryList.Add(entry);
            entries.TryAdd(artifact, entry);
            var node = new PortfolioNode(order, entry);
            entry.Node = node;
            nodes.Add(node);
            if (!nodesByKind.TryGetValue(node.Kind, out var ofKind)) nodesByKind[node.Kind] = ofKind = [];
            ofKind.Add(node);
            AddItems(artifact, node);
            PortfolioFacts.Gather(artifact, node);
            if (artifact.Id is { } id && !string.IsNullOrWhiteSpace(id)) byId.TryAdd(id, entry);
            if (!byKind.TryGetValue(artifact.ArtifactKind, out var list)) byKind[artifact.ArtifactKind] = list = [];
            list.Add(entry);
            if (node.ParentId is { } parent && !string.IsNullOrWhiteSpace(parent))
            {
                var key = (artifact.ArtifactKind, parent);
                if (!byParent.TryGetValue(key, out var children)) byParent[key] = children = [];
                children.Add(entry);
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

        // Each artifact's references are independent of the others: extract them in parallel while the records are at
        // hand; they resolve once every id and item is known (Complete).
        Parallel.For(first, nodes.Count, () => new LinkExtractor(static (_, _, _, _) => (-1, false)), (i, _, extractor) =>
        {
            nodes[i].Links = extractor.Extract(nodes[i].Entry.Artifact);
            return extractor;
        }, static _ => { });
    }

    /// <summary>Forgets <paramref name="entry"/>'s record (about to be released); its node, links and facts stay.</summary>
    internal void Release(ArtifactEntry entry)
    {
        if (!entry.IsReleased) entries.Remove(entry.Artifact);
    }

    /// <summary>Resolves every reference once all artifacts are added (the lookups are only read, so in parallel).</summary>
    internal void Complete()
    {
        if (complete) return;
        complete = true;
        Parallel.For(0, nodes.Count, i =>
        {
            var node = nodes[i];
            var links = node.Links;
            for (var l = 0; l < links.Length; l++)
            {
                var link = links[l];
                var scope = link.Kind is PortfolioLinkKind.Artifact or PortfolioLinkKind.Person ? null : node.ItemScope;
                var (target, resolved) = Resolve(link.Kind, link.Expected, link.TargetId, scope);
                links[l] = link.WithResolution(target, resolved);
            }
        });
    }

    /// <summary>A node per artifact analysed, in document order (duplicates included): ids, kinds and parents.</summary>
    public IReadOnlyList<PortfolioNode> Nodes => nodes;

    /// <summary>Every artifact analysed, in document order (duplicates included).</summary>
    public IReadOnlyList<Artifact> Artifacts { get; }

    /// <summary>Whether a Portfolio artifact is present, so that person references must resolve (SPEC §A).</summary>
    public bool HasPeopleRegistry { get; private set; }

    internal IReadOnlyList<ArtifactEntry> Entries => entryList;

    /// <summary>The handles of the backlog and roadmap items' ids and of their artifacts' products (<see cref="BacklogItemFact"/>).</summary>
    internal IdTable Ids { get; } = new();

    /// <summary>The first artifact with <c>metadata.id</c> = <paramref name="id"/>.</summary>
    public bool TryGetArtifact(string? id, [NotNullWhen(true)] out Artifact? artifact)
    {
        if (id is null)
        {
            artifact = null;
            return false;
        }

        artifact = byId.TryGetValue(id, out var entry) ? entry.Artifact : null;
        return artifact is not null;
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
        return byKind.TryGetValue(kind, out var list) ? list.Select(static e => (TArtifact)e.Artifact) : [];
    }

    /// <summary>
    /// The artifacts of kind <typeparamref name="TArtifact"/> that name <paramref name="parentId"/> as their parent
    /// (<c>productId</c>, <c>projectId</c>, or a post-mortem's <c>subjectId</c>), in document order.
    /// </summary>
    public IEnumerable<TArtifact> ChildrenOf<TArtifact>(string? parentId)
        where TArtifact : Artifact
    {
        if (parentId is null) return [];
        return byParent.TryGetValue((KindOf<TArtifact>(), parentId), out var list) ? list.Select(static e => (TArtifact)e.Artifact) : [];
    }

    /// <summary>
    /// The nodes of kind <paramref name="kind"/> that name <paramref name="parentId"/> as their parent, in document
    /// order: <see cref="ChildrenOf{TArtifact}"/> without the records.
    /// </summary>
    internal IEnumerable<PortfolioNode> ChildNodesOf(ArtifactKind kind, string? parentId) =>
        parentId is not null && byParent.TryGetValue((kind, parentId), out var list) ? list.Select(static e => e.Node!) : [];

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
        return entries.TryGetValue(artifact, out var entry) && entry.Node is { } node
            ? node
            : throw new InvalidOperationException($"Artifact '{artifact.Id}' is not part of this analysis.");
    }

    /// <summary>The node of the first artifact with <c>metadata.id</c> = <paramref name="id"/>.</summary>
    public bool TryGetNode(string? id, [NotNullWhen(true)] out PortfolioNode? node)
    {
        node = id is not null && byId.TryGetValue(id, out var entry) ? entry.Node : null;
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
        var order = -1;
        var found = kind switch
        {
            PortfolioLinkKind.Objective => objectives.TryResolve(scope, id, out order),
            PortfolioLinkKind.RoadmapItem => roadmapItems.TryResolve(scope, id, out order),
            PortfolioLinkKind.BacklogItem => TryResolveBacklogItem(scope, id, out order, out _),
            PortfolioLinkKind.Risk => risks.TryResolve(scope, id, out order),
            _ => false,
        };
        holder = found ? nodes[order] : null;
        return holder is not null;
    }

    /// <summary>
    /// Resolves a backlog item id written by a referrer of product <paramref name="scope"/> (all backlogs when blank),
    /// first in document order: the backlog's order and the item's index in it (<see cref="PortfolioNode.BacklogItems"/>).
    /// </summary>
    internal bool TryResolveBacklogItem(string? scope, string? id, out int order, out int item) =>
        TryResolveBacklogItem(Ids.Find(scope), Ids.Find(id), out order, out item);

    /// <summary><see cref="TryResolveBacklogItem(string?, string?, out int, out int)"/> with the scope and the id as <see cref="Ids"/> handles.</summary>
    internal bool TryResolveBacklogItem(int scope, int id, out int order, out int item)
    {
        var found = backlogItems.TryResolve(scope, id, out var at);
        (order, item) = found ? at : (-1, -1);
        return found;
    }

    /// <summary>The title of item <paramref name="item"/> of backlog <paramref name="order"/> when it is removed (GOV904 names removed items).</summary>
    internal string? RemovedTitle(int order, int item) => removedTitles.GetValueOrDefault((order, item));

    private void AddItems(Artifact artifact, PortfolioNode node)
    {
        var order = node.Order;
        switch (artifact)
        {
            case ProductStrategy strategy:
                foreach (var objective in (strategy.Spec?.Objectives).Present()) objectives.Add(strategy.Spec?.ProductId, objective.Id, order);
                break;
            case Roadmap roadmap:
                node.ProductHandle = Ids.Intern(node.ParentId);
                foreach (var item in (roadmap.Spec?.Items).Present())
                {
                    roadmapItems.Add(roadmap.Spec?.ProductId, item.Id, order);
                    Ids.Intern(item.Id);
                }

                break;
            case Backlog backlog:
                var product = node.ProductHandle = Ids.Intern(node.ParentId);
                var items = backlog.Spec?.Items;
                if (items is null) break;
                var facts = new BacklogItemFact[items.Count];

                // From summaries: a list read as summaries makes no record here (a removed item's title is in its summary).
                for (var i = 0; i < facts.Length; i++)
                {
                    var summary = BacklogItemSummary.Of(items, i);
                    facts[i] = new BacklogItemFact(summary, Ids);
                    backlogItems.Add(product, facts[i].Id, (order, i)); // a blank id is not added
                    if (summary.RemovedTitle is { } title) removedTitles[(order, i)] = title;
                }

                node.BacklogItems = facts;
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
                if (!byId.TryGetValue(id, out var entry) || entry.Node is not { } node) return (-1, false);
                return (node.Order, node.Kind == expected);
            default:
                return TryResolveItem(kind, scope, id, out var holder) ? (holder.Order, true) : (-1, false);
        }
    }

    private Dictionary<int, List<(int From, int Link)>> Incoming()
    {
        var result = new Dictionary<int, List<(int From, int Link)>>();
        foreach (var node in nodes)
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

    /// <summary>The records of the index's entries, in document order, read on demand (a released record is read again).</summary>
    private sealed class ArtifactList(List<ArtifactEntry> entries) : IReadOnlyList<Artifact>
    {
        public Artifact this[int index] => entries[index].Artifact;

        public int Count => entries.Count;

        public IEnumerator<Artifact> GetEnumerator()
        {
            foreach (var entry in entries) yield return entry.Artifact;
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

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
