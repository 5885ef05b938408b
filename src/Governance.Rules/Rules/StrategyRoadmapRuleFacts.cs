using System.Globalization;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>
/// What the strategy (GOV1xx) and roadmap (GOV2xx) rules share: which entries are blank, how items are named in
/// messages, and how day counts read.
/// </summary>
internal static class StrategyRoadmapRuleFacts
{
    // Records equal to these have every field absent: empty objects, blank (SPEC §H), so not entries at all.
    private static readonly Objective BlankObjective = new();
    private static readonly SuccessMetric BlankMetric = new();
    private static readonly CustomerNeed BlankNeed = new();
    private static readonly RoadmapItem BlankItem = new();

    /// <summary>A real objective: not <see langword="null"/> and not an empty object.</summary>
    public static bool IsEntry(this Objective? objective) => objective is not null && objective != BlankObjective;

    /// <summary>A real key result or metric: not <see langword="null"/> and not an empty object.</summary>
    public static bool IsEntry(this SuccessMetric? metric) => metric is not null && metric != BlankMetric;

    /// <summary>A real customer need: not <see langword="null"/> and not an empty object.</summary>
    public static bool IsEntry(this CustomerNeed? need) => need is not null && need != BlankNeed;

    /// <summary>A real roadmap item: not <see langword="null"/> and not an empty object.</summary>
    public static bool IsEntry(this RoadmapItem? item) => item is not null && item != BlankItem;

    /// <summary>A roadmap item as messages name it, trimmed: see <see cref="RuleFacts.DescribeTrimmed"/>.</summary>
    public static string Describe(this RoadmapItem item, int index) => RuleFacts.DescribeTrimmed(item.Id, item.Title, index);

    /// <summary>An objective as messages name it: <c>'obj-1'</c>, or <c>at index 2</c> (its statement is too long to quote).</summary>
    public static string Describe(this Objective objective, int index) => RuleFacts.DescribeTrimmed(objective.Id, null, index);

    /// <summary><c>1 day</c>, <c>17 days</c>.</summary>
    public static string Days(int days) =>
        days.ToString(CultureInfo.InvariantCulture) + (days is 1 or -1 ? " day" : " days");

    /// <summary>An enum value as documents write it, in camelCase: <c>inProgress</c>.</summary>
    public static string Name<TEnum>(this TEnum value)
        where TEnum : struct, Enum => value.DocumentName();

    /// <summary>
    /// The end of a date range, or <see langword="null"/> when the range counts as absent: no end, or an end before its
    /// start (SPEC §G.1 DateRange: GOV002 at <c>…/end</c> when loaded, and never used by the rules).
    /// </summary>
    public static DateOnly? UsableEnd(this DateRange? range) =>
        range?.End is { } end && !(range.Start is { } start && end < start) ? end : null;

    /// <summary>"today − date" in whole days, as the clock rules compute it (SPEC §H Time).</summary>
    public static int DaysSince(this DateOnly date, DateOnly today) => RuleFacts.DaysBetween(date, today);
}
