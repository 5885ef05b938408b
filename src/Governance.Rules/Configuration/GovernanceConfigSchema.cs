using Governance.Rules.Loading;
using Governance.Rules.Model;
using NJsonSchema;

namespace Governance.Rules.Configuration;

/// <summary>
/// The JSON Schema of <c>governance.yaml</c>, generated from <see cref="GovernanceConfigDocument"/> with the settings of
/// the artifact schemas, then adjusted where the file is more flexible than one C# type: a rule entry is a severity
/// string or a <see cref="RuleConfiguration"/> object, and a rule's options are free-form (checked against the rule,
/// not the schema).
/// </summary>
internal static class GovernanceConfigSchema
{
    /// <summary>The file name <c>govern schema</c> writes the schema to.</summary>
    public const string FileName = "GovernanceConfig.schema.json";

    private static readonly Lazy<JsonSchema> Cached = new(Generate, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The schema.</summary>
    public static JsonSchema Schema => Cached.Value;

    /// <summary>The schema as JSON text, as <c>govern schema</c> writes it.</summary>
    public static string ToJson() => Schema.ToJson();

    private static JsonSchema Generate()
    {
        var settings = ArtifactSchemas.GeneratorSettings();
        var schema = JsonSchema.FromType<GovernanceConfigDocument>(settings);
        schema.Title = ArtifactKinds.ConfigKind;
        schema.Description = "The governance.yaml configuration of Governance.Rules (governance/v1).";

        var apiVersion = schema.Properties["apiVersion"];
        apiVersion.Enumeration.Add(ArtifactKinds.ApiVersion);
        apiVersion.IsRequired = true;
        var kind = schema.Properties["kind"];
        kind.Enumeration.Add(ArtifactKinds.ConfigKind);
        kind.IsRequired = true;

        var ruleConfiguration = schema.Definitions[nameof(RuleConfiguration)];
        var severity = schema.Definitions[nameof(ConfiguredSeverity)];
        AllowSeverityOrObject(schema.Properties["rules"], severity, ruleConfiguration);
        AllowSeverityOrObject(schema.Definitions[nameof(ConfigurationOverride)].Properties["rules"], severity, ruleConfiguration);

        var options = ruleConfiguration.Properties["options"];
        options.Type = JsonObjectType.Object | JsonObjectType.Null;
        options.AllowAdditionalProperties = true;
        options.AdditionalPropertiesSchema = null;
        return schema;
    }

    /// <summary>Makes the values of a rule map <c>oneOf</c> a severity name or a rule object.</summary>
    private static void AllowSeverityOrObject(JsonSchemaProperty rules, JsonSchema severity, JsonSchema ruleConfiguration)
    {
        var entry = new JsonSchema { Description = "A severity (error, warning, info, none) or { severity, enabled, enforceFrom, options }." };
        entry.OneOf.Add(new JsonSchema { Reference = severity });
        entry.OneOf.Add(new JsonSchema { Reference = ruleConfiguration });
        rules.AdditionalPropertiesSchema = entry;
    }
}
