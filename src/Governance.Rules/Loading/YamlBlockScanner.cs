using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Governance.Rules.Loading;

/// <summary>
/// The fastest YAML path: a hand-written scanner over the UTF-8 bytes of the block-style subset our artifacts use
/// (block mappings and sequences, <c>- key: value</c> items, plain and quoted scalars on one line, flow collections
/// closed on their line, comments, document markers). It writes exactly the JSON bytes and node positions the event
/// writer of <see cref="YamlDocumentParser.TryReadFast(ReadOnlyMemory{byte})"/> writes, and gives up on the whole file
/// (returns null) at anything else — anchors, aliases, tags, block scalars, multi-line scalars, escapes, tabs,
/// directives, complex keys, odd characters or layouts — so the event writer (and after it the full path) decides those.
/// </summary>
internal ref struct YamlBlockScanner
{
    /// <summary>Longest key taken (YAML bounds implicit keys at 1024 characters; stay well inside).</summary>
    private const int MaxKeyBytes = 1000;

    /// <summary>Control characters (tab included, so no tab can be indentation) and DEL: the scanner gives up on them.</summary>
    private static readonly SearchValues<byte> Forbidden = SearchValues.Create(
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 127]);

    /// <summary>First characters of a plain scalar that may resolve to something other than a string.</summary>
    private static readonly SearchValues<byte> MayNotBeString = SearchValues.Create("~nNtTfF-+.0123456789"u8);

    /// <summary>Every character of the numbers the core schema resolves (decimal, octal <c>0o</c>, hex <c>0x</c>, float).</summary>
    private static readonly SearchValues<byte> NumberCharacters = SearchValues.Create("0123456789abcdefABCDEFxo.+-"u8);

    /// <summary>Characters that cannot start a plain scalar in this subset (quotes and brackets are read before).</summary>
    private static readonly SearchValues<byte> NotPlainStart = SearchValues.Create(",[]{}#&*!|>'\"%@`?:"u8);

    /// <summary>Characters that end or break a plain scalar inside a flow collection.</summary>
    private static readonly SearchValues<byte> FlowStops = SearchValues.Create(",[]{}:#"u8);

    [ThreadStatic]
    private static List<KeyRanges>? threadKeys;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? threadBlockText;

    private readonly ReadOnlySpan<byte> text;
    private readonly Utf8JsonWriter writer;
    private readonly List<int> positions;
    private readonly List<KeyRanges> keys;

    private int lineStart;
    private int lineEnd;
    private int next;
    private int lineNumber;
    private int indent;
    private Line line;

    private int nodes;

    /// <summary>The last node's text when it was a string (the <c>start</c>/<c>end</c> date check reads it).</summary>
    private ReadOnlySpan<byte> scalarText;
    private bool scalarIsString;
    private string? apiVersion;
    private string? kind;
    private string? id;

    private YamlBlockScanner(ReadOnlySpan<byte> text, Utf8JsonWriter writer, List<int> positions, List<KeyRanges> keys)
    {
        this.text = text;
        this.writer = writer;
        this.positions = positions;
        this.keys = keys;
    }

    private enum Line
    {
        Content,
        DocumentStart,
        DocumentEnd,
        End,
    }

    /// <summary>
    /// The documents of <paramref name="bytes"/> (UTF-8, valid, no BOM), or null when anything in the file is outside
    /// the subset or would send the event writer to the full path (a null or blank value, a duplicate key, a reversed
    /// date range, an envelope that is not a known artifact, a limit).
    /// </summary>
    public static List<CompactDocument>? TryRead(ReadOnlySpan<byte> bytes, ArrayBufferWriter<byte> buffer, List<int> positions)
    {
        if (bytes.IsEmpty || !HasOnlyPlainCharacters(bytes)) return null;
        var keys = threadKeys ??= [];
        using var writer = new Utf8JsonWriter(buffer, YamlDocumentParser.WriterOptions);
        var scanner = new YamlBlockScanner(bytes, writer, positions, keys);
        try
        {
            return scanner.ReadDocuments(buffer);
        }
        finally
        {
            if (keys.Count > 64) threadKeys = null;
        }
    }

    /// <summary>
    /// False for anything whose columns or line breaks the scanner would have to second-guess: control characters and
    /// tabs, a carriage return not followed by a line feed, and the non-ASCII breaks, BOM and non-characters YAML
    /// treats specially (NEL and the other C1 controls, U+2028, U+2029, U+FEFF, U+FFFE, U+FFFF).
    /// </summary>
    private static bool HasOnlyPlainCharacters(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IndexOfAny(Forbidden) >= 0) return false;
        for (var at = bytes.IndexOf((byte)'\r'); at >= 0;)
        {
            if (at + 1 >= bytes.Length || bytes[at + 1] != '\n') return false;
            var rest = bytes[(at + 1)..].IndexOf((byte)'\r');
            at = rest < 0 ? -1 : at + 1 + rest;
        }

        for (var at = bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF); at >= 0;)
        {
            var window = bytes[at..];
            if (window.Length >= 2 && window[0] == 0xC2 && window[1] is >= 0x80 and <= 0x9F) return false;
            if (window.Length >= 3 && window[0] == 0xE2 && window[1] == 0x80 && window[2] is 0xA8 or 0xA9) return false;
            if (window.Length >= 3 && window[0] == 0xEF && ((window[1] == 0xBB && window[2] == 0xBF) || (window[1] == 0xBF && window[2] is 0xBE or 0xBF))) return false;
            var rest = bytes[(at + 1)..].IndexOfAnyInRange((byte)0x80, (byte)0xFF);
            at = rest < 0 ? -1 : at + 1 + rest;
        }

        return true;
    }

    private List<CompactDocument>? ReadDocuments(ArrayBufferWriter<byte> buffer)
    {
        var documents = new List<CompactDocument>();
        var afterEndMarker = false;
        Advance();
        while (line != Line.End)
        {
            if (line == Line.DocumentStart)
            {
                if (!RestIsBlank(lineStart + 3)) return null; // content on the marker line
                Advance();
            }
            else if (line == Line.DocumentEnd || afterEndMarker)
            {
                return null; // '...' without a document, or a bare document after '...'
            }

            if (line != Line.Content || indent != 0) return null; // an empty document, or an indented root
            buffer.ResetWrittenCount();
            positions.Clear();
            writer.Reset(buffer);
            nodes = 0;
            apiVersion = kind = id = null;
            if (!ReadMapping(0, 0, EnvelopeSlot.Root)) return null;
            writer.Flush();
            if (line == Line.Content) return null;
            afterEndMarker = false;
            if (line == Line.DocumentEnd)
            {
                if (!RestIsBlank(lineStart + 3)) return null;
                Advance();
                afterEndMarker = true;
            }

            if (FastPathEnvelope.RecordType(apiVersion, kind, id) is not { } recordType) return null;
            documents.Add(CompactDocument.FromYaml(buffer.WrittenSpan.ToArray(), [.. positions], recordType, documents.Count));
        }

        return documents.Count == 0 ? null : documents;
    }

    /// <summary>Moves to the next line with content (blank and comment lines skipped) and classifies it.</summary>
    private void Advance()
    {
        var at = next;
        while (true)
        {
            if (at >= text.Length)
            {
                line = Line.End;
                lineStart = lineEnd = next = text.Length;
                indent = 0;
                return;
            }

            lineNumber++;
            (var end, next) = LineAt(at);
            lineStart = at;
            lineEnd = end;
            var first = text[at..end].IndexOfAnyExcept((byte)' ');
            if (first < 0 || text[at + first] == '#')
            {
                at = next;
                continue;
            }

            indent = first;
            line = first == 0 && IsMarker("---"u8) ? Line.DocumentStart : first == 0 && IsMarker("..."u8) ? Line.DocumentEnd : Line.Content;
            return;
        }
    }

    /// <summary>The end of the line starting at <paramref name="at"/> (before its CR LF or LF) and the start of the next.</summary>
    private readonly (int End, int Following) LineAt(int at)
    {
        var newline = text[at..].IndexOf((byte)'\n');
        if (newline < 0) return (text.Length, text.Length);
        var end = at + newline;
        return (end > at && text[end - 1] == '\r' ? end - 1 : end, end + 1);
    }

    private readonly bool IsMarker(ReadOnlySpan<byte> marker) =>
        text[lineStart..lineEnd].StartsWith(marker) && (lineStart + 3 == lineEnd || text[lineStart + 3] == ' ');

    /// <summary>Whether only spaces and a comment follow <paramref name="at"/> on the current line.</summary>
    private readonly bool RestIsBlank(int at)
    {
        var skipped = SkipSpaces(at);
        return skipped == lineEnd || (text[skipped] == '#' && skipped > at);
    }

    /// <summary>Ends a line after its value: only spaces and a comment may follow, then the next content line is read.</summary>
    private bool EndLine(int at)
    {
        if (!RestIsBlank(at)) return false;
        Advance();
        return true;
    }

    private readonly int SkipSpaces(int at)
    {
        while (at < lineEnd && text[at] == ' ') at++;
        return at;
    }

    private readonly bool IsSequenceEntry(int at) => text[at] == '-' && (at + 1 == lineEnd || text[at + 1] == ' ');

    /// <summary>Counts a node and records its position (line, UTF-16 column as YamlDotNet's marks count them).</summary>
    private bool Node(int depth, int at)
    {
        if (depth > DocumentLimits.MaxDepth || ++nodes > DocumentLimits.MaxNodesPerDocument) return false;
        positions.Add(lineNumber);
        positions.Add(Column(at));
        return true;
    }

    private readonly int Column(int at)
    {
        var prefix = text[lineStart..at];
        if (!prefix.ContainsAnyInRange((byte)0x80, (byte)0xFF)) return prefix.Length + 1;
        var column = 1;
        foreach (var b in prefix)
        {
            if ((b & 0xC0) != 0x80) column++;
            if (b >= 0xF0) column++; // a supplementary character is two UTF-16 units
        }

        return column;
    }

    private KeyRanges KeysAt(int depth)
    {
        while (keys.Count <= depth) keys.Add(new KeyRanges());
        var set = keys[depth];
        set.Clear();
        return set;
    }

    /// <summary>A block mapping whose first key starts at column <paramref name="mappingIndent"/> of the current line.</summary>
    private bool ReadMapping(int mappingIndent, int depth, EnvelopeSlot slot)
    {
        if (!Node(depth, lineStart + mappingIndent)) return false;
        writer.WriteStartObject();
        var names = KeysAt(depth);
        var range = new DateRange();
        while (true)
        {
            if (!ScanBlockKey(lineStart + mappingIndent, out var keyStart, out var keyLength, out var afterColon) || !names.Add(text, keyStart, keyLength))
                return false;
            var name = text.Slice(keyStart, keyLength);
            writer.WritePropertyName(name);
            if (!ReadBlockValue(mappingIndent, depth + 1, ChildSlot(slot, name), afterColon)) return false;
            range.Note(name, scalarText, scalarIsString);
            if (line != Line.Content || indent < mappingIndent) break;
            if (indent > mappingIndent) return false; // a continuation line or a misplaced key
        }

        writer.WriteEndObject();
        scalarIsString = false;
        return !range.IsReversed;
    }

    /// <summary>The value after <c>key:</c>: on the same line, or a block collection on the lines below.</summary>
    private bool ReadBlockValue(int mappingIndent, int depth, EnvelopeSlot slot, int at)
    {
        at = SkipSpaces(at);
        if (at < lineEnd && text[at] is (byte)'|' or (byte)'>') return ReadBlockScalar(at, mappingIndent, depth, slot);
        if (at < lineEnd && text[at] != '#') return ReadInline(at, depth, slot, out var after) && EndLine(after);
        Advance();
        if (line != Line.Content) return false; // a null value
        var start = lineStart + indent;
        if (indent > mappingIndent) return IsSequenceEntry(start) ? ReadSequence(indent, depth, slot) : ReadMapping(indent, depth, slot);
        return indent == mappingIndent && IsSequenceEntry(start) && ReadSequence(indent, depth, slot); // an indentless sequence
    }

    /// <summary>
    /// A literal (<c>|</c>, <c>|-</c>) or folded (<c>&gt;</c>, <c>&gt;-</c>) block scalar as a mapping value, taken only in
    /// its simplest form: every line at the one indentation of the first, no trailing space, no blank line inside, a
    /// line break after the last line unless stripped. Lines join with a line feed (literal) or a space (folded); clip
    /// keeps one final line feed. Anything else (keep <c>+</c>, an indentation digit, more-indented or blank lines
    /// inside) gives up.
    /// </summary>
    private bool ReadBlockScalar(int at, int parentIndent, int depth, EnvelopeSlot slot)
    {
        var folded = text[at] == '>';
        var header = at + 1;
        var strip = header < lineEnd && text[header] == '-';
        if (strip) header++;
        if ((header < lineEnd && text[header] != ' ') || !RestIsBlank(header) || !Node(depth, at)) return false;
        var value = threadBlockText ??= new ArrayBufferWriter<byte>(1024);
        value.ResetWrittenCount();
        int contentIndent = -1, lines = 0, number = lineNumber, position = next;
        var lastHadBreak = false;
        while (position < text.Length)
        {
            var (end, following) = LineAt(position);
            var spaces = text[position..end].IndexOfAnyExcept((byte)' ');
            if (spaces < 0) break; // a blank line: allowed only after the last line (checked below)
            if (contentIndent < 0)
            {
                if (spaces <= parentIndent) return false; // an empty block scalar
                contentIndent = spaces;
            }
            else if (spaces < contentIndent)
            {
                break;
            }

            if (spaces > contentIndent || text[end - 1] == ' ') return false;
            if (lines++ > 0) value.Write(folded ? " "u8 : "\n"u8);
            value.Write(text[(position + spaces)..end]);
            number++;
            lastHadBreak = following > end;
            position = following;
        }

        if (lines == 0 || (!strip && !lastHadBreak) || !OnlyLessIndentedAfterBlanks(position, contentIndent)) return false;
        if (!strip) value.Write("\n"u8);
        if (!WriteScalar(value.WrittenSpan, plain: false, slot)) return false;
        if (value.Capacity > 1 << 20) threadBlockText = null;
        lineNumber = number;
        next = position;
        Advance();
        return true;
    }

    /// <summary>Whether, past any blank lines from <paramref name="position"/>, the next line is indented less than <paramref name="contentIndent"/> (or there is none).</summary>
    private readonly bool OnlyLessIndentedAfterBlanks(int position, int contentIndent)
    {
        while (position < text.Length)
        {
            var (end, following) = LineAt(position);
            var spaces = text[position..end].IndexOfAnyExcept((byte)' ');
            if (spaces >= 0) return spaces < contentIndent;
            position = following;
        }

        return true;
    }

    /// <summary>A block sequence whose first <c>-</c> is at column <paramref name="sequenceIndent"/> of the current line.</summary>
    private bool ReadSequence(int sequenceIndent, int depth, EnvelopeSlot slot)
    {
        _ = slot;
        if (!Node(depth, lineStart + sequenceIndent)) return false;
        writer.WriteStartArray();
        while (true)
        {
            var at = lineStart + sequenceIndent + 1;
            var item = SkipSpaces(at);
            if (item == at || item == lineEnd || text[item] == '#' || IsSequenceEntry(item)) return false; // an item on the lines below, or '- - x'
            if (IsBlockKey(item))
            {
                if (!ReadMapping(item - lineStart, depth + 1, EnvelopeSlot.Other)) return false;
            }
            else if (!ReadInline(item, depth + 1, EnvelopeSlot.Other, out var after) || !EndLine(after))
            {
                return false;
            }

            if (line != Line.Content || indent < sequenceIndent) break;
            if (indent > sequenceIndent) return false;
            if (!IsSequenceEntry(lineStart + indent)) break; // the next key of the mapping around an indentless sequence
        }

        writer.WriteEndArray();
        scalarIsString = false;
        return true;
    }

    /// <summary>A value that sits on one line: a quoted or plain scalar, or a flow collection closed on the line.</summary>
    private bool ReadInline(int at, int depth, EnvelopeSlot slot, out int after) => ReadInline(at, depth, slot, flow: false, out after);

    /// <summary>
    /// A node on the current line: a flow collection, a quoted scalar, or a plain scalar that ends at the line's end or a
    /// comment (block), or at ',' ']' '}' (inside a flow collection).
    /// </summary>
    private bool ReadInline(int at, int depth, EnvelopeSlot slot, bool flow, out int after)
    {
        after = at;
        switch (text[at])
        {
            case (byte)'[' or (byte)'{':
                return ReadFlow(at, depth, slot, out after);
            case (byte)'\'' or (byte)'"':
                if (!ScanQuoted(at, out var contentStart, out after)) return false;
                return Scalar(at, text[contentStart..(after - 1)], plain: false, depth, slot);
            default:
                if (!ScanPlain(at, flow, out var end, out var stop) || (flow ? stop is not ((byte)',' or (byte)']' or (byte)'}') : stop is not ((byte)'#' or 0))) return false;
                after = end;
                return Scalar(at, text[at..end], plain: true, depth, slot);
        }
    }

    /// <summary>A flow sequence or mapping that opens and closes on the current line.</summary>
    private bool ReadFlow(int at, int depth, EnvelopeSlot slot, out int after)
    {
        after = at;
        if (!Node(depth, at)) return false;
        var isMapping = text[at] == '{';
        var close = isMapping ? (byte)'}' : (byte)']';
        KeyRanges? names = null;
        var range = new DateRange();
        if (isMapping)
        {
            writer.WriteStartObject();
            names = KeysAt(depth);
        }
        else
        {
            writer.WriteStartArray();
        }

        var position = SkipSpaces(at + 1);
        if (position < lineEnd && text[position] == close)
        {
            position++;
        }
        else
        {
            while (true)
            {
                if (position >= lineEnd) return false;
                if (names is not null)
                {
                    if (!ScanFlowKey(position, out var keyStart, out var keyLength, out position) || !names.Add(text, keyStart, keyLength)) return false;
                    var name = text.Slice(keyStart, keyLength);
                    writer.WritePropertyName(name);
                    position = SkipSpaces(position);
                    if (position >= lineEnd || !ReadInline(position, depth + 1, ChildSlot(slot, name), flow: true, out position)) return false;
                    range.Note(name, scalarText, scalarIsString);
                }
                else if (!ReadInline(position, depth + 1, EnvelopeSlot.Other, flow: true, out position))
                {
                    return false;
                }

                position = SkipSpaces(position);
                if (position >= lineEnd) return false;
                if (text[position] == close)
                {
                    position++;
                    break;
                }

                if (text[position] != ',') return false;
                position = SkipSpaces(position + 1);
                if (position >= lineEnd || text[position] == close) return false; // a trailing comma or an unclosed collection
            }
        }

        if (isMapping) writer.WriteEndObject();
        else writer.WriteEndArray();
        after = position;
        scalarIsString = false;
        return !range.IsReversed;
    }

    /// <summary>A scalar node: resolved with the core schema as the event writer resolves it; null and blank give up.</summary>
    private bool Scalar(int at, ReadOnlySpan<byte> value, bool plain, int depth, EnvelopeSlot slot)
    {
        if (!Node(depth, at)) return false;
        return WriteScalar(value, plain, slot);
    }

    private bool WriteScalar(ReadOnlySpan<byte> value, bool plain, EnvelopeSlot slot)
    {
        scalarIsString = false;
        if (plain && YamlDocumentParser.WriteUnlessString(writer, Resolve(value, out var number), number) is { } written) return written;

        if (IsBlank(value)) return false;
        writer.WriteStringValue(value);
        scalarText = value;
        scalarIsString = true;
        switch (slot)
        {
            case EnvelopeSlot.ApiVersion: apiVersion = Encoding.UTF8.GetString(value); break;
            case EnvelopeSlot.Kind: kind = Encoding.UTF8.GetString(value); break;
            case EnvelopeSlot.Id: id = Encoding.UTF8.GetString(value); break;
        }

        return true;
    }

    /// <summary>
    /// What a plain scalar resolves to. Most are strings by their first character or by a character no number holds (a
    /// date has a '-' inside); the rest are decoded and resolved by <see cref="YamlDocumentParser.ResolvePlain"/>.
    /// </summary>
    internal static ScalarKind Resolve(ReadOnlySpan<byte> value, out decimal number)
    {
        number = 0;
        if (value.IsEmpty) return ScalarKind.Null;
        if (!MayNotBeString.Contains(value[0])) return ScalarKind.String;
        if (value.SequenceEqual("~"u8) || value.SequenceEqual("null"u8) || value.SequenceEqual("Null"u8) || value.SequenceEqual("NULL"u8)) return ScalarKind.Null;
        if (value.SequenceEqual("true"u8) || value.SequenceEqual("True"u8) || value.SequenceEqual("TRUE"u8)) return ScalarKind.True;
        if (value.SequenceEqual("false"u8) || value.SequenceEqual("False"u8) || value.SequenceEqual("FALSE"u8)) return ScalarKind.False;
        if (CannotBeNumber(value)) return ScalarKind.String;
        return YamlDocumentParser.ResolvePlain(Encoding.UTF8.GetString(value), out number);
    }

    /// <summary>
    /// True when no number pattern can match: a character outside every number's alphabet, or a sign that neither
    /// starts the scalar nor follows an exponent's <c>e</c> (hex and octal take no sign at all).
    /// </summary>
    private static bool CannotBeNumber(ReadOnlySpan<byte> value)
    {
        if (value.IndexOfAnyExcept(NumberCharacters) >= 0) return true;
        for (var i = 1; i < value.Length; i++)
        {
            if (value[i] is (byte)'-' or (byte)'+' && value[i - 1] is not ((byte)'e' or (byte)'E')) return true;
        }

        return false;
    }

    /// <summary><see cref="string.IsNullOrWhiteSpace"/> of the UTF-8 value (decoded only when it starts with non-ASCII).</summary>
    private static bool IsBlank(ReadOnlySpan<byte> value)
    {
        var first = value.IndexOfAnyExcept((byte)' ');
        if (first < 0) return true;
        return value[first] >= 0x80 && string.IsNullOrWhiteSpace(Encoding.UTF8.GetString(value));
    }

    private static EnvelopeSlot ChildSlot(EnvelopeSlot slot, ReadOnlySpan<byte> name) => slot switch
    {
        EnvelopeSlot.Root when name.SequenceEqual("apiVersion"u8) => EnvelopeSlot.ApiVersion,
        EnvelopeSlot.Root when name.SequenceEqual("kind"u8) => EnvelopeSlot.Kind,
        EnvelopeSlot.Root when name.SequenceEqual("metadata"u8) => EnvelopeSlot.Metadata,
        EnvelopeSlot.Metadata when name.SequenceEqual("id"u8) => EnvelopeSlot.Id,
        _ => EnvelopeSlot.Other,
    };

    /// <summary>Whether a block key (<c>key:</c> then a space or the line's end) starts at <paramref name="at"/>.</summary>
    private readonly bool IsBlockKey(int at) => ScanBlockKey(at, out _, out _, out _);

    /// <summary>A block mapping key: plain, or quoted without escapes, then ':' right after it and a space or the line's end.</summary>
    private readonly bool ScanBlockKey(int at, out int start, out int length, out int afterColon) => ScanKey(at, flow: false, out start, out length, out afterColon);

    /// <summary>A flow mapping key: plain or quoted, then ': ' right after it (<paramref name="afterColon"/> is past the space).</summary>
    private readonly bool ScanFlowKey(int at, out int start, out int length, out int afterColon)
    {
        if (!ScanKey(at, flow: true, out start, out length, out afterColon) || afterColon >= lineEnd) return false;
        afterColon++;
        return true;
    }

    private readonly bool ScanKey(int at, bool flow, out int start, out int length, out int afterColon)
    {
        start = length = afterColon = 0;
        int colon;
        if (text[at] is (byte)'\'' or (byte)'"')
        {
            if (!ScanQuoted(at, out start, out colon)) return false;
            length = colon - 1 - start;
        }
        else
        {
            if (!ScanPlain(at, flow, out var end, out var stop) || stop != (byte)':') return false;
            start = at;
            length = end - at;
            colon = end;
        }

        if (colon >= lineEnd || text[colon] != ':' || (colon + 1 < lineEnd && text[colon + 1] != ' ')) return false;
        afterColon = colon + 1;
        return colon - at <= MaxKeyBytes;
    }

    /// <summary>
    /// A quoted scalar closed on this line: no escape (a backslash in double quotes, <c>''</c> in single quotes) and no
    /// line break inside. <paramref name="after"/> is just past the closing quote.
    /// </summary>
    private readonly bool ScanQuoted(int at, out int contentStart, out int after)
    {
        var quote = text[at];
        contentStart = at + 1;
        after = 0;
        var rest = text[contentStart..lineEnd];
        var close = quote == '"' ? rest.IndexOfAny((byte)'"', (byte)'\\') : rest.IndexOf((byte)'\'');
        if (close < 0 || rest[close] == '\\') return false;
        after = contentStart + close + 1;
        return !(quote == '\'' && after < lineEnd && text[after] == '\'');
    }

    /// <summary>
    /// A plain scalar on this line from <paramref name="at"/>. <paramref name="end"/> is past its last non-space
    /// character; <paramref name="stop"/> is what ended it: ':' (a key's colon, followed by a space or the line's end),
    /// '#' (a comment), 0 (the line's end), or in a flow collection ',' ']' '}'. False at anything the scanner does not
    /// take: a first character that is an indicator, and in a flow collection a line end, a comment, a ':' not followed
    /// by a space, or a '[' '{' inside.
    /// </summary>
    private readonly bool ScanPlain(int at, bool flow, out int end, out byte stop)
    {
        end = at;
        stop = 0;
        var first = text[at];
        if (NotPlainStart.Contains(first)) return false;
        if (first == '-' && (at + 1 == lineEnd || text[at + 1] is (byte)' ' or (byte)':' || (flow && FlowStops.Contains(text[at + 1])))) return false;
        var position = at;
        while (true)
        {
            var found = flow ? text[position..lineEnd].IndexOfAny(FlowStops) : text[position..lineEnd].IndexOfAny((byte)':', (byte)'#');
            if (found < 0)
            {
                if (flow) return false;
                position = lineEnd;
                break;
            }

            position += found;
            var b = text[position];
            if (b == ':')
            {
                if (position + 1 == lineEnd || text[position + 1] == ' ')
                {
                    stop = b;
                    break;
                }

                if (flow) return false;
            }
            else if (b == '#')
            {
                if (text[position - 1] == ' ')
                {
                    if (flow) return false;
                    stop = b;
                    break;
                }
            }
            else
            {
                if (b is (byte)'[' or (byte)'{') return false;
                stop = b;
                break;
            }

            position++;
        }

        end = position;
        while (end > at && text[end - 1] == ' ') end--;
        return end > at;
    }

    /// <summary>The <c>start</c> and <c>end</c> dates of one mapping, as the event writer checks them.</summary>
    private struct DateRange
    {
        private DateOnly? start;
        private DateOnly? end;

        public readonly bool IsReversed => start is { } s && end is { } e && e < s;

        public void Note(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value, bool isString)
        {
            if (!isString) return;
            var isStart = name.SequenceEqual("start"u8);
            if (!isStart && !name.SequenceEqual("end"u8)) return;
            if (!CompactDocument.TryDate(Encoding.UTF8.GetString(value), out var date)) return;
            if (isStart) start = date;
            else end = date;
        }
    }

    /// <summary>
    /// The keys of one mapping as ranges of the input, for the duplicate check: compared byte by byte (the same as
    /// comparing the decoded strings) while the mapping is small, hashed as strings once it holds more than 16 keys.
    /// </summary>
    private sealed class KeyRanges
    {
        private const int ListLimit = 16;
        private readonly List<(int Start, int Length)> list = new(ListLimit + 1);
        private HashSet<string>? set;

        public void Clear()
        {
            list.Clear();
            set = null;
        }

        /// <summary>Adds the key; false when the mapping already holds it.</summary>
        public bool Add(ReadOnlySpan<byte> text, int start, int length)
        {
            var key = text.Slice(start, length);
            if (set is not null) return set.Add(Encoding.UTF8.GetString(key));
            foreach (var (otherStart, otherLength) in list)
            {
                if (text.Slice(otherStart, otherLength).SequenceEqual(key)) return false;
            }

            list.Add((start, length));
            if (list.Count > ListLimit)
            {
                set = new HashSet<string>(StringComparer.Ordinal);
                foreach (var (s, l) in list) set.Add(Encoding.UTF8.GetString(text.Slice(s, l)));
            }

            return true;
        }
    }
}
