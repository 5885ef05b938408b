using Governance.Rules.Loading;
using Governance.Rules.Model;
using NJsonSchema;

namespace Governance.Rules.RulePacks;

/// <summary>
/// The JSON Schema of a declarative rule pack, generated from <see cref="RulePackDocument"/> with the settings of the
/// artifact schemas and tightened where a pack is stricter than a C# type (required fields, id and selector patterns,
/// the kind names). <c>govern schema</c> publishes it for editors; the loader validates every pack against it first.
/// </summary>
internal static class RulePackSchema
{
    /// <summary>The <c>kind</c> of a rule pack.</summary>
    public const string Kind = "RulePack";

    /// <summary>The file name <c>govern schema</c> writes the schema to.</summary>
    public const string FileName = Kind + ".schema.json";

    /// <summary>A pack rule id: 2–10 capital letters, then 3 or 4 digits (the <c>GOV</c> prefix is refused by the loader).</summary>
    public const string IdPattern = "^[A-Z]{2,10}[0-9]{3,4}$";

    /// <summary>A selector: a JSON pointer whose tokens may be <c>*</c>; empty selects the artifact.</summary>
    public const string SelectorPattern = "^(/[^/]+)*$";

    /// <summary>A field path below the selected object: names separated by <c>/</c>, no wildcard.</summary>
    public const string FieldPattern = "^[^/*]+(/[^/*]+)*$";

    /// <summary>A date bound: <c>today</c>, <c>today+N</c>, <c>today-N</c> or <c>YYYY-MM-DD</c>.</summary>
    public const string DateBoundPattern = "^(today([+-][0-9]{1,5})?|[0-9]{4}-[0-9]{2}-[0-9]{2})$";

    /// <summary>The reference targets besides the artifact kinds.</summary>
    public const string AnyArtifact = "any";

    /// <summary>A reference to a person of the Portfolio's <c>people</c>.</summary>
    public const string Person = "Person";

    private static readonly Lazy<JsonSchema> Cached = new(Generate, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The schema.</summary>
    public static JsonSchema Schema => Cached.Value;

    /// <summary>The schema as JSON text, as <c>govern schema</c> writes it.</summary>
    public static string ToJson() => Schema.ToJson();

    private static JsonSchema Generate()
    {
        var schema = JsonSchema.FromType<RulePackDocument>(ArtifactSchemas.GeneratorSettings());
        schema.Title = Kind;
        schema.Description = "A declarative rule pack of Governance.Rules (governance/v1): rules over artifact fields, given with govern check --rules FILE. See rules/packs/README.md.";
        Require(schema, "apiVersion").Enumeration.Add(ArtifactKinds.ApiVersion);
        Require(schema, "kind").Enumeration.Add(Kind);
        var rules = Require(schema, "rules");
        rules.MinItems = 1;

        var rule = schema.Definitions[nameof(RulePackRuleDocument)];
        var id = Require(rule, "id");
        id.Pattern = IdPattern;
        id.Description = "2-10 capital letters and 3-4 digits, e.g. KES001; GOV ids belong to the built-in catalog.";
        Require(rule, "title").MinLength = 1;
        Require(rule, "severity");
        Require(rule, "message").MinLength = 1;
        var appliesTo = Require(rule, "appliesTo");
        foreach (var name in ArtifactKinds.Names) appliesTo.Enumeration.Add(name);
        Require(rule, "conditions");
        rule.Properties["selector"].Pattern = SelectorPattern;
        rule.Properties["field"].Pattern = FieldPattern;
        rule.Properties["helpUri"].Format = JsonFormatStrings.Uri;
        schema.Definitions[nameof(RulePackMetadata)].Properties["helpUri"].Format = JsonFormatStrings.Uri;

        var scalar = new JsonSchema
        {
            Type = JsonObjectType.String | JsonObjectType.Number | JsonObjectType.Boolean,
            Description = "A string, number or boolean.",
        };
        var where = rule.Properties["where"];
        where.AllowAdditionalProperties = true;
        var allowed = new JsonSchema { Description = "The allowed value, or a list of allowed values." };
        allowed.OneOf.Add(scalar);
        allowed.OneOf.Add(new JsonSchema { Type = JsonObjectType.Array, Item = scalar, MinItems = 1 });
        where.AdditionalPropertiesSchema = allowed;

        var conditions = schema.Definitions[nameof(RulePackConditions)];
        conditions.MinProperties = 1;
        var values = conditions.Properties["enum"];
        values.Item = scalar;
        values.MinItems = 1;
        conditions.Properties["pattern"].MinLength = 1;
        conditions.Properties["notBefore"].Pattern = DateBoundPattern;
        conditions.Properties["notAfter"].Pattern = DateBoundPattern;
        var reference = conditions.Properties["reference"];
        foreach (var name in ArtifactKinds.Names.Append(Person).Append(AnyArtifact)) reference.Enumeration.Add(name);
        return schema;
    }

    private static JsonSchemaProperty Require(JsonSchema schema, string name)
    {
        var property = schema.Properties[name];
        property.IsRequired = true;
        return property;
    }
}
