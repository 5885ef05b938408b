using System.Globalization;
using System.Text.Json;

namespace Governance.Rules.Loading;

/// <summary>
/// A document the fast path read: its JSON bytes (the records deserialize from them) and what it takes to build its
/// source map on demand. JSON keeps the file's bytes and rescans them; YAML keeps a line and a column per node, in
/// document order, which a walk of the JSON bytes turns back into pointers.
/// </summary>
internal sealed class CompactDocument
{
    private readonly Func<Dictionary<string, SourcePosition>> map;

    private CompactDocument(ReadOnlyMemory<byte> json, Type recordType, Func<Dictionary<string, SourcePosition>> map)
    {
        Json = json;
        RecordType = recordType;
        this.map = map;
    }

    /// <summary>The document as UTF-8 JSON.</summary>
    public ReadOnlyMemory<byte> Json { get; }

    /// <summary>The record type its kind names.</summary>
    public Type RecordType { get; }

    /// <summary>A source map built the first time it is asked for.</summary>
    public SourceMap CreateMap() => new(map);

    public static CompactDocument FromJson(ReadOnlyMemory<byte> file, int element, ReadOnlyMemory<byte> json, Type recordType) =>
        new(json, recordType, () => JsonDocumentParser.MapPositions(file, element));

    public static CompactDocument FromYaml(byte[] json, int[] linesAndColumns, Type recordType) =>
        new(json, recordType, () => MapYaml(json, linesAndColumns));

    /// <summary>A date as range checks read it (<c>yyyy-MM-dd</c>).</summary>
    public static bool TryDate(string? text, out DateOnly date)
    {
        date = default;
        return text is not null && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    private static Dictionary<string, SourcePosition> MapYaml(byte[] json, int[] linesAndColumns)
    {
        var positions = new Dictionary<string, SourcePosition>(linesAndColumns.Length / 2, StringComparer.Ordinal);
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = DocumentLimits.MaxDepth + 8 });
        reader.Read();
        var node = 0;
        Walk(ref reader, string.Empty);
        return positions;

        void Walk(ref Utf8JsonReader reader, string pointer)
        {
            positions[pointer] = new SourcePosition(linesAndColumns[node * 2], linesAndColumns[(node * 2) + 1]);
            node++;
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var name = reader.GetString()!;
                    reader.Read();
                    Walk(ref reader, JsonPointer.Append(pointer, name));
                }
            }
            else if (reader.TokenType == JsonTokenType.StartArray)
            {
                var index = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) Walk(ref reader, JsonPointer.Append(pointer, index++));
            }
        }
    }
}
