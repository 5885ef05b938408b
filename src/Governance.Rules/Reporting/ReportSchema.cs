using NJsonSchema;
using NJsonSchema.Generation;

namespace Governance.Rules.Reporting;

/// <summary>
/// The JSON Schema of the <c>json</c> report, generated from <see cref="ReportModel"/> with the report's serializer
/// options. Every property is required (the report writes absent values as <c>null</c>) and no other is allowed. The
/// copy in <c>docs/report.schema.json</c> is checked against it by the tests.
/// </summary>
internal static class ReportSchema
{
    /// <summary>The schema's file name in <c>docs/</c>.</summary>
    public const string FileName = "report.schema.json";

    private static readonly Lazy<JsonSchema> Cached = new(Generate, LazyThreadSafetyMode.ExecutionAndPublication);

    public static JsonSchema Schema => Cached.Value;

    /// <summary>The schema as JSON text with <c>\n</c> line ends and a final line end.</summary>
    public static string ToJson() => Schema.ToJson().ReplaceLineEndings("\n") + "\n";

    private static JsonSchema Generate()
    {
        var settings = new JsonSchemaGeneratorSettings
        {
            SerializerOptions = JsonReportFormatter.Options,
            DefaultReferenceTypeNullHandling = ReferenceTypeNullHandling.NotNull,
            GenerateAbstractProperties = true,
            FlattenInheritanceHierarchy = true,
            AlwaysAllowAdditionalObjectProperties = false,
            SchemaType = SchemaType.JsonSchema,
        };
        var schema = JsonSchema.FromType<ReportModel>(settings);
        schema.Title = "GovernReport";
        schema.Description = "The json report of govern check (Governance.Rules), format version " +
            ReportModel.CurrentFormatVersion.ToString(System.Globalization.CultureInfo.InvariantCulture) + "; see docs/report-model.md.";
        foreach (var definition in schema.Definitions.Values.Prepend(schema))
        {
            foreach (var property in definition.Properties.Values) property.IsRequired = true;
        }

        return schema;
    }
}
