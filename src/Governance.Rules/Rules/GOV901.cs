using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>
/// GOV901: a reference (a <c>→Kind</c> field of SPEC §G.1) that does not resolve. Artifact references resolve against
/// <c>metadata.id</c> and must name an artifact of the expected kind; objective, roadmap item and backlog item
/// references resolve among the items of the artifacts with the referrer's <c>productId</c> (all, without one); risk
/// references among the risks of the plans with the referrer's <c>projectId</c> (all, without one); person references
/// against the people of every Portfolio, and only when a Portfolio is present. Ids starting with one of
/// <see cref="GOV901Options.ExternalPrefixes"/> are external and never reported; blank references are not dangling.
/// </summary>
internal sealed class GOV901 : GovernanceRule<GOV901Options>
{
    /// <summary>The lookups every artifact's check shares, built once per analysis (artifact actions run in parallel).</summary>
    private static readonly ConditionalWeakTable<PortfolioIndex, Lazy<Links>> LinksByPortfolio = new();

    public override RuleDescriptor Descriptor { get; } = new(
        "GOV901",
        "Dangling reference",
        "{0} '{1}' does not resolve to {2}: {3}; {4}",
        RuleCategories.Portfolio,
        Severity.Error,
        "Every reference to another artifact, an objective, a roadmap item, a backlog item, a risk or a person resolves: to an artifact of the expected kind, to an item of the referrer's product or a risk of its project, or to a person of the Portfolio. Ids with one of externalPrefixes are not checked.");

    public override void Initialize(RuleRegistration registration)
    {
        registration.RegisterArtifactAction<Portfolio>(context => Check(context, (w, a) => w.Portfolio(a)));
        registration.RegisterArtifactAction<Product>(context => Check(context, (w, a) => w.Product(a)));
        registration.RegisterArtifactAction<ProductStrategy>(context => Check(context, (w, a) => w.Strategy(a)));
        registration.RegisterArtifactAction<Roadmap>(context => Check(context, (w, a) => w.Roadmap(a)));
        registration.RegisterArtifactAction<Backlog>(context => Check(context, (w, a) => w.Backlog(a)));
        registration.RegisterArtifactAction<ProductAnalytics>(context => Check(context, (w, a) => w.Analytics(a)));
        registration.RegisterArtifactAction<Project>(context => Check(context, (w, a) => w.Project(a)));
        registration.RegisterArtifactAction<ProjectPlan>(context => Check(context, (w, a) => w.Plan(a)));
        registration.RegisterArtifactAction<StatusReport>(context => Check(context, (w, a) => w.StatusReport(a)));
        registration.RegisterArtifactAction<Handover>(context => Check(context, (w, a) => w.Handover(a)));
        registration.RegisterArtifactAction<PostMortem>(context => Check(context, (w, a) => w.PostMortem(a)));
    }

    private static void Check<TArtifact>(ArtifactRuleContext<TArtifact> context, Action<Walker, TArtifact> walk)
        where TArtifact : Artifact
    {
        var portfolio = context.Portfolio;
        var links = LinksByPortfolio.GetValue(portfolio, static p => new Lazy<Links>(() => new Links(p))).Value;
        var prefixes = context.GetOptions<GOV901Options>().ExternalPrefixes;
        var walker = new Walker(links, portfolio, prefixes, (target, property, args) => context.ReportAt(target, property, args));
        walker.Metadata(context.Artifact.Metadata);
        walk(walker, context.Artifact);
    }

    /// <summary>What an item reference names.</summary>
    private enum ItemKind { Objective, RoadmapItem, BacklogItem, Risk }

    /// <summary>Where an item was found: the artifact holding it and that artifact's product (or, for a risk, project).</summary>
    private readonly record struct Where(string? ArtifactId, string? ScopeId);

