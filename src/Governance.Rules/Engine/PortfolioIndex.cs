using System.Diagnostics.CodeAnalysis;
using Governance.Rules.Model;

namespace Governance.Rules.Engine;

/// <summary>
/// Every artifact analysed together, indexed by id, by kind and by the product or project it belongs to, with the
/// people of the Portfolio artifacts. Ids resolve to the first artifact in document order (SPEC §H).
/// </summary>
public sealed class PortfolioIndex
{
    private readonly Dictionary<Artifact, ArtifactEntry> entries = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, Artifact> byId = new(StringComparer.Ordinal);
    private readonly Dictionary<ArtifactKind, List<Artifact>> byKind = [];
    private readonly Dictionary<(ArtifactKind, string), List<Artifact>> byParent = [];
    private readonly Dictionary<string, Person> people = new(StringComparer.Ordinal);

    internal PortfolioIndex(IReadOnlyList<ArtifactEntry> artifactEntries)
    {
        Entries = artifactEntries;
        var artifacts = new List<Artifact>(artifactEntries.Count);
        foreach (var entry in artifactEntries)
        {
            var artifact = entry.Artifact;
            artifacts.Add(artifact);
            entries.TryAdd(artifact, entry);
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
    }

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
