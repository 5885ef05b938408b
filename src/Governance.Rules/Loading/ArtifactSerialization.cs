using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Governance.Rules.Loading;

/// <summary>The System.Text.Json settings shared by loading, schema generation and option binding: camelCase names and enums.</summary>
internal static class ArtifactSerialization
{
    /// <summary>The options: camelCase properties, camelCase string enums, unknown members skipped (the schema reports them).</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>
    /// The options of the fast path: unknown members and enum names in another case are errors, so a document that
    /// deserializes with them is valid against the schema (ranges and date ranges are checked separately).
    /// </summary>
    internal static JsonSerializerOptions StrictOptions { get; } = CreateStrictOptions();

    private static JsonSerializerOptions CreateStrictOptions()
    {
        var options = new JsonSerializerOptions(CreateOptions(readOnly: false))
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            TypeInfoResolver = JsonTypeInfoResolver.Combine(ArtifactJsonContext.Default, new DefaultJsonTypeInfoResolver()),
        };
        options.Converters.Clear();
        options.Converters.Add(new StrictEnumConverterFactory());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private static JsonSerializerOptions CreateOptions(bool readOnly = true)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DictionaryKeyPolicy = JsonNamingPolicy.CamelCase,
            PropertyNameCaseInsensitive = false,
            NumberHandling = JsonNumberHandling.Strict,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = true,
            MaxDepth = DocumentLimits.MaxDepth + 8,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        if (readOnly) options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

/// <summary>Limits that keep hostile input from exhausting the stack or memory.</summary>
internal static class DocumentLimits
{
    /// <summary>Largest file read, in bytes (256 MiB); a larger one is GOV001 and is not read.</summary>
    public const long MaxFileBytes = 256L * 1024 * 1024;

    /// <summary>Deepest nesting of mappings and sequences accepted.</summary>
    public const int MaxDepth = 128;

    /// <summary>Most nodes one document may expand to, YAML aliases included.</summary>
    public const int MaxNodesPerDocument = 5_000_000;

    /// <summary>Most nodes YAML aliases may add to one document (the "billion laughs" guard).</summary>
    public const int MaxAliasExpansionNodes = 100_000;
}
