using System.Buffers;
using System.Text;
using System.Text.Json;
using Governance.Rules.Model;

namespace Governance.Rules.Loading;

/// <summary>
/// The fast path's reader of artifact records: JSON bytes straight into the model's records, with code written for
/// each record and enum (<c>ArtifactReader.Generated.cs</c>, generated from the model by the tests) instead of
/// System.Text.Json's serializer. It takes only what the full path reads the same way and rejects everything else, so
/// the file then takes the full path, which reports or normalises it: an unknown member or a member in another case, a
/// duplicate member, a null, a blank string (SPEC §H: blank means absent), a value of the wrong type, an enum name in
/// another case or an enum number, a number with an exponent or of more than 20 characters, a date that is not
/// <c>yyyy-MM-dd</c>, a value outside its <see cref="System.ComponentModel.DataAnnotations.RangeAttribute"/>, and a date
/// range whose end is before its start.
/// </summary>
/// <remarks>
/// Why not the serializer: every generic instantiation of System.Text.Json over the model's nullable enums, dates and
/// numbers is compiled by the JIT at start-up (ReadyToRun cannot precompile framework generics over our types in a
/// framework-dependent tool), and its per-property metadata, boxing setters and read stack cost about half the
/// loading CPU on large portfolios (benchmarks/README.md). This reader is plain, non-generic code.
/// </remarks>
internal static partial class ArtifactReader
{
    /// <summary>Strict JSON, as the fast paths read it: no comments, no trailing commas, <see cref="DocumentLimits.MaxDepth"/>.</summary>
    internal static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
        MaxDepth = DocumentLimits.MaxDepth,
    };

    private static readonly SearchValues<byte> PlainNumber = SearchValues.Create("-0123456789."u8);

    /// <summary>The strings of one string list being read (string lists hold no lists, so one per thread is enough).</summary>
    [ThreadStatic]
    private static List<string>? scratchStrings;

    /// <summary>The record of <paramref name="recordType"/> in <paramref name="json"/> (one object, nothing after it), or null when the full path must read it.</summary>
    public static Artifact? TryRead(ReadOnlySpan<byte> json, Type recordType)
    {
        var reader = new Utf8JsonReader(json, ReaderOptions);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
            var artifact = ReadArtifact(ref reader, recordType);
            return reader.Read() ? null : artifact;
        }
        catch (Exception ex) when (IsRejection(ex))
        {
            return null;
        }
    }

    /// <summary>
    /// The record of <paramref name="recordType"/> at the reader (on the object's start; it ends on the object's end).
    /// Throws <see cref="FastPathRejectedException"/>, or the reader's own exceptions (<see cref="IsRejection"/>), when the full path must read it.
    /// </summary>
    public static Artifact Read(ref Utf8JsonReader reader, Type recordType) => ReadArtifact(ref reader, recordType);

    /// <summary>Whether <paramref name="exception"/> is how this reader (or the JSON reader under it) refuses a document.</summary>
    public static bool IsRejection(Exception exception) =>
        exception is FastPathRejectedException or JsonException or FormatException or InvalidOperationException;

    /// <summary>Which record type's reader <see cref="ReadArtifact"/> dispatches to; generated.</summary>
    private static partial Artifact ReadArtifact(ref Utf8JsonReader reader, Type recordType);

    private static FastPathRejectedException Rejected(string why) => new(why);

    private static void StartObject(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw Rejected($"an object expected, not {reader.TokenType}");
    }

    /// <summary>Moves to the next member's name; false at the end of the object.</summary>
    private static bool NextMember(ref Utf8JsonReader reader) => reader.Read() && reader.TokenType == JsonTokenType.PropertyName;

    /// <summary>Moves to the next element of a list; false at its end.</summary>
    private static bool NextElement(ref Utf8JsonReader reader) => reader.Read() && reader.TokenType != JsonTokenType.EndArray;

    private static void StartArray(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw Rejected($"a list expected, not {reader.TokenType}");
    }

    /// <summary>
    /// The index in <paramref name="names"/> of the member whose name the reader is on (the member after the previous one
    /// is tried first: documents mostly keep the model's order), and moves to its value. An unknown member (names are
    /// case-sensitive) and a member seen before in this object (<paramref name="seen"/>) are rejected.
    /// </summary>
    private static int Member(ref Utf8JsonReader reader, byte[][] names, ref int next, ref ulong seen)
    {
        var name = reader.ValueIsEscaped ? Encoding.UTF8.GetBytes(reader.GetString()!) : reader.ValueSpan;
        var index = next < names.Length && name.SequenceEqual(names[next]) ? next : IndexOf(names, name);
        if (index < 0) throw Rejected("an unknown member");
        var bit = 1UL << index;
        if ((seen & bit) != 0) throw Rejected("a duplicate member");
        seen |= bit;
        next = index + 1;
        reader.Read();
        return index;
    }

    private static int IndexOf(byte[][] names, ReadOnlySpan<byte> name)
    {
        for (var i = 0; i < names.Length; i++)
        {
            if (name.SequenceEqual(names[i])) return i;
        }

        return -1;
    }

    /// <summary>A string, not blank. Short ASCII values come from <see cref="StringCache"/>: the ids, people and states a portfolio repeats are one string each.</summary>
    private static string String(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String) throw Rejected($"a string expected, not {reader.TokenType}");
        if (!reader.ValueIsEscaped && StringCache.TryGet(reader.ValueSpan, out var cached)) return cached;
        var text = reader.GetString()!;
        if (string.IsNullOrWhiteSpace(text)) throw Rejected("a blank string");
        return text;
    }

    /// <summary>A list of strings, exactly as long as it is.</summary>
    private static string[] Strings(ref Utf8JsonReader reader)
    {
        StartArray(ref reader);
        var items = scratchStrings ??= [];
        items.Clear();
        while (NextElement(ref reader)) items.Add(String(ref reader));
        var result = Exact(items);
        items.Clear();
        return result;
    }

    /// <summary>
    /// A list exactly as long as it is (the list that collected it is short-lived). An empty list is a new instance, not
    /// the model's shared default, as the serializer makes it: records compare lists by reference, so a member written
    /// as <c>[]</c> stays unequal to an absent one (GOV406 tells a scope of two empty lists from no scope).
    /// </summary>
    private static T[] Exact<T>(List<T> items)
        where T : class
    {
        var result = new T[items.Count];
        items.CopyTo(result);
        return result;
    }

    /// <summary>A date written <c>yyyy-MM-dd</c> (a real day of a year from 1 to 9999), unescaped.</summary>
    private static DateOnly Date(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped) throw Rejected("a date expected");
        var text = reader.ValueSpan;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-') throw Rejected("a date expected");
        var year = Digits(text[..4]);
        var month = Digits(text.Slice(5, 2));
        var day = Digits(text.Slice(8, 2));
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) throw Rejected("not a day of the calendar");
        return new DateOnly(year, month, day);
    }

    /// <summary>A date and time as System.Text.Json reads it (ISO 8601; its converter calls the same method).</summary>
    private static DateTimeOffset DateTimeOffset(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String) throw Rejected("a date and time expected");
        return reader.GetDateTimeOffset();
    }

    private static int Digits(ReadOnlySpan<byte> text)
    {
        var value = 0;
        foreach (var c in text)
        {
            if (c is < (byte)'0' or > (byte)'9') throw Rejected("a date expected");
            value = (value * 10) + (c - '0');
        }

        return value;
    }

    /// <summary>A number the full path holds as a decimal and reads back the same: digits, sign and point only, at most 20 characters.</summary>
    private static decimal Decimal(ref Utf8JsonReader reader)
    {
        PlainNumberAt(ref reader);
        return reader.GetDecimal();
    }

    /// <summary>A whole number (as <see cref="Decimal"/>, and in range of <see cref="int"/>).</summary>
    private static int Int32(ref Utf8JsonReader reader)
    {
        PlainNumberAt(ref reader);
        return reader.GetInt32();
    }

    private static void PlainNumberAt(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.Number || reader.ValueSpan.Length > 20 || reader.ValueSpan.IndexOfAnyExcept(PlainNumber) >= 0)
            throw Rejected("not a plain number");
    }

    private static bool Boolean(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw Rejected($"a boolean expected, not {reader.TokenType}"),
    };

    /// <summary>The UTF-8 name of the enum value at the reader (escapes resolved); the generated readers compare it with each name.</summary>
    private static ReadOnlySpan<byte> EnumName(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String) throw Rejected($"an enum name expected, not {reader.TokenType}");
        return reader.ValueIsEscaped ? Encoding.UTF8.GetBytes(reader.GetString()!) : reader.ValueSpan;
    }

    /// <summary>A date range must not end before it starts (the full path reports it).</summary>
    private static void InOrder(DateOnly? start, DateOnly? end)
    {
        if (start is { } from && end is { } to && to < from) throw Rejected("a date range ends before it starts");
    }

    /// <summary>A value outside its declared range (the full path reports it).</summary>
    private static void InRange(int? value, int minimum, int maximum)
    {
        if (value is { } v && (v < minimum || v > maximum)) throw Rejected("a value out of its range");
    }
}

/// <summary>The fast path met something the full path reads differently: the file takes the full path.</summary>
internal sealed class FastPathRejectedException(string message) : Exception(message);
