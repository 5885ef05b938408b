using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace Governance.Rules.Loading;

/// <summary>
/// A small direct-mapped table per thread of the short ASCII strings the fast path's record reader read last, keyed by their UTF-8
/// bytes: a value seen before is the same string again, not a new one. Strings are immutable, so sharing one between
/// records changes nothing but the allocations and the heap the records keep (the GC copies every survivor twice).
/// Bounded: it holds at most <see cref="Slots"/> strings of at most <see cref="MaxLength"/> characters per thread.
/// </summary>
internal static class StringCache
{
    /// <summary>Longest value cached, in bytes (ids, names, states, short labels; long prose is rarely repeated).</summary>
    internal const int MaxLength = 48;

    private const int Slots = 4096;

    [ThreadStatic]
    private static Table? table;

    /// <summary>The string of <paramref name="utf8"/> (short, ASCII, not blank), from the table or made and remembered; false for any other value.</summary>
    public static bool TryGet(ReadOnlySpan<byte> utf8, out string value)
    {
        value = string.Empty;
        if (utf8.IsEmpty || utf8.Length > MaxLength || !TryHashAscii(utf8, out var hash)) return false;
        var slots = table ??= new Table();
        var slot = (int)(hash & (Slots - 1));

        // The slot's hash is compared first, so a slot that holds another value is not followed to its string.
        if (slots.Hashes[slot] == hash && slots.Strings[slot] is { } known && known.Length == utf8.Length && Ascii.Equals(utf8, known))
        {
            value = known;
            return true;
        }

        if (IsBlank(utf8)) return false;
        var text = string.Create(utf8.Length, utf8, static (chars, bytes) => Ascii.ToUtf16(bytes, chars, out _));
        slots.Strings[slot] = text;
        slots.Hashes[slot] = hash;
        value = text;
        return true;
    }

    /// <summary>Whether ASCII <paramref name="utf8"/> is all white space, as <see cref="string.IsNullOrWhiteSpace"/> would say of its string.</summary>
    private static bool IsBlank(ReadOnlySpan<byte> utf8)
    {
        foreach (var b in utf8)
        {
            if (!char.IsWhiteSpace((char)b)) return false;
        }

        return true;
    }

    /// <summary>One thread's slots: the strings and, beside them, their hashes.</summary>
    private sealed class Table
    {
        public readonly string?[] Strings = new string?[Slots];
        public readonly uint[] Hashes = new uint[Slots];
    }

    /// <summary>A hash of the bytes, and whether they are all ASCII (read eight at a time, in the same loop).</summary>
    private static bool TryHashAscii(ReadOnlySpan<byte> utf8, out uint hash)
    {
        ulong mixed = (ulong)utf8.Length * 0x9E3779B97F4A7C15ul, high = 0;
        while (utf8.Length >= 8)
        {
            var word = BinaryPrimitives.ReadUInt64LittleEndian(utf8);
            high |= word;
            mixed = (BitOperations.RotateLeft(mixed, 23) ^ word) * 0x9E3779B97F4A7C15ul;
            utf8 = utf8[8..];
        }

        foreach (var b in utf8)
        {
            high |= b;
            mixed = (BitOperations.RotateLeft(mixed, 23) ^ b) * 0x9E3779B97F4A7C15ul;
        }

        hash = (uint)(mixed ^ (mixed >> 32));
        return (high & 0x8080808080808080ul) == 0;
    }
}
