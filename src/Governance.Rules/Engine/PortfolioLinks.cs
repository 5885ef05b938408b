using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Governance.Rules.Loading;
using Governance.Rules.Model;

namespace Governance.Rules.Engine;

/// <summary>What a reference (a <c>→Kind</c> field of SPEC §G.1) names.</summary>
public enum PortfolioLinkKind
{
    /// <summary>An artifact by <c>metadata.id</c> (<c>productId</c>, <c>projectId</c>, <c>planId</c>, ...).</summary>
    Artifact,

    /// <summary>An objective of a product strategy, among those of the referrer's product.</summary>
    Objective,

    /// <summary>A roadmap item, among those of the referrer's product.</summary>
    RoadmapItem,

    /// <summary>A backlog item, among those of the referrer's product.</summary>
    BacklogItem,

    /// <summary>A risk of a project plan, among those of the referrer's project.</summary>
    Risk,

    /// <summary>A person of the Portfolio artifacts.</summary>
    Person,
}

/// <summary>An artifact in the portfolio's link graph: its id, kind and parent, not its document.</summary>
public sealed class PortfolioNode
{
    internal PortfolioNode(int order, ArtifactEntry entry)
    {
        Order = order;
        Entry = entry;
        Id = entry.Artifact.Id;
        Kind = entry.Artifact.ArtifactKind;
        ParentId = PortfolioIndex.ParentId(entry.Artifact);
        var scope = entry.Artifact is Handover handover ? handover.Spec?.ProductId : ParentId;
        ItemScope = string.IsNullOrWhiteSpace(scope) ? null : scope;
    }

    /// <summary>The position of the artifact in document order (the index in <see cref="PortfolioIndex.Nodes"/>).</summary>
    public int Order { get; }

    /// <summary>The artifact's <c>metadata.id</c>.</summary>
    public string? Id { get; }

    /// <summary>The artifact's kind.</summary>
    public ArtifactKind Kind { get; }

    /// <summary>The id of the artifact's parent: <c>productId</c>, <c>projectId</c> or a post-mortem's <c>subjectId</c>.</summary>
    public string? ParentId { get; }

    internal ArtifactEntry Entry { get; }

    /// <summary>
    /// The product (or, for a status report's risks, the project) within which the item references of this artifact
    /// resolve: its <c>productId</c> (<c>projectId</c>); <see langword="null"/> when blank (they resolve among all).
    /// </summary>
    internal string? ItemScope { get; }

    internal LinkData[] Links { get; set; } = [];

    /// <summary>
    /// For a backlog or a roadmap, the <see cref="PortfolioIndex.Ids"/> handle of its <c>productId</c> (the scope its
    /// items resolve in); else <see cref="IdTable.Blank"/>.
    /// </summary>
    internal int ProductHandle { get; set; } = IdTable.Blank;

    /// <summary>For a backlog, what the built-in portfolio rules read of each item (index for index); else empty.</summary>
    internal BacklogItemFact[] BacklogItems { get; set; } = [];

    /// <summary>For a roadmap, what GOV903 and GOV904 read of each item (index for index); else empty.</summary>
    internal RoadmapItemFact[] RoadmapItems { get; set; } = [];

    /// <summary>For a strategy, what GOV903 reads of each objective (index for index); else empty.</summary>
    internal ObjectiveFact[] Objectives { get; set; } = [];

    /// <summary>For a product, what GOV805 reads of it; else <see langword="null"/>.</summary>
    internal ProductFact? Product { get; set; }

    /// <summary>For a ProductAnalytics with a spec, what GOV805 reads of it; else <see langword="null"/>.</summary>
    internal AnalyticsFact? Analytics { get; set; }

    /// <summary>For a project, its status (GOV607); else <see langword="null"/>.</summary>
    internal ProjectStatus? ProjectStatus { get; set; }

    /// <summary>For a handover with a spec, what GOV607 reads of its sign-off; else <see langword="null"/>.</summary>
    internal HandoverFact? Handover { get; set; }

    /// <inheritdoc/>
    public override string ToString() => $"{Kind} '{Id}'";
}

