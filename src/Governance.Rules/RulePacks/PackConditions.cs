using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace Governance.Rules.RulePacks;

/// <summary>What a condition sees besides the value: the analysis date and the portfolio index.</summary>
internal readonly record struct CheckScope(DateOnly Today, PortfolioIndex Portfolio);

/// <summary>
/// One compiled condition of a pack rule. Only <c>required</c> and <c>nonEmpty</c> judge an absent value; every other
/// condition passes it (a rule that needs the value says <c>required: true</c> as well).
/// </summary>
internal abstract class PackCheck(string name)
{
    /// <summary>The condition's name, as written in the pack.</summary>
    public string Name { get; } = name;

    /// <summary>Whether the condition reads the analysis date.</summary>
    public virtual bool UsesClock => false;

    /// <summary>Whether <paramref name="value"/> satisfies the condition.</summary>
    /// <exception cref="RegexMatchTimeoutException">A pattern ran past its time limit.</exception>
    public abstract bool Passes(object? value, CheckScope scope);

    /// <summary>What the value should be, for <c>{expected}</c>: "must match ^st-".</summary>
    public abstract string Expected(CheckScope scope);
}

/// <summary><c>required</c>: the value is present (not absent, null, a blank string or an empty list).</summary>
internal sealed class RequiredCheck() : PackCheck("required")
{
    public override bool Passes(object? value, CheckScope scope) => Values.IsPresent(value);

    public override string Expected(CheckScope scope) => "is required";
}

/// <summary><c>nonEmpty</c>: the value is present and, for an object, holds at least one non-blank field.</summary>
internal sealed class NonEmptyCheck() : PackCheck("nonEmpty")
{
    public override bool Passes(object? value, CheckScope scope) => !Values.IsBlank(value);

    public override string Expected(CheckScope scope) => "must not be empty";
}

/// <summary><c>enum</c>: the value is one of a list (numbers compare as numbers, everything else as text).</summary>
internal sealed class EnumCheck(IReadOnlyList<string> allowed, bool numeric) : PackCheck("enum")
{
    private readonly HashSet<string> texts = new(allowed, StringComparer.Ordinal);
    private readonly HashSet<decimal> numbers = numeric ? [.. allowed.Select(a => decimal.Parse(a, CultureInfo.InvariantCulture))] : [];

    public override bool Passes(object? value, CheckScope scope) =>
        !Values.IsPresent(value) || (numeric ? Values.Number(value) is { } n && numbers.Contains(n) : texts.Contains(Values.Text(value)));

    public override string Expected(CheckScope scope) => "must be one of " + string.Join(", ", allowed);

    /// <summary>Whether <paramref name="value"/> is one of the values (for <c>where</c>).</summary>
    public bool Matches(object? value) => Values.IsPresent(value) && Passes(value, default);

    /// <summary>
    /// Reads allowed values written in a pack for a value of <paramref name="type"/>: names of its enum, numbers for a
    /// number, true/false for a boolean, text otherwise. Returns <see langword="null"/> and the problem when one does not fit.
    /// </summary>
    public static EnumCheck? Create(IEnumerable<object?> written, FieldType type, out string? problem)
    {
        var allowed = new List<string>();
        var names = type.Shape == ValueShape.Enum ? Loading.EnumNames.All(type.ClrType) : null;
        foreach (var item in written)
        {
            var element = item is JsonElement e ? e : JsonSerializer.SerializeToElement(item);
            string? text = element.ValueKind switch
            {
                JsonValueKind.String => element.GetString(),
                JsonValueKind.Number => element.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => null,
            };
            var fits = text is not null && type.Shape switch
            {
                ValueShape.Number => element.ValueKind == JsonValueKind.Number && element.TryGetDecimal(out _),
                ValueShape.Boolean => element.ValueKind is JsonValueKind.True or JsonValueKind.False,
                ValueShape.Enum => names!.Contains(text, StringComparer.Ordinal),
                _ => true,
            };
            if (!fits)
            {
                var suggestion = names is null || text is null ? null : Text.Suggestions.Closest(text, names);
                problem = $"{(text is null ? element.ValueKind.ToString().ToLowerInvariant() : $"'{text}'")} is not a possible value: the value is {type.Describe()}"
                    + (suggestion is null ? string.Empty : $" (did you mean '{suggestion}'?)");
                return null;
            }

            allowed.Add(text!);
        }

        problem = null;
        return new EnumCheck(allowed, type.Shape == ValueShape.Number);
    }
}

