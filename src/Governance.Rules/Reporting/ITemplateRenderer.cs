namespace Governance.Rules.Reporting;

/// <summary>
/// Compiles templates: the engine behind the <c>markdown</c> and <c>html</c> reports, <c>govern check --template</c> and
/// the text and markdown views of <c>govern trace</c>. The built-in implementation uses Handlebars; register another
/// <see cref="ITemplateRenderer"/> before <c>AddGovernanceRules()</c> to plug in another engine.
/// </summary>
public interface ITemplateRenderer
{
    /// <summary>
    /// Compiles <paramref name="source"/> for <paramref name="format"/> and checks it against the report model, so a
    /// misspelled field is reported now rather than when a report happens to need it. Implementations cache compiled
    /// templates: compiling the same source twice is cheap.
    /// </summary>
    /// <param name="source">The template text.</param>
    /// <param name="format">What the template writes, which decides how model values are escaped.</param>
    /// <param name="name">The template's name in error messages, such as its file name.</param>
    /// <exception cref="ReportTemplateException">The template does not compile or refers to an unknown field.</exception>
    IReportTemplate Compile(string source, TemplateFormat format, string name);

    /// <summary>
    /// Compiles <paramref name="source"/>, a template of any model, for <paramref name="format"/> and checks it by
    /// rendering <paramref name="model"/>'s specimen once, with the same escaping and the same helpers as report templates.
    /// Implementations cache compiled templates by model, format, name and source.
    /// </summary>
    /// <typeparam name="TModel">The type of the objects the template renders.</typeparam>
    /// <param name="source">The template text.</param>
    /// <param name="format">What the template writes, which decides how model values are escaped.</param>
    /// <param name="name">The template's name in error messages, such as its file name.</param>
    /// <param name="model">The model: its name in error messages, a specimen and where its fields are documented.</param>
    /// <exception cref="ReportTemplateException">The template does not compile or refers to an unknown field.</exception>
    ITemplate<TModel> Compile<TModel>(string source, TemplateFormat format, string name, TemplateModel<TModel> model)
        where TModel : class;
}

/// <summary>A compiled template of <typeparamref name="TModel"/>; safe to render from several threads.</summary>
/// <typeparam name="TModel">The type of the objects the template renders.</typeparam>
public interface ITemplate<in TModel>
    where TModel : class
{
    /// <summary>The template's name, as given to <c>ITemplateRenderer.Compile</c>.</summary>
    string Name { get; }

    /// <summary>What the template writes.</summary>
    TemplateFormat Format { get; }

    /// <summary>Renders <paramref name="model"/> to <paramref name="writer"/>.</summary>
    /// <param name="model">The object to render.</param>
    /// <param name="writer">Where the output goes; it is not closed.</param>
    /// <exception cref="ReportTemplateException">The template failed on this model (an unknown field in a branch the check did not reach).</exception>
    void Render(TModel model, TextWriter writer);
}

/// <summary>A compiled report template (of the <see cref="ReportModel"/>); safe to render from several threads.</summary>
public interface IReportTemplate : ITemplate<ReportModel>;

/// <summary>
/// A model templates can render, as <see cref="ITemplateRenderer.Compile{TModel}"/> needs it: its name and where its
/// fields are documented (both for error messages), and a specimen in which every list has entries and every optional
/// value is set once and absent once, so that rendering it once reaches every field a template names.
/// </summary>
/// <typeparam name="TModel">The type of the objects the templates render.</typeparam>
public sealed class TemplateModel<TModel>
    where TModel : class
{
    private readonly Lazy<TModel> specimen;

    /// <summary>Describes a model.</summary>
    /// <param name="name">The model as error messages name it, such as <c>trace model</c>.</param>
    /// <param name="documentation">Where its fields are described, as error messages point to it, such as <c>see docs/model.md</c>.</param>
    /// <param name="specimen">Builds the specimen, once, when a template is first checked.</param>
    public TemplateModel(string name, string documentation, Func<TModel> specimen)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(documentation);
        ArgumentNullException.ThrowIfNull(specimen);
        Name = name;
        Documentation = documentation;
        this.specimen = new Lazy<TModel>(specimen, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The model as error messages name it.</summary>
    public string Name { get; }

    /// <summary>Where the model's fields are described.</summary>
    public string Documentation { get; }

    /// <summary>The specimen every template of the model is rendered against when compiled.</summary>
    public TModel Specimen => specimen.Value;
}

/// <summary>What a template writes; decides how the values of the model are escaped.</summary>
public enum TemplateFormat
{
    /// <summary>Plain text: values are written as they are.</summary>
    Text,

    /// <summary>
    /// Markdown: values are written as they are; the template escapes artifact text with the <c>md</c> helper
    /// (<c>{{md message}}</c>), which also escapes <c>|</c> for table cells.
    /// </summary>
    Markdown,

    /// <summary>HTML: every <c>{{value}}</c> is HTML-escaped (<c>{{{value}}}</c> is not, and must never hold artifact text).</summary>
    Html,
}

/// <summary>A report template that does not compile, refers to an unknown field or helper, or failed while rendering.</summary>
public sealed class ReportTemplateException : Exception
{
    /// <summary>Creates the exception for <paramref name="templateName"/>.</summary>
    /// <param name="templateName">The template's name (its file name).</param>
    /// <param name="reason">What is wrong, in one sentence.</param>
    /// <param name="innerException">The template engine's exception, if any.</param>
    public ReportTemplateException(string templateName, string reason, Exception? innerException = null)
        : base($"{templateName}: {reason}", innerException)
    {
        TemplateName = templateName;
        Reason = reason;
    }

    /// <summary>The template's name.</summary>
    public string TemplateName { get; }

    /// <summary>What is wrong, without the template's name.</summary>
    public string Reason { get; }
}
