using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>What the post-mortem rules (GOV701–GOV707) share: blank entries and how items read in messages.</summary>
internal static class PostMortemRuleFacts
{
    /// <summary>An action item equal to this one has every field absent: an empty object, blank (SPEC §H), so not an item.</summary>
    private static readonly ActionItem BlankAction = new();

    /// <summary>A timeline event equal to this one has every field absent: an empty object, blank (SPEC §H).</summary>
    private static readonly TimelineEvent BlankEvent = new();

    /// <summary>Whether <paramref name="item"/> is <see langword="null"/> or an empty object, so not an action item.</summary>
    public static bool IsBlankAction(this ActionItem? item) => item is null || item == BlankAction;

    /// <summary>Whether the post-mortem's <c>actionItems</c> hold no item (absent, empty, or only null or empty entries).</summary>
    public static bool HasNoActions(this PostMortemSpec spec) =>
        spec.ActionItems is null || spec.ActionItems.All(IsBlankAction);

    /// <summary>Whether the post-mortem's <c>timeline</c> holds no event (absent, empty, or only null or empty entries).</summary>
    public static bool HasNoTimeline(this PostMortemSpec spec) =>
        spec.Timeline is null || spec.Timeline.All(e => e is null || e == BlankEvent);

    /// <summary>An action item in messages: <c>'ai-1'</c>, or <c>at index 3</c> when it has no id.</summary>
    public static string Describe(ActionItem item, int index) => RuleFacts.Describe(item.Id, null, index);

    /// <summary>An action item status as written in documents (<c>open</c>, <c>inProgress</c>…).</summary>
    public static string Name(ActionItemStatus status) => status.DocumentName();

    /// <summary>A post-mortem status as written in documents (<c>reviewed</c>, <c>closed</c>…).</summary>
    public static string Name(PostMortemStatus status) => status.DocumentName();
}
