using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Governance.Rules.Loading;

/// <summary>
/// Reads a YAML stream into JSON nodes with the position of every node, resolving plain scalars with the YAML 1.2
/// core schema (so <c>2026-11-01</c> stays a string) and bounding nesting and alias expansion.
/// </summary>
internal static partial class YamlDocumentParser
{
    private const string StrTag = "tag:yaml.org,2002:str";

    /// <summary>
    /// Brackets opened and not closed beyond which the text is rejected before parsing: YamlDotNet's scanner is
    /// quadratic in flow nesting depth, so a hostile <c>[[[[…</c> would otherwise take minutes.
    /// </summary>
    private const int FlowNestingPrecheckLimit = 1000;

    /// <summary>Most times one file's parse resumes after a broken document; past it the rest of the file is not read.</summary>
    private const int MaxResumes = 1000;

    public static ParsedFile Parse(string text)
    {
        if (FindExcessiveFlowNesting(text) is { } tooDeep)
            return new ParsedFile([], new SyntaxError($"Nesting deeper than {DocumentLimits.MaxDepth} levels", tooDeep.Line, tooDeep.Column));
        var documents = new List<ParsedDocument>();
        var start = 0;
        var startLine = 1;
        var resumed = 0;
        while (true)
        {
            var error = ParseStream(new SegmentReader(text, start), startLine - 1, documents);
            if (error is null) return new ParsedFile(documents, null);

            // A syntax error spoils its document, not the stream: resume at the next '---' at the start of a line
            // (a document marker there always ends the document, whatever was left open) and read the rest.
            if (++resumed > MaxResumes || NextDocumentMarker(text, start, startLine, error.Line) is not { } resume)
                return new ParsedFile(documents, error);
            documents.Add(ParsedDocument.Failed(error));
            (start, startLine) = resume;
        }
    }

    /// <summary>The first <c>---</c> marker line at or after <paramref name="errorLine"/> and after <paramref name="fromLine"/>.</summary>
    private static (int Index, int Line)? NextDocumentMarker(string text, int from, int fromLine, int errorLine)
    {
        var line = fromLine;
        var index = from;
        while (true)
        {
            var newline = text.IndexOf('\n', index);
            if (newline < 0) return null;
            index = newline + 1;
            line++;
            if (line < errorLine) continue;
            var rest = text.AsSpan(index);
            if (rest.StartsWith("---", StringComparison.Ordinal) && (rest.Length == 3 || rest[3] is ' ' or '\t' or '\r' or '\n'))
                return (index, line);
        }
    }

    /// <summary>Reads the documents of <paramref name="text"/> (which starts <paramref name="lineOffset"/> lines into the file); returns the syntax error that stopped it, if any.</summary>
    private static SyntaxError? ParseStream(TextReader text, int lineOffset, List<ParsedDocument> documents)
    {
        var scanner = new Scanner(text, skipComments: true);
        var parser = new Parser(scanner);
        var last = Mark.Empty;
        try
        {
            parser.Consume<StreamStart>();
            while (!parser.Accept<StreamEnd>(out _))
            {
                var start = parser.Consume<DocumentStart>();
                last = start.End;
                var builder = new Builder(parser);
                try
                {
                    var root = builder.ReadNode(string.Empty, 0);
                    documents.Add(new ParsedDocument(root, Shift(builder.Positions, lineOffset)));
                }
                catch (DocumentException ex)
                {
                    // The document is unusable, but the stream is still well-formed: skip to its end and go on.
                    documents.Add(ParsedDocument.Failed(new SyntaxError(ex.Message, ex.Position.Line + lineOffset, ex.Position.Column)));
                    while (!parser.Accept<DocumentEnd>(out _)) parser.MoveNext();
                }

                last = parser.Consume<DocumentEnd>().End;
            }

            return null;
        }
        catch (YamlException ex)
        {
            // Some scanner errors (a tab as indentation) carry no position: the scanner stopped where the problem is.
            var mark = ex.Start.Index > 0 || ex.End.Index > 0 ? ex.Start : scanner.CurrentPosition.Index > 0 ? scanner.CurrentPosition : last;
            return new SyntaxError(Clean(ex.Message), (int)Math.Max(1, mark.Line) + lineOffset, (int)Math.Max(1, mark.Column));
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // YamlDotNet throws a bare InvalidOperationException on some malformed flow collections: no position, no useful text.
            var mark = parser.Current?.Start ?? last;
            return new SyntaxError("Malformed YAML near here: an unclosed '[' or '{', or a misplaced ':' or '-'", (int)Math.Max(1, mark.Line) + lineOffset, (int)Math.Max(1, mark.Column));
        }
    }

