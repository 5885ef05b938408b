using System.Text.Json;
using Governance.Rules.Model;

namespace Governance.Rules.Loading;

/// <summary>
/// The fast path: one pass over the file's bytes that reads each record with <see cref="ArtifactReader"/>, which
/// rejects whatever the full path would read differently.
/// </summary>
internal static partial class JsonDocumentParser
{
    /// <summary>
    /// Reads every artifact of the file in one pass, or returns null for the full path (which then reads the file again
    /// and reports exactly as it always did) on anything the fast path cannot take exactly as the full path would: a
    /// syntax error, invalid UTF-8 or UTF-16, a root that is not an object or an array of objects, an envelope that is not
    /// a known artifact kind of this API version with an id, and whatever <see cref="ArtifactReader"/> rejects. With
    /// <paramref name="summarizeBacklogItems"/>, backlogs hold <see cref="DeferredBacklogItems"/> that read
    /// <paramref name="input"/> again for the records asked for: the caller keeps it readable, or names the file to read
    /// instead (<see cref="DeferredBacklogItems.ReadFrom"/>).
    /// </summary>
    public static FastJson? TryLoadFast(ReadOnlyMemory<byte> input, bool summarizeBacklogItems = false)
    {
        if (HasUtf16BomOrInvalid(input, out var bytes)) return null;
        using var scope = summarizeBacklogItems ? ArtifactReader.SummarizingBacklogItems(bytes) : default;
        var reader = new Utf8JsonReader(bytes.Span, ArtifactReader.ReaderOptions);
        var documents = new List<CompactDocument>(1);
        var records = new List<Artifact>(1);
        try
        {
            if (!reader.Read()) return null;
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                if (Document(ref reader) is not { } artifact) return null;
                documents.Add(CompactDocument.FromJson(bytes, -1, bytes, artifact.GetType()));
                records.Add(artifact);
            }
            else if (reader.TokenType == JsonTokenType.StartArray)
            {
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    var start = (int)reader.TokenStartIndex;
                    if (reader.TokenType != JsonTokenType.StartObject || Document(ref reader) is not { } artifact) return null;
                    documents.Add(CompactDocument.FromJson(bytes, records.Count, bytes[start..(int)reader.BytesConsumed], artifact.GetType()));
                    records.Add(artifact);
                }
            }
            else
            {
                return null;
            }

            return reader.Read() || records.Count == 0 ? null : new FastJson(documents, records);
        }
        catch (Exception ex) when (ArtifactReader.IsRejection(ex))
        {
            return null;
        }
    }

    /// <summary>Reads the object at the reader into its record (the reader ends on its last token), or null for the full path.</summary>
    private static Artifact? Document(ref Utf8JsonReader reader)
    {
        if (PeekRecordType(reader) is not { } recordType) return null;
        var artifact = ArtifactReader.Read(ref reader, recordType);
        return FastPathEnvelope.RecordType(artifact.ApiVersion, artifact.Kind, artifact.Id) == recordType ? artifact : null;
    }

    /// <summary>
    /// The record type an object's <c>apiVersion</c> and <c>kind</c> name, both present as strings (they are usually its
    /// first members; anything before them is skipped), or null. Reads a copy of the reader.
    /// </summary>
    private static Type? PeekRecordType(Utf8JsonReader reader)
    {
        string? apiVersion = null, kind = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isApiVersion = reader.ValueTextEquals("apiVersion"u8);
            var isKind = !isApiVersion && reader.ValueTextEquals("kind"u8);
            reader.Read();
            if (!isApiVersion && !isKind)
            {
                reader.Skip();
                continue;
            }

            if (reader.TokenType != JsonTokenType.String) return null;
            if (isApiVersion) apiVersion = reader.GetString();
            else kind = reader.GetString();
            if (apiVersion is not null && kind is not null) break;
        }

        return apiVersion == ArtifactKinds.ApiVersion && ArtifactKinds.TryGet(kind, out _, out var recordType) ? recordType : null;
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
}

/// <summary>What the fast path read from a file: one compact document and one record per artifact, in order.</summary>
internal sealed record FastJson(List<CompactDocument> Documents, List<Artifact> Records);
