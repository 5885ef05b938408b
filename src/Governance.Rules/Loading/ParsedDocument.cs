using System.Text.Json.Nodes;

namespace Governance.Rules.Loading;

/// <summary>One parsed document: its root node (null for an empty YAML document) and the position of every node.</summary>
internal sealed class ParsedDocument
{
    public ParsedDocument(JsonNode? root, Dictionary<string, SourcePosition> positions, SyntaxError? error = null)
    {
        Root = root;
        Positions = positions;
        Error = error;
    }

    /// <summary>A document that could not be read although the file could (a duplicate key, too deep, too large).</summary>
    public static ParsedDocument Failed(SyntaxError error) => new(null, new Dictionary<string, SourcePosition>(StringComparer.Ordinal), error);

    /// <summary>Why the document could not be read, when it could not.</summary>
    public SyntaxError? Error { get; }

    public JsonNode? Root { get; }

    public Dictionary<string, SourcePosition> Positions { get; }
}

/// <summary>A syntax error with the parser's position.</summary>
internal sealed record SyntaxError(string Message, int Line, int Column);

/// <summary>What parsing a file gave: the documents read before any syntax error, and that error.</summary>
internal sealed record ParsedFile(IReadOnlyList<ParsedDocument> Documents, SyntaxError? Error);
