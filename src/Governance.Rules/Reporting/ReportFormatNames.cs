namespace Governance.Rules.Reporting;

/// <summary>The report format names of SPEC §D, as given to <c>govern check --format</c>.</summary>
internal static class ReportFormatNames
{
    public const string Text = "text";
    public const string Markdown = "markdown";
    public const string Html = "html";
    public const string Sarif = "sarif";
    public const string Json = "json";
    public const string Junit = "junit";

    /// <summary>Every format the command line accepts, in the order SPEC §D lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [Text, Markdown, Html, Sarif, Json, Junit];
}
