namespace Governance.Rules.Loading;

/// <summary>Where a node of a document starts in its file: 1-based line and column (UTF-16 code units).</summary>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
public readonly record struct SourcePosition(int Line, int Column);

/// <summary>
/// Maps the JSON pointers of one document (relative to the artifact's root) to positions in its file. The loader's fast
/// path builds the map on first use, from a compact record of the document, so documents without findings never pay for it.
/// </summary>
public sealed class SourceMap
{
    private readonly Lazy<Dictionary<string, SourcePosition>> map;

    internal SourceMap(Dictionary<string, SourcePosition> positions) => map = new(positions);

    /// <summary>A map built by <paramref name="build"/> the first time a position is asked for (once, thread-safe).</summary>
    internal SourceMap(Func<Dictionary<string, SourcePosition>> build) => map = new(build, LazyThreadSafetyMode.ExecutionAndPublication);

    private Dictionary<string, SourcePosition> Positions => map.Value;

    /// <summary>Whether the map has been built (always, except for a fast-path document nobody asked about yet).</summary>
    internal bool IsBuilt => map.IsValueCreated;

    /// <summary>Every pointer and its position (for tests comparing the loader's two paths).</summary>
    internal IReadOnlyDictionary<string, SourcePosition> Entries => Positions;

    /// <summary>Number of nodes mapped.</summary>
    public int Count => Positions.Count;

    /// <summary>The position where the node at <paramref name="pointer"/> starts.</summary>
    public bool TryGetPosition(string pointer, out SourcePosition position) => Positions.TryGetValue(pointer, out position);

    /// <summary>Whether the document has a node at <paramref name="pointer"/>.</summary>
    public bool Contains(string pointer) => Positions.ContainsKey(pointer);
}

/// <summary>The file and place a document came from.</summary>
/// <param name="File">Path relative to the working directory, with forward slashes.</param>
/// <param name="Index">0-based position of the document (artifact) within the file.</param>
/// <param name="Map">The document's source map.</param>
public sealed record SourceDocument(string File, int Index, SourceMap Map);