    /// <summary>The items references resolve to, scoped by the holder's <c>productId</c> (risks: the plan's <c>projectId</c>).</summary>
    private sealed class Links
    {
        public Links(PortfolioIndex portfolio)
        {
            foreach (var strategy in portfolio.OfKind<ProductStrategy>())
            {
                var productId = strategy.Spec?.ProductId;
                foreach (var objective in (strategy.Spec?.Objectives).Present())
                    Objectives.Add(productId, objective.Id, new Where(strategy.Id, productId));
            }

            foreach (var roadmap in portfolio.OfKind<Roadmap>())
            {
                var productId = roadmap.Spec?.ProductId;
                foreach (var item in (roadmap.Spec?.Items).Present())
                    RoadmapItems.Add(productId, item.Id, new Where(roadmap.Id, productId));
            }

            foreach (var backlog in portfolio.OfKind<Backlog>())
            {
                var productId = backlog.Spec?.ProductId;
                foreach (var item in (backlog.Spec?.Items).Present())
                    BacklogItems.Add(productId, item.Id, new Where(backlog.Id, productId));
            }

            foreach (var plan in portfolio.OfKind<ProjectPlan>())
            {
                var projectId = plan.Spec?.ProjectId;
                foreach (var risk in (plan.Spec?.RiskRegister).Present())
                    Risks.Add(projectId, risk.Id, new Where(plan.Id, projectId));
            }
        }

        public ProductScopedLookup<Where> Objectives { get; } = new();

        public ProductScopedLookup<Where> RoadmapItems { get; } = new();

        public ProductScopedLookup<Where> BacklogItems { get; } = new();

        /// <summary>Risks, scoped by the <c>projectId</c> of the plan holding them.</summary>
        public ProductScopedLookup<Where> Risks { get; } = new();

        public ProductScopedLookup<Where> Of(ItemKind kind) => kind switch
        {
            ItemKind.Objective => Objectives,
            ItemKind.RoadmapItem => RoadmapItems,
            ItemKind.BacklogItem => BacklogItems,
            _ => Risks,
        };
    }

    /// <summary>
    /// Walks one artifact's references in document order, keeping the path to the current record so that a finding's
    /// message names the field as written (<c>items[3].roadmapItemId</c>, <c>raci[0].accountable[1]</c>).
    /// </summary>
    private sealed class Walker(Links links, PortfolioIndex portfolio, IReadOnlyList<string>? prefixes, Action<object, string, object?[]> report)
    {
        private readonly List<(string Name, int Index)> path = [];

        public void Metadata(ArtifactMetadata? metadata)
        {
            if (metadata is null) return;
            path.Add(("metadata", -1));
            Person(metadata, nameof(ArtifactMetadata.Owner), metadata.Owner);
            path.RemoveAt(path.Count - 1);
        }

        public void Portfolio(Portfolio artifact)
        {
            if (artifact.Spec is not { } spec) return;
            Artifacts(spec, nameof(PortfolioSpec.ProductIds), spec.ProductIds, ArtifactKind.Product);
            Artifacts(spec, nameof(PortfolioSpec.ProjectIds), spec.ProjectIds, ArtifactKind.Project);
        }

        public void Product(Product artifact)
        {
            if (artifact.Spec is not { } spec) return;
            Person(spec, nameof(ProductSpec.ProductManager), spec.ProductManager);
            ArtifactRef(spec, nameof(ProductSpec.StrategyId), spec.StrategyId, ArtifactKind.ProductStrategy);
            ArtifactRef(spec, nameof(ProductSpec.RoadmapId), spec.RoadmapId, ArtifactKind.Roadmap);
            ArtifactRef(spec, nameof(ProductSpec.BacklogId), spec.BacklogId, ArtifactKind.Backlog);
            ArtifactRef(spec, nameof(ProductSpec.AnalyticsId), spec.AnalyticsId, ArtifactKind.ProductAnalytics);
        }

        public void Strategy(ProductStrategy artifact)
        {
            if (artifact.Spec is not { } spec) return;
            ArtifactRef(spec, nameof(ProductStrategySpec.ProductId), spec.ProductId, ArtifactKind.Product);
            Each(spec.Objectives, nameof(ProductStrategySpec.Objectives), VisitObjective);
        }

        public void Roadmap(Roadmap artifact)
        {
            if (artifact.Spec is not { } spec) return;
            ArtifactRef(spec, nameof(RoadmapSpec.ProductId), spec.ProductId, ArtifactKind.Product);
            Each(spec.Items, nameof(RoadmapSpec.Items), item =>
            {
                Items(item, nameof(RoadmapItem.ObjectiveIds), item.ObjectiveIds, ItemKind.Objective, spec.ProductId);
                Person(item, nameof(RoadmapItem.Owner), item.Owner);
                Each(item.SuccessMetrics, nameof(RoadmapItem.SuccessMetrics), VisitMetric);
            });
        }

