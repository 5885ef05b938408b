using System.Collections;
using System.Globalization;
using Governance.Rules.Loading;

namespace Governance.Rules.RulePacks;

/// <summary>
/// A path through the typed records of an artifact, checked against the model when the pack loads: a selector
/// (<c>/spec/items/*</c>, a JSON pointer whose tokens may be <c>*</c> for every element of a list) or a field below a
/// selected object (<c>userStory/asA</c>). At run time it yields every value it reaches with its JSON pointer; a named
/// field that is absent is yielded as <see langword="null"/> (so <c>required</c> can report it), a list that is absent
/// yields nothing.
/// </summary>
internal sealed class ValuePath
{
    private const string Wildcard = "*";
    private readonly string[] tokens;
    private readonly bool[] wildcardAfter; // whether a '*' follows token i: an absent value there has nothing to enumerate

    private ValuePath(string[] tokens, FieldType type)
    {
        this.tokens = tokens;
        wildcardAfter = [.. tokens.Select((_, i) => tokens.Skip(i + 1).Contains(Wildcard))];
        Type = type;
    }

    /// <summary>The static type of the values the path reaches.</summary>
    public FieldType Type { get; }

    /// <summary>The path's last field name (<c>owner</c>), or <see langword="null"/> for the start itself.</summary>
    public string? LastName => tokens.LastOrDefault(t => t != Wildcard && !IsIndex(t));

    /// <summary>Parses and type-checks <paramref name="tokens"/> from <paramref name="start"/>; the error says what is wrong and where.</summary>
    public static ValuePath? Parse(IReadOnlyList<string> tokens, FieldType start, bool allowWildcards, string shownPath, out string? error)
    {
        var type = start;
        var walked = new List<string>();
        foreach (var token in tokens)
        {
            var here = walked.Count == 0 ? "the start" : (shownPath.StartsWith('/') ? "/" : string.Empty) + string.Join('/', walked);
            if (token.Length == 0)
            {
                error = $"'{shownPath}' has an empty segment";
                return null;
            }

            if (type.Shape == ValueShape.List)
            {
                if (token == Wildcard && !allowWildcards)
                {
                    error = $"'{shownPath}' may not use '*': a field names one value below the selected object; put the '*' in the selector";
                    return null;
                }

                if (token != Wildcard && !IsIndex(token))
                {
                    error = $"In '{shownPath}', '{here}' is a list: follow it with '*' (every element) or an index, not '{token}'";
                    return null;
                }

                type = type.Element!;
            }
            else if (type.Shape == ValueShape.Record)
            {
                var fields = type.Fields;
                if (!fields.TryGetValue(token, out var property) || FieldType.Of(property.PropertyType) is not { } next)
                {
                    var suggestion = Text.Suggestions.Closest(token, fields.Keys);
                    error = token == Wildcard
                        ? $"In '{shownPath}', '*' follows '{here}', which is an object, not a list; name one of its fields: {string.Join(", ", fields.Keys)}"
                        : $"Unknown field '{token}' in '{shownPath}'" + (suggestion is null
                            ? $"; the fields of {type.ClrType.Name} are {string.Join(", ", fields.Keys)}"
                            : $" (did you mean '{suggestion}'?)");
                    return null;
                }

                type = next;
            }
            else
            {
                error = $"In '{shownPath}', '{here}' is {type.Describe()}, which has no field '{token}'";
                return null;
            }

            walked.Add(token);
        }

        error = null;
        return new ValuePath([.. tokens], type);
    }

    /// <summary>Every value the path reaches from <paramref name="start"/> (at <paramref name="pointer"/>), with its pointer.</summary>
    public IEnumerable<(string Pointer, object? Value)> Select(object? start, string pointer) => Select(start, pointer, 0);

    /// <summary>The single value a path without wildcards reaches.</summary>
    public (string Pointer, object? Value) Resolve(object? start, string pointer)
    {
        var value = start;
        foreach (var token in tokens)
        {
            value = Step(value, token);
            pointer = JsonPointer.Append(pointer, token);
        }

        return (pointer, value);
    }

    private IEnumerable<(string Pointer, object? Value)> Select(object? value, string pointer, int index)
    {
        if (index == tokens.Length)
        {
            yield return (pointer, value);
            yield break;
        }

        var token = tokens[index];
        if (token == Wildcard)
        {
            if (value is not IList list) yield break;
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] is null) continue; // an entry made absent by GOV002
                foreach (var found in Select(list[i], JsonPointer.Append(pointer, i), index + 1)) yield return found;
            }

            yield break;
        }

        var next = Step(value, token);
        if (next is null && wildcardAfter[index]) yield break;
        foreach (var found in Select(next, JsonPointer.Append(pointer, token), index + 1)) yield return found;
    }

    private static object? Step(object? value, string token) => value switch
    {
        null => null,
        IList list => int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < list.Count ? list[i] : null,
        _ => Values.Field(value, token),
    };

    private static bool IsIndex(string token) => token.Length > 0 && token.All(char.IsAsciiDigit);
}
