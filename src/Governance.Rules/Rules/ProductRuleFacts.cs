using System.Globalization;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>
/// Shared vocabulary of the backlog (GOV3xx) and analytics (GOV8xx) rules: how items and metrics are named in
/// messages, how enum values and numbers are written, and which entries are blank.
/// </summary>
internal static class ProductRuleFacts
{
    /// <summary>Records equal to these have every field absent: empty objects, blank (SPEC §H), so not an item or a metric.</summary>
    private static readonly BacklogItem BlankBacklogItem = new();
    private static readonly SuccessMetric BlankSuccessMetric = new();
    private static readonly AnalyticsMetric BlankAnalyticsMetric = new();

    /// <summary>Lifecycle stages of a launched product: launched, growth, mature (GOV801, GOV805).</summary>
    public static bool IsLaunched(this LifecycleStage? stage) =>
        stage is LifecycleStage.Launched or LifecycleStage.Growth or LifecycleStage.Mature;

    /// <summary>Whether a backlog item is a written item: not <see langword="null"/> and not an empty object.</summary>
    public static bool IsItem(this BacklogItem? item) => item is not null && item != BlankBacklogItem;

    /// <summary>Whether a metric is a written metric: not <see langword="null"/> and not an empty object.</summary>
    public static bool IsMetric(this SuccessMetric? metric) =>
        metric is not null && metric != BlankSuccessMetric && metric != BlankAnalyticsMetric;

    /// <summary>A backlog item named with its type: <c>Story 'bl-1' (Title)</c>, <c>Backlog item at index 2</c>.</summary>
    public static string DescribeItem(BacklogItem item, int index) =>
        TypeLabel(item.Type) + " " + RuleFacts.Describe(item.Id, item.Title, index);

    /// <summary>An artifact: <c>'product-checkout' (Checkout)</c>, <c>'product-checkout'</c>, <c>(Checkout)</c> or <c>without id</c>.</summary>
    public static string DescribeArtifact(Artifact artifact) => DescribeArtifact(artifact.Id, artifact.Metadata?.Title);

    /// <summary>
    /// <see cref="DescribeArtifact(Artifact)"/> from an artifact's id and title: like <see cref="RuleFacts.Describe"/>, but
    /// <c>without id</c> instead of an index when it has neither.
    /// </summary>
    public static string DescribeArtifact(string? id, string? title) => RuleFacts.NameAndDetail(id, title) ?? "without id";

    /// <summary>A metric: <c>'m-dau' (Daily active users)</c>.</summary>
    public static string DescribeMetric(SuccessMetric metric, int index) => RuleFacts.Describe(metric.Id, metric.Name, index);

    /// <summary><c>Story</c>, <c>Epic</c>, <c>Bug</c>, <c>Task</c>, <c>Spike</c>, or <c>Backlog item</c> without a type.</summary>
    public static string TypeLabel(BacklogItemType? type) => type switch
    {
        BacklogItemType.Epic => "Epic",
        BacklogItemType.Story => "Story",
        BacklogItemType.Bug => "Bug",
        BacklogItemType.Task => "Task",
        BacklogItemType.Spike => "Spike",
        _ => "Backlog item",
    };

    /// <summary>An enum value as written in documents: <c>inProgress</c>.</summary>
    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => value.DocumentName();

    /// <summary>Enum values as written in documents, distinct, comma-separated: <c>ready, inProgress, done</c>.</summary>
    public static string Names<TEnum>(IEnumerable<TEnum> values)
        where TEnum : struct, Enum => string.Join(", ", values.Distinct().Select(Name));

    /// <summary>A number without trailing zeros, invariant: <c>21</c>, <c>13.5</c>.</summary>
    public static string Number(decimal value) => value.ToString("G29", CultureInfo.InvariantCulture);

    /// <summary><c>1 day</c>, <c>31 days</c>.</summary>
    public static string Days(int days) =>
        days.ToString(CultureInfo.InvariantCulture) + (days == 1 ? " day" : " days");
}