        public void Backlog(Backlog artifact)
        {
            if (artifact.Spec is not { } spec) return;
            ArtifactRef(spec, nameof(BacklogSpec.ProductId), spec.ProductId, ArtifactKind.Product);
            Each(spec.Items, nameof(BacklogSpec.Items), item =>
            {
                Item(item, nameof(BacklogItem.ParentId), item.ParentId, ItemKind.BacklogItem, spec.ProductId);
                Item(item, nameof(BacklogItem.RoadmapItemId), item.RoadmapItemId, ItemKind.RoadmapItem, spec.ProductId);
                Person(item, nameof(BacklogItem.Assignee), item.Assignee);
            });
        }

        public void Analytics(ProductAnalytics artifact)
        {
            if (artifact.Spec is not { } spec) return;
            ArtifactRef(spec, nameof(ProductAnalyticsSpec.ProductId), spec.ProductId, ArtifactKind.Product);
            Each(spec.Metrics, nameof(ProductAnalyticsSpec.Metrics), VisitMetric);
            Each(spec.Feedback, nameof(ProductAnalyticsSpec.Feedback), feedback =>
                Item(feedback, nameof(Feedback.BacklogItemId), feedback.BacklogItemId, ItemKind.BacklogItem, spec.ProductId));
        }

        public void Project(Project artifact)
        {
            if (artifact.Spec is not { } spec) return;
            Person(spec, nameof(ProjectSpec.Sponsor), spec.Sponsor);
            Person(spec, nameof(ProjectSpec.ProjectManager), spec.ProjectManager);
            ArtifactRef(spec, nameof(ProjectSpec.ProductId), spec.ProductId, ArtifactKind.Product);
            Items(spec, nameof(ProjectSpec.RoadmapItemIds), spec.RoadmapItemIds, ItemKind.RoadmapItem, spec.ProductId);
            ArtifactRef(spec, nameof(ProjectSpec.PlanId), spec.PlanId, ArtifactKind.ProjectPlan);
            ArtifactRef(spec, nameof(ProjectSpec.HandoverId), spec.HandoverId, ArtifactKind.Handover);
            Artifacts(spec, nameof(ProjectSpec.PostMortemIds), spec.PostMortemIds, ArtifactKind.PostMortem);
        }

        public void Plan(ProjectPlan artifact)
        {
            if (artifact.Spec is not { } spec) return;
            ArtifactRef(spec, nameof(ProjectPlanSpec.ProjectId), spec.ProjectId, ArtifactKind.Project);
            Person(spec, nameof(ProjectPlanSpec.ApprovedBy), spec.ApprovedBy);
            Each(spec.Resources, nameof(ProjectPlanSpec.Resources), r => Person(r, nameof(ResourceAllocation.PersonId), r.PersonId));
            Each(spec.Stakeholders, nameof(ProjectPlanSpec.Stakeholders), s => Person(s, nameof(Stakeholder.PersonId), s.PersonId));
            Each(spec.Raci, nameof(ProjectPlanSpec.Raci), entry =>
            {
                People(entry, nameof(RaciEntry.Responsible), entry.Responsible);
                People(entry, nameof(RaciEntry.Accountable), entry.Accountable);
                People(entry, nameof(RaciEntry.Consulted), entry.Consulted);
                People(entry, nameof(RaciEntry.Informed), entry.Informed);
            });
            Each(spec.RiskRegister, nameof(ProjectPlanSpec.RiskRegister), r => Person(r, nameof(Risk.Owner), r.Owner));
            Each(spec.CommunicationPlan, nameof(ProjectPlanSpec.CommunicationPlan), c => Person(c, nameof(CommunicationEntry.Owner), c.Owner));
            Each(spec.Assumptions, nameof(ProjectPlanSpec.Assumptions), a => Person(a, nameof(Assumption.Owner), a.Owner));
            Each(spec.Dependencies, nameof(ProjectPlanSpec.Dependencies), d => Person(d, nameof(Dependency.Owner), d.Owner));
            Each(spec.SuccessCriteria, nameof(ProjectPlanSpec.SuccessCriteria), VisitMetric);
        }

        public void StatusReport(StatusReport artifact)
        {
            if (artifact.Spec is not { } spec) return;
            ArtifactRef(spec, nameof(StatusReportSpec.ProjectId), spec.ProjectId, ArtifactKind.Project);
            Person(spec, nameof(StatusReportSpec.Author), spec.Author);
            Each(spec.RecoveryActions, nameof(StatusReportSpec.RecoveryActions), VisitAction);
            Items(spec, nameof(StatusReportSpec.TopRiskIds), spec.TopRiskIds, ItemKind.Risk, spec.ProjectId);
        }

