namespace Governance.Rules.Loading;

/// <summary>Where a node of a document starts in its file: 1-based line and column (UTF-16 code units).</summary>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
internal readonly record struct SourcePosition(int Line, int Column);

/// <summary>Lookups over a pointer → position dictionary (the parsed configuration and rule-pack documents).</summary>
internal static class SourcePositionLookup
{
    /// <summary>The position of <paramref name="pointer"/>, or of its nearest ancestor present; (0, 0) when none is.</summary>
    public static SourcePosition NearestTo(this IReadOnlyDictionary<string, SourcePosition> positions, string pointer)
    {
        for (var current = pointer; ; current = JsonPointer.Parent(current))
        {
            if (positions.TryGetValue(current, out var position)) return position;
            if (current.Length == 0) return new SourcePosition(0, 0);
        }
    }
}

/// <summary>
/// Maps the JSON pointers of one document (relative to the artifact's root) to positions in its file. For documents the
/// loader's fast path read, no map is kept: each question walks the document's compact form to the node asked about.
/// </summary>
internal sealed class SourceMap
{
    private readonly Dictionary<string, SourcePosition>? positions;
    private readonly CompactDocument? compact;
    private Dictionary<string, SourcePosition>? built;

    internal SourceMap(Dictionary<string, SourcePosition> positions) => this.positions = positions;

    /// <summary>A map that answers each question by walking <paramref name="document"/> (the loader's fast path).</summary>
    internal SourceMap(CompactDocument document) => compact = document;

    /// <summary>Whether the map answers from a compact document rather than a dictionary of every node.</summary>
    internal bool IsCompact => compact is not null;

    /// <summary>Whether the map's compact document was let go and positions come from the file, read again.</summary>
    internal bool ReadsFileAgain => compact?.ReadsFileAgain == true;

    /// <summary>Every pointer and its position (built on first use for a compact document; for tests and <see cref="Count"/>).</summary>
    internal IReadOnlyDictionary<string, SourcePosition> Entries =>
        positions ?? LazyInitializer.EnsureInitialized(ref built, () => compact!.BuildMap());

    /// <summary>Number of nodes mapped.</summary>
    public int Count => Entries.Count;

    /// <summary>The position where the node at <paramref name="pointer"/> starts.</summary>
    public bool TryGetPosition(string pointer, out SourcePosition position)
    {
        ArgumentNullException.ThrowIfNull(pointer);
        if (positions is not null) return positions.TryGetValue(pointer, out position);
        return compact!.TryGetPosition(pointer, out position);
    }

    /// <summary>Lets go of the file bytes held for positions since loading, if any (<see cref="LoadOptions.HoldFileBytes"/>).</summary>
    internal void LetGoOfHeldBytes() => compact?.LetGoOfHeldBytes();

    /// <summary>Whether the document has a node at <paramref name="pointer"/>.</summary>
    public bool Contains(string pointer) => TryGetPosition(pointer, out _);
}

/// <summary>The file and place a document came from.</summary>
/// <param name="File">Path relative to the working directory, with forward slashes.</param>
/// <param name="Index">0-based position of the document (artifact) within the file.</param>
/// <param name="Map">The document's source map.</param>
internal sealed record SourceDocument(string File, int Index, SourceMap Map);