    /// <summary>Reads a string from an offset without copying it.</summary>
    private sealed class SegmentReader(string text, int start) : TextReader
    {
        private int position = start;

        public override int Peek() => position < text.Length ? text[position] : -1;

        public override int Read() => position < text.Length ? text[position++] : -1;

        public override int Read(char[] buffer, int index, int count)
        {
            var n = Math.Min(count, text.Length - position);
            text.CopyTo(position, buffer, index, n);
            position += n;
            return n;
        }
    }

    private static Dictionary<string, SourcePosition> Shift(Dictionary<string, SourcePosition> positions, int lineOffset)
    {
        if (lineOffset == 0) return positions;
        var shifted = new Dictionary<string, SourcePosition>(positions.Count, StringComparer.Ordinal);
        foreach (var (pointer, position) in positions) shifted[pointer] = position with { Line = position.Line + lineOffset };
        return shifted;
    }

    private static SourcePosition? FindExcessiveFlowNesting(string text)
    {
        // Deliberately ignores quoting: no real document has a thousand unclosed brackets, and an attacker cannot hide any.
        int depth = 0, line = 1, lineStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '[' or '{':
                    if (++depth > FlowNestingPrecheckLimit) return new SourcePosition(line, i - lineStart + 1);
                    break;
                case ']' or '}':
                    depth = Math.Max(0, depth - 1);
                    break;
                case '\n':
                    line++;
                    lineStart = i + 1;
                    break;
            }
        }

        return null;
    }

    private static string Clean(string message)
    {
        // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: ...) - (Line: ...): "; the finding carries the position.
        var dash = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line", StringComparison.Ordinal) && dash > 0 ? message[(dash + 3)..] : message;
    }

    private static SourcePosition At(Mark mark) => new((int)mark.Line, (int)mark.Column);

    private sealed class Builder(IParser parser)
    {
        private readonly Dictionary<string, (JsonNode? Node, int Size)> anchors = new(StringComparer.Ordinal);
        private int nodeCount;
        private int aliasNodes;

        public Dictionary<string, SourcePosition> Positions { get; } = new(StringComparer.Ordinal);

        public JsonNode? ReadNode(string pointer, int depth)
        {
            if (depth > DocumentLimits.MaxDepth)
                throw new DocumentException($"Nesting deeper than {DocumentLimits.MaxDepth} levels", At(parser.Current!.Start));
            Count(1, parser.Current!.Start);
            var startCount = nodeCount;
            JsonNode? node;
            AnchorName anchor;
            switch (parser.Current)
            {
                case Scalar scalar:
                    parser.MoveNext();
                    Positions[pointer] = At(scalar.Start);
                    node = Resolve(scalar);
                    anchor = scalar.Anchor;
                    break;
                case MappingStart mapping:
                    parser.MoveNext();
                    Positions[pointer] = At(mapping.Start);
                    node = ReadMapping(pointer, depth, mapping);
                    anchor = mapping.Anchor;
                    break;
                case SequenceStart sequence:
                    parser.MoveNext();
                    Positions[pointer] = At(sequence.Start);
                    node = ReadSequence(pointer, depth);
                    anchor = sequence.Anchor;
                    break;
                case AnchorAlias alias:
                    parser.MoveNext();
                    return Expand(alias, pointer);
                default:
                    throw new DocumentException($"Unexpected YAML event {parser.Current?.GetType().Name}", At(parser.Current!.Start));
            }

            if (!anchor.IsEmpty) anchors[anchor.Value] = (node, nodeCount - startCount + 1);
            return node;
        }

        private JsonObject ReadMapping(string pointer, int depth, MappingStart start)
        {
            var result = new JsonObject();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                if (parser.Current is not Scalar key)
                    throw new DocumentException("Mapping keys must be plain strings, not collections", At(parser.Current!.Start));
                parser.MoveNext();
                var name = key.Value;
                if (result.ContainsKey(name))
                    throw new DocumentException($"Duplicate key '{name}' in the mapping that starts at line {start.Start.Line}", At(key.Start));
                var child = ReadNode(JsonPointer.Append(pointer, name), depth + 1);
                result[name] = child;
            }

            return result;
        }

        private JsonArray ReadSequence(string pointer, int depth)
        {
            var result = new JsonArray();
            var index = 0;
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                result.Add(ReadNode(JsonPointer.Append(pointer, index), depth + 1));
                index++;
            }

            return result;
        }

        private JsonNode? Expand(AnchorAlias alias, string pointer)
        {
            if (!anchors.TryGetValue(alias.Value.Value, out var anchored))
                throw new DocumentException($"Alias *{alias.Value.Value} refers to no earlier anchor", At(alias.Start));
            Count(anchored.Size, alias.Start);
            aliasNodes += anchored.Size;
            if (aliasNodes > DocumentLimits.MaxAliasExpansionNodes)
                throw new DocumentException($"Aliases expand to more than {DocumentLimits.MaxAliasExpansionNodes:N0} nodes (alias expansion is bounded)", At(alias.Start));
            var copy = anchored.Node?.DeepClone();
            MapAll(copy, pointer, At(alias.Start));
            return copy;
        }

        private void MapAll(JsonNode? node, string pointer, SourcePosition position)
        {
            Positions[pointer] = position;
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (name, child) in obj) MapAll(child, JsonPointer.Append(pointer, name), position);
                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++) MapAll(array[i], JsonPointer.Append(pointer, i), position);
                    break;
            }
        }

        private void Count(int nodes, Mark mark)
        {
            nodeCount += nodes;
            if (nodeCount > DocumentLimits.MaxNodesPerDocument)
                throw new DocumentException($"The document expands to more than {DocumentLimits.MaxNodesPerDocument:N0} nodes (alias expansion is bounded)", At(mark));
        }
    }

    /// <summary>Resolves a scalar with the YAML 1.2 core schema.</summary>
    internal static JsonNode? Resolve(Scalar scalar) => ResolveKind(scalar, out var number) switch
    {
        ScalarKind.Null => null,
        ScalarKind.True => JsonValue.Create(true),
        ScalarKind.False => JsonValue.Create(false),
        ScalarKind.Number => JsonValue.Create(number),
        _ => JsonValue.Create(scalar.Value),
    };

    /// <summary>What a scalar resolves to with the YAML 1.2 core schema; <paramref name="number"/> is set for a number.</summary>
    internal static ScalarKind ResolveKind(Scalar scalar, out decimal number)
    {
        number = 0;
        if ((!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific && scalar.Tag.Value == StrTag) || scalar.Style is not ScalarStyle.Plain) return ScalarKind.String;
        return ResolvePlain(scalar.Value, out number);
    }

    /// <summary>What the text of a plain, untagged scalar resolves to with the YAML 1.2 core schema.</summary>
    internal static ScalarKind ResolvePlain(string value, out decimal number)
    {
        number = 0;
        if (value.Length == 0) return ScalarKind.Null;
        if (!MayNotBeString.Contains(value[0])) return ScalarKind.String; // most scalars: no null, boolean or number starts so
        if (value is "~" or "null" or "Null" or "NULL") return ScalarKind.Null;
        if (value is "true" or "True" or "TRUE") return ScalarKind.True;
        if (value is "false" or "False" or "FALSE") return ScalarKind.False;
        if (IntPattern().IsMatch(value) && decimal.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number))
            return ScalarKind.Number;
        if (value.StartsWith("0o", StringComparison.Ordinal) && value.Length > 2 && value.AsSpan(2).ContainsAnyExceptInRange('0', '7') is false)
        {
            try
            {
                number = Convert.ToInt64(value[2..], 8);
                return ScalarKind.Number;
            }
            catch (OverflowException)
            {
                return ScalarKind.String;
            }
        }

        if (value.StartsWith("0x", StringComparison.Ordinal) && value.Length > 2 &&
            long.TryParse(value.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex))
        {
            number = hex;
            return ScalarKind.Number;
        }

        if (FloatPattern().IsMatch(value) && decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out number))
            return ScalarKind.Number;
        return ScalarKind.String;
    }

    /// <summary>The first characters of every plain scalar that resolves to something other than a string.</summary>
    private static readonly System.Buffers.SearchValues<char> MayNotBeString = System.Buffers.SearchValues.Create("~nNtTfF-+.0123456789");

    [GeneratedRegex("^[-+]?[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex IntPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex FloatPattern();
}

/// <summary>What a YAML scalar resolves to.</summary>
internal enum ScalarKind
{
    /// <summary>A string.</summary>
    String,

    /// <summary>Null (an empty plain scalar, <c>~</c> or <c>null</c>).</summary>
    Null,

    /// <summary>True.</summary>
    True,

    /// <summary>False.</summary>
    False,

    /// <summary>A number (held as a decimal).</summary>
    Number,
}

/// <summary>A problem that makes one document unusable without breaking the stream.</summary>
internal sealed class DocumentException(string message, SourcePosition position) : Exception(message)
{
    public SourcePosition Position { get; } = position;
}
