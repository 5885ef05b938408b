using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Governance.Rules.Loading;

/// <summary>
/// A document the fast path read: its JSON bytes (the records deserialize from them) and what it takes to build its
/// source map on demand. JSON rescans the file's bytes (kept for content given in memory, read again for files); YAML
/// keeps a line and a column per node, in document order, which a walk of the JSON bytes turns back into pointers
/// (kept for content given in memory; for files, the file is read and scanned again by the same fast path).
/// </summary>
internal sealed class CompactDocument
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = DocumentLimits.MaxDepth + 8 };

    /// <summary>The bytes navigated: the document's own JSON (YAML), or the whole file (JSON).</summary>
    private ReadOnlyMemory<byte> source;

    /// <summary>JSON loaded from a file: where to read the bytes again once <see cref="source"/> is let go.</summary>
    private FileBytes? file;

    /// <summary>YAML loaded from a file: the file scanned again on demand once <see cref="source"/> is let go.</summary>
    private YamlRescan? rescan;

    /// <summary>JSON: the element of the file's root array (-1: the root itself). YAML: the document's index in its file.</summary>
    private readonly int element;

    /// <summary>YAML: line and column of every node in document order (null once let go); JSON: null (positions come from byte offsets).</summary>
    private int[]? linesAndColumns;

    /// <summary>Whether the document was read from YAML (its positions are per node, not byte offsets).</summary>
    private readonly bool isYaml;

    private CompactDocument(ReadOnlyMemory<byte> json, Type recordType, ReadOnlyMemory<byte> source, int element, int[]? linesAndColumns)
    {
        Json = json;
        RecordType = recordType;
        this.source = source;
        this.element = element;
        this.linesAndColumns = linesAndColumns;
        isYaml = linesAndColumns is not null;
    }

    /// <summary>The document as UTF-8 JSON (empty once <see cref="ReadAgainFrom"/> let the bytes go).</summary>
    public ReadOnlyMemory<byte> Json { get; private set; }

    /// <summary>The record type its kind names.</summary>
    public Type RecordType { get; }

    /// <summary>YAML: the line and column of every node in document order (tests compare the fast readers); JSON: null.</summary>
    internal IReadOnlyList<int>? LinesAndColumns => linesAndColumns;

    /// <summary>Whether the document let its compact form go and reads its file again for positions.</summary>
    internal bool ReadsFileAgain => file is not null || rescan is not null;

    /// <summary>A source map that answers by navigating this document (no map is built unless every entry is asked for).</summary>
    public SourceMap CreateMap() => new(this);

    public static CompactDocument FromJson(ReadOnlyMemory<byte> file, int element, ReadOnlyMemory<byte> json, Type recordType) =>
        new(json, recordType, file, element, null);

    /// <summary>A YAML document: its JSON, the line and column of each node, and its index among the file's documents.</summary>
    public static CompactDocument FromYaml(byte[] json, int[] linesAndColumns, Type recordType, int index) =>
        new(json, recordType, json, index, linesAndColumns);

    /// <summary>A date as range checks read it (<c>yyyy-MM-dd</c>).</summary>
    public static bool TryDate(string? text, out DateOnly date)
    {
        date = default;
        return text is not null && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    /// <summary>
    /// For the documents of one file, once their records are built: lets their bytes go (JSON: the file's; YAML: the
    /// document's JSON and positions) and reads <paramref name="bytes"/> again when a position is asked for (YAML: and
    /// scans it again with the fast path that read it), so a run keeps no copy of the portfolio.
    /// </summary>
    public static void ReadAgainFrom(IReadOnlyList<CompactDocument> documents, FileBytes bytes)
    {
        var yaml = documents.Count > 0 && documents[0].isYaml ? new YamlRescan(bytes) : null;
        bytes.MarkUsed();
        foreach (var document in documents)
        {
            if (yaml is not null) document.rescan = yaml;
            else document.file = bytes;
            document.source = default;
            document.Json = default;
            document.linesAndColumns = null;
        }
    }

    /// <summary>Every pointer and position, as the full path's source map holds them (empty if the file changed since).</summary>
    public Dictionary<string, SourcePosition> BuildMap()
    {
        if (rescan is not null)
            return rescan.Document(element, RecordType)?.BuildMap() ?? new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        if (!TryGetSource(out var bytes, out var lease)) return new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        using (lease) return isYaml ? MapYaml(bytes.Span, linesAndColumns!) : JsonDocumentParser.MapPositions(bytes, element);
    }

    /// <summary>
    /// The bytes its record was read from (JSON: the file's; YAML: the document's JSON), scanned again if it let them go;
    /// false when the file changed or cannot be read. Dispose the lease once done with them.
    /// </summary>
    public bool TryReadSource(out ReadOnlyMemory<byte> bytes, out FileBytes.Lease lease)
    {
        if (rescan is null) return TryGetSource(out bytes, out lease);
        lease = default;
        bytes = default;
        if (rescan.Document(element, RecordType) is not { } again) return false;
        return again.TryGetSource(out bytes, out lease);
    }

    private bool TryGetSource(out ReadOnlyMemory<byte> bytes, out FileBytes.Lease lease)
    {
        if (file is null)
        {
            bytes = source;
            lease = default;
            return true;
        }

        return file.TryRead(out bytes, out lease);
    }

    /// <summary>Lets go of the file bytes held since loading, if any (positions read the file again from now on).</summary>
    public void LetGoOfHeldBytes()
    {
        file?.LetGo();
        rescan?.LetGo();
    }

    /// <summary>
    /// The position of the node at <paramref name="pointer"/>, found by walking the JSON to it (siblings skipped): a few
    /// microseconds for one finding, against a dictionary of every node kept for the whole run.
    /// </summary>
    public bool TryGetPosition(string pointer, out SourcePosition position)
    {
        position = default;
        if (rescan is not null) return rescan.Document(element, RecordType) is { } again && again.TryGetPosition(pointer, out position);
        if (pointer.Length > 0 && pointer[0] != '/') return false;
        var tokens = JsonPointer.Tokens(pointer);
        if (tokens.Count > 0 && JsonPointer.FromTokens(tokens) != pointer) return false; // the map holds canonical pointers only
        if (!TryGetSource(out var bytes, out var lease)) return false;
        using (lease) return TryWalk(bytes.Span, tokens, out position);
    }

    /// <summary>Walks <paramref name="bytes"/> to the node <paramref name="tokens"/> name and gives its position.</summary>
    private bool TryWalk(ReadOnlySpan<byte> bytes, IReadOnlyList<string> tokens, out SourcePosition position)
    {
        position = default;
        var reader = new Utf8JsonReader(bytes, ReaderOptions);
        reader.Read();
        if (!isYaml && element >= 0 && !Child(ref reader, element, ordinal: 0, out _)) return false;
        var ordinal = 0;
        foreach (var token in tokens)
        {
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                if (!Property(ref reader, token, ordinal, out ordinal)) return false;
            }
            else if (reader.TokenType == JsonTokenType.StartArray)
            {
                if (!IsIndex(token, out var index) || !Child(ref reader, index, ordinal, out ordinal)) return false;
            }
            else
            {
                return false;
            }
        }

        if (!isYaml)
        {
            var (line, column) = TextDecoding.LineAndColumn(bytes, (int)reader.TokenStartIndex);
            position = new SourcePosition(line, column);
        }
        else
        {
            position = new SourcePosition(linesAndColumns![ordinal * 2], linesAndColumns[(ordinal * 2) + 1]);
        }

        return true;
    }

    /// <summary>Moves from an object to the value of its property <paramref name="name"/>; tracks the node ordinal.</summary>
    private static bool Property(ref Utf8JsonReader reader, string name, int ordinal, out int childOrdinal)
    {
        childOrdinal = ordinal + 1;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var match = reader.ValueTextEquals(name);
            reader.Read();
            if (match) return true;
            childOrdinal += SkipCounting(ref reader);
        }

        return false;
    }

    /// <summary>Moves from an array to its element <paramref name="index"/>; tracks the node ordinal.</summary>
    private static bool Child(ref Utf8JsonReader reader, int index, int ordinal, out int childOrdinal)
    {
        childOrdinal = ordinal + 1;
        if (reader.TokenType != JsonTokenType.StartArray) return false;
        for (var i = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; i++)
        {
            if (i == index) return true;
            childOrdinal += SkipCounting(ref reader);
        }

        return false;
    }

    /// <summary>Skips the value at the reader; returns how many nodes (objects, arrays, scalars) it holds.</summary>
    private static int SkipCounting(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray)) return 1;
        int count = 1, depth = 1;
        while (depth > 0 && reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    count++;
                    depth++;
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    depth--;
                    break;
                case JsonTokenType.PropertyName:
                    break;
                default:
                    count++;
                    break;
            }
        }

        return count;
    }

    /// <summary>An array index as the map writes it: digits, no leading zero.</summary>
    private static bool IsIndex(string token, out int index)
    {
        index = -1;
        return token.Length is > 0 and < 10 && (token.Length == 1 || token[0] != '0') && !token.AsSpan().ContainsAnyExceptInRange('0', '9') &&
            int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out index);
    }

    private static Dictionary<string, SourcePosition> MapYaml(ReadOnlySpan<byte> json, int[] linesAndColumns)
    {
        var positions = new Dictionary<string, SourcePosition>(linesAndColumns.Length / 2, StringComparer.Ordinal);
        var reader = new Utf8JsonReader(json, ReaderOptions);
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

/// <summary>
/// A file's bytes for positions once its documents let their compact form go. While the engine holds them (from loading
/// until the rules of the file's batch ran, <see cref="Hold"/> and <see cref="LetGo"/>) they are the bytes loaded;
/// after that they are read again on demand (a weak cache keeps them while they are in use), and used only while the
/// file still has the length and write time it had when it was loaded; otherwise its positions are unknown (line 0),
/// never wrong.
/// </summary>
internal sealed class FileBytes(string fullPath, long length, DateTime lastWriteUtc)
{
    private readonly WeakReference<byte[]?> cache = new(null); // also the monitor of the fields below: no lock object per file
    private byte[]? held;
    private bool heldPooled;
    private bool lettingGo;
    private int readers;

    /// <summary>The length the file had when it was loaded.</summary>
    public long Length => length;

    /// <summary>Whether a document reads its positions from this file (set when the documents let their compact form go).</summary>
    public bool IsUsed { get; private set; }

    internal void MarkUsed() => IsUsed = true;

    /// <summary>
    /// Keeps <paramref name="bytes"/> (the <see cref="Length"/> bytes loaded) for positions until <see cref="LetGo"/>;
    /// a <paramref name="pooled"/> buffer goes back to the shared pool then, once no reader uses it.
    /// </summary>
    public void Hold(byte[] bytes, bool pooled)
    {
        lock (cache)
        {
            held = bytes;
            heldPooled = pooled;
        }
    }

    /// <summary>Lets the held bytes go (positions read the file again from now on); a no-op when none are held.</summary>
    public void LetGo()
    {
        lock (cache)
        {
            if (held is null || lettingGo) return;
            lettingGo = true;
            if (readers == 0) Release();
        }
    }

    /// <summary>The file's bytes after a UTF-8 byte order mark (false when it changed or cannot be read); dispose the lease once done with them.</summary>
    public bool TryRead(out ReadOnlyMemory<byte> bytes, out Lease lease)
    {
        var read = TryReadAll(out bytes, out lease);
        if (read) bytes = TextDecoding.SkipUtf8Bom(bytes);
        return read;
    }

    /// <summary>
    /// The file's bytes as loaded, byte order mark included: those held, else the file read again if unchanged (false
    /// when it changed or cannot be read). Held bytes stay valid until <paramref name="lease"/> is disposed.
    /// </summary>
    public bool TryReadAll(out ReadOnlyMemory<byte> bytes, out Lease lease)
    {
        lock (cache)
        {
            if (held is not null && !lettingGo)
            {
                readers++;
                bytes = held.AsMemory(0, (int)length);
                lease = new Lease(this);
                return true;
            }
        }

        lease = default;
        bytes = default;
        try
        {
            if (!IsUnchanged()) return false;
            if (!cache.TryGetTarget(out var content))
            {
                content = File.ReadAllBytes(fullPath);
                if (content.Length != length) return false;
                cache.SetTarget(content);
            }

            bytes = content;
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Whether the bytes are those held since loading (no need to ask whether the file changed).</summary>
    public bool IsHeld
    {
        get
        {
            lock (cache) return held is not null && !lettingGo;
        }
    }

    /// <summary>Whether the file still exists with the length and write time it had when it was loaded.</summary>
    public bool IsUnchanged()
    {
        try
        {
            var info = new FileInfo(fullPath);
            return info.Exists && info.Length == length && info.LastWriteTimeUtc == lastWriteUtc;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private void EndRead()
    {
        lock (cache)
        {
            if (--readers == 0 && lettingGo) Release();
        }
    }

    private void Release()
    {
        if (heldPooled) ArrayPool<byte>.Shared.Return(held!);
        held = null;
    }

    /// <summary>A reader's use of the held bytes; disposing it lets a pending <see cref="LetGo"/> return them.</summary>
    internal readonly struct Lease(FileBytes? owner) : IDisposable
    {
        public void Dispose() => owner?.EndRead();
    }
}

/// <summary>
/// The documents of a YAML file read again: the file's bytes scanned again by the fast path that loaded them (the block
/// scanner, or the event writer for files it gives up on), so positions are those the first read gave; weakly cached,
/// and used only while the file is unchanged (otherwise no position: line 0, never a wrong one).
/// </summary>
internal sealed class YamlRescan(FileBytes file)
{
    private readonly WeakReference<List<CompactDocument>?> cache = new(null);

    /// <summary>Lets go of the file bytes held since loading, if any.</summary>
    public void LetGo() => file.LetGo();

    /// <summary>The document at <paramref name="index"/> of the file, scanned again; null if the file changed or no longer reads the same.</summary>
    public CompactDocument? Document(int index, Type recordType)
    {
        if (!file.IsHeld && !file.IsUnchanged()) return null;
        if (!cache.TryGetTarget(out var documents))
        {
            if (!file.TryReadAll(out var bytes, out var lease)) return null;
            using (lease)
            {
                if (YamlDocumentParser.TryReadFast(bytes) is not { } scanned) return null;
                documents = scanned;
            }

            cache.SetTarget(documents);
        }

        return index < documents.Count && documents[index].RecordType == recordType ? documents[index] : null;
    }
}
