namespace Governance.Rules.Model;

/// <summary>The container of people, products and projects.</summary>
public sealed record Portfolio : Artifact
{
    /// <inheritdoc />
    public override ArtifactKind ArtifactKind => ArtifactKind.Portfolio;
    /// <summary>The spec.</summary>
    public PortfolioSpec Spec { get; init => field = value ?? new(); } = new();
}

/// <summary>The <c>spec</c> of a <see cref="Portfolio"/>.</summary>
public sealed record PortfolioSpec
{
    /// <summary>Portfolio name.</summary>
    public string? Name { get; init; }
    /// <summary>The people person references resolve against.</summary>
    public IReadOnlyList<Person> People { get; init => field = value ?? []; } = [];
    /// <summary>Products in the portfolio.</summary>
    public IReadOnlyList<string> ProductIds { get; init => field = value ?? []; } = [];
    /// <summary>Projects in the portfolio.</summary>
    public IReadOnlyList<string> ProjectIds { get; init => field = value ?? []; } = [];
    /// <summary>Defaults, such as the currency of a Money with a blank currency.</summary>
    public PortfolioDefaults? Defaults { get; init; }
}

/// <summary>Portfolio-wide defaults.</summary>
public sealed record PortfolioDefaults
{
    /// <summary>Currency of a Money whose currency is blank.</summary>
    public string? Currency { get; init; }
}

/// <summary>A product.</summary>
public sealed record Product : Artifact
{
    /// <inheritdoc />
    public override ArtifactKind ArtifactKind => ArtifactKind.Product;
    /// <summary>The spec.</summary>
    public ProductSpec Spec { get; init => field = value ?? new(); } = new();
}

/// <summary>The <c>spec</c> of a <see cref="Product"/>.</summary>
public sealed record ProductSpec
{
    /// <summary>Person who manages the product.</summary>
    public string? ProductManager { get; init; }
    /// <summary>Lifecycle stage.</summary>
    public LifecycleStage? LifecycleStage { get; init; }
    /// <summary>Its strategy, when linked from the product.</summary>
    public string? StrategyId { get; init; }
    /// <summary>Its roadmap, when linked from the product.</summary>
    public string? RoadmapId { get; init; }
    /// <summary>Its backlog, when linked from the product.</summary>
    public string? BacklogId { get; init; }
    /// <summary>Its analytics, when linked from the product.</summary>
    public string? AnalyticsId { get; init; }
}

/// <summary>A product strategy.</summary>
public sealed record ProductStrategy : Artifact
{
    /// <inheritdoc />
    public override ArtifactKind ArtifactKind => ArtifactKind.ProductStrategy;
    /// <summary>The spec.</summary>
    public ProductStrategySpec Spec { get; init => field = value ?? new(); } = new();
}

/// <summary>The <c>spec</c> of a <see cref="ProductStrategy"/>.</summary>
public sealed record ProductStrategySpec
{
    /// <summary>The product.</summary>
    public string? ProductId { get; init; }
    /// <summary>Product vision.</summary>
    public string? Vision { get; init; }
    /// <summary>Who the product is for.</summary>
    public IReadOnlyList<string> TargetCustomers { get; init => field = value ?? []; } = [];
    /// <summary>Customer needs the product serves.</summary>
    public IReadOnlyList<CustomerNeed> CustomerNeeds { get; init => field = value ?? []; } = [];
    /// <summary>What sets the product apart.</summary>
    public IReadOnlyList<string> Differentiators { get; init => field = value ?? []; } = [];
    /// <summary>Business goals.</summary>
    public IReadOnlyList<string> BusinessGoals { get; init => field = value ?? []; } = [];
    /// <summary>Objectives with key results.</summary>
    public IReadOnlyList<Objective> Objectives { get; init => field = value ?? []; } = [];
    /// <summary>How the strategy is expected to evolve.</summary>
    public string? Evolution { get; init; }
    /// <summary>Time horizon.</summary>
    public DateRange? Horizon { get; init; }
    /// <summary>When the strategy was last reviewed.</summary>
    public DateOnly? ReviewedOn { get; init; }
}

/// <summary>A customer need.</summary>
public sealed record CustomerNeed
{
    /// <summary>Need id.</summary>
    public string? Id { get; init; }
    /// <summary>The need.</summary>
    public string? Statement { get; init; }
    /// <summary>Evidence for it.</summary>
    public string? Evidence { get; init; }
}

/// <summary>A product roadmap.</summary>
public sealed record Roadmap : Artifact
{
    /// <inheritdoc />
    public override ArtifactKind ArtifactKind => ArtifactKind.Roadmap;
    /// <summary>The spec.</summary>
    public RoadmapSpec Spec { get; init => field = value ?? new(); } = new();
}

/// <summary>The <c>spec</c> of a <see cref="Roadmap"/>.</summary>
public sealed record RoadmapSpec
{
    /// <summary>The product.</summary>
    public string? ProductId { get; init; }
    /// <summary>Timeline or now/next/later.</summary>
    public RoadmapFormat? Format { get; init; }
    /// <summary>When the roadmap was last reviewed.</summary>
    public DateOnly? LastReviewed { get; init; }
    /// <summary>Roadmap items.</summary>
    public IReadOnlyList<RoadmapItem> Items { get; init => field = value ?? []; } = [];
}

