namespace Governance.Rules.Model;

/// <summary>A project.</summary>
public sealed record Project : Artifact
{
    /// <inheritdoc />
    public override ArtifactKind ArtifactKind => ArtifactKind.Project;
    /// <summary>The spec.</summary>
    public ProjectSpec Spec { get; init => field = value ?? new(); } = new();
}

/// <summary>The <c>spec</c> of a <see cref="Project"/>.</summary>
public sealed record ProjectSpec
{
    /// <summary>Sponsor.</summary>
    public string? Sponsor { get; init; }
    /// <summary>Project manager.</summary>
    public string? ProjectManager { get; init; }
    /// <summary>Product the project serves.</summary>
    public string? ProductId { get; init; }
    /// <summary>Roadmap items the project delivers.</summary>
    public IReadOnlyList<string> RoadmapItemIds { get; init => field = value ?? []; } = [];
    /// <summary>Phase.</summary>
    public ProjectPhase? Phase { get; init; }
    /// <summary>Status.</summary>
    public ProjectStatus? Status { get; init; }
    /// <summary>Planned start and end.</summary>
    public DateRange? Schedule { get; init; }
    /// <summary>When the project actually ended.</summary>
    public DateOnly? ActualEnd { get; init; }
    /// <summary>Its plan, when linked from the project.</summary>
    public string? PlanId { get; init; }
    /// <summary>Its handover, when linked from the project.</summary>
    public string? HandoverId { get; init; }
    /// <summary>Its post-mortems, when linked from the project.</summary>
    public IReadOnlyList<string> PostMortemIds { get; init => field = value ?? []; } = [];
}

/// <summary>A project plan: scope, schedule, budget, resources, stakeholders, risks and communication.</summary>
public sealed record ProjectPlan : Artifact
{
    /// <inheritdoc />
    public override ArtifactKind ArtifactKind => ArtifactKind.ProjectPlan;
    /// <summary>The spec.</summary>
    public ProjectPlanSpec Spec { get; init => field = value ?? new(); } = new();
}

/// <summary>The <c>spec</c> of a <see cref="ProjectPlan"/>.</summary>
public sealed record ProjectPlanSpec
{
    /// <summary>The project.</summary>
    public string? ProjectId { get; init; }
    /// <summary>Plan version.</summary>
    public string? Version { get; init; }
    /// <summary>Who approved the plan.</summary>
    public string? ApprovedBy { get; init; }
    /// <summary>When it was approved.</summary>
    public DateOnly? ApprovedOn { get; init; }
    /// <summary>Scope.</summary>
    public Scope? Scope { get; init; }
    /// <summary>Schedule baseline.</summary>
    public DateRange? Schedule { get; init; }
    /// <summary>Milestones.</summary>
    public IReadOnlyList<Milestone> Milestones { get; init => field = value ?? []; } = [];
    /// <summary>Budget.</summary>
    public Budget? Budget { get; init; }
    /// <summary>People allocated to the project.</summary>
    public IReadOnlyList<ResourceAllocation> Resources { get; init => field = value ?? []; } = [];
    /// <summary>Stakeholder register.</summary>
    public IReadOnlyList<Stakeholder> Stakeholders { get; init => field = value ?? []; } = [];
    /// <summary>RACI matrix.</summary>
    public IReadOnlyList<RaciEntry> Raci { get; init => field = value ?? []; } = [];
    /// <summary>Risk register.</summary>
    public IReadOnlyList<Risk> RiskRegister { get; init => field = value ?? []; } = [];
    /// <summary>Communication plan.</summary>
    public IReadOnlyList<CommunicationEntry> CommunicationPlan { get; init => field = value ?? []; } = [];
    /// <summary>Assumptions (RAID).</summary>
    public IReadOnlyList<Assumption> Assumptions { get; init => field = value ?? []; } = [];
    /// <summary>Constraints.</summary>
    public IReadOnlyList<string> Constraints { get; init => field = value ?? []; } = [];
    /// <summary>Dependencies (RAID).</summary>
    public IReadOnlyList<Dependency> Dependencies { get; init => field = value ?? []; } = [];
    /// <summary>How the project's success is measured.</summary>
    public IReadOnlyList<SuccessMetric> SuccessCriteria { get; init => field = value ?? []; } = [];
}

