using System.Runtime.Serialization;
using System.Text.Json.Serialization;

#pragma warning disable CS1591 // Enum members are the documented values of SPEC §G.1; their names say what they are.

namespace Governance.Rules.Model;

/// <summary>The artifact kinds of SPEC §G.1, as written in a document's <c>kind</c>.</summary>
public enum ArtifactKind { Portfolio, Product, ProductStrategy, Roadmap, Backlog, ProductAnalytics, Project, ProjectPlan, StatusReport, Handover, PostMortem }

/// <summary>Category of a success metric (HEART and business categories).</summary>
public enum MetricCategory { Adoption, Engagement, Retention, Satisfaction, TaskSuccess, Revenue, MarketShare, Schedule, Budget, Quality, Other }

/// <summary>Which way a metric should move.</summary>
public enum MetricDirection { Increase, Decrease, Maintain }

/// <summary>The role a metric plays in product analytics.</summary>
public enum MetricRole { NorthStar, Input, Guardrail }

/// <summary>Status of a milestone.</summary>
public enum MilestoneStatus { Planned, AtRisk, Done, Missed }

/// <summary>Whether a risk is a threat or an opportunity.</summary>
public enum RiskType { Threat, Opportunity }

/// <summary>The planned response to a risk (PMI).</summary>
public enum RiskResponse { Avoid, Mitigate, Transfer, Accept, Escalate, Exploit, Enhance, Share }

/// <summary>Status of a risk.</summary>
public enum RiskStatus { Open, Mitigating, Occurred, Closed }

/// <summary>Role of a stakeholder.</summary>
public enum StakeholderRole { Sponsor, Customer, User, Team, FunctionalManager, Vendor, Regulator, Other }

/// <summary>A low/high level, used for stakeholder interest and influence.</summary>
public enum Level { Low, High }

/// <summary>A communication channel.</summary>
public enum CommunicationChannel { Email, Meeting, Dashboard, Presentation, Chat, Other }

/// <summary>How often a communication happens.</summary>
public enum CommunicationFrequency { Daily, Weekly, Biweekly, Monthly, PerMilestone, AdHoc }

/// <summary>Type of an action item.</summary>
public enum ActionItemType { Investigate, Mitigate, Repair, Detect, Prevent, Process }

/// <summary>Priority of an action item.</summary>
public enum ActionItemPriority
{
    [JsonStringEnumMemberName("P0"), EnumMember(Value = "P0")] P0,
    [JsonStringEnumMemberName("P1"), EnumMember(Value = "P1")] P1,
    [JsonStringEnumMemberName("P2"), EnumMember(Value = "P2")] P2,
    [JsonStringEnumMemberName("P3"), EnumMember(Value = "P3")] P3,
}

/// <summary>Status of an action item.</summary>
public enum ActionItemStatus { Open, InProgress, Done, WontDo }

/// <summary>Lifecycle stage of a product.</summary>
public enum LifecycleStage { Concept, Development, Launched, Growth, Mature, Sunset }

/// <summary>How a roadmap is presented.</summary>
public enum RoadmapFormat { Timeline, NowNextLater }

/// <summary>Now/next/later horizon of a roadmap item.</summary>
public enum Horizon { Now, Next, Later }

/// <summary>Status of a roadmap item.</summary>
public enum RoadmapItemStatus { Proposed, Planned, InProgress, Delivered, Dropped }

/// <summary>Confidence in a roadmap item.</summary>
public enum Confidence { Low, Medium, High }

/// <summary>Type of a backlog item.</summary>
public enum BacklogItemType { Epic, Story, Bug, Task, Spike }

/// <summary>Status of a backlog item.</summary>
public enum BacklogItemStatus { New, Ready, InProgress, Done, Removed }

/// <summary>Where a piece of customer feedback came from.</summary>
public enum FeedbackSource { Survey, Support, Interview, Review, Usability, Other }

/// <summary>Sentiment of a piece of feedback.</summary>
public enum Sentiment { Positive, Neutral, Negative }

/// <summary>Phase of a project.</summary>
public enum ProjectPhase { Initiation, Planning, Execution, Monitoring, Closing, Closed }

/// <summary>Status of a project.</summary>
public enum ProjectStatus { NotStarted, InProgress, OnHold, Completed, Cancelled }

/// <summary>Status of an assumption (RAID).</summary>
public enum AssumptionStatus { Unvalidated, Validated, Invalid }

/// <summary>Status of a dependency (RAID).</summary>
public enum DependencyStatus { Open, Met, Late }

/// <summary>Red/amber/green status; green is better than amber, amber better than red.</summary>
public enum Rag { Green, Amber, Red }

/// <summary>Status of a handover.</summary>
public enum HandoverStatus { Draft, InReview, Accepted, Rejected }

/// <summary>Type of a handover artifact.</summary>
public enum HandoverArtifactType { Runbook, Architecture, ApiDocs, UserGuide, Configuration, DecisionLog, TestReport, SourceRepo, Dashboard, Other }

/// <summary>Severity of a known issue.</summary>
public enum IssueSeverity { Critical, High, Medium, Low }

/// <summary>Type of a post-mortem.</summary>
public enum PostMortemType { ProjectRetrospective, Incident }

/// <summary>Status of a post-mortem.</summary>
public enum PostMortemStatus { Draft, InReview, Reviewed, Closed }
