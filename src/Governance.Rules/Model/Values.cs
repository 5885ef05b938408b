using System.ComponentModel.DataAnnotations;

namespace Governance.Rules.Model;

// The shared value types of SPEC §G.1. Every content field is optional at the shape level: an absent or blank
// value is judged by the rules, never by the schema (SPEC §A).

/// <summary>A person that artifacts refer to by <see cref="Id"/>.</summary>
public sealed record Person
{
    /// <summary>The person id that references use.</summary>
    public string? Id { get; init; }
    /// <summary>Display name.</summary>
    public string? Name { get; init; }
    /// <summary>E-mail address.</summary>
    public string? Email { get; init; }
    /// <summary>Team name.</summary>
    public string? Team { get; init; }
}

/// <summary>An inclusive date range.</summary>
public sealed record DateRange
{
    /// <summary>First day of the range.</summary>
    public DateOnly? Start { get; init; }
    /// <summary>Last day of the range (not before <see cref="Start"/>).</summary>
    public DateOnly? End { get; init; }
}

/// <summary>An amount of money in one currency; amounts in different currencies are never converted.</summary>
public sealed record Money
{
    /// <summary>The amount.</summary>
    public decimal? Amount { get; init; }
    /// <summary>ISO-4217 currency code.</summary>
    public string? Currency { get; init; }
}

/// <summary>A measurable success metric or key result.</summary>
public record SuccessMetric
{
    /// <summary>Metric id.</summary>
    public string? Id { get; init; }
    /// <summary>Name.</summary>
    public string? Name { get; init; }
    /// <summary>Category.</summary>
    public MetricCategory? Category { get; init; }
    /// <summary>Unit of measure.</summary>
    public string? Unit { get; init; }
    /// <summary>Value when the work started.</summary>
    public decimal? Baseline { get; init; }
    /// <summary>Value to reach.</summary>
    public decimal? Target { get; init; }
    /// <summary>Which way the metric should move; absent means increase.</summary>
    public MetricDirection? Direction { get; init; }
    /// <summary>Latest measured value.</summary>
    public decimal? Current { get; init; }
    /// <summary>When <see cref="Current"/> was measured.</summary>
    public DateOnly? MeasuredAt { get; init; }
    /// <summary>Where the numbers come from.</summary>
    public string? DataSource { get; init; }
    /// <summary>When the target should be reached.</summary>
    public DateOnly? Due { get; init; }
    /// <summary>Person responsible for the metric.</summary>
    public string? Owner { get; init; }
}

/// <summary>An objective with key results (OKR).</summary>
public sealed record Objective
{
    /// <summary>Objective id.</summary>
    public string? Id { get; init; }
    /// <summary>What the objective is.</summary>
    public string? Statement { get; init; }
    /// <summary>Key results measuring the objective.</summary>
    public IReadOnlyList<SuccessMetric> KeyResults { get; init => field = value ?? []; } = [];
    /// <summary>The period the objective covers.</summary>
    public DateRange? Period { get; init; }
    /// <summary>Person responsible.</summary>
    public string? Owner { get; init; }
}

/// <summary>A schedule milestone.</summary>
public sealed record Milestone
{
    /// <summary>Milestone id.</summary>
    public string? Id { get; init; }
    /// <summary>Name.</summary>
    public string? Name { get; init; }
    /// <summary>Date in the approved schedule baseline.</summary>
    public DateOnly? BaselineDate { get; init; }
    /// <summary>Current forecast.</summary>
    public DateOnly? ForecastDate { get; init; }
    /// <summary>When it was actually reached.</summary>
    public DateOnly? ActualDate { get; init; }
    /// <summary>Status.</summary>
    public MilestoneStatus? Status { get; init; }
}

