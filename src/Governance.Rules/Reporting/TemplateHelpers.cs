using System.Globalization;
using System.Text;
using HandlebarsDotNet;

namespace Governance.Rules.Reporting;

/// <summary>
/// The helpers every template can use (documented in <c>docs/report-model.md</c>): escaping for Markdown, safe links,
/// comparisons, the little arithmetic that charts need and the text shaping of the trace views. Numbers are read and
/// written with the invariant culture; a helper given something that is not a number reads it as 0.
/// </summary>
internal static class TemplateHelpers
{
    /// <summary>The ASCII punctuation <see cref="EscapeMarkdown"/> escapes with a backslash (CommonMark allows any).</summary>
    private const string MarkdownSpecial = "\\`*_[]<>#|~$&";

    /// <summary>The characters <see cref="EscapeMarkdownStrict"/> escapes with a backslash.</summary>
    private const string MarkdownStrictSpecial = "\\`*_{}[]()#+-.!|";

    public static void Register(IHandlebars handlebars)
    {
        handlebars.RegisterHelper("md", (_, arguments) => EscapeMarkdown(Text(arguments, 0)));
        handlebars.RegisterHelper("eq", (_, arguments) => string.Equals(Text(arguments, 0), Text(arguments, 1), StringComparison.Ordinal));
        handlebars.RegisterHelper("ne", (_, arguments) => !string.Equals(Text(arguments, 0), Text(arguments, 1), StringComparison.Ordinal));
        handlebars.RegisterHelper("gt", (_, arguments) => Number(arguments, 0) > Number(arguments, 1));
        handlebars.RegisterHelper("add", (_, arguments) => Number(arguments, 0) + Number(arguments, 1));
        handlebars.RegisterHelper("sub", (_, arguments) => Number(arguments, 0) - Number(arguments, 1));
        handlebars.RegisterHelper("mul", (_, arguments) => Number(arguments, 0) * Number(arguments, 1));
        handlebars.RegisterHelper("max", (_, arguments) => Enumerable.Range(0, arguments.Length).Select(i => Number(arguments, i)).DefaultIfEmpty(0).Max());
        handlebars.RegisterHelper("scale", (_, arguments) => Scale(Number(arguments, 0), Number(arguments, 1), Number(arguments, 2)));
        handlebars.RegisterHelper("percent", (_, arguments) => Percent(Number(arguments, 0), Number(arguments, 1)));
        handlebars.RegisterHelper("heatLevel", (_, arguments) => HeatLevel(Number(arguments, 0), Number(arguments, 1)));
        handlebars.RegisterHelper("safeUrl", (_, arguments) => SafeUrl(Text(arguments, 0)));
        handlebars.RegisterHelper("default", (_, arguments) => string.IsNullOrWhiteSpace(Text(arguments, 0)) ? Text(arguments, 1) : Text(arguments, 0));
        handlebars.RegisterHelper("count", (_, arguments) => Items(arguments, 0));
        handlebars.RegisterHelper("plural", (_, arguments) =>
            Count(Number(arguments, 0)) + " " + (Number(arguments, 0) == 1 ? Text(arguments, 1) : Text(arguments, 2)));
        handlebars.RegisterHelper("mdStrict", (_, arguments) => EscapeMarkdownStrict(Text(arguments, 0)));
        handlebars.RegisterHelper("oneLine", (_, arguments) =>
            OneLine(Text(arguments, 0), arguments.Length > 1 ? (int)Number(arguments, 1) : 0));
        handlebars.RegisterHelper("camelCase", (_, arguments) => CamelCase(Text(arguments, 0)));
        handlebars.RegisterHelper("mdCode", (_, arguments) => MarkdownCodeSpan(Text(arguments, 0)));
    }

    /// <summary>
    /// Text as a Markdown code span, shown literally: Markdown does not interpret escapes inside a code span, so the
    /// text is not escaped; the fence is one backtick longer than the longest run of backticks in the text, padded with
    /// a space when the text starts or ends with a backtick. Line breaks become spaces.
    /// </summary>
    public static string MarkdownCodeSpan(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        var oneLine = text.ReplaceLineEndings(" ");
        int longest = 0, run = 0;
        foreach (var c in oneLine)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        var fence = new string('`', longest + 1);
        var pad = oneLine.StartsWith('`') || oneLine.EndsWith('`') ? " " : string.Empty;
        return fence + pad + oneLine + pad + fence;
    }