        public void Handover(Handover artifact)
        {
            if (artifact.Spec is not { } spec) return;
            ArtifactRef(spec, nameof(HandoverSpec.ProjectId), spec.ProjectId, ArtifactKind.Project);
            ArtifactRef(spec, nameof(HandoverSpec.ProductId), spec.ProductId, ArtifactKind.Product);
            Person(spec, nameof(HandoverSpec.ReceivingOwner), spec.ReceivingOwner);
            In(spec.Operations, nameof(HandoverSpec.Operations), o => Person(o, nameof(Operations.OnCallOwner), o.OnCallOwner));
            Each(spec.KnownIssues, nameof(HandoverSpec.KnownIssues), issue =>
                Item(issue, nameof(KnownIssue.BacklogItemId), issue.BacklogItemId, ItemKind.BacklogItem, spec.ProductId));
            In(spec.Uat, nameof(HandoverSpec.Uat), u => Person(u, nameof(Uat.SignedOffBy), u.SignedOffBy));
            In(spec.SignOff, nameof(HandoverSpec.SignOff), s => Person(s, nameof(SignOff.By), s.By));
        }

        public void PostMortem(PostMortem artifact)
        {
            if (artifact.Spec is not { } spec) return;
            // An incident's subject may be any string (an incident key); only a retrospective's must name a Project.
            if (spec.Type == PostMortemType.ProjectRetrospective)
                ArtifactRef(spec, nameof(PostMortemSpec.SubjectId), spec.SubjectId, ArtifactKind.Project);
            Each(spec.ActionItems, nameof(PostMortemSpec.ActionItems), VisitAction);
            People(spec, nameof(PostMortemSpec.Participants), spec.Participants);
        }

        private void VisitObjective(Objective objective)
        {
            Person(objective, nameof(Model.Objective.Owner), objective.Owner);
            Each(objective.KeyResults, nameof(Model.Objective.KeyResults), VisitMetric);
        }

        private void VisitMetric(SuccessMetric metric) => Person(metric, nameof(SuccessMetric.Owner), metric.Owner);

        private void VisitAction(ActionItem action) => Person(action, nameof(ActionItem.Owner), action.Owner);

