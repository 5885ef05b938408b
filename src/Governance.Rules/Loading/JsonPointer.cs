using System.Text;

namespace Governance.Rules.Loading;

/// <summary>RFC 6901 JSON pointers.</summary>
internal static class JsonPointer
{
    /// <summary>Appends a property name or array index, escaping <c>~</c> and <c>/</c>.</summary>
    public static string Append(string pointer, string token)
    {
        if (token.AsSpan().IndexOfAny('~', '/') < 0) return string.Concat(pointer, "/", token);
        return string.Concat(pointer, "/", token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));
    }

    /// <summary>Appends an array index.</summary>
    public static string Append(string pointer, int index) =>
        string.Concat(pointer, "/", index.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The parent of <paramref name="pointer"/>; the root's parent is the root.</summary>
    public static string Parent(string pointer)
    {
        var slash = pointer.LastIndexOf('/');
        return slash <= 0 ? string.Empty : pointer[..slash];
    }

    /// <summary>The unescaped tokens of <paramref name="pointer"/>.</summary>
    public static IReadOnlyList<string> Tokens(string pointer)
    {
        if (pointer.Length == 0) return [];
        var parts = pointer[1..].Split('/');
        for (var i = 0; i < parts.Length; i++)
            parts[i] = parts[i].Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
        return parts;
    }

    /// <summary>Whether <paramref name="pointer"/> equals <paramref name="ancestor"/> or lies below it.</summary>
    public static bool IsAtOrBelow(string pointer, string ancestor) =>
        ancestor.Length == 0 ||
        (pointer.StartsWith(ancestor, StringComparison.Ordinal) && (pointer.Length == ancestor.Length || pointer[ancestor.Length] == '/'));

    /// <summary>Builds a pointer from tokens.</summary>
    public static string FromTokens(IEnumerable<string> tokens)
    {
        var builder = new StringBuilder();
        foreach (var token in tokens) builder.Append(Append(string.Empty, token));
        return builder.ToString();
    }
}
