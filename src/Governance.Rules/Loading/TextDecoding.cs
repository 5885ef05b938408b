using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Governance.Rules.Loading;

/// <summary>Turns file bytes into text: UTF-8 (BOM skipped), or UTF-16 with a BOM where allowed; invalid bytes are errors at their line.</summary>
internal static class TextDecoding
{
    private static readonly Encoding StrictUtf16Le = new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly Encoding StrictUtf16Be = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);

    /// <summary>The bytes after a UTF-8 BOM, if any.</summary>
    public static ReadOnlyMemory<byte> SkipUtf8Bom(ReadOnlyMemory<byte> bytes) =>
        bytes.Span.StartsWith("\uFEFF"u8) ? bytes[3..] : bytes;

    /// <summary>Whether the bytes start with a UTF-16 byte order mark.</summary>
    public static bool HasUtf16Bom(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF));

    /// <summary>Decodes YAML input: UTF-8 (with or without BOM) or UTF-16 with a BOM.</summary>
    public static string? TryDecodeText(ReadOnlyMemory<byte> bytes, bool allowUtf16, out SyntaxError? error)
    {
        error = null;
        var span = bytes.Span;
        if (HasUtf16Bom(span))
        {
            if (!allowUtf16)
            {
                error = new SyntaxError("JSON input must be UTF-8; the file starts with a UTF-16 byte order mark", 1, 1);
                return null;
            }

            var encoding = span[0] == 0xFF ? StrictUtf16Le : StrictUtf16Be;
            try
            {
                return encoding.GetString(span[2..]);
            }
            catch (DecoderFallbackException ex)
            {
                var text = encoding.GetString(span[2..(2 + Math.Max(0, ex.Index) / 2 * 2)]);
                var (line, column) = LineAndColumn(text.AsSpan());
                error = new SyntaxError("The file is not valid UTF-16", line, column);
                return null;
            }
        }

        span = SkipUtf8Bom(bytes).Span;
        var invalidAt = FindInvalidUtf8(span);
        if (invalidAt >= 0)
        {
            error = InvalidUtf8(span, invalidAt);
            return null;
        }

        return Encoding.UTF8.GetString(span);
    }

    /// <summary>The offset of the first invalid UTF-8 sequence, or -1.</summary>
    public static int FindInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes)) return -1;
        var buffer = ArrayPool<char>.Shared.Rent(4096);
        try
        {
            var offset = 0;
            while (offset < bytes.Length)
            {
                var status = Utf8.ToUtf16(bytes[offset..], buffer, out var read, out _, replaceInvalidSequences: false, isFinalBlock: true);
                if (status == OperationStatus.InvalidData) return offset + read;
                offset += read;
                if (status == OperationStatus.Done) break;
            }

            return -1;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>A GOV001 error for an invalid byte at <paramref name="offset"/>.</summary>
    public static SyntaxError InvalidUtf8(ReadOnlySpan<byte> bytes, int offset)
    {
        var (line, column) = LineAndColumn(bytes, offset);
        return new SyntaxError($"Invalid UTF-8 byte 0x{bytes[offset]:X2}", line, column);
    }

    /// <summary>1-based line and UTF-16 column of byte <paramref name="offset"/>.</summary>
    public static (int Line, int Column) LineAndColumn(ReadOnlySpan<byte> bytes, int offset)
    {
        offset = Math.Clamp(offset, 0, bytes.Length);
        var before = bytes[..offset];
        var line = before.Count((byte)'\n') + 1;
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        var column = Encoding.UTF8.GetCharCount(bytes[lineStart..offset]) + 1;
        return (line, column);
    }

    private static (int Line, int Column) LineAndColumn(ReadOnlySpan<char> textBefore)
    {
        var line = textBefore.Count('\n') + 1;
        var lineStart = textBefore.LastIndexOf('\n') + 1;
        return (line, textBefore.Length - lineStart + 1);
    }
}
