using System.Text;

namespace Governance.Rules.RulePacks;

/// <summary>What a finding's message can name: the value checked, where it is, and what it should have been.</summary>
internal readonly record struct MessageValues(
    string Value, string Path, string Field, string Id, string ArtifactId, string Kind, string Rule, string Expected, string Today, object? Selected);

/// <summary>
/// A pack rule's message with placeholders, compiled when the pack loads: <c>{value}</c>, <c>{path}</c>, <c>{field}</c>,
/// <c>{id}</c>, <c>{artifactId}</c>, <c>{kind}</c>, <c>{rule}</c>, <c>{expected}</c>, <c>{today}</c> and
/// <c>{object.NAME}</c> (a field of the selected object, <c>{object.userStory.asA}</c>); <c>{{</c> and <c>}}</c> are
/// literal braces. An unknown placeholder is a pack error.
/// </summary>
internal sealed class MessageTemplate
{
    /// <summary>The placeholders besides <c>{object.NAME}</c>.</summary>
    public static readonly string[] Names = ["value", "path", "field", "id", "artifactId", "kind", "rule", "expected", "today"];

    private const string ObjectPrefix = "object.";
    private readonly List<Func<MessageValues, string>> parts;

    private MessageTemplate(List<Func<MessageValues, string>> parts) => this.parts = parts;

    /// <summary>Compiles <paramref name="text"/> for objects of <paramref name="selected"/>; <paramref name="problem"/> says what is wrong.</summary>
    public static MessageTemplate? Compile(string text, FieldType selected, out string? problem)
    {
        var parts = new List<Func<MessageValues, string>>();
        var literal = new StringBuilder();
        void Flush()
        {
            if (literal.Length == 0) return;
            var chunk = literal.ToString();
            parts.Add(_ => chunk);
            literal.Clear();
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((c == '{' || c == '}') && i + 1 < text.Length && text[i + 1] == c)
            {
                literal.Append(c);
                i++;
                continue;
            }

            if (c == '}')
            {
                problem = $"The message has a '}}' at position {i + 1} that closes nothing; write '}}}}' for a literal brace";
                return null;
            }

            if (c != '{')
            {
                literal.Append(c);
                continue;
            }

            var close = text.IndexOf('}', i + 1);
            if (close < 0)
            {
                problem = $"The message has a '{{' at position {i + 1} that is never closed; write '{{{{' for a literal brace";
                return null;
            }

            var name = text[(i + 1)..close].Trim();
            var part = Placeholder(name, selected, out problem);
            if (part is null) return null;
            Flush();
            parts.Add(part);
            i = close;
        }

        Flush();
        problem = null;
        return new MessageTemplate(parts);
    }

    /// <summary>The message for one finding.</summary>
    public string Render(MessageValues values)
    {
        var text = new StringBuilder();
        foreach (var part in parts) text.Append(part(values));
        return text.ToString();
    }

    private static Func<MessageValues, string>? Placeholder(string name, FieldType selected, out string? problem)
    {
        problem = null;
        switch (name)
        {
            case "value": return v => v.Value;
            case "path": return v => v.Path;
            case "field": return v => v.Field;
            case "id": return v => v.Id;
            case "artifactId": return v => v.ArtifactId;
            case "kind": return v => v.Kind;
            case "rule": return v => v.Rule;
            case "expected": return v => v.Expected;
            case "today": return v => v.Today;
        }

        if (name.StartsWith(ObjectPrefix, StringComparison.Ordinal))
        {
            var path = ValuePath.Parse(name[ObjectPrefix.Length..].Split('.'), selected, allowWildcards: false, name, out var error);
            if (path is null)
            {
                problem = $"Placeholder {{{name}}}: {error}";
                return null;
            }

            return v => Values.Text(path.Resolve(v.Selected, string.Empty).Value);
        }

        var suggestion = Text.Suggestions.Closest(name, Names);
        problem = $"Unknown placeholder {{{name}}} in the message" + (suggestion is null
            ? $"; use {string.Join(", ", Names.Select(n => "{" + n + "}"))} or {{object.FIELD}}"
            : $" (did you mean {{{suggestion}}}?)");
        return null;
    }
}
