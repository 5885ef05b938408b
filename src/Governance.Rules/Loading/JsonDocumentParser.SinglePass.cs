using System.Buffers;
using System.Buffers.Binary;
using System.Collections;
using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Governance.Rules.Loading;

/// <summary>
/// The options of the fast path's single pass: the strict deserialization (<see cref="ArtifactSerialization.StrictOptions"/>)
/// with converters and setters that themselves reject everything the full path would read differently.
/// </summary>
internal static partial class JsonDocumentParser
{
    /// <summary>
    /// <see cref="ArtifactSerialization.StrictOptions"/>, and: a null anywhere, a blank string, a duplicate key, a number
    /// with an exponent, other characters or more than 20 of them, or a date range whose end is before its start throws
    /// <see cref="SinglePassRejectedException"/> (or a <see cref="JsonException"/>), which sends the file to the full
    /// path. The full path reports or normalises each of them (SPEC §H: blank means absent).
    /// </summary>
    internal static JsonSerializerOptions SinglePassOptions { get; } = CreateSinglePassOptions();

    private static readonly SearchValues<byte> PlainNumber = SearchValues.Create("-0123456789."u8);

    private static JsonSerializerOptions CreateSinglePassOptions()
    {
        var options = new JsonSerializerOptions(ArtifactSerialization.StrictOptions)
        {
            AllowDuplicateProperties = false,
            MaxDepth = DocumentLimits.MaxDepth,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { RejectNullsAndReversedRanges } },
        };
        options.Converters.Add(new NonBlankStringConverter());
        options.Converters.Add(new NonNullValueConverterFactory());
        options.Converters.Add(new PlainNumberConverter<int>(static (ref Utf8JsonReader reader) => reader.GetInt32()));
        options.Converters.Add(new PlainNumberConverter<long>(static (ref Utf8JsonReader reader) => reader.GetInt64()));
        options.Converters.Add(new PlainNumberConverter<decimal>(static (ref Utf8JsonReader reader) => reader.GetDecimal()));
        options.Converters.Add(new PlainNumberConverter<double>(static (ref Utf8JsonReader reader) => reader.GetDouble()));
        options.MakeReadOnly();
        return options;
    }

    /// <summary>
    /// Objects: a property set to null (an object, a list; strings and value types are their converters' business), a
    /// list holding a null, and (any type with <c>start</c> and <c>end</c>) a reversed date range are rejected.
    /// </summary>
    private static void RejectNullsAndReversedRanges(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object) return;
        JsonPropertyInfo? start = null, end = null;
        foreach (var property in typeInfo.Properties)
        {
            if (property.Name == "start") start = property;
            else if (property.Name == "end") end = property;
            var type = property.PropertyType;
            if (type.IsValueType || type == typeof(string) || property.Set is not { } set) continue;
            var name = property.Name;
            if (MayHoldNullElements(type))
            {
                property.Set = (target, value) =>
                {
                    if (value is null || HasNull((IEnumerable)value)) throw new SinglePassRejectedException($"'{name}' is null or holds a null");
                    set(target, value);
                };
            }
            else
            {
                property.Set = (target, value) =>
                {
                    if (value is null) throw new SinglePassRejectedException($"'{name}' is null");
                    set(target, value);
                };
            }
        }

        if (start?.Get is { } getStart && end?.Get is { } getEnd)
        {
            var previous = typeInfo.OnDeserialized;
            typeInfo.OnDeserialized = target =>
            {
                previous?.Invoke(target);
                if (AsDate(getStart(target)) is { } from && AsDate(getEnd(target)) is { } to && to < from)
                    throw new SinglePassRejectedException("a date range ends before it starts");
            };
        }
    }

    /// <summary>A list (not a string) whose elements are references other than strings (which their converter checks).</summary>
    private static bool MayHoldNullElements(Type type)
    {
        if (!typeof(IEnumerable).IsAssignableFrom(type)) return false;
        var element = type.IsArray ? type.GetElementType() : type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
        return element is null || (!element.IsValueType && element != typeof(string));
    }

    private static bool HasNull(IEnumerable values)
    {
        if (values is IList list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] is null) return true;
            }

            return false;
        }

        foreach (var value in values)
        {
            if (value is null) return true;
        }

        return false;
    }

    /// <summary>A range's bound as the full path compares it (a <c>yyyy-MM-dd</c> string, or what a converter read from one).</summary>
    private static DateOnly? AsDate(object? value) => value switch
    {
        null => null,
        DateOnly date => date,
        string text => CompactDocument.TryDate(text, out var date) ? date : null,
        _ => throw new SinglePassRejectedException("a range of values the single pass cannot compare"),
    };

    /// <summary>
    /// Strings: null, blank (SPEC §H: absent), or a token that is not a string is rejected. Short ASCII values come from
    /// <see cref="StringCache"/>: the ids, people, states and labels a portfolio repeats are then one string each.
    /// </summary>
    private sealed class NonBlankStringConverter : JsonConverter<string>
    {
        public override bool HandleNull => true;

        public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String) throw new SinglePassRejectedException($"a string expected, not {reader.TokenType}");
            if (!reader.ValueIsEscaped && !reader.HasValueSequence && StringCache.TryGet(reader.ValueSpan, out var cached)) return cached;
            var text = reader.GetString()!;
            if (string.IsNullOrWhiteSpace(text)) throw new SinglePassRejectedException("a blank string");
            return text;
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    /// <summary>Nullable value types (dates, numbers, enums, booleans): a null is rejected, anything else is the underlying type's.</summary>
    private sealed class NonNullValueConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => Nullable.GetUnderlyingType(typeToConvert) is not null;

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
        {
            var underlying = Nullable.GetUnderlyingType(typeToConvert)!;
            return (JsonConverter)Activator.CreateInstance(typeof(NonNullValueConverter<>).MakeGenericType(underlying), options.GetConverter(underlying))!;
        }
    }

    private sealed class NonNullValueConverter<T>(JsonConverter<T> inner) : JsonConverter<T?>
        where T : struct
    {
        public override bool HandleNull => true;

        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null) throw new SinglePassRejectedException($"a null {typeof(T).Name}");
            return inner.Read(ref reader, typeof(T), options);
        }

        public override void Write(Utf8JsonWriter writer, T? value, JsonSerializerOptions options)
        {
            if (value is { } v) inner.Write(writer, v, options);
            else writer.WriteNullValue();
        }
    }

    private delegate T ReadNumber<out T>(ref Utf8JsonReader reader);

    /// <summary>
    /// Numbers the full path holds as decimals and reads back the same: digits, sign and point only (no exponent), at
    /// most 20 characters. Anything else is rejected.
    /// </summary>
    private sealed class PlainNumberConverter<T>(ReadNumber<T> read) : JsonConverter<T>
        where T : struct
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.Number || reader.HasValueSequence || reader.ValueSpan.Length > 20 || reader.ValueSpan.IndexOfAnyExcept(PlainNumber) >= 0)
                throw new SinglePassRejectedException($"not a plain number for {typeof(T).Name}");
            return read(ref reader);
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            throw new NotSupportedException("The single-pass options only read.");
    }
}

/// <summary>
/// A small direct-mapped table per thread of the short ASCII strings the single pass read last, keyed by their UTF-8
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
    private static string?[]? table;

    /// <summary>The string of <paramref name="utf8"/> (short, ASCII, not blank), from the table or made and remembered; false for any other value.</summary>
    public static bool TryGet(ReadOnlySpan<byte> utf8, out string value)
    {
        value = string.Empty;
        if (utf8.IsEmpty || utf8.Length > MaxLength || !TryHashAscii(utf8, out var hash)) return false;
        var slots = table ??= new string?[Slots];
        ref var slot = ref slots[hash & (Slots - 1)];
        if (slot is { } known && known.Length == utf8.Length && Ascii.Equals(utf8, known))
        {
            value = known;
            return true;
        }

        var text = string.Create(utf8.Length, utf8, static (chars, bytes) => Ascii.ToUtf16(bytes, chars, out _));
        if (string.IsNullOrWhiteSpace(text)) return false;
        slot = text;
        value = text;
        return true;
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

/// <summary>The single pass met something the full path reads differently: the file takes the full path.</summary>
internal sealed class SinglePassRejectedException(string message) : Exception(message);
