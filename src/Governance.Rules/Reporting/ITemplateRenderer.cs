namespace Governance.Rules.Reporting;

/// <summary>
/// Compiles report templates: the engine behind the <c>markdown</c> and <c>html</c> reports and
/// <c>govern check --template</c>. The built-in implementation uses Handlebars; register another
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
}

/// <summary>A compiled report template; safe to render from several threads.</summary>
public interface IReportTemplate
{
    /// <summary>The template's name, as given to <see cref="ITemplateRenderer.Compile"/>.</summary>
    string Name { get; }

    /// <summary>What the template writes.</summary>
    TemplateFormat Format { get; }

    /// <summary>Renders <paramref name="model"/> to <paramref name="writer"/>.</summary>
    /// <exception cref="ReportTemplateException">The template failed on this model (an unknown field in a branch the check did not reach).</exception>
    void Render(ReportModel model, TextWriter writer);
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
