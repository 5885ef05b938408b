using System.Reflection;
using System.Runtime.Serialization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Governance.Rules.Loading;

/// <summary>
/// Reads enums only by their exact documented names (camelCase, or the name given with
/// <see cref="JsonStringEnumMemberNameAttribute"/>), unlike <see cref="JsonStringEnumConverter"/>, which ignores case.
/// The strict fast path relies on it to reject exactly what the schema rejects.
/// </summary>
internal sealed class StrictEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(StrictEnumConverter<>).MakeGenericType(typeToConvert))!;

    // The names live in EnumTable<T> (arrays, no dictionary or LINQ over T): every generic instantiation over an enum
    // is compiled by the JIT at start-up, one set per enum, so the converter keeps them few (benchmarks/README.md).
    private sealed class StrictEnumConverter<T> : JsonConverter<T>
        where T : struct, Enum
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                // The common case compares the raw bytes with each name (no string per value); escapes go through GetString.
                var index = !reader.ValueIsEscaped && !reader.HasValueSequence
                    ? EnumTable<T>.IndexOfUtf8(reader.ValueSpan)
                    : Array.IndexOf(EnumTable<T>.Names, reader.GetString());
                if (index >= 0) return EnumTable<T>.Values[index];
            }

            throw new JsonException($"Not a {typeof(T).Name} value.");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(EnumNames.Of(value));
    }
}

/// <summary>Enum values as documents write them: the <see cref="JsonStringEnumMemberNameAttribute"/> name, else camelCase.</summary>
internal static class EnumNames
{
    /// <summary>The documented name of <paramref name="value"/>, e.g. <c>inProgress</c>, <c>P0</c>.</summary>
    public static string Of<T>(T value)
        where T : struct, Enum
    {
        var index = EnumTable<T>.IndexOf(value);
        return index >= 0 ? EnumTable<T>.Names[index] : NameOf(typeof(T), value.ToString());
    }

    /// <summary>The documented name of a boxed enum value.</summary>
    public static string Of(Enum value) => NameOf(value.GetType(), value.ToString());

    /// <summary>The documented names of every value of <paramref name="enumType"/>.</summary>
    public static IReadOnlyList<string> All(Type enumType) => NamesOf(enumType);

    /// <summary>The documented name of every value of <paramref name="enumType"/>, in the order of <see cref="Enum.GetValues(Type)"/>.</summary>
    internal static string[] NamesOf(Type enumType) => Array.ConvertAll(Enum.GetNames(enumType), n => NameOf(enumType, n));

    private static string NameOf(Type enumType, string name)
    {
        var member = enumType.GetField(name, BindingFlags.Public | BindingFlags.Static);
        return member?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
            ?? member?.GetCustomAttribute<EnumMemberAttribute>()?.Value
            ?? JsonNamingPolicy.CamelCase.ConvertName(name);
    }
}

/// <summary>The values of <typeparamref name="T"/> with their documented names, as arrays in the same order.</summary>
internal static class EnumTable<T>
    where T : struct, Enum
{
    /// <summary>Every value, in the order of <see cref="Enum.GetValues(Type)"/>.</summary>
    public static readonly T[] Values = Enum.GetValues<T>();

    /// <summary>The documented name of each of <see cref="Values"/>.</summary>
    public static readonly string[] Names = EnumNames.NamesOf(typeof(T));

    private static readonly byte[][] Utf8Names = Array.ConvertAll(Names, System.Text.Encoding.UTF8.GetBytes);

    /// <summary>The index of the value named by <paramref name="utf8"/> (exact bytes), or -1.</summary>
    public static int IndexOfUtf8(ReadOnlySpan<byte> utf8)
    {
        for (var i = 0; i < Utf8Names.Length; i++)
        {
            if (utf8.SequenceEqual(Utf8Names[i])) return i;
        }

        return -1;
    }

    /// <summary>The index of <paramref name="value"/> in <see cref="Values"/>, or -1 for a value the enum does not name.</summary>
    public static int IndexOf(T value)
    {
        for (var i = 0; i < Values.Length; i++)
        {
            if (EqualityComparer<T>.Default.Equals(Values[i], value)) return i;
        }

        return -1;
    }
}
