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

    private sealed class StrictEnumConverter<T> : JsonConverter<T>
        where T : struct, Enum
    {
        private static readonly Dictionary<string, T> ByName = Enum.GetValues<T>().ToDictionary(EnumNames.Of, v => v, StringComparer.Ordinal);
        private static readonly Dictionary<T, string> Names = ByName.ToDictionary(p => p.Value, p => p.Key);
        private static readonly (byte[] Utf8, T Value)[] Utf8Names = [.. ByName.Select(p => (System.Text.Encoding.UTF8.GetBytes(p.Key), p.Value))];

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                // The common case compares the raw bytes with each name (no string per value); escapes go through GetString.
                if (!reader.ValueIsEscaped && !reader.HasValueSequence)
                {
                    var span = reader.ValueSpan;
                    foreach (var (utf8, candidate) in Utf8Names)
                    {
                        if (span.SequenceEqual(utf8)) return candidate;
                    }
                }
                else if (ByName.TryGetValue(reader.GetString()!, out var value))
                {
                    return value;
                }
            }

            throw new JsonException($"Not a {typeof(T).Name} value.");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(Names[value]);
    }
}

/// <summary>Enum values as documents write them: the <see cref="JsonStringEnumMemberNameAttribute"/> name, else camelCase.</summary>
internal static class EnumNames
{
    /// <summary>The documented name of <paramref name="value"/>, e.g. <c>inProgress</c>, <c>P0</c>.</summary>
    public static string Of<T>(T value)
        where T : struct, Enum => Cache<T>.Names[value];

    /// <summary>The documented name of a boxed enum value.</summary>
    public static string Of(Enum value) => NameOf(value.GetType(), value.ToString());

    /// <summary>The documented names of every value of <paramref name="enumType"/>.</summary>
    public static IReadOnlyList<string> All(Type enumType) => [.. Enum.GetNames(enumType).Select(n => NameOf(enumType, n))];

    private static class Cache<T>
        where T : struct, Enum
    {
        public static readonly Dictionary<T, string> Names = Enum.GetValues<T>().ToDictionary(v => v, v => NameOf(typeof(T), v.ToString()));
    }

    private static string NameOf(Type enumType, string name)
    {
        var member = enumType.GetField(name, BindingFlags.Public | BindingFlags.Static);
        return member?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
            ?? member?.GetCustomAttribute<EnumMemberAttribute>()?.Value
            ?? JsonNamingPolicy.CamelCase.ConvertName(name);
    }
}
