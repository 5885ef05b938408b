using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Governance.Rules.Loading;

/// <summary>The fast path: YAML events written straight into JSON bytes, with a compact position per node.</summary>
internal static partial class YamlDocumentParser
{
    internal static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
        Indented = false,
        MaxDepth = DocumentLimits.MaxDepth + 8,
    };

    /// <summary>Buffers one loading thread reuses from file to file (dropped when a huge file made them huge).</summary>
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? threadBuffer;

    [ThreadStatic]
    private static List<int>? threadPositions;

    /// <summary>
    /// Reads every document of the UTF-8 <paramref name="input"/> into compact documents in one pass of the event
    /// parser (no string of the whole file), or returns null when any document needs the full path: a syntax error, a
    /// UTF-16 or invalid encoding, an alias, a null or blank value, a duplicate key, a reversed date range, a root that
    /// is not a mapping, an envelope that is not a known artifact, or a limit reached. The full path then reads the file
    /// again and reports exactly as it always did.
    /// </summary>
    public static List<CompactDocument>? TryReadFast(ReadOnlyMemory<byte> input) => TryReadFast(input, FastReader.ScannerThenEvents);

    /// <summary>
    /// The fast path with a choice of readers (tests compare them): the block scanner (<see cref="YamlBlockScanner"/>)
    /// first and the event writer for the files it gives up on, or either alone.
    /// </summary>
    internal static List<CompactDocument>? TryReadFast(ReadOnlyMemory<byte> input, FastReader reader)
    {
        if (TextDecoding.HasUtf16Bom(input.Span)) return null;
        var bytes = TextDecoding.SkipUtf8Bom(input);
        if (bytes.IsEmpty || TextDecoding.FindInvalidUtf8(bytes.Span) >= 0) return null;
        if (reader != FastReader.Events)
        {
            var buffer = threadBuffer ??= new ArrayBufferWriter<byte>(64 * 1024);
            var positions = threadPositions ??= new List<int>(4096);
            try
            {
                if (YamlBlockScanner.TryRead(bytes.Span, buffer, positions) is { } scanned) return scanned;
            }
            finally
            {
                if (buffer.Capacity > 4 << 20) threadBuffer = null;
                if (positions.Capacity > 1 << 20) threadPositions = null;
            }

            if (reader == FastReader.Scanner) return null;
        }

        return TryReadEvents(bytes);
    }

    /// <summary>The event writer: every document through YamlDotNet's parser, written as JSON with a position per node.</summary>
    private static List<CompactDocument>? TryReadEvents(ReadOnlyMemory<byte> bytes)
    {
        if (HasExcessiveFlowNesting(bytes.Span)) return null;
        var array = System.Runtime.InteropServices.MemoryMarshal.TryGetArray(bytes, out var segment) ? segment : new ArraySegment<byte>(bytes.ToArray());
        using var text = new StreamReader(new MemoryStream(array.Array!, array.Offset, array.Count, writable: false), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: false);
        var buffer = threadBuffer ??= new ArrayBufferWriter<byte>(64 * 1024);
        var positions = threadPositions ??= new List<int>(4096);
        var documents = new List<CompactDocument>();
        try
        {
            var parser = new Parser(new Scanner(text, skipComments: true));
            parser.Consume<StreamStart>();
            while (!parser.Accept<StreamEnd>(out _))
            {
                parser.Consume<DocumentStart>();
                if (parser.Current is not MappingStart) return null;
                buffer.ResetWrittenCount();
                positions.Clear();
                using var writer = new FastWriter(parser, buffer, positions);
                if (!writer.WriteDocument()) return null;
                parser.Consume<DocumentEnd>();
                if (writer.Envelope() is not { } recordType) return null;
                documents.Add(CompactDocument.FromYaml(buffer.WrittenSpan.ToArray(), [.. positions], recordType, documents.Count));
            }

            return documents.Count == 0 ? null : documents;
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            return null;
        }
        finally
        {
            if (buffer.Capacity > 4 << 20) threadBuffer = null;
            if (positions.Capacity > 1 << 20) threadPositions = null;
        }
    }

    /// <summary>The check of <see cref="FindExcessiveFlowNesting"/> on UTF-8 bytes (brackets are ASCII), without the position.</summary>
    private static bool HasExcessiveFlowNesting(ReadOnlySpan<byte> bytes)
    {
        var depth = 0;
        while (true)
        {
            var next = bytes.IndexOfAny("[{]}"u8);
            if (next < 0) return false;
            if (bytes[next] is (byte)'[' or (byte)'{')
            {
                if (++depth > FlowNestingPrecheckLimit) return true;
            }
            else
            {
                depth = Math.Max(0, depth - 1);
            }

            bytes = bytes[(next + 1)..];
        }
    }

    /// <summary>
    /// Writes a resolved scalar that is not a string (a boolean or a number) and returns true; false for a null (the
    /// full path reports it); null for a string, which the caller checks and writes.
    /// </summary>
    internal static bool? WriteUnlessString(Utf8JsonWriter writer, ScalarKind kind, decimal number)
    {
        switch (kind)
        {
            case ScalarKind.Null:
                return false;
            case ScalarKind.True:
                writer.WriteBooleanValue(true);
                return true;
            case ScalarKind.False:
                writer.WriteBooleanValue(false);
                return true;
            case ScalarKind.Number:
                writer.WriteNumberValue(number);
                return true;
            default:
                return null;
        }
    }

    /// <summary>Writes one document's events as JSON, checking on the way everything the fast path cannot take.</summary>
    private sealed class FastWriter(IParser parser, ArrayBufferWriter<byte> buffer, List<int> positions) : IDisposable
    {
        private readonly Utf8JsonWriter writer = new(buffer, WriterOptions);
        private readonly List<KeySet> keySets = [];
        private int nodes;
        private string? apiVersion;
        private string? kind;
        private string? id;

        public bool WriteDocument()
        {
            var ok = WriteNode(0, EnvelopeSlot.Root);
            writer.Flush();
            return ok;
        }

        public void Dispose() => writer.Dispose();

        /// <summary>The record type when the envelope names a known artifact kind of this API version (else null: full path).</summary>
        public Type? Envelope() => FastPathEnvelope.RecordType(apiVersion, kind, id);

        private bool WriteNode(int depth, EnvelopeSlot slot) => WriteNode(depth, slot, out _);

        private bool WriteNode(int depth, EnvelopeSlot slot, out string? scalarText)
        {
            scalarText = null;
            if (depth > DocumentLimits.MaxDepth || ++nodes > DocumentLimits.MaxNodesPerDocument) return false;
            var current = parser.Current!;
            positions.Add((int)current.Start.Line);
            positions.Add((int)current.Start.Column);
            switch (current)
            {
                case Scalar scalar:
                    parser.MoveNext();
                    if (WriteUnlessString(writer, ResolveKind(scalar, out var number), number) is { } written) return written;
                    if (string.IsNullOrWhiteSpace(scalar.Value)) return false;
                    writer.WriteStringValue(scalar.Value);
                    scalarText = scalar.Value;
                    switch (slot)
                    {
                        case EnvelopeSlot.ApiVersion: apiVersion = scalar.Value; break;
                        case EnvelopeSlot.Kind: kind = scalar.Value; break;
                        case EnvelopeSlot.Id: id = scalar.Value; break;
                    }

                    return true;

                case MappingStart:
                    parser.MoveNext();
                    return WriteMapping(depth, slot);
                case SequenceStart:
                    parser.MoveNext();
                    writer.WriteStartArray();
                    while (!parser.TryConsume<SequenceEnd>(out _))
                    {
                        if (!WriteNode(depth + 1, EnvelopeSlot.Other)) return false;
                    }

                    writer.WriteEndArray();
                    return true;
                default:
                    return false; // an alias (expanded by the full path) or an unexpected event
            }
        }

        private bool WriteMapping(int depth, EnvelopeSlot slot)
        {
            writer.WriteStartObject();
            while (keySets.Count <= depth) keySets.Add(new KeySet());
            var keys = keySets[depth];
            keys.Clear();
            DateOnly? start = null, end = null;
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                if (parser.Current is not Scalar key) return false;
                parser.MoveNext();
                var name = key.Value;
                if (!keys.Add(name)) return false;
                writer.WritePropertyName(name);
                var child = (slot, name) switch
                {
                    (EnvelopeSlot.Root, "apiVersion") => EnvelopeSlot.ApiVersion,
                    (EnvelopeSlot.Root, "kind") => EnvelopeSlot.Kind,
                    (EnvelopeSlot.Root, "metadata") => EnvelopeSlot.Metadata,
                    (EnvelopeSlot.Metadata, "id") => EnvelopeSlot.Id,
                    _ => EnvelopeSlot.Other,
                };
                if (!WriteNode(depth + 1, child, out var text)) return false;
                if (name is "start" or "end" && CompactDocument.TryDate(text, out var date))
                {
                    if (name == "start") start = date;
                    else end = date;
                }
            }

            writer.WriteEndObject();
            return !(start is { } s && end is { } e && e < s); // a reversed range is reported by the full path
        }
    }

    /// <summary>
    /// The keys of one mapping, for the duplicate check: a list compared in order while the mapping is small (most are;
    /// no hash per key), a hash set once it holds more than <see cref="ListLimit"/> keys (so a huge mapping stays linear).
    /// </summary>
    private sealed class KeySet
    {
        private const int ListLimit = 16;
        private readonly List<string> list = new(ListLimit + 1);
        private readonly HashSet<string> set = new(StringComparer.Ordinal);

        public void Clear()
        {
            list.Clear();
            set.Clear();
        }

        /// <summary>Adds <paramref name="key"/>; false when the mapping already holds it.</summary>
        public bool Add(string key)
        {
            if (set.Count > 0) return set.Add(key);
            foreach (var existing in list)
            {
                if (string.Equals(existing, key, StringComparison.Ordinal)) return false;
            }

            list.Add(key);
            if (list.Count > ListLimit) set.UnionWith(list);
            return true;
        }
    }
}


/// <summary>Which reader the YAML fast path uses (the loader: the scanner, then events; tests: each alone).</summary>
internal enum FastReader
{
    /// <summary>The block scanner, and the event writer for the files it gives up on.</summary>
    ScannerThenEvents,

    /// <summary>The block scanner alone (null where it gives up).</summary>
    Scanner,

    /// <summary>The YamlDotNet event writer alone.</summary>
    Events,
}
