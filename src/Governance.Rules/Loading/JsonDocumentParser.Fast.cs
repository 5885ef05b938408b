using System.Buffers;
using System.Text.Json;

namespace Governance.Rules.Loading;

/// <summary>The fast path: one read-only pass over the file's bytes, which the records then deserialize from directly.</summary>
internal static partial class JsonDocumentParser
{
    /// <summary>Objects with more keys than this take the full path (the duplicate check here is quadratic).</summary>
    private const int MaxFastKeys = 64;

    private static readonly SearchValues<byte> Blankish = SearchValues.Create(
        [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x1F, 0x20, .. Enumerable.Range(0x80, 0x80).Select(b => (byte)b)]);

    private static readonly SearchValues<byte> PlainNumber = SearchValues.Create("-0123456789."u8);

    /// <summary>
    /// Checks the file for everything the fast path cannot take (a syntax error, a null or blank value, a duplicate or
    /// escaped key, an exponent or very long number, a reversed date range, an element that is not an object, an
    /// envelope that is not a known artifact, a limit reached) and returns one compact document per artifact, or null
    /// for the full path, which then reads the file again and reports exactly as it always did.
    /// </summary>
    public static List<CompactDocument>? TryReadFast(ReadOnlyMemory<byte> input)
    {
        if (HasUtf16BomOrInvalid(input, out var bytes)) return null;
        var span = bytes.Span;
        var reader = new Utf8JsonReader(span, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
            MaxDepth = DocumentLimits.MaxDepth,
        });
        var scan = new FastScan(bytes);
        var documents = new List<CompactDocument>();
        try
        {
            if (!reader.Read()) return null;
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                if (scan.Document(ref reader) is not { } recordType) return null;
                documents.Add(CompactDocument.FromJson(bytes, -1, bytes, recordType));
            }
            else if (reader.TokenType == JsonTokenType.StartArray)
            {
                var element = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    var start = (int)reader.TokenStartIndex;
                    if (reader.TokenType != JsonTokenType.StartObject || scan.Document(ref reader) is not { } recordType) return null;
                    documents.Add(CompactDocument.FromJson(bytes, element++, bytes[start..(int)reader.BytesConsumed], recordType));
                }
            }
            else
            {
                return null;
            }

            return reader.Read() || documents.Count == 0 ? null : documents;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The positions of one document of a file, relative to it: the root value (<paramref name="element"/> -1) or one element of a root array.</summary>
    public static Dictionary<string, SourcePosition> MapPositions(ReadOnlyMemory<byte> bytes, int element)
    {
        var span = bytes.Span;
        var positions = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        var lines = new LineIndex(span);
        var reader = new Utf8JsonReader(span, new JsonReaderOptions { MaxDepth = DocumentLimits.MaxDepth });
        reader.Read();
        if (element < 0)
        {
            ReadValue(ref reader, span, lines, positions, string.Empty, build: false);
            return positions;
        }

        for (var i = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; i++)
        {
            if (i < element)
            {
                reader.Skip();
                continue;
            }

            ReadValue(ref reader, span, lines, positions, string.Empty, build: false);
            break;
        }

        return positions;
    }

    private static bool HasUtf16BomOrInvalid(ReadOnlyMemory<byte> input, out ReadOnlyMemory<byte> bytes)
    {
        bytes = TextDecoding.SkipUtf8Bom(input);
        return TextDecoding.HasUtf16Bom(input.Span) || TextDecoding.FindInvalidUtf8(bytes.Span) >= 0;
    }

    /// <summary>The checks of one pass; the reader stays outside (a ref struct), the state between objects in here.</summary>
    private sealed class FastScan(ReadOnlyMemory<byte> bytes)
    {
        private readonly List<List<(int Start, int Length)>> names = [];
        private string? apiVersion;
        private string? kind;
        private string? id;

        /// <summary>Scans the object at the reader (a document's root); the record type when it can take the fast path.</summary>
        public Type? Document(ref Utf8JsonReader reader)
        {
            apiVersion = kind = id = null;
            if (!Value(ref reader, 0, EnvelopeSlot.Root, out _)) return null;
            return FastPathEnvelope.RecordType(apiVersion, kind, id);
        }

        private bool Value(ref Utf8JsonReader reader, int depth, EnvelopeSlot slot, out string? text)
        {
            text = null;
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    return Object(ref reader, depth, slot);
                case JsonTokenType.StartArray:
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        if (!Value(ref reader, depth + 1, EnvelopeSlot.Other, out _)) return false;
                    }

                    return true;
                case JsonTokenType.String:
                    if (reader.ValueIsEscaped || reader.ValueSpan.IndexOfAnyExcept(Blankish) < 0)
                    {
                        text = reader.GetString();
                        if (string.IsNullOrWhiteSpace(text)) return false;
                    }

                    if (slot is EnvelopeSlot.ApiVersion or EnvelopeSlot.Kind or EnvelopeSlot.Id)
                    {
                        text ??= reader.GetString();
                        if (slot == EnvelopeSlot.ApiVersion) apiVersion = text;
                        else if (slot == EnvelopeSlot.Kind) kind = text;
                        else id = text;
                    }

                    return true;
                case JsonTokenType.Number:
                    // Numbers the full path would hold as decimals and write back the same: no exponent, few digits.
                    return reader.ValueSpan.Length <= 20 && reader.ValueSpan.IndexOfAnyExcept(PlainNumber) < 0;
                case JsonTokenType.True or JsonTokenType.False:
                    return true;
                default:
                    return false; // null, or anything unexpected
            }
        }

        private bool Object(ref Utf8JsonReader reader, int depth, EnvelopeSlot slot)
        {
            while (names.Count <= depth) names.Add([]);
            var seen = names[depth];
            seen.Clear();
            DateOnly? start = null, end = null;
            var span = bytes.Span;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                if (reader.ValueIsEscaped || seen.Count >= MaxFastKeys) return false;
                var name = reader.ValueSpan;
                var nameStart = (int)reader.TokenStartIndex + 1;
                foreach (var (otherStart, otherLength) in seen)
                {
                    if (span.Slice(otherStart, otherLength).SequenceEqual(name)) return false;
                }

                seen.Add((nameStart, name.Length));
                var child = slot switch
                {
                    EnvelopeSlot.Root when name.SequenceEqual("apiVersion"u8) => EnvelopeSlot.ApiVersion,
                    EnvelopeSlot.Root when name.SequenceEqual("kind"u8) => EnvelopeSlot.Kind,
                    EnvelopeSlot.Root when name.SequenceEqual("metadata"u8) => EnvelopeSlot.Metadata,
                    EnvelopeSlot.Metadata when name.SequenceEqual("id"u8) => EnvelopeSlot.Id,
                    _ => EnvelopeSlot.Other,
                };
                var isStart = name.SequenceEqual("start"u8);
                var isEnd = !isStart && name.SequenceEqual("end"u8);
                reader.Read();
                if ((isStart || isEnd) && reader.TokenType == JsonTokenType.String)
                {
                    if (!Value(ref reader, depth + 1, child, out var text)) return false;
                    if (CompactDocument.TryDate(text ?? reader.GetString(), out var date))
                    {
                        if (isStart) start = date;
                        else end = date;
                    }

                    continue;
                }

                if (!Value(ref reader, depth + 1, child, out _)) return false;
            }

            return !(start is { } s && end is { } e && e < s); // a reversed range is reported by the full path
        }
    }
}