        private void Each<T>(IReadOnlyList<T>? list, string property, Action<T> visit)
            where T : class
        {
            if (list is null) return;
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] is not { } entry) continue;
                path.Add((JsonName(property), i));
                visit(entry);
                path.RemoveAt(path.Count - 1);
            }
        }

        private void In<T>(T? record, string property, Action<T> visit)
            where T : class
        {
            if (record is null) return;
            path.Add((JsonName(property), -1));
            visit(record);
            path.RemoveAt(path.Count - 1);
        }

        private void Person(object holder, string property, string? id)
        {
            if (PersonProblem(id) is { } problem) Report(holder, property, -1, id!, problem);
        }

        private void People(object holder, string property, IReadOnlyList<string>? ids)
        {
            if (ids is null) return;
            for (var i = 0; i < ids.Count; i++)
            {
                if (PersonProblem(ids[i]) is { } problem) Report(holder, property, i, ids[i], problem);
            }
        }

        private void ArtifactRef(object holder, string property, string? id, ArtifactKind kind)
        {
            if (ArtifactProblem(id, kind) is { } problem) Report(holder, property, -1, id!, problem);
        }

        private void Artifacts(object holder, string property, IReadOnlyList<string>? ids, ArtifactKind kind)
        {
            if (ids is null) return;
            for (var i = 0; i < ids.Count; i++)
            {
                if (ArtifactProblem(ids[i], kind) is { } problem) Report(holder, property, i, ids[i], problem);
            }
        }

        private void Item(object holder, string property, string? id, ItemKind kind, string? scope)
        {
            if (ItemProblem(id, kind, scope) is { } problem) Report(holder, property, -1, id!, problem);
        }

        private void Items(object holder, string property, IReadOnlyList<string>? ids, ItemKind kind, string? scope)
        {
            if (ids is null) return;
            for (var i = 0; i < ids.Count; i++)
            {
                if (ItemProblem(ids[i], kind, scope) is { } problem) Report(holder, property, i, ids[i], problem);
            }
        }

        /// <summary>Blank ids are not dangling (other rules judge absence); ids with an external prefix are never checked.</summary>
        private bool IsChecked(string? id)
        {
            if (id.IsBlank()) return false;
            if (prefixes is null) return true;
            foreach (var prefix in prefixes)
            {
                if (!string.IsNullOrEmpty(prefix) && id!.StartsWith(prefix, StringComparison.Ordinal)) return false;
            }

            return true;
        }

        private Problem? PersonProblem(string? id)
        {
            if (!portfolio.HasPeopleRegistry || !IsChecked(id) || portfolio.TryGetPerson(id, out _)) return null;
            return new Problem("a person", "no person in the Portfolio's people has that id", "correct the id, or add the person to the people of the Portfolio");
        }

        private Problem? ArtifactProblem(string? id, ArtifactKind kind)
        {
            if (!IsChecked(id)) return null;
            if (!portfolio.TryGetArtifact(id, out var found))
                return new Problem("a " + kind, "no artifact has that id", $"correct the id, or add the {kind}");
            if (found.ArtifactKind == kind) return null;
            return new Problem("a " + kind, $"it names a {found.ArtifactKind}, not a {kind}", $"name a {kind}");
        }

        private Problem? ItemProblem(string? id, ItemKind kind, string? scope)
        {
            if (!IsChecked(id)) return null;
            var lookup = links.Of(kind);
            if (lookup.TryResolve(scope, id, out _)) return null;
            var (noun, holders, holderKind, scopeNoun) = kind switch
            {
                ItemKind.Objective => ("an objective", "strategies", nameof(ProductStrategy), "product"),
                ItemKind.RoadmapItem => ("a roadmap item", "roadmaps", nameof(Model.Roadmap), "product"),
                ItemKind.BacklogItem => ("a backlog item", "backlogs", nameof(Model.Backlog), "product"),
                _ => ("a risk", "plans", nameof(ProjectPlan), "project"),
            };
            var name = noun[(noun.IndexOf(' ', StringComparison.Ordinal) + 1)..];
            string why;
            if (scope.IsBlank())
            {
                why = $"no {holderKind} holds {noun} with that id";
            }
            else
            {
                why = $"no {name} in the {holders} of {scopeNoun} '{scope}' has that id";
                if (lookup.TryResolve(null, id, out var elsewhere))
                {
                    why += elsewhere.ScopeId.IsBlank()
                        ? $" ({holderKind} '{elsewhere.ArtifactId}', which has no {scopeNoun}Id, has one)"
                        : $" ({holderKind} '{elsewhere.ArtifactId}' of {scopeNoun} '{elsewhere.ScopeId}' has one)";
                }
            }

            return new Problem(noun, why, $"correct the id, or add the {name}");
        }

        private void Report(object holder, string property, int elementIndex, string id, Problem problem)
        {
            var field = Label(property, elementIndex);
            // The finding belongs at the id itself: …/roadmapItemId, or …/objectiveIds/1 for a list element.
            var path = elementIndex >= 0 ? $"{property}/{elementIndex.ToString(CultureInfo.InvariantCulture)}" : property;
            report(holder, path, [field, id, problem.Expected, problem.Why, problem.Fix]);
        }

        /// <summary><c>items[3].objectiveIds[1]</c>: the path from <c>spec</c> (or <c>metadata</c>) to the reference.</summary>
        private string Label(string property, int elementIndex)
        {
            var label = new StringBuilder();
            foreach (var (name, index) in path)
            {
                if (label.Length > 0) label.Append('.');
                label.Append(name);
                if (index >= 0) label.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }

            if (label.Length > 0) label.Append('.');
            label.Append(JsonName(property));
            if (elementIndex >= 0) label.Append('[').Append(elementIndex.ToString(CultureInfo.InvariantCulture)).Append(']');
            return label.ToString();
        }

        private static string JsonName(string property) => char.ToLowerInvariant(property[0]) + property[1..];
    }

    /// <summary>Why a reference does not resolve: what it should name, why it does not, and what to do.</summary>
    private sealed record Problem(string Expected, string Why, string Fix);
}

/// <summary>Options of GOV901.</summary>
internal sealed record GOV901Options
{
    /// <summary>
    /// Id prefixes of records kept in other systems (<c>JIRA-</c>, <c>ext:</c>): a reference starting with one of them
    /// (compared ordinally, case-sensitive) is external and never reported. Default <c>[]</c>.
    /// </summary>
    public IReadOnlyList<string> ExternalPrefixes { get; init; } = [];
}