/// <summary>One reference from an artifact, where it is written, and what it resolves to.</summary>
public sealed class PortfolioLink
{
    private readonly PortfolioIndex index;
    private readonly LinkData data;

    internal PortfolioLink(PortfolioIndex index, PortfolioNode from, in LinkData data)
    {
        this.index = index;
        From = from;
        this.data = data;
    }

    /// <summary>The artifact that writes the reference.</summary>
    public PortfolioNode From { get; }

    /// <summary>The JSON pointer of the id in <see cref="From"/> (<c>/spec/items/3/roadmapItemId</c>, <c>/spec/objectiveIds/1</c>).</summary>
    public string Pointer => data.Pointer;

    /// <summary>The id as written (never blank).</summary>
    public string TargetId => data.TargetId;

    /// <summary>What the reference names.</summary>
    public PortfolioLinkKind Kind => data.Kind;

    /// <summary>For an artifact reference, the kind it must name; otherwise <see langword="null"/>.</summary>
    public ArtifactKind? ExpectedKind => data.Kind == PortfolioLinkKind.Artifact ? data.Expected : null;

    /// <summary>
    /// The product (objectives, roadmap and backlog items) or project (risks) within which an item reference resolves;
    /// <see langword="null"/> when the referrer has none (it resolves among all) and for artifact and person references.
    /// </summary>
    public string? Scope => data.Kind is PortfolioLinkKind.Artifact or PortfolioLinkKind.Person ? null : From.ItemScope;

    /// <summary>
    /// The artifact the id names (for an artifact reference, the first with that id, whatever its kind; for an item
    /// reference, the artifact holding the item); <see langword="null"/> when none does and for person references.
    /// </summary>
    public PortfolioNode? Target => data.Target < 0 ? null : index.Nodes[data.Target];

    /// <summary>Whether the reference resolves as SPEC §H says: to an artifact of the expected kind, an item in scope, or a person of the Portfolio.</summary>
    public bool IsResolved => data.Resolved;

    /// <inheritdoc/>
    public override string ToString() => $"{From}{Pointer} -> {Kind} '{TargetId}'{(IsResolved ? string.Empty : " (unresolved)")}";
}

/// <summary>
/// One reference as the index keeps it, in 32 bytes: the pointer as a template (<c>#</c> for each list index, shared
/// by every link written at the same place) and up to two indexes, the id as the record holds it (not copied), what
/// it names and the resolution. The scope of an item reference is the referrer's (<see cref="PortfolioNode.ItemScope"/>).
/// </summary>
internal readonly struct LinkData
{
    private readonly ushort template;
    private readonly byte kind;
    private readonly byte expected;

    public LinkData(string template, int i0, int i1, PortfolioLinkKind kind, ArtifactKind expected, string targetId, int target, bool resolved)
    {
        this.template = LinkTemplates.Id(template);
        I0 = i0;
        I1 = i1;
        this.kind = (byte)kind;
        this.expected = (byte)expected;
        TargetId = targetId;
        Target = target;
        Resolved = resolved;
    }

    private LinkData(in LinkData other, int target, bool resolved)
    {
        this = other;
        Target = target;
        Resolved = resolved;
    }

    public string TargetId { get; }

    /// <summary>This reference resolved to <paramref name="target"/>.</summary>
    public LinkData WithResolution(int target, bool resolved) => new(this, target, resolved);

    public int I0 { get; }

    public int I1 { get; }

    /// <summary>The order of the node the id names, or -1.</summary>
    public int Target { get; }

    public bool Resolved { get; }

    public PortfolioLinkKind Kind => (PortfolioLinkKind)kind;

    public ArtifactKind Expected => (ArtifactKind)expected;

    public string Template => LinkTemplates.Of(template);

    /// <summary>The JSON pointer of the id.</summary>
    public string Pointer
    {
        get
        {
            var hash = Template.IndexOf('#', StringComparison.Ordinal);
            if (hash < 0) return Template;
            var builder = new StringBuilder(Template.Length + 8);
            var next = 0;
            var indexes = 0;
            while (hash >= 0)
            {
                builder.Append(Template, next, hash - next)
                    .Append((indexes++ == 0 ? I0 : I1).ToString(CultureInfo.InvariantCulture));
                next = hash + 1;
                hash = Template.IndexOf('#', next);
            }

            return builder.Append(Template, next, Template.Length - next).ToString();
        }
    }

    /// <summary>The field as a message names it: <c>items[3].objectiveIds[1]</c>, <c>metadata.owner</c>, <c>productId</c>.</summary>
    public string Label
    {
        get
        {
            var tokens = Template.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var label = new StringBuilder();
            var indexes = 0;
            for (var i = tokens[0] == "spec" ? 1 : 0; i < tokens.Length; i++)
            {
                if (tokens[i] == "#")
                {
                    label.Append('[').Append((indexes++ == 0 ? I0 : I1).ToString(CultureInfo.InvariantCulture)).Append(']');
                    continue;
                }

                if (label.Length > 0) label.Append('.');
                label.Append(tokens[i]);
            }

            return label.ToString();
        }
    }
}

