using System.Collections.Concurrent;
using Governance.Rules.Model;
using NJsonSchema;
using NJsonSchema.Generation;

namespace Governance.Rules.Loading;

/// <summary>
/// The JSON Schemas of the artifact kinds, generated from the record types with NJsonSchema (camelCase names, string
/// enums, <c>format: date</c> for dates, unknown properties rejected) and cached: generation is the slow part.
/// </summary>
internal static class ArtifactSchemas
{
    private static readonly ConcurrentDictionary<Type, Lazy<JsonSchema>> Cache = new();

    /// <summary>The schema of an artifact kind.</summary>
    public static JsonSchema For(ArtifactKind kind) => For(ArtifactKinds.RecordType(kind));

    /// <summary>The schema of a record type.</summary>
    public static JsonSchema For(Type recordType) =>
        Cache.GetOrAdd(recordType, static t => new Lazy<JsonSchema>(() => Generate(t), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    /// <summary>The schema of a kind as JSON text, as <c>govern schema</c> writes it.</summary>
    public static string ToJson(ArtifactKind kind) => For(kind).ToJson();

    /// <summary>The generator settings shared by every schema: camelCase names and string enums as the loader reads them.</summary>
    internal static JsonSchemaGeneratorSettings GeneratorSettings() => new()
    {
        SerializerOptions = ArtifactSerialization.Options,
        DefaultReferenceTypeNullHandling = ReferenceTypeNullHandling.Null,
        DefaultDictionaryValueReferenceTypeNullHandling = ReferenceTypeNullHandling.NotNull,
        GenerateAbstractProperties = true,
        FlattenInheritanceHierarchy = true,
        AlwaysAllowAdditionalObjectProperties = false,
        SchemaType = SchemaType.JsonSchema,
    };

    private static JsonSchema Generate(Type type)
    {
        var settings = GeneratorSettings();
        var schema = JsonSchema.FromType(type, settings);
        schema.Title = type.Name;
        if (typeof(Artifact).IsAssignableFrom(type))
        {
            schema.Description = $"A governance/v1 {type.Name} artifact.";
            foreach (var (name, property) in schema.Properties)
            {
                if (name == "kind") property.Enumeration.Add(type.Name);
                if (name == "apiVersion") property.Enumeration.Add(ArtifactKinds.ApiVersion);
            }
        }

        return schema;
    }
}
