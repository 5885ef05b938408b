using Governance.Rules.Loading;
using Governance.Rules.Model;

namespace Governance.Rules.Engine;

/// <summary>An artifact under analysis with where it came from and, on demand, where each of its records is.</summary>
internal sealed class ArtifactEntry
{
    private PointerIndex? pointers;

    public ArtifactEntry(Artifact artifact, SourceDocument? document, int order)
    {
        Artifact = artifact;
        Document = document;
        Order = order;
    }

    public Artifact Artifact { get; }

    public SourceDocument? Document { get; }

    /// <summary>Position in document order (relative path, then position within the file).</summary>
    public int Order { get; }

    /// <summary>Whether an earlier artifact has the same id (GOV003); references resolve to the first.</summary>
    public bool IsDuplicate { get; set; }

    public PointerIndex Pointers => LazyInitializer.EnsureInitialized(ref pointers, () => PointerIndex.Build(Artifact));

    /// <summary>Resolves a reported target and property into a pointer and a position (SPEC §H Locations).</summary>
    public (string Pointer, SourcePosition Position) Locate(object target, string? property)
    {
        var index = Pointers;
        if (!index.TryGetPointer(target, out var pointer))
        {
            throw new InvalidOperationException(
                $"The reported {target.GetType().Name} is not part of artifact '{Artifact.Id}'; report against the artifact or a record inside it.");
        }

        if (!string.IsNullOrEmpty(property))
        {
            // A property, or a path below the record such as "objectiveIds/1" (a list element).
            foreach (var part in property.Split('/', StringSplitOptions.RemoveEmptyEntries))
                pointer = JsonPointer.Append(pointer, char.ToLowerInvariant(part[0]) + part[1..]);
        }

        while (pointer.Length > 0 && !IsPresent(index, pointer))
            pointer = JsonPointer.Parent(pointer);

        var position = Document is not null && Document.Map.TryGetPosition(pointer, out var found) ? found : default;
        return (pointer, position);
    }

    // A value is present when it is not blank; an object that holds keys is present when it is written, even empty
    // (SPEC §H: a finding about a blank value points at the object that holds the key).
    private bool IsPresent(PointerIndex index, string pointer) =>
        (index.IsPresent(pointer) || index.IsRecord(pointer)) && (Document is null || Document.Map.Contains(pointer));
}