/// <summary>The pointer templates of links, numbered once per process (a few dozen).</summary>
internal static class LinkTemplates
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, ushort> Ids = new(StringComparer.Ordinal);
    private static readonly List<string> Templates = [];
    private static readonly Lock Gate = new();

    public static ushort Id(string template)
    {
        // The extractor passes string literals, the same instance every time: found by reference, without hashing the
        // text of each link's template (a template built at run time would only miss, and take the dictionary's path).
        var slot = RuntimeHelpers.GetHashCode(template) & (ByReference.Length - 1);
        if (Volatile.Read(ref ByReference[slot]) is { } known && ReferenceEquals(known.Template, template)) return known.Id;
        var found = IdOf(template);
        Volatile.Write(ref ByReference[slot], new Known(template, found));
        return found;
    }

    private static readonly Known?[] ByReference = new Known?[256];

    private sealed record Known(string Template, ushort Id);

    private static ushort IdOf(string template)
    {
        if (Ids.TryGetValue(template, out var id)) return id;
        lock (Gate)
        {
            if (Ids.TryGetValue(template, out id)) return id;
            id = checked((ushort)Templates.Count);
            Templates.Add(template);
            Ids[template] = id;
            return id;
        }
    }

    public static string Of(ushort id)
    {
        lock (Gate) return Templates[id];
    }
}

/// <summary>Resolves one reference: the node it names (or -1) and whether it resolves.</summary>
internal delegate (int Target, bool Resolved) LinkResolver(PortfolioLinkKind kind, ArtifactKind expected, string id, string? scope);

/// <summary>
/// Lists every reference one artifact writes (the <c>→Kind</c> fields of SPEC §G.1, person references included), in
/// document order, skipping blank ids. An incident post-mortem's <c>subjectId</c> is not a reference (any string).
/// </summary>
internal sealed class LinkExtractor(LinkResolver resolve)
{
    private readonly List<LinkData> links = [];