/// <summary>An entry of a risk register (PMI).</summary>
public sealed record Risk
{
    /// <summary>Risk id.</summary>
    public string? Id { get; init; }
    /// <summary>Title.</summary>
    public string? Title { get; init; }
    /// <summary>Threat or opportunity; absent means threat.</summary>
    public RiskType? Type { get; init; }
    /// <summary>Free-form category.</summary>
    public string? Category { get; init; }
    /// <summary>Probability, 1 to 5.</summary>
    [Range(1, 5)]
    public int? Probability { get; init; }
    /// <summary>Impact, 1 to 5.</summary>
    [Range(1, 5)]
    public int? Impact { get; init; }
    /// <summary>Person who owns the risk.</summary>
    public string? Owner { get; init; }
    /// <summary>Chosen response strategy.</summary>
    public RiskResponse? Response { get; init; }
    /// <summary>How the response is carried out.</summary>
    public string? ResponsePlan { get; init; }
    /// <summary>What signals the risk is occurring.</summary>
    public string? Trigger { get; init; }
    /// <summary>Status.</summary>
    public RiskStatus? Status { get; init; }
    /// <summary>When the risk was raised.</summary>
    public DateOnly? RaisedOn { get; init; }
    /// <summary>When it was last reviewed.</summary>
    public DateOnly? LastReviewed { get; init; }
    /// <summary>When it is next to be reviewed.</summary>
    public DateOnly? NextReview { get; init; }
    /// <summary>Money set aside for it.</summary>
    public Money? Contingency { get; init; }
}

/// <summary>A stakeholder of a project.</summary>
public sealed record Stakeholder
{
    /// <summary>Person id, when the stakeholder is a known person.</summary>
    public string? PersonId { get; init; }
    /// <summary>Name, when the stakeholder is not a known person.</summary>
    public string? Name { get; init; }
    /// <summary>Role.</summary>
    public StakeholderRole? Role { get; init; }
    /// <summary>Interest in the project.</summary>
    public Level? Interest { get; init; }
    /// <summary>Influence over the project.</summary>
    public Level? Influence { get; init; }
    /// <summary>What the stakeholder expects.</summary>
    public string? Expectations { get; init; }
}

/// <summary>One deliverable's RACI assignment.</summary>
public sealed record RaciEntry
{
    /// <summary>The deliverable.</summary>
    public string? Deliverable { get; init; }
    /// <summary>People doing the work.</summary>
    public IReadOnlyList<string> Responsible { get; init => field = value ?? []; } = [];
    /// <summary>The one person accountable.</summary>
    public IReadOnlyList<string> Accountable { get; init => field = value ?? []; } = [];
    /// <summary>People consulted.</summary>
    public IReadOnlyList<string> Consulted { get; init => field = value ?? []; } = [];
    /// <summary>People informed.</summary>
    public IReadOnlyList<string> Informed { get; init => field = value ?? []; } = [];
}

/// <summary>An entry of a communication plan.</summary>
public sealed record CommunicationEntry
{
    /// <summary>Who receives it.</summary>
    public IReadOnlyList<string> Audience { get; init => field = value ?? []; } = [];
    /// <summary>What is communicated.</summary>
    public string? Information { get; init; }
    /// <summary>Channel.</summary>
    public CommunicationChannel? Channel { get; init; }
    /// <summary>Frequency.</summary>
    public CommunicationFrequency? Frequency { get; init; }
    /// <summary>Person who sends it.</summary>
    public string? Owner { get; init; }
    /// <summary>How issues are escalated.</summary>
    public string? Escalation { get; init; }
}

/// <summary>A person's allocation to a project.</summary>
public sealed record ResourceAllocation
{
    /// <summary>The person allocated.</summary>
    public string? PersonId { get; init; }
    /// <summary>Their role.</summary>
    public string? Role { get; init; }
    /// <summary>Share of their time, in percent.</summary>
    public decimal? AllocationPct { get; init; }
    /// <summary>When the allocation applies.</summary>
    public DateRange? Period { get; init; }
    /// <summary>Cost rate.</summary>
    public Money? Rate { get; init; }
}

/// <summary>An action item (recovery action or post-mortem follow-up).</summary>
public sealed record ActionItem
{
    /// <summary>Action id.</summary>
    public string? Id { get; init; }
    /// <summary>What is to be done.</summary>
    public string? Description { get; init; }
    /// <summary>Person who does it.</summary>
    public string? Owner { get; init; }
    /// <summary>When it is due.</summary>
    public DateOnly? Due { get; init; }
    /// <summary>Type.</summary>
    public ActionItemType? Type { get; init; }
    /// <summary>Priority.</summary>
    public ActionItemPriority? Priority { get; init; }
    /// <summary>Status.</summary>
    public ActionItemStatus? Status { get; init; }
    /// <summary>Reference in an issue tracker.</summary>
    public string? TrackerRef { get; init; }
}