    /// <summary>
    /// Text escaped for anywhere in a Markdown list item (the <c>govern trace</c> view): <c>&lt;</c>, <c>&gt;</c> and
    /// <c>&amp;</c> become HTML entities and every other character that can start Markdown syntax (<c>\ ` * _ { } [ ] ( )
    /// # + - . ! |</c>) is backslash-escaped. Line breaks are kept: pass one line (<c>oneLine</c>).
    /// </summary>
    public static string EscapeMarkdownStrict(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '<') escaped.Append("&lt;");
            else if (c is '>') escaped.Append("&gt;");
            else if (c is '&') escaped.Append("&amp;");
            else if (MarkdownStrictSpecial.Contains(c, StringComparison.Ordinal)) escaped.Append('\\').Append(c);
            else escaped.Append(c);
        }

        return escaped.ToString();
    }

    /// <summary>
    /// <paramref name="text"/> on one line: line breaks become spaces and the ends are trimmed (blank text gives an empty
    /// string); longer than <paramref name="maxLength"/> (when positive), it is cut to that length, ending in <c>...</c>.
    /// </summary>
    public static string OneLine(string? text, int maxLength = 0)
    {
        if (string.IsNullOrWhiteSpace(text)) return string.Empty;
        var line = text.ReplaceLineEndings(" ").Trim();
        return maxLength > 3 && line.Length > maxLength ? line[..(maxLength - 3)] + "..." : line;
    }

    /// <summary><paramref name="text"/> with its first letter in lower case: <c>InProgress</c> → <c>inProgress</c>.</summary>
    public static string CamelCase(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty : char.ToLowerInvariant(text[0]) + text[1..];

    /// <summary>
    /// Text for a Markdown paragraph or table cell: line breaks become spaces and Markdown punctuation (including
    /// <c>|</c>, <c>&lt;</c> and <c>&amp;</c>) is backslash-escaped, so artifact text can neither format nor inject HTML.
    /// </summary>
    public static string EscapeMarkdown(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        var escaped = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n') i++;
                escaped.Append(' ');
            }
            else if (c == '\n') escaped.Append(' ');
            else if (MarkdownSpecial.Contains(c, StringComparison.Ordinal)) escaped.Append('\\').Append(c);
            else escaped.Append(c);
        }

        return escaped.ToString();
    }

    /// <summary><paramref name="url"/> when it is an absolute http or https address, else <c>#</c>.</summary>
    public static string SafeUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? url!
            : "#";

    /// <summary><paramref name="value"/> / <paramref name="max"/> × <paramref name="size"/>, one decimal; 0 when max is 0.</summary>
    public static double Scale(double value, double max, double size) =>
        max <= 0 ? 0 : Math.Round(value / max * size, 1, MidpointRounding.AwayFromZero);

    /// <summary>The whole percentage <paramref name="value"/> is of <paramref name="total"/>; 0 when the total is 0.</summary>
    public static int Percent(double value, double total) =>
        total <= 0 ? 0 : (int)Math.Round(value * 100 / total, MidpointRounding.AwayFromZero);

    /// <summary>
    /// A heat-map level from 0 (nothing) to 4: in proportion to <paramref name="max"/> when it is positive, else on a fixed
    /// scale (1; 2–4; 5–9; 10 or more) so that a colour means the same count in every report.
    /// </summary>
    public static int HeatLevel(double value, double max)
    {
        if (value <= 0) return 0;
        if (max > 0) return Math.Clamp((int)Math.Ceiling(value * 4 / max), 1, 4);
        return value < 2 ? 1 : value < 5 ? 2 : value < 10 ? 3 : 4;
    }

    private static int Items(Arguments arguments, int index) => index < arguments.Length ? arguments[index] switch
    {
        System.Collections.ICollection collection => collection.Count,
        string => 0,
        System.Collections.IEnumerable items => items.Cast<object?>().Count(),
        _ => 0,
    } : 0;

    private static string Count(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string? Text(Arguments arguments, int index) => index < arguments.Length ? arguments[index] switch
    {
        null => null,
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString(),
    } : null;

    private static double Number(Arguments arguments, int index) => index < arguments.Length ? arguments[index] switch
    {
        int i => i,
        long l => l,
        double d => d,
        decimal m => (double)m,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        IConvertible c when c is not string && c is not bool => c.ToDouble(CultureInfo.InvariantCulture),
        _ => 0,
    } : 0;
}
