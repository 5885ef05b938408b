using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Governance.Rules.Build.EditorConfig;

/// <summary>
/// An EditorConfig section glob: <c>*</c> (any characters but <c>/</c>), <c>**</c> (any characters), <c>?</c> (one
/// character), <c>[abc]</c>, <c>[!abc]</c>, <c>{a,b}</c> (nestable) and <c>{1..5}</c> (an integer range). A glob without a
/// <c>/</c> matches the file name in the folder of the <c>.editorconfig</c> and every folder below it; with one it is
/// anchored at that folder (a leading <c>/</c> is dropped). Matching is ordinal, like Roslyn's.
/// </summary>
internal sealed class EditorConfigGlob
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);
    private readonly Regex? regex;
    private readonly List<(int Min, int Max)> ranges = [];

    private EditorConfigGlob(string glob)
    {
        var pattern = glob.Contains('/', StringComparison.Ordinal) ? glob.TrimStart('/') : "**/" + glob;
        var builder = new StringBuilder("^");
        var index = 0;
        var valid = Translate(pattern, ref index, builder, inBraces: false) && index == pattern.Length;
        builder.Append('$');
        regex = valid ? new Regex(builder.ToString(), RegexOptions.CultureInvariant, MatchTimeout) : null;
    }

    /// <summary>Whether the glob could be read; an invalid glob matches nothing.</summary>
    public bool IsValid => regex is not null;

    /// <summary>Compiles <paramref name="glob"/>.</summary>
    public static EditorConfigGlob Create(string glob) => new(glob);

    /// <summary>Whether <paramref name="relativePath"/> ('/'-separated, relative to the file's folder) matches.</summary>
    public bool IsMatch(string relativePath)
    {
        if (regex is null) return false;
        Match match;
        try
        {
            match = regex.Match(relativePath);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }

        if (!match.Success) return false;
        for (var i = 0; i < ranges.Count; i++)
        {
            var group = match.Groups["r" + i.ToString(CultureInfo.InvariantCulture)];
            if (!group.Success) continue;
            if (!int.TryParse(group.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ||
                number < ranges[i].Min || number > ranges[i].Max) return false;
        }

        return true;
    }

    private bool Translate(string pattern, ref int i, StringBuilder regexText, bool inBraces)
    {
        while (i < pattern.Length)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*':
                    if (i + 1 < pattern.Length && pattern[i + 1] == '*')
                    {
                        i += 2;
                        // "**/" also matches no folder at all.
                        if (i < pattern.Length && pattern[i] == '/')
                        {
                            i++;
                            regexText.Append("(?:.*/)?");
                        }
                        else
                        {
                            regexText.Append(".*");
                        }
                    }
                    else
                    {
                        i++;
                        regexText.Append("[^/]*");
                    }

                    break;
                case '?':
                    i++;
                    regexText.Append("[^/]");
                    break;
                case '[':
                    if (!TranslateClass(pattern, ref i, regexText)) return false;
                    break;
                case '{':
                    if (!TranslateBraces(pattern, ref i, regexText)) return false;
                    break;
                case ',' or '}' when inBraces:
                    return true;
                case '\\' when i + 1 < pattern.Length:
                    regexText.Append(Regex.Escape(pattern[i + 1].ToString()));
                    i += 2;
                    break;
                default:
                    regexText.Append(Regex.Escape(c.ToString()));
                    i++;
                    break;
            }
        }

        return !inBraces;
    }

    private static bool TranslateClass(string pattern, ref int i, StringBuilder regexText)
    {
        var close = pattern.IndexOf(']', i + 1);
        if (close < 0)
        {
            regexText.Append(@"\[");
            i++;
            return true;
        }

        var body = pattern[(i + 1)..close];
        var negate = body.StartsWith('!') || body.StartsWith('^');
        if (negate) body = body[1..];
        regexText.Append(negate ? "[^/" : "[");
        foreach (var ch in body)
        {
            regexText.Append(ch is '\\' or ']' or '[' or '^' ? "\\" + ch : ch.ToString());
        }

        regexText.Append(']');
        i = close + 1;
        return true;
    }

    private bool TranslateBraces(string pattern, ref int i, StringBuilder regexText)
    {
        var close = pattern.IndexOf('}', i + 1);
        var range = close > 0 ? Regex.Match(pattern[(i + 1)..close], @"^([+-]?\d+)\.\.([+-]?\d+)$", RegexOptions.CultureInvariant, MatchTimeout) : Match.Empty;
        if (range.Success)
        {
            var a = int.Parse(range.Groups[1].Value, CultureInfo.InvariantCulture);
            var b = int.Parse(range.Groups[2].Value, CultureInfo.InvariantCulture);
            regexText.Append("(?<r").Append(ranges.Count.ToString(CultureInfo.InvariantCulture)).Append(@">[+-]?\d+)");
            ranges.Add((Math.Min(a, b), Math.Max(a, b)));
            i = close + 1;
            return true;
        }

        i++;
        regexText.Append("(?:");
        while (true)
        {
            if (!Translate(pattern, ref i, regexText, inBraces: true)) return false;
            if (i >= pattern.Length) return false;
            if (pattern[i] == '}')
            {
                i++;
                regexText.Append(')');
                return true;
            }

            regexText.Append('|');
            i++;
        }
    }
}