    public LinkData[] Extract(Artifact artifact)
    {
        links.Clear();
        if (artifact.Metadata is { } metadata) Person("/metadata/owner", metadata.Owner);
        switch (artifact)
        {
            case Portfolio { Spec: { } spec }:
                Artifacts("/spec/productIds/#", spec.ProductIds, ArtifactKind.Product);
                Artifacts("/spec/projectIds/#", spec.ProjectIds, ArtifactKind.Project);
                break;
            case Product { Spec: { } spec }:
                Person("/spec/productManager", spec.ProductManager);
                Artifact("/spec/strategyId", spec.StrategyId, ArtifactKind.ProductStrategy);
                Artifact("/spec/roadmapId", spec.RoadmapId, ArtifactKind.Roadmap);
                Artifact("/spec/backlogId", spec.BacklogId, ArtifactKind.Backlog);
                Artifact("/spec/analyticsId", spec.AnalyticsId, ArtifactKind.ProductAnalytics);
                break;
            case ProductStrategy { Spec: { } spec }:
                Artifact("/spec/productId", spec.ProductId, ArtifactKind.Product);
                Each(spec.Objectives, (objective, i) =>
                {
                    Person("/spec/objectives/#/owner", objective.Owner, i);
                    Each(objective.KeyResults, (metric, j) => Person("/spec/objectives/#/keyResults/#/owner", metric.Owner, i, j));
                });
                break;
            case Roadmap { Spec: { } spec }:
                Artifact("/spec/productId", spec.ProductId, ArtifactKind.Product);
                Each(spec.Items, (item, i) =>
                {
                    Items("/spec/items/#/objectiveIds/#", item.ObjectiveIds, PortfolioLinkKind.Objective, spec.ProductId, i);
                    Person("/spec/items/#/owner", item.Owner, i);
                    Each(item.SuccessMetrics, (metric, j) => Person("/spec/items/#/successMetrics/#/owner", metric.Owner, i, j));
                });
                break;
            case Backlog { Spec: { } spec }:
                Artifact("/spec/productId", spec.ProductId, ArtifactKind.Product);
                // From summaries, so a list read as summaries makes no record (a null entry's summary has no ids).
                for (var i = 0; i < (spec.Items?.Count ?? 0); i++)
                {
                    var item = BacklogItemSummary.Of(spec.Items!, i);
                    Item("/spec/items/#/parentId", item.ParentId, PortfolioLinkKind.BacklogItem, spec.ProductId, i);
                    Item("/spec/items/#/roadmapItemId", item.RoadmapItemId, PortfolioLinkKind.RoadmapItem, spec.ProductId, i);
                    Person("/spec/items/#/assignee", item.Assignee, i);
                }

                break;
            case ProductAnalytics { Spec: { } spec }:
                Artifact("/spec/productId", spec.ProductId, ArtifactKind.Product);
                Each(spec.Metrics, (metric, i) => Person("/spec/metrics/#/owner", metric.Owner, i));
                Each(spec.Feedback, (feedback, i) =>
                    Item("/spec/feedback/#/backlogItemId", feedback.BacklogItemId, PortfolioLinkKind.BacklogItem, spec.ProductId, i));
                break;
            case Project { Spec: { } spec }:
                Person("/spec/sponsor", spec.Sponsor);
                Person("/spec/projectManager", spec.ProjectManager);
                Artifact("/spec/productId", spec.ProductId, ArtifactKind.Product);
                Items("/spec/roadmapItemIds/#", spec.RoadmapItemIds, PortfolioLinkKind.RoadmapItem, spec.ProductId);
                Artifact("/spec/planId", spec.PlanId, ArtifactKind.ProjectPlan);
                Artifact("/spec/handoverId", spec.HandoverId, ArtifactKind.Handover);
                Artifacts("/spec/postMortemIds/#", spec.PostMortemIds, ArtifactKind.PostMortem);
                break;
            case ProjectPlan { Spec: { } spec }:
                Plan(spec);
                break;
            case StatusReport { Spec: { } spec }:
                Artifact("/spec/projectId", spec.ProjectId, ArtifactKind.Project);
                Person("/spec/author", spec.Author);
                Each(spec.RecoveryActions, (action, i) => Person("/spec/recoveryActions/#/owner", action.Owner, i));
                Items("/spec/topRiskIds/#", spec.TopRiskIds, PortfolioLinkKind.Risk, spec.ProjectId);
                break;
            case Handover { Spec: { } spec }:
                Artifact("/spec/projectId", spec.ProjectId, ArtifactKind.Project);
                Artifact("/spec/productId", spec.ProductId, ArtifactKind.Product);
                Person("/spec/receivingOwner", spec.ReceivingOwner);
                if (spec.Operations is { } operations) Person("/spec/operations/onCallOwner", operations.OnCallOwner);
                Each(spec.KnownIssues, (issue, i) =>
                    Item("/spec/knownIssues/#/backlogItemId", issue.BacklogItemId, PortfolioLinkKind.BacklogItem, spec.ProductId, i));
                if (spec.Uat is { } uat) Person("/spec/uat/signedOffBy", uat.SignedOffBy);
                if (spec.SignOff is { } signOff) Person("/spec/signOff/by", signOff.By);
                break;
            case PostMortem { Spec: { } spec }:
                if (spec.Type == PostMortemType.ProjectRetrospective) Artifact("/spec/subjectId", spec.SubjectId, ArtifactKind.Project);
                Each(spec.ActionItems, (action, i) => Person("/spec/actionItems/#/owner", action.Owner, i));
                People("/spec/participants/#", spec.Participants);
                break;
        }

        return links.Count == 0 ? [] : [.. links];
    }

