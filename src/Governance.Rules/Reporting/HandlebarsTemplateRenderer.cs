using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using HandlebarsDotNet;
using HandlebarsDotNet.Compiler;

namespace Governance.Rules.Reporting;

/// <summary>
/// The built-in <see cref="ITemplateRenderer"/>: Handlebars (Handlebars.Net). HTML templates escape every
/// <c>{{value}}</c>; markdown and text templates escape nothing by themselves (their helpers escape for the target format).
/// A field or helper the model does not have is an error (<c>ThrowOnUnresolvedBindingExpression</c>), never empty output;
/// every template is rendered once against its model's specimen when compiled, so such a mistake is reported whatever
/// the data. Compiled templates are cached by model, format, name and text.
/// </summary>
internal sealed partial class HandlebarsTemplateRenderer : ITemplateRenderer
{
    private readonly ConcurrentDictionary<(object Model, TemplateFormat Format, string Name, string Source), Lazy<object>> cache = new();
    // Typed object so that creating the renderer (every formatter takes one) does not load Handlebars.Net: only a
    // template compilation does (benchmarks/README.md, "Start-up").
    private readonly Lazy<object> html = new(static () => CreateEnvironment(escapeHtml: true));
    private readonly Lazy<object> plain = new(static () => CreateEnvironment(escapeHtml: false));

    public IReportTemplate Compile(string source, TemplateFormat format, string name) =>
        (IReportTemplate)Compile(source, format, name, ReportSpecimen.Template);

    public ITemplate<TModel> Compile<TModel>(string source, TemplateFormat format, string name, TemplateModel<TModel> model)
        where TModel : class
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(model);
        if (!Enum.IsDefined(format)) throw new ArgumentOutOfRangeException(nameof(format), format, null);
        // The model descriptor is compared by reference: each model has one, so its specimen checks a template once.
        return (ITemplate<TModel>)cache.GetOrAdd((model, format, name, source), key => new Lazy<object>(
            () => CompileCore(key.Source, key.Format, key.Name, model), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    private HandlebarsModelTemplate<TModel> CompileCore<TModel>(string source, TemplateFormat format, string name, TemplateModel<TModel> model)
        where TModel : class
    {
        var environment = (IHandlebars)(format == TemplateFormat.Html ? html.Value : plain.Value);
        HandlebarsTemplate<object, object> compiled;
        try
        {
            // Compiling registers nothing, but the environment is shared: keep compilation single-file, rendering is free.
            lock (environment) compiled = environment.Compile(source);
        }
        catch (Exception ex) when (IsTemplateError(ex))
        {
            throw new ReportTemplateException(name, Describe(ex, model.Name, model.Documentation), ex);
        }

        // Report templates are also IReportTemplate, whichever Compile overload asked for them.
        var template = typeof(TModel) == typeof(ReportModel)
            ? (HandlebarsModelTemplate<TModel>)(object)new HandlebarsReportTemplate(name, format, compiled, model.Name, model.Documentation)
            : new HandlebarsModelTemplate<TModel>(name, format, compiled, model.Name, model.Documentation);
        template.Render(model.Specimen, TextWriter.Null);
        return template;
    }

    private static IHandlebars CreateEnvironment(bool escapeHtml)
    {
        var environment = Handlebars.Create(new HandlebarsConfiguration
        {
            ThrowOnUnresolvedBindingExpression = true,
            NoEscape = !escapeHtml,
            FormatProvider = CultureInfo.InvariantCulture,
        });
        TemplateHelpers.Register(environment);
        return environment;
    }

    internal static bool IsTemplateError(Exception ex) =>
        ex is HandlebarsException or HandlebarsUndefinedBindingException or FormatException or InvalidCastException;

    /// <summary>The engine's message as one sentence, with a hint for the commonest mistake (an unknown field).</summary>
    internal static string Describe(Exception ex, string modelName, string documentation)
    {
        if (ex is HandlebarsUndefinedBindingException undefined)
        {
            return $"'{undefined.MissingKey}' is not a field of the {modelName} here, nor a helper " +
                $"(fields are camelCase, {documentation}; guard optional objects with {{{{#if ...}}}})";
        }

        var message = new StringBuilder();
        foreach (var line in ex.Message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (message.Length > 0) message.Append(' ');
            message.Append(line);
        }

        // The parser reports a 0-based "line:column"; editors count from 1.
        return ParserPosition().Replace(message.ToString(), match => string.Create(
            CultureInfo.InvariantCulture,
            $" at line {int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) + 1}, column {int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) + 1}"));
    }

    [GeneratedRegex(@"[:.]?\s*Occured at: (\d+):(\d+)")]
    private static partial Regex ParserPosition();

    private class HandlebarsModelTemplate<TModel>(
        string name, TemplateFormat format, HandlebarsTemplate<object, object> compiled, string modelName, string documentation) : ITemplate<TModel>
        where TModel : class
    {
        public string Name { get; } = name;

        public TemplateFormat Format { get; } = format;

        public void Render(TModel model, TextWriter writer)
        {
            ArgumentNullException.ThrowIfNull(model);
            ArgumentNullException.ThrowIfNull(writer);
            string text;
            try
            {
                text = compiled(model);
            }
            catch (Exception ex) when (IsTemplateError(ex))
            {
                throw new ReportTemplateException(Name, Describe(ex, modelName, documentation), ex);
            }

            writer.Write(text);
        }
    }

    private sealed class HandlebarsReportTemplate(
        string name, TemplateFormat format, HandlebarsTemplate<object, object> compiled, string modelName, string documentation)
        : HandlebarsModelTemplate<ReportModel>(name, format, compiled, modelName, documentation), IReportTemplate;
}
