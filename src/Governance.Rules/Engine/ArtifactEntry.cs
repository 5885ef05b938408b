using Governance.Rules.Loading;
using Governance.Rules.Model;

namespace Governance.Rules.Engine;

/// <summary>
/// An artifact under analysis with where it came from and, on demand, where each of its records is. Its record can be
/// released once its own rules ran and the index holds its facts (<see cref="Release"/>); it is then read again from
/// its file only if something still asks for it.
/// </summary>
internal sealed class ArtifactEntry
{
    private Artifact? artifact;
    private Func<Artifact>? reload;
    private WeakReference<Artifact>? reloaded;
    private PointerIndex? pointers;

    public ArtifactEntry(Artifact artifact, SourceDocument? document, int order)
    {
        this.artifact = artifact;
        Document = document;
        Order = order;
        Id = artifact.Id;
        Kind = artifact.ArtifactKind;
        Metadata = artifact.Metadata;
        described = AnalyzedArtifact.Of(artifact, document?.File);
    }

    private readonly AnalyzedArtifact described;

    /// <summary>What reports need of the artifact, without its record.</summary>
    public AnalyzedArtifact Describe() => described;

    /// <summary>The record; read again from its file when it was released (a rare path: the engine's own rules do not).</summary>
    /// <exception cref="InvalidOperationException">The record was released and its file no longer holds it.</exception>
    public Artifact Artifact => artifact ?? Reloaded();

    /// <summary>The artifact's <c>metadata.id</c>.</summary>
    public string? Id { get; }

    /// <summary>The artifact's kind.</summary>
    public ArtifactKind Kind { get; }

    /// <summary>The record's metadata (inline suppressions, title), kept when the record is released.</summary>
    public ArtifactMetadata Metadata { get; }

    public SourceDocument? Document { get; }

    /// <summary>Position in document order (relative path, then position within the file).</summary>
    public int Order { get; }

    /// <summary>Whether an earlier artifact has the same id (GOV003); references resolve to the first.</summary>
    public bool IsDuplicate { get; set; }

    /// <summary>The artifact's node in the index, once added.</summary>
    public PortfolioNode? Node { get; set; }

    /// <summary>Whether the record was released.</summary>
    public bool IsReleased => artifact is null;

    public PointerIndex Pointers => artifact is null
        ? PointerIndex.Build(Artifact) // not cached: the index holds the records it names
        : LazyInitializer.EnsureInitialized(ref pointers, () => PointerIndex.Build(Artifact));

    /// <summary>
    /// Forgets the pointer index built to locate findings (a dictionary of every record it names); it is built again if
    /// a later finding needs it. For a record kept past its batch, so the index does not stay for the whole run.
    /// </summary>
    public void ForgetPointers() => pointers = null;

    /// <summary>Lets the record go; <paramref name="readAgain"/> reads it again from its file if it is asked for.</summary>
    public void Release(Func<Artifact> readAgain)
    {
        reload = readAgain;
        pointers = null;
        artifact = null;
    }

    private Artifact Reloaded()
    {
        lock (this)
        {
            if (reloaded is not null && reloaded.TryGetTarget(out var cached)) return cached;
            var read = reload!();
            reloaded = new WeakReference<Artifact>(read);
            return read;
        }
    }

    /// <summary>Resolves a reported target and property into a pointer and a position (SPEC §H Locations).</summary>
    public (string Pointer, SourcePosition Position) Locate(object target, string? property)
    {
        var index = Pointers;
        if (!index.TryGetPointer(target, out var pointer))
        {
            throw new InvalidOperationException(
                $"The reported {target.GetType().Name} is not part of artifact '{Id}'; report against the artifact or a record inside it.");
        }

        if (!string.IsNullOrEmpty(property))
        {
            // A property, or a path below the record such as "objectiveIds/1" (a list element).
            foreach (var part in property.Split('/', StringSplitOptions.RemoveEmptyEntries))
                pointer = JsonPointer.Append(pointer, char.ToLowerInvariant(part[0]) + part[1..]);
        }

        // A value is present when it is not blank; an object that holds keys is present when it is written, even empty
        // (SPEC §H: a finding about a blank value points at the object that holds the key). The deepest pointer present
        // in the record and in the document wins, and the walk that finds it gives its position (no second walk).
        for (; pointer.Length > 0; pointer = JsonPointer.Parent(pointer))
        {
            if (!index.IsPresent(pointer) && !index.IsRecord(pointer)) continue;
            if (Document is null) return (pointer, default);
            if (Document.Map.TryGetPosition(pointer, out var position)) return (pointer, position);
        }

        return (pointer, PositionOf(pointer));
    }

    /// <summary>
    /// Locates a pointer the index knows to hold a value that is present (a reference's id), without the record: the
    /// same answer as <see cref="Locate"/> on the artifact with that path, so a released record is not read again.
    /// </summary>
    public (string Pointer, SourcePosition Position) LocatePresent(string pointer)
    {
        if (artifact is not null)
            return Locate(artifact, pointer.Length == 0 ? null : string.Join('/', JsonPointer.Tokens(pointer)));
        if (Document is null) return (pointer, default);
        for (; pointer.Length > 0; pointer = JsonPointer.Parent(pointer))
        {
            if (Document.Map.TryGetPosition(pointer, out var position)) return (pointer, position);
        }

        return (pointer, PositionOf(pointer));
    }

    private SourcePosition PositionOf(string pointer) =>
        Document is not null && Document.Map.TryGetPosition(pointer, out var found) ? found : default;

}