/// <summary>What is in and out of a project's scope.</summary>
public sealed record Scope
{
    /// <summary>In scope.</summary>
    public IReadOnlyList<string> InScope { get; init => field = value ?? []; } = [];
    /// <summary>Explicitly out of scope.</summary>
    public IReadOnlyList<string> OutOfScope { get; init => field = value ?? []; } = [];
    /// <summary>Deliverables.</summary>
    public IReadOnlyList<Deliverable> Deliverables { get; init => field = value ?? []; } = [];
}

/// <summary>A deliverable of a project.</summary>
public sealed record Deliverable
{
    /// <summary>Deliverable id.</summary>
    public string? Id { get; init; }
    /// <summary>Name.</summary>
    public string? Name { get; init; }
    /// <summary>Acceptance criteria.</summary>
    public IReadOnlyList<string> AcceptanceCriteria { get; init => field = value ?? []; } = [];
}

/// <summary>A project budget.</summary>
public sealed record Budget
{
    /// <summary>Approved budget.</summary>
    public Money? Approved { get; init; }
    /// <summary>Contingency reserve.</summary>
    public Money? Contingency { get; init; }
    /// <summary>Spent so far.</summary>
    public Money? ActualToDate { get; init; }
    /// <summary>Forecast at completion.</summary>
    public Money? ForecastAtCompletion { get; init; }
    /// <summary>Date of the figures.</summary>
    public DateOnly? AsOf { get; init; }
}

/// <summary>An assumption (RAID).</summary>
public sealed record Assumption
{
    /// <summary>Assumption id.</summary>
    public string? Id { get; init; }
    /// <summary>The assumption.</summary>
    public string? Statement { get; init; }
    /// <summary>Who validates it.</summary>
    public string? Owner { get; init; }
    /// <summary>When it must be validated by.</summary>
    public DateOnly? ValidateBy { get; init; }
    /// <summary>Status.</summary>
    public AssumptionStatus? Status { get; init; }
}

/// <summary>A dependency (RAID).</summary>
public sealed record Dependency
{
    /// <summary>Dependency id.</summary>
    public string? Id { get; init; }
    /// <summary>What the project depends on.</summary>
    public string? Description { get; init; }
    /// <summary>Who chases it.</summary>
    public string? Owner { get; init; }
    /// <summary>When it is needed.</summary>
    public DateOnly? NeedBy { get; init; }
    /// <summary>Status.</summary>
    public DependencyStatus? Status { get; init; }
}

/// <summary>A project status report.</summary>
public sealed record StatusReport : Artifact
{
    /// <inheritdoc />
    public override ArtifactKind ArtifactKind => ArtifactKind.StatusReport;
    /// <summary>The spec.</summary>
    public StatusReportSpec Spec { get; init => field = value ?? new(); } = new();
}

/// <summary>The <c>spec</c> of a <see cref="StatusReport"/>.</summary>
public sealed record StatusReportSpec
{
    /// <summary>The project.</summary>
    public string? ProjectId { get; init; }
    /// <summary>Date of the report.</summary>
    public DateOnly? ReportDate { get; init; }
    /// <summary>Period covered.</summary>
    public DateRange? Period { get; init; }
    /// <summary>Author.</summary>
    public string? Author { get; init; }
    /// <summary>Audience.</summary>
    public IReadOnlyList<string> Audience { get; init => field = value ?? []; } = [];
    /// <summary>Overall RAG.</summary>
    public Rag? OverallRag { get; init; }
    /// <summary>Schedule RAG.</summary>
    public Rag? ScheduleRag { get; init; }
    /// <summary>Budget RAG.</summary>
    public Rag? BudgetRag { get; init; }
    /// <summary>Scope RAG.</summary>
    public Rag? ScopeRag { get; init; }
    /// <summary>Why the RAG is what it is.</summary>
    public string? RagRationale { get; init; }
    /// <summary>Summary.</summary>
    public string? Summary { get; init; }
    /// <summary>Accomplishments this period.</summary>
    public IReadOnlyList<string> Accomplishments { get; init => field = value ?? []; } = [];
    /// <summary>Next steps.</summary>
    public IReadOnlyList<string> NextSteps { get; init => field = value ?? []; } = [];
    /// <summary>Recovery actions.</summary>
    public IReadOnlyList<ActionItem> RecoveryActions { get; init => field = value ?? []; } = [];
    /// <summary>Milestone updates.</summary>
    public IReadOnlyList<MilestoneUpdate> MilestoneUpdates { get; init => field = value ?? []; } = [];
    /// <summary>Top risks (ids in the plan's risk register).</summary>
    public IReadOnlyList<string> TopRiskIds { get; init => field = value ?? []; } = [];
    /// <summary>Decisions needed.</summary>
    public IReadOnlyList<string> DecisionsNeeded { get; init => field = value ?? []; } = [];
    /// <summary>Budget figures at report time.</summary>
    public BudgetSnapshot? BudgetSnapshot { get; init; }
}

