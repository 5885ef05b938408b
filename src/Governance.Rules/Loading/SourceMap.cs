namespace Governance.Rules.Loading;

/// <summary>Where a node of a document starts in its file: 1-based line and column (UTF-16 code units).</summary>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
internal readonly record struct SourcePosition(int Line, int Column);

/// <summary>Maps the JSON pointers of one document (relative to the artifact's root) to positions in its file.</summary>
internal sealed class SourceMap
{
    private readonly Dictionary<string, SourcePosition> positions;

    internal SourceMap(Dictionary<string, SourcePosition> positions) => this.positions = positions;

    /// <summary>Number of nodes mapped.</summary>
    public int Count => positions.Count;

    /// <summary>The position where the node at <paramref name="pointer"/> starts.</summary>
    public bool TryGetPosition(string pointer, out SourcePosition position) => positions.TryGetValue(pointer, out position);

    /// <summary>Whether the document has a node at <paramref name="pointer"/>.</summary>
    public bool Contains(string pointer) => positions.ContainsKey(pointer);
}

/// <summary>The file and place a document came from.</summary>
/// <param name="File">Path relative to the working directory, with forward slashes.</param>
/// <param name="Index">0-based position of the document (artifact) within the file.</param>
/// <param name="Map">The document's source map.</param>
internal sealed record SourceDocument(string File, int Index, SourceMap Map);
