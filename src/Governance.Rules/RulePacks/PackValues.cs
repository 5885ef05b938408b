using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using Governance.Rules.Engine;
using Governance.Rules.Loading;

namespace Governance.Rules.RulePacks;

/// <summary>What a value of the model is, as a pack sees it.</summary>
internal enum ValueShape { Text, Enum, Number, Date, DateTime, Boolean, List, Record }

/// <summary>The static type of a value: its shape, its CLR type and, for a list, its element's type.</summary>
internal sealed record FieldType(ValueShape Shape, Type ClrType, FieldType? Element = null)
{
    /// <summary>Whether the value is one scalar (not a list or an object).</summary>
    public bool IsScalar => Shape is not (ValueShape.List or ValueShape.Record);

    /// <summary>How the shape reads in a message: "a list", "a date".</summary>
    public string Describe() => Shape switch
    {
        ValueShape.Text => "a string",
        ValueShape.Enum => "one of " + string.Join(", ", EnumNames.All(ClrType)),
        ValueShape.Number => "a number",
        ValueShape.Date => "a date",
        ValueShape.DateTime => "a date and time",
        ValueShape.Boolean => "true or false",
        ValueShape.List => "a list",
        _ => "an object",
    };

    /// <summary>The type of values of <paramref name="type"/>; <see langword="null"/> for a type the model does not use.</summary>
    public static FieldType? Of(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return new(ValueShape.Text, type);
        if (type.IsEnum) return new(ValueShape.Enum, type);
        if (type == typeof(int) || type == typeof(long) || type == typeof(decimal) || type == typeof(double)) return new(ValueShape.Number, type);
        if (type == typeof(DateOnly)) return new(ValueShape.Date, type);
        if (type == typeof(DateTimeOffset) || type == typeof(DateTime)) return new(ValueShape.DateTime, type);
        if (type == typeof(bool)) return new(ValueShape.Boolean, type);
        var element = type.IsArray ? type.GetElementType()
            : type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) && type.GetGenericArguments() is [var single] ? single
            : null;
        if (element is not null) return Of(element) is { } elementType ? new(ValueShape.List, type, elementType) : null;
        return PointerIndex.IsRecord(type) ? new(ValueShape.Record, type) : null;
    }

    /// <summary>The fields of a record type by JSON name.</summary>
    public IReadOnlyDictionary<string, PropertyInfo> Fields => Values.FieldsOf(ClrType);
}

/// <summary>Reading model values the way documents write them.</summary>
internal static class Values
{
    private static readonly ConcurrentDictionary<Type, Dictionary<string, PropertyInfo>> FieldsByType = new();

    /// <summary>The serialized properties of a record type by JSON name (<c>acceptanceCriteria</c>).</summary>
    public static IReadOnlyDictionary<string, PropertyInfo> FieldsOf(Type type) => FieldsByType.GetOrAdd(type, static t =>
        PointerIndex.Slots(t).ToDictionary(s => s.JsonName, s => s.Property, StringComparer.Ordinal));

    /// <summary>The field <paramref name="name"/> of a record, or <see langword="null"/> when absent or not a field.</summary>
    public static object? Field(object? record, string name) =>
        record is not null && FieldsOf(record.GetType()).TryGetValue(name, out var property) ? property.GetValue(record) : null;

    /// <summary>
    /// Whether a value counts as present (SPEC §H): not null, a blank string or an empty list (the model reads an absent
    /// list as an empty one, so the two cannot be told apart). An object is present when it is written, even empty.
    /// </summary>
    public static bool IsPresent(object? value) => value switch
    {
        null => false,
        string text => !string.IsNullOrWhiteSpace(text),
        IList list => list.Count > 0,
        _ => true,
    };

    /// <summary>Whether a value is blank (SPEC §H): absent, a blank string, an empty list, or an object with no non-blank field.</summary>
    public static bool IsBlank(object? value) => value switch
    {
        null => true,
        string text => string.IsNullOrWhiteSpace(text),
        IList list => list.Count == 0,
        _ when PointerIndex.IsRecord(value.GetType()) => FieldsOf(value.GetType()).Values.All(p => IsBlank(p.GetValue(value))),
        _ => false,
    };

    /// <summary>A value as text, as a document writes it: enum names, <c>YYYY-MM-DD</c> dates, invariant numbers; a list joined by ", "; an object by its id.</summary>
    public static string Text(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        Enum member => EnumNames.Of(member),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset moment => moment.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        IList list => string.Join(", ", list.Cast<object?>().Where(IsPresent).Select(Text)),
        _ => Text(Field(value, "id")),
    };

    /// <summary>A number as a decimal, when it is one.</summary>
    public static decimal? Number(object? value) => value switch
    {
        int i => i,
        long l => l,
        decimal d => d,
        double r when double.IsFinite(r) && Math.Abs(r) < 7.9e28 => (decimal)r,
        _ => null,
    };

    /// <summary>A date, when the value is one (a date and time counts by its own calendar date).</summary>
    public static DateOnly? Date(object? value) => value switch
    {
        DateOnly date => date,
        DateTimeOffset moment => DateOnly.FromDateTime(moment.DateTime),
        DateTime moment => DateOnly.FromDateTime(moment),
        _ => null,
    };
}
