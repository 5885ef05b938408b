using System.Globalization;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>
/// The shared vocabulary of the rules (SPEC §G.2 and §H), so every rule reads "blank", "stale" and "active" alike, and
/// writes dates and the names of list entries alike in its messages.
/// </summary>
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

    /// <summary>A list as messages write it: <c>a</c>, <c>a and b</c>, <c>a, b and c</c>.</summary>
    public static string JoinAnd(IReadOnlyList<string> parts) => parts.Count switch
    {
        0 => string.Empty,
        1 => parts[0],
        _ => string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1],
    };

    /// <summary>A date as documents and messages write it: <c>yyyy-MM-dd</c>, in the invariant culture.</summary>
    public static string DateText(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// An entry of a list as messages name it: <c>'ri-1' (Title)</c>, <c>'ri-1'</c>, <c>(Title)</c>, or <c>at index 3</c>
    /// (0-based, like its JSON pointer) when it has neither id nor title. The id and title read as written, untrimmed.
    /// </summary>
    public static string Describe(string? id, string? title, int index) =>
        NameAndDetail(id, title) ?? "at index " + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// <see cref="Describe"/> with the id and title trimmed first (the strategy and roadmap rules): <c>' ri-1 '</c> reads
    /// <c>'ri-1'</c>, where <see cref="Describe"/> writes <c>' ri-1 '</c>.
    /// </summary>
    public static string DescribeTrimmed(string? id, string? title, int index) =>
        Describe(id?.Trim(), title?.Trim(), index);

    /// <summary>
    /// <see cref="Describe"/>, except that a title without an id is quoted like an id (the plan rules): <c>'Title'</c>,
    /// where <see cref="Describe"/> writes <c>(Title)</c>.
    /// </summary>
    public static string DescribeQuotingLoneTitle(string? id, string? title, int index) =>
        id.IsBlank() && !title.IsBlank() ? $"'{title}'" : Describe(id, title, index);

    /// <summary>
    /// What every way of naming an entry shares: <c>'name' (detail)</c>, <c>'name'</c>, <c>(detail)</c>, or
    /// <see langword="null"/> when both are blank, for the caller to say what names the entry then.
    /// </summary>
    public static string? NameAndDetail(string? name, string? detail) => (name.IsBlank(), detail.IsBlank()) switch
    {
        (false, false) => $"'{name}' ({detail})",
        (false, true) => $"'{name}'",
        (true, false) => $"({detail})",
        _ => null,
    };

    /// <summary>A short label for an item in messages: its id, else its title or name, else its position.</summary>
    public static string Label(string? id, string? title, int index) =>
        !id.IsBlank() ? id! : !title.IsBlank() ? title! : $"#{index + 1}";
}
