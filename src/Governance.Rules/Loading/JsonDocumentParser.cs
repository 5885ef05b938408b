using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Governance.Rules.Loading;

/// <summary>Reads strict JSON (UTF-8) into JSON nodes with the line and column of every node.</summary>
internal static partial class JsonDocumentParser
{
    public static ParsedFile Parse(ReadOnlyMemory<byte> input)
    {
        var bytes = TextDecoding.SkipUtf8Bom(input);
        if (TextDecoding.HasUtf16Bom(input.Span))
            return Fail(new SyntaxError("JSON input must be UTF-8; the file starts with a UTF-16 byte order mark", 1, 1));
        var invalid = TextDecoding.FindInvalidUtf8(bytes.Span);
        if (invalid >= 0) return Fail(TextDecoding.InvalidUtf8(bytes.Span, invalid));
        if (bytes.Span.Trim(" \t\r\n"u8).IsEmpty)
            return Fail(new SyntaxError("The JSON file is empty; it must hold an artifact object or an array of artifacts", 1, 1));

        var lines = new LineIndex(bytes.Span);
        var reader = new Utf8JsonReader(bytes.Span, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
            MaxDepth = DocumentLimits.MaxDepth,
        });
        var positions = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        try
        {
            reader.Read();
            var root = ReadValue(ref reader, bytes.Span, lines, positions, string.Empty, build: true);
            if (reader.Read())
            {
                var (line, column) = lines.Position(bytes.Span, (int)reader.TokenStartIndex);
                return Fail(new SyntaxError("Unexpected content after the end of the JSON value", line, column));
            }

            return new ParsedFile([new ParsedDocument(root, positions)], null);
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0);
            var bytePosition = (int)(ex.BytePositionInLine ?? 0);
            var column = lines.ColumnOfByteInLine(bytes.Span, line, bytePosition);
            return Fail(new SyntaxError(CleanMessage(ex.Message), line + 1, column));
        }
        catch (DocumentException ex)
        {
            return Fail(new SyntaxError(ex.Message, ex.Position.Line, ex.Position.Column));
        }
    }

    private static ParsedFile Fail(SyntaxError error) => new([], error);

    private static string CleanMessage(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        message = cut > 0 ? message[..cut] : message;
        // System.Text.Json suggests changing reader options, which a document author cannot do.
        message = message.Replace(" Change the reader options.", string.Empty, StringComparison.Ordinal)
            .Replace(" which is not supported in this mode", string.Empty, StringComparison.Ordinal);
        return message.TrimEnd('.', ' ');
    }

    /// <summary>Reads a value into a node with its positions, or (<paramref name="build"/> false) only its positions.</summary>
    private static JsonNode? ReadValue(ref Utf8JsonReader reader, ReadOnlySpan<byte> bytes, LineIndex lines, Dictionary<string, SourcePosition> positions, string pointer, bool build)
    {
        var (line, column) = lines.Position(bytes, (int)reader.TokenStartIndex);
        positions[pointer] = new SourcePosition(line, column);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var obj = build ? new JsonObject() : null;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var name = GetString(ref reader, bytes, lines);
                    if (obj is not null && obj.ContainsKey(name))
                    {
                        var namePosition = lines.Position(bytes, (int)reader.TokenStartIndex);
                        throw new DocumentException($"Duplicate key '{name}'", new SourcePosition(namePosition.Line, namePosition.Column));
                    }

                    reader.Read();
                    var child = ReadValue(ref reader, bytes, lines, positions, JsonPointer.Append(pointer, name), build);
                    if (obj is not null) obj[name] = child;
                }

                return obj;
            case JsonTokenType.StartArray:
                var array = build ? new JsonArray() : null;
                var index = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    var item = ReadValue(ref reader, bytes, lines, positions, JsonPointer.Append(pointer, index), build);
                    array?.Add(item);
                    index++;
                }

                return array;
            case JsonTokenType.String or JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False when !build:
                return null;
            case JsonTokenType.String:
                return JsonValue.Create(GetString(ref reader, bytes, lines));
            case JsonTokenType.Number:
                if (reader.TryGetDecimal(out var number)) return JsonValue.Create(number);
                return JsonValue.Create(Encoding.UTF8.GetString(reader.ValueSpan));
            case JsonTokenType.True:
                return JsonValue.Create(true);
            case JsonTokenType.False:
                return JsonValue.Create(false);
            case JsonTokenType.Null:
                return null;
            default:
                throw new DocumentException($"Unexpected JSON token {reader.TokenType}", new SourcePosition(line, column));
        }
    }

    /// <summary>The string at the reader; an escape that is not valid UTF-16 (a lone surrogate) is a syntax error at the token.</summary>
    private static string GetString(ref Utf8JsonReader reader, ReadOnlySpan<byte> bytes, LineIndex lines)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException ex)
        {
            var (line, column) = lines.Position(bytes, (int)reader.TokenStartIndex);
            throw new DocumentException(CleanMessage(ex.Message), new SourcePosition(line, column));
        }
    }

    /// <summary>Byte offsets of line starts, to turn reader offsets into lines and UTF-16 columns.</summary>
    private sealed class LineIndex
    {
        private readonly List<int> starts = [0];

        public LineIndex(ReadOnlySpan<byte> bytes)
        {
            var offset = 0;
            while (true)
            {
                var next = bytes[offset..].IndexOf((byte)'\n');
                if (next < 0) break;
                offset += next + 1;
                starts.Add(offset);
            }
        }

        public (int Line, int Column) Position(ReadOnlySpan<byte> bytes, int offset)
        {
            var line = starts.BinarySearch(offset);
            if (line < 0) line = ~line - 1;
            return (line + 1, Encoding.UTF8.GetCharCount(bytes[starts[line]..offset]) + 1);
        }

        public int ColumnOfByteInLine(ReadOnlySpan<byte> bytes, int zeroBasedLine, int bytePosition)
        {
            if (zeroBasedLine >= starts.Count) return 1;
            var start = starts[zeroBasedLine];
            var end = Math.Min(bytes.Length, start + bytePosition);
            return Encoding.UTF8.GetCharCount(bytes[start..end]) + 1;
        }
    }
}
