using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Governance.Rules.Loading;

/// <summary>One GOV002 problem: where, what, and whether it is only an unknown property name (a warning).</summary>
internal sealed record SchemaProblem(string Pointer, string Message, bool IsUnknownProperty, ValidationErrorKind Kind);

/// <summary>Checks a document's shape against its kind's schema and turns NJsonSchema's errors into pointers and plain messages.</summary>
internal static class SchemaValidation
{
    /// <summary>Validates <paramref name="root"/>; <paramref name="valuesIgnored"/> says so in each message (artifacts read on without the bad value).</summary>
    public static List<SchemaProblem> Validate(JsonSchema schema, JsonObject root, bool valuesIgnored = true)
    {
        var token = Newtonsoft.Json.Linq.JToken.Parse(root.ToJsonString());
        var problems = new List<SchemaProblem>();
        var seen = new HashSet<(string, ValidationErrorKind)>();
        foreach (var error in schema.Validate(token))
        {
            foreach (var leaf in Flatten(error))
            {
                var pointer = ToPointer(leaf);
                if (!seen.Add((pointer, leaf.Kind))) continue;
                // null counts as absent (SPEC §H), also as a list entry, where removing it would shift the indexes.
                if (leaf.Kind != ValidationErrorKind.NoAdditionalPropertiesAllowed && pointer.Length > 0 && Find(root, pointer) is null && Exists(root, pointer)) continue;
                problems.Add(Describe(leaf, pointer, root, valuesIgnored));
            }
        }

        return problems;
    }

    private static IEnumerable<ValidationError> Flatten(ValidationError error)
    {
        IEnumerable<ValidationError> children = error switch
        {
            ChildSchemaValidationError child => child.Errors.SelectMany(pair => pair.Value),
            MultiTypeValidationError multi => multi.Errors.Where(pair => pair.Key != JsonObjectType.Null).SelectMany(pair => pair.Value),
            _ => [],
        };
        var useful = children.Where(c => c.Kind != ValidationErrorKind.NullExpected).ToList();
        if (useful.Count == 0)
        {
            if (error.Kind != ValidationErrorKind.NullExpected) yield return error;
            yield break;
        }

        foreach (var child in useful)
        {
            foreach (var leaf in Flatten(child)) yield return leaf;
        }
    }

    /// <summary>Converts an NJsonSchema path (<c>#/spec.items[0].priority</c>) into a JSON pointer.</summary>
    internal static string ToPointer(ValidationError error)
    {
        var path = error.Path ?? "#";
        if (path.StartsWith('#')) path = path[1..];
        if (path.StartsWith('/')) path = path[1..];
        if (error.Kind == ValidationErrorKind.NoAdditionalPropertiesAllowed && error.Property is { } name)
        {
            // The last segment is the unknown name itself, which may contain '.' or '['.
            var parent = path.Length >= name.Length && path.EndsWith(name, StringComparison.Ordinal) ? path[..^name.Length].TrimEnd('.') : path;
            return JsonPointer.Append(PathToPointer(parent), name);
        }

        return PathToPointer(path);
    }

