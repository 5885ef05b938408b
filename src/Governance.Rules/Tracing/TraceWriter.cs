using System.Text.Json;
using System.Text.Json.Serialization;
using Governance.Rules.Loading;
using Governance.Rules.Reporting;

namespace Governance.Rules.Tracing;

/// <summary>
/// Writes the traceability view in the formats of <c>govern trace</c>: <c>text</c> and <c>markdown</c> from templates
/// (the built-in <c>Reporting/Templates/trace-*.hbs</c>, or a custom one) rendered from the <see cref="TraceModel"/>;
/// <c>json</c> is the model serialized, with the camelCase names templates use.
/// </summary>
internal sealed class TraceWriter(ITemplateRenderer renderer)
{
    private static readonly JsonSerializerOptions JsonOptions = new(ArtifactSerialization.Options)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        WriteIndented = true,
    };

    /// <summary>The formats of <c>govern trace --format</c>.</summary>
    public static IReadOnlyList<string> Formats { get; } = [ReportFormatNames.Text, ReportFormatNames.Json, ReportFormatNames.Markdown];

    /// <summary>The trace model as templates see it: named in error messages, its fields those of the json view.</summary>
    public static TemplateModel<TraceModel> Model { get; } = new("trace model", "as in 'govern trace --format json'", TraceSpecimen.Build);

    /// <summary>What a template of the view <paramref name="format"/> writes; <see langword="null"/> for json, which is not templated.</summary>
    public static TemplateFormat? TemplateFormatOf(string format) => format switch
    {
        ReportFormatNames.Text => TemplateFormat.Text,
        ReportFormatNames.Markdown => TemplateFormat.Markdown,
        _ => null,
    };

    /// <summary>Compiles a custom trace template, checked against the trace model's specimen.</summary>
    /// <exception cref="ReportTemplateException">The template does not compile or names an unknown field or helper.</exception>
    public ITemplate<TraceModel> Compile(string source, TemplateFormat format, string name) =>
        renderer.Compile(source, format, name, Model);

    /// <summary>Writes <paramref name="model"/> as the view <paramref name="format"/> (text, json or markdown).</summary>
    public void Write(TraceModel model, string format, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(writer);
        var template = format switch
        {
            ReportFormatNames.Json => null,
            ReportFormatNames.Text => BuiltInTemplates.TraceText,
            ReportFormatNames.Markdown => BuiltInTemplates.TraceMarkdown,
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "govern trace writes text, json or markdown."),
        };
        if (template is null)
        {
            writer.Write(JsonSerializer.Serialize(model, JsonOptions).ReplaceLineEndings("\n") + "\n");
            return;
        }

        Compile(BuiltInTemplates.Source(template), TemplateFormatOf(format)!.Value, "built-in template " + template).Render(model, writer);
    }
}
