using System.Globalization;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>The shared vocabulary of the rules (SPEC §G.2 and §H), so every rule reads "blank", "stale" and "active" alike.</summary>
internal static class RuleFacts
{
    /// <summary>Blank: absent, or an empty or whitespace-only string.</summary>
    public static bool IsBlank(this string? value) => string.IsNullOrWhiteSpace(value);

    /// <summary>Blank: absent or empty, or holding only blank strings.</summary>
    public static bool IsBlank(this IReadOnlyList<string>? values) => values is null || values.All(string.IsNullOrWhiteSpace);

    /// <summary>Blank list: absent or empty (null entries ignored).</summary>
    public static bool IsBlankList<T>(this IReadOnlyList<T>? values)
        where T : class => values is null || values.All(v => v is null);

    /// <summary>The non-null entries of a list with their original indexes (pointers keep their meaning).</summary>
    public static IEnumerable<T> Present<T>(this IReadOnlyList<T>? values)
        where T : class => values is null ? [] : values.Where(v => v is not null);

    /// <summary>Whole days from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static int DaysBetween(DateOnly from, DateOnly to) => to.DayNumber - from.DayNumber;

    /// <summary>Stale when today − date &gt; N days (SPEC §H Time).</summary>
    public static bool IsStale(DateOnly date, DateOnly today, int days) => DaysBetween(date, today) > days;

    /// <summary>Within a window when today − date ≤ N days (SPEC §H Time); a future date is within.</summary>
    public static bool IsWithin(DateOnly date, DateOnly today, int days) => DaysBetween(date, today) <= days;

    /// <summary>Past due when the date is before today; a date equal to today is not past due.</summary>
    public static bool IsPastDue(DateOnly date, DateOnly today) => date < today;

    /// <summary>Active project: status ∈ {notStarted, inProgress, onHold}.</summary>
    public static bool IsActive(this ProjectStatus? status) =>
        status is ProjectStatus.NotStarted or ProjectStatus.InProgress or ProjectStatus.OnHold;

    /// <summary>The risk type, threat when absent (SPEC §H GOV403).</summary>
    public static RiskType EffectiveType(this Risk risk) => risk.Type ?? RiskType.Threat;

    /// <summary>An enum value as documents write it (<c>inProgress</c>, <c>P0</c>), the same name the loader reads.</summary>
    public static string DocumentName<TEnum>(this TEnum value)
        where TEnum : struct, Enum => Loading.EnumNames.Of(value);

    /// <summary>A date as documents and messages write it: <c>yyyy-MM-dd</c>, in the invariant culture.</summary>
    public static string DateText(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A short label for an item in messages: its id, else its title or name, else its position.</summary>
    public static string Label(string? id, string? title, int index) =>
        !id.IsBlank() ? id! : !title.IsBlank() ? title! : $"#{index + 1}";
}