/// <summary>An item of a roadmap.</summary>
public sealed record RoadmapItem
{
    /// <summary>Item id.</summary>
    public string? Id { get; init; }
    /// <summary>Title.</summary>
    public string? Title { get; init; }
    /// <summary>The outcome sought.</summary>
    public string? Outcome { get; init; }
    /// <summary>Strategy objectives the item serves.</summary>
    public IReadOnlyList<string> ObjectiveIds { get; init => field = value ?? []; } = [];
    /// <summary>Customer needs the item serves.</summary>
    public IReadOnlyList<string> NeedIds { get; init => field = value ?? []; } = [];
    /// <summary>Now, next or later.</summary>
    public Horizon? Horizon { get; init; }
    /// <summary>When the item is planned.</summary>
    public DateRange? Timeframe { get; init; }
    /// <summary>Priority; 1 is highest.</summary>
    public int? Priority { get; init; }
    /// <summary>Status.</summary>
    public RoadmapItemStatus? Status { get; init; }
    /// <summary>When it was delivered.</summary>
    public DateOnly? DeliveredOn { get; init; }
    /// <summary>Confidence.</summary>
    public Confidence? Confidence { get; init; }
    /// <summary>How success is measured.</summary>
    public IReadOnlyList<SuccessMetric> SuccessMetrics { get; init => field = value ?? []; } = [];
    /// <summary>Person responsible.</summary>
    public string? Owner { get; init; }
}

/// <summary>A product backlog.</summary>
public sealed record Backlog : Artifact
{
    /// <inheritdoc />
    public override ArtifactKind ArtifactKind => ArtifactKind.Backlog;
    /// <summary>The spec.</summary>
    public BacklogSpec Spec { get; init => field = value ?? new(); } = new();
}

/// <summary>The <c>spec</c> of a <see cref="Backlog"/>.</summary>
public sealed record BacklogSpec
{
    /// <summary>The product.</summary>
    public string? ProductId { get; init; }
    /// <summary>Backlog items.</summary>
    public IReadOnlyList<BacklogItem> Items { get; init => field = value ?? []; } = [];
}

/// <summary>An item of a backlog.</summary>
public sealed record BacklogItem
{
    /// <summary>Item id.</summary>
    public string? Id { get; init; }
    /// <summary>Type.</summary>
    public BacklogItemType? Type { get; init; }
    /// <summary>Title.</summary>
    public string? Title { get; init; }
    /// <summary>The user story.</summary>
    public UserStory? UserStory { get; init; }
    /// <summary>Acceptance criteria.</summary>
    public IReadOnlyList<string> AcceptanceCriteria { get; init => field = value ?? []; } = [];
    /// <summary>Parent item (an epic, typically).</summary>
    public string? ParentId { get; init; }
    /// <summary>Roadmap item the work delivers.</summary>
    public string? RoadmapItemId { get; init; }
    /// <summary>Estimate in story points.</summary>
    public decimal? Estimate { get; init; }
    /// <summary>Priority.</summary>
    public int? Priority { get; init; }
    /// <summary>Status.</summary>
    public BacklogItemStatus? Status { get; init; }
    /// <summary>Person working on it.</summary>
    public string? Assignee { get; init; }
    /// <summary>Iteration or sprint.</summary>
    public string? Iteration { get; init; }
    /// <summary>When it was created.</summary>
    public DateOnly? CreatedOn { get; init; }
    /// <summary>When it was last updated.</summary>
    public DateOnly? UpdatedOn { get; init; }
}

/// <summary>"As a …, I want …, so that …".</summary>
public sealed record UserStory
{
    /// <summary>The user.</summary>
    public string? AsA { get; init; }
    /// <summary>What they want.</summary>
    public string? IWant { get; init; }
    /// <summary>Why.</summary>
    public string? SoThat { get; init; }
}

/// <summary>Product analytics: metrics, snapshots and feedback.</summary>
public sealed record ProductAnalytics : Artifact
{
    /// <inheritdoc />
    public override ArtifactKind ArtifactKind => ArtifactKind.ProductAnalytics;
    /// <summary>The spec.</summary>
    public ProductAnalyticsSpec Spec { get; init => field = value ?? new(); } = new();
}

/// <summary>The <c>spec</c> of <see cref="ProductAnalytics"/>.</summary>
public sealed record ProductAnalyticsSpec
{
    /// <summary>The product.</summary>
    public string? ProductId { get; init; }
    /// <summary>Id of the north-star metric in <see cref="Metrics"/>.</summary>
    public string? NorthStarMetricId { get; init; }
    /// <summary>Metrics.</summary>
    public IReadOnlyList<AnalyticsMetric> Metrics { get; init => field = value ?? []; } = [];
    /// <summary>Measured values.</summary>
    public IReadOnlyList<MetricSnapshot> Snapshots { get; init => field = value ?? []; } = [];
    /// <summary>Customer feedback.</summary>
    public IReadOnlyList<Feedback> Feedback { get; init => field = value ?? []; } = [];
    /// <summary>When the analytics were last reviewed.</summary>
    public DateOnly? ReviewedOn { get; init; }
}

/// <summary>A success metric with its role in product analytics.</summary>
public sealed record AnalyticsMetric : SuccessMetric
{
    /// <summary>North star, input or guardrail.</summary>
    public MetricRole? Role { get; init; }
}

/// <summary>A measured value of a metric.</summary>
public sealed record MetricSnapshot
{
    /// <summary>The metric.</summary>
    public string? MetricId { get; init; }
    /// <summary>When it was measured.</summary>
    public DateOnly? Date { get; init; }
    /// <summary>The value.</summary>
    public decimal? Value { get; init; }
}

/// <summary>A piece of customer feedback.</summary>
public sealed record Feedback
{
    /// <summary>When it was received.</summary>
    public DateOnly? Date { get; init; }
    /// <summary>Where it came from.</summary>
    public FeedbackSource? Source { get; init; }
    /// <summary>What it says.</summary>
    public string? Summary { get; init; }
    /// <summary>Sentiment.</summary>
    public Sentiment? Sentiment { get; init; }
    /// <summary>Backlog item it led to.</summary>
    public string? BacklogItemId { get; init; }
}
