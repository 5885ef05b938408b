using Governance.Rules.Engine;

namespace Governance.Rules.Reporting;

/// <summary>A report written by a built-in template (SPEC §F: markdown and html come from templates).</summary>
internal abstract class TemplateReportFormatter(ITemplateRenderer renderer, TemplateFormat format, string templateFile) : IReportFormatter
{
    public abstract string Name { get; }

    public void Write(AnalysisResult result, ReportContext context, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(writer);
        var template = renderer.Compile(BuiltInTemplates.Source(templateFile), format, "built-in template " + templateFile);
        template.Render(ReportModel.Create(result, context), writer);
    }
}

/// <summary>
/// The <c>markdown</c> report: a summary, findings by rule and by project, and a table with one row per finding; GitHub
/// flavoured, sized for a pull-request comment. Artifact text is escaped (<c>md</c> helper).
/// </summary>
internal sealed class MarkdownReportFormatter(ITemplateRenderer renderer)
    : TemplateReportFormatter(renderer, TemplateFormat.Markdown, BuiltInTemplates.Markdown)
{
    public override string Name => ReportFormatNames.Markdown;
}

/// <summary>
/// The <c>html</c> report: one self-contained page (inline CSS, SVG charts and script; nothing loaded from the network)
/// with a summary, a severity chart, project health, a per-project heat map and a sortable, filterable findings table.
/// </summary>
internal sealed class HtmlReportFormatter(ITemplateRenderer renderer)
    : TemplateReportFormatter(renderer, TemplateFormat.Html, BuiltInTemplates.Html)
{
    public override string Name => ReportFormatNames.Html;
}