    private static string PathToPointer(string path)
    {
        var pointer = new StringBuilder();
        var token = new StringBuilder();
        void Flush()
        {
            if (token.Length > 0) pointer.Append(JsonPointer.Append(string.Empty, token.ToString()));
            token.Clear();
        }

        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            if (c == '.') Flush();
            else if (c == '[' && path.IndexOf(']', i) is var close and > 0 && int.TryParse(path.AsSpan(i + 1, close - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                Flush();
                pointer.Append(JsonPointer.Append(string.Empty, index));
                i = close;
            }
            else token.Append(c);
        }

        Flush();
        return pointer.ToString();
    }

    private static SchemaProblem Describe(ValidationError error, string pointer, JsonObject root, bool valueIgnored)
    {
        var value = Find(root, pointer);
        var shown = Show(value);
        var field = JsonPointer.Tokens(pointer) is { Count: > 0 } tokens ? tokens[^1] : "document";
        string message = error.Kind switch
        {
            ValidationErrorKind.NoAdditionalPropertiesAllowed => UnknownProperty(error, field),
            ValidationErrorKind.StringExpected => $"'{field}' must be a string, not {shown}",
            ValidationErrorKind.IntegerExpected => $"'{field}' must be a whole number, not {shown}",
            ValidationErrorKind.NumberExpected => $"'{field}' must be a number, not {shown}",
            ValidationErrorKind.BooleanExpected => $"'{field}' must be true or false, not {shown}",
            ValidationErrorKind.ObjectExpected => $"'{field}' must be an object, not {shown}",
            ValidationErrorKind.ArrayExpected => $"'{field}' must be a list, not {shown}",
            ValidationErrorKind.DateExpected => $"'{field}' must be a date (YYYY-MM-DD), not {shown}",
            ValidationErrorKind.DateTimeExpected => $"'{field}' must be a date and time (ISO 8601 with offset), not {shown}",
            ValidationErrorKind.NotInEnumeration => $"'{field}' must be one of {string.Join(", ", Allowed(error))}, not {shown}",
            ValidationErrorKind.NumberTooBig => $"'{field}' must be at most {Format(error.Schema?.Maximum)}, not {shown}",
            ValidationErrorKind.NumberTooSmall => $"'{field}' must be at least {Format(error.Schema?.Minimum)}, not {shown}",
            ValidationErrorKind.PropertyRequired => $"'{error.Property ?? field}' is required",
            ValidationErrorKind.PatternMismatch => $"'{field}' must match {error.Schema?.Pattern}, not {shown}",
            ValidationErrorKind.TooFewItems => $"'{field}' must hold at least {error.Schema?.MinItems} item(s)",
            ValidationErrorKind.TooFewProperties => $"'{field}' must hold at least {error.Schema?.MinProperties} key(s)",
            _ => $"'{field}' is not valid ({error.Kind}): {shown}",
        };
        if (valueIgnored && error.Kind != ValidationErrorKind.NoAdditionalPropertiesAllowed) message += "; the value is ignored";
        return new SchemaProblem(pointer, message, error.Kind == ValidationErrorKind.NoAdditionalPropertiesAllowed, error.Kind);
    }

    private static string UnknownProperty(ValidationError error, string name)
    {
        var known = error.Schema?.ActualSchema.ActualProperties.Keys ?? [];
        var suggestion = Text.Suggestions.Closest(name, known);
        return suggestion is null
            ? $"Unknown property '{name}'"
            : $"Unknown property '{name}' (did you mean '{suggestion}'?)";
    }

    private static IEnumerable<string> Allowed(ValidationError error) =>
        (error.Schema?.ActualSchema.Enumeration ?? []).Where(v => v is not null).Select(v => v!.ToString()!);

    private static string Format(decimal? number) => number?.ToString(CultureInfo.InvariantCulture) ?? "?";

    /// <summary>Removes the positions of a node made absent and of everything below it, so locations fall back to its holder.</summary>
    internal static void ForgetPositions(Dictionary<string, SourcePosition> positions, string pointer)
    {
        positions.Remove(pointer);
        var prefix = pointer + "/";
        foreach (var key in positions.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToList()) positions.Remove(key);
    }

    internal static string Show(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "a list",
        JsonValue v when v.TryGetValue<string>(out var s) => "'" + (s.Length > 60 ? s[..57] + "..." : s) + "'",
        _ => value.ToJsonString(),
    };

    internal static JsonNode? Find(JsonNode? root, string pointer)
    {
        var node = root;
        foreach (var token in JsonPointer.Tokens(pointer))
        {
            node = node switch
            {
                JsonObject obj => obj.TryGetPropertyValue(token, out var child) ? child : null,
                JsonArray array => int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < array.Count ? array[i] : null,
                _ => null,
            };
            if (node is null) return null;
        }

        return node;
    }

    private static bool Exists(JsonNode root, string pointer) => Find(root, JsonPointer.Parent(pointer)) switch
    {
        JsonObject obj => obj.ContainsKey(JsonPointer.Tokens(pointer)[^1]),
        JsonArray array => int.TryParse(JsonPointer.Tokens(pointer)[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < array.Count,
        _ => false,
    };

    /// <summary>Makes the value at <paramref name="pointer"/> absent: removed from an object, null in a list (so indexes keep their meaning).</summary>
    internal static void MakeAbsent(JsonNode root, string pointer, Dictionary<string, SourcePosition> positions)
    {
        if (pointer.Length == 0) return;
        ForgetPositions(positions, pointer);
        var parent = Find(root, JsonPointer.Parent(pointer));
        var name = JsonPointer.Tokens(pointer)[^1];
        switch (parent)
        {
            case JsonObject obj:
                obj.Remove(name);
                break;
            case JsonArray array when int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < array.Count:
                array[i] = null; // an absent entry: rules skip null entries, and the other entries keep their indexes
                break;
        }
    }
}