/// <summary>An update of a milestone in a status report.</summary>
public sealed record MilestoneUpdate
{
    /// <summary>The milestone.</summary>
    public string? MilestoneId { get; init; }
    /// <summary>New forecast.</summary>
    public DateOnly? ForecastDate { get; init; }
    /// <summary>Status.</summary>
    public MilestoneStatus? Status { get; init; }
}

/// <summary>Budget figures in a status report.</summary>
public sealed record BudgetSnapshot
{
    /// <summary>Spent so far.</summary>
    public Money? ActualToDate { get; init; }
    /// <summary>Forecast at completion.</summary>
    public Money? ForecastAtCompletion { get; init; }
}

/// <summary>The handover of a project's output to operations.</summary>
public sealed record Handover : Artifact
{
    /// <inheritdoc />
    public override ArtifactKind ArtifactKind => ArtifactKind.Handover;
    /// <summary>The spec.</summary>
    public HandoverSpec Spec { get; init => field = value ?? new(); } = new();
}

/// <summary>The <c>spec</c> of a <see cref="Handover"/>.</summary>
public sealed record HandoverSpec
{
    /// <summary>The project.</summary>
    public string? ProjectId { get; init; }
    /// <summary>The product, when there is one.</summary>
    public string? ProductId { get; init; }
    /// <summary>Who receives the output.</summary>
    public string? ReceivingOwner { get; init; }
    /// <summary>Date of the handover.</summary>
    public DateOnly? HandoverDate { get; init; }
    /// <summary>Status.</summary>
    public HandoverStatus? Status { get; init; }
    /// <summary>Documents and assets handed over.</summary>
    public IReadOnlyList<HandoverArtifact> Artifacts { get; init => field = value ?? []; } = [];
    /// <summary>Operations.</summary>
    public Operations? Operations { get; init; }
    /// <summary>Whether access was transferred.</summary>
    public bool? AccessTransferred { get; init; }
    /// <summary>Known issues.</summary>
    public IReadOnlyList<KnownIssue> KnownIssues { get; init => field = value ?? []; } = [];
    /// <summary>User acceptance testing.</summary>
    public Uat? Uat { get; init; }
    /// <summary>Hypercare period.</summary>
    public DateRange? SupportPeriod { get; init; }
    /// <summary>Sign-off.</summary>
    public SignOff? SignOff { get; init; }
}

/// <summary>A document or asset handed over.</summary>
public sealed record HandoverArtifact
{
    /// <summary>Type.</summary>
    public HandoverArtifactType? Type { get; init; }
    /// <summary>Title.</summary>
    public string? Title { get; init; }
    /// <summary>Where it is.</summary>
    public string? Location { get; init; }
}

/// <summary>How a handed-over service is operated.</summary>
public sealed record Operations
{
    /// <summary>Person on call.</summary>
    public string? OnCallOwner { get; init; }
    /// <summary>Escalation path.</summary>
    public string? EscalationPath { get; init; }
    /// <summary>Service level objectives.</summary>
    public IReadOnlyList<Slo> Slos { get; init => field = value ?? []; } = [];
    /// <summary>Dashboards.</summary>
    public IReadOnlyList<string> Dashboards { get; init => field = value ?? []; } = [];
}

/// <summary>A service level objective.</summary>
public sealed record Slo
{
    /// <summary>Name.</summary>
    public string? Name { get; init; }
    /// <summary>Objective in percent.</summary>
    public decimal? ObjectivePct { get; init; }
    /// <summary>Window, such as 28d.</summary>
    public string? Window { get; init; }
}

