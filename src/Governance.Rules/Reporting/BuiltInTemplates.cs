using System.Collections.Concurrent;

namespace Governance.Rules.Reporting;

/// <summary>The built-in templates (reports, trace views), embedded from <c>Reporting/Templates/*.hbs</c>.</summary>
internal static class BuiltInTemplates
{
    public const string Markdown = "markdown.hbs";
    public const string Html = "html.hbs";
    public const string TraceText = "trace-text.hbs";
    public const string TraceMarkdown = "trace-markdown.hbs";

    private static readonly ConcurrentDictionary<string, string> Sources = new(StringComparer.Ordinal);

    /// <summary>The text of the built-in template <paramref name="fileName"/>, with <c>\n</c> line ends.</summary>
    public static string Source(string fileName) => Sources.GetOrAdd(fileName, static name =>
    {
        var resource = "templates/" + name;
        using var stream = typeof(BuiltInTemplates).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The built-in template {resource} is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    });
}