/// <summary><c>pattern</c>: the value's text matches a regular expression, with a time limit per match.</summary>
internal sealed class PatternCheck(Regex regex) : PackCheck("pattern")
{
    /// <summary>The longest one match may take; past it the value is not checked and GOV009 says so.</summary>
    public static TimeSpan MatchTimeout { get; } = TimeSpan.FromMilliseconds(100);

    public Regex Regex { get; } = regex;

    public override bool Passes(object? value, CheckScope scope) => !Values.IsPresent(value) || Regex.IsMatch(Values.Text(value));

    public override string Expected(CheckScope scope) => "must match " + Regex;
}

/// <summary><c>min</c> or <c>max</c>: a number's bound, inclusive.</summary>
internal sealed class BoundCheck(decimal bound, bool isMin) : PackCheck(isMin ? "min" : "max")
{
    public override bool Passes(object? value, CheckScope scope) =>
        Values.Number(value) is not { } number || (isMin ? number >= bound : number <= bound);

    public override string Expected(CheckScope scope) =>
        (isMin ? "must be at least " : "must be at most ") + bound.ToString(CultureInfo.InvariantCulture);
}

/// <summary><c>notBefore</c> or <c>notAfter</c>: a date's bound, inclusive; fixed or relative to the analysis date.</summary>
internal sealed class DateBoundCheck(DateOnly? fixedDate, int days, bool isLower) : PackCheck(isLower ? "notBefore" : "notAfter")
{
    public override bool UsesClock => fixedDate is null;

    public override bool Passes(object? value, CheckScope scope) =>
        Values.Date(value) is not { } date || (isLower ? date >= Bound(scope) : date <= Bound(scope));

    public override string Expected(CheckScope scope)
    {
        var bound = Bound(scope).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var relative = fixedDate is not null ? string.Empty
            : days == 0 ? " (today)"
            : string.Create(CultureInfo.InvariantCulture, $" (today {(days > 0 ? "+" : "-")} {Math.Abs(days)} days)");
        return (isLower ? "must be on or after " : "must be on or before ") + bound + relative;
    }

    private DateOnly Bound(CheckScope scope) => fixedDate ?? scope.Today.AddDays(days);

    /// <summary>Reads <c>today</c>, <c>today+N</c>, <c>today-N</c> or <c>YYYY-MM-DD</c> (the schema has checked the form).</summary>
    public static DateBoundCheck? Create(string text, bool isLower)
    {
        if (text.StartsWith("today", StringComparison.Ordinal))
        {
            var offset = text.Length == 5 ? 0 : int.Parse(text.AsSpan(5), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            return new DateBoundCheck(null, offset, isLower);
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? new DateBoundCheck(date, 0, isLower)
            : null;
    }
}

/// <summary>
/// <c>reference</c>: the value is the id of an artifact (of a kind, or <c>any</c>) in the portfolio, or of a person of
/// the Portfolio's <c>people</c>; without a Portfolio artifact person ids are free text (SPEC §A) and pass.
/// </summary>
internal sealed class ReferenceCheck(string target) : PackCheck("reference")
{
    public override bool Passes(object? value, CheckScope scope)
    {
        if (!Values.IsPresent(value)) return true;
        var id = Values.Text(value);
        if (target == RulePackSchema.Person) return !scope.Portfolio.HasPeopleRegistry || scope.Portfolio.TryGetPerson(id, out _);
        if (!scope.Portfolio.TryGetNode(id, out var node)) return false;
        return target == RulePackSchema.AnyArtifact || node.Kind.ToString() == target;
    }

    public override string Expected(CheckScope scope) => target switch
    {
        RulePackSchema.Person => "must be the id of a person in the Portfolio's people",
        RulePackSchema.AnyArtifact => "must be the id of an artifact",
        _ => $"must be the id of a {target}",
    };

    /// <summary>Whether a reference target is known (the schema has checked the name).</summary>
    public static bool IsKnown(string target) =>
        target is RulePackSchema.Person or RulePackSchema.AnyArtifact || ArtifactKinds.TryGet(target, out _, out _);
}