/// <summary>A known issue at handover.</summary>
public sealed record KnownIssue
{
    /// <summary>Issue id.</summary>
    public string? Id { get; init; }
    /// <summary>Description.</summary>
    public string? Description { get; init; }
    /// <summary>Severity.</summary>
    public IssueSeverity? Severity { get; init; }
    /// <summary>Workaround.</summary>
    public string? Workaround { get; init; }
    /// <summary>Backlog item tracking it.</summary>
    public string? BacklogItemId { get; init; }
}

/// <summary>User acceptance testing results.</summary>
public sealed record Uat
{
    /// <summary>When UAT completed.</summary>
    public DateOnly? CompletedOn { get; init; }
    /// <summary>Tests passed.</summary>
    public int? TestsPassed { get; init; }
    /// <summary>Tests run.</summary>
    public int? TestsTotal { get; init; }
    /// <summary>Open defects by severity.</summary>
    public DefectCounts? OpenDefects { get; init; }
    /// <summary>Who signed UAT off.</summary>
    public string? SignedOffBy { get; init; }
    /// <summary>When.</summary>
    public DateOnly? SignedOffOn { get; init; }
}

/// <summary>Counts of open defects by severity.</summary>
public sealed record DefectCounts
{
    /// <summary>Critical.</summary>
    public int? Critical { get; init; }
    /// <summary>High.</summary>
    public int? High { get; init; }
    /// <summary>Medium.</summary>
    public int? Medium { get; init; }
    /// <summary>Low.</summary>
    public int? Low { get; init; }
}

/// <summary>A sign-off.</summary>
public sealed record SignOff
{
    /// <summary>Who signed off.</summary>
    public string? By { get; init; }
    /// <summary>When.</summary>
    public DateOnly? Date { get; init; }
}

/// <summary>A post-mortem: a project retrospective or an incident review.</summary>
public sealed record PostMortem : Artifact
{
    /// <inheritdoc />
    public override ArtifactKind ArtifactKind => ArtifactKind.PostMortem;
    /// <summary>The spec.</summary>
    public PostMortemSpec Spec { get; init => field = value ?? new(); } = new();
}

/// <summary>The <c>spec</c> of a <see cref="PostMortem"/>.</summary>
public sealed record PostMortemSpec
{
    /// <summary>Retrospective or incident.</summary>
    public PostMortemType? Type { get; init; }
    /// <summary>The project, or an incident key.</summary>
    public string? SubjectId { get; init; }
    /// <summary>Date of the post-mortem.</summary>
    public DateOnly? Date { get; init; }
    /// <summary>Status.</summary>
    public PostMortemStatus? Status { get; init; }
    /// <summary>Severity (free text, e.g. SEV2).</summary>
    public string? Severity { get; init; }
    /// <summary>Summary.</summary>
    public string? Summary { get; init; }
    /// <summary>Impact.</summary>
    public string? Impact { get; init; }
    /// <summary>Timeline of events.</summary>
    public IReadOnlyList<TimelineEvent> Timeline { get; init => field = value ?? []; } = [];
    /// <summary>Contributing factors.</summary>
    public IReadOnlyList<string> ContributingFactors { get; init => field = value ?? []; } = [];
    /// <summary>What went well.</summary>
    public IReadOnlyList<string> WentWell { get; init => field = value ?? []; } = [];
    /// <summary>What went poorly.</summary>
    public IReadOnlyList<string> WentPoorly { get; init => field = value ?? []; } = [];
    /// <summary>Follow-up actions.</summary>
    public IReadOnlyList<ActionItem> ActionItems { get; init => field = value ?? []; } = [];
    /// <summary>Why there are no actions.</summary>
    public string? NoActionRationale { get; init; }
    /// <summary>Participants.</summary>
    public IReadOnlyList<string> Participants { get; init => field = value ?? []; } = [];
    /// <summary>Lessons learned.</summary>
    public IReadOnlyList<string> LessonsLearned { get; init => field = value ?? []; } = [];
}

/// <summary>An event in an incident timeline.</summary>
public sealed record TimelineEvent
{
    /// <summary>When it happened.</summary>
    public DateTimeOffset? At { get; init; }
    /// <summary>What happened.</summary>
    public string? Event { get; init; }
    /// <summary>Link to data.</summary>
    public string? DataLink { get; init; }
}