    private void Plan(ProjectPlanSpec spec)
    {
        Artifact("/spec/projectId", spec.ProjectId, ArtifactKind.Project);
        Person("/spec/approvedBy", spec.ApprovedBy);
        Each(spec.Resources, (r, i) => Person("/spec/resources/#/personId", r.PersonId, i));
        Each(spec.Stakeholders, (s, i) => Person("/spec/stakeholders/#/personId", s.PersonId, i));
        Each(spec.Raci, (entry, i) =>
        {
            People("/spec/raci/#/responsible/#", entry.Responsible, i);
            People("/spec/raci/#/accountable/#", entry.Accountable, i);
            People("/spec/raci/#/consulted/#", entry.Consulted, i);
            People("/spec/raci/#/informed/#", entry.Informed, i);
        });
        Each(spec.RiskRegister, (r, i) => Person("/spec/riskRegister/#/owner", r.Owner, i));
        Each(spec.CommunicationPlan, (c, i) => Person("/spec/communicationPlan/#/owner", c.Owner, i));
        Each(spec.Assumptions, (a, i) => Person("/spec/assumptions/#/owner", a.Owner, i));
        Each(spec.Dependencies, (d, i) => Person("/spec/dependencies/#/owner", d.Owner, i));
        Each(spec.SuccessCriteria, (m, i) => Person("/spec/successCriteria/#/owner", m.Owner, i));
    }

    private static void Each<T>(IReadOnlyList<T>? list, Action<T, int> visit)
        where T : class
    {
        if (list is null) return;
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is { } entry) visit(entry, i);
        }
    }

    private void Add(string template, PortfolioLinkKind kind, ArtifactKind expected, string? id, string? scope, int i0, int i1)
    {
        if (string.IsNullOrWhiteSpace(id)) return;
        var (target, resolved) = resolve(kind, expected, id, scope);
        links.Add(new LinkData(template, i0, i1, kind, expected, id, target, resolved));
    }

    private void Person(string template, string? id, int i0 = -1, int i1 = -1) =>
        Add(template, PortfolioLinkKind.Person, default, id, null, i0, i1);

    /// <summary>A list of person ids; its element index fills the template's last <c>#</c>.</summary>
    private void People(string template, IReadOnlyList<string>? ids, int outer = -1)
    {
        if (ids is null) return;
        for (var j = 0; j < ids.Count; j++)
        {
            if (outer < 0) Person(template, ids[j], j);
            else Person(template, ids[j], outer, j);
        }
    }

    private void Artifact(string template, string? id, ArtifactKind expected) =>
        Add(template, PortfolioLinkKind.Artifact, expected, id, null, -1, -1);

    private void Artifacts(string template, IReadOnlyList<string>? ids, ArtifactKind expected)
    {
        if (ids is null) return;
        for (var j = 0; j < ids.Count; j++) Add(template, PortfolioLinkKind.Artifact, expected, ids[j], null, j, -1);
    }

    private void Item(string template, string? id, PortfolioLinkKind kind, string? scope, int i0) =>
        Add(template, kind, default, id, Scoped(scope), i0, -1);

    private void Items(string template, IReadOnlyList<string>? ids, PortfolioLinkKind kind, string? scope, int outer = -1)
    {
        if (ids is null) return;
        for (var j = 0; j < ids.Count; j++)
        {
            if (outer < 0) Add(template, kind, default, ids[j], Scoped(scope), j, -1);
            else Add(template, kind, default, ids[j], Scoped(scope), outer, j);
        }
    }

    private static string? Scoped(string? scope) => string.IsNullOrWhiteSpace(scope) ? null : scope;
}
