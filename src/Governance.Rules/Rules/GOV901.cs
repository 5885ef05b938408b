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
    public override RuleDescriptor Descriptor { get; } = new(
        "GOV901",
        "Dangling reference",
        "{0} '{1}' does not resolve to {2}: {3}; {4}",
        RuleCategories.Portfolio,
        Severity.Error,
        "Every reference to another artifact, an objective, a roadmap item, a backlog item, a risk or a person resolves: to an artifact of the expected kind, to an item of the referrer's product or a risk of its project, or to a person of the Portfolio. Ids with one of externalPrefixes are not checked.");

    public override void Initialize(RuleRegistration registration)
    {
        // Node actions: the references are the graph's, so a released record is never read again.
        foreach (var kind in (ArtifactKind[])[ArtifactKind.Portfolio, ArtifactKind.Product, ArtifactKind.ProductStrategy, ArtifactKind.Roadmap,
                     ArtifactKind.Backlog, ArtifactKind.ProductAnalytics, ArtifactKind.Project, ArtifactKind.ProjectPlan,
                     ArtifactKind.StatusReport, ArtifactKind.Handover, ArtifactKind.PostMortem])
            registration.RegisterNodeAction(kind, Check);
    }

    /// <summary>Reads the artifact's references from the portfolio's link graph and reports those that do not resolve.</summary>
    private static void Check(NodeRuleContext context)
    {
        var portfolio = context.Portfolio;
        var prefixes = context.GetOptions<GOV901Options>().ExternalPrefixes;
        var node = context.Node;
        foreach (var link in PortfolioIndex.LinkDataOf(node))
        {
            if (link.Resolved || IsExternal(link.TargetId, prefixes)) continue;
            var problem = link.Kind switch
            {
                PortfolioLinkKind.Person => PersonProblem(portfolio),
                PortfolioLinkKind.Artifact => ArtifactProblem(portfolio, link),
                _ => ItemProblem(portfolio, link, node.ItemScope),
            };

            // The finding belongs at the id itself: …/roadmapItemId, or …/objectiveIds/1 for a list element.
            if (problem is not null)
                context.ReportAtPresentPointer(link.Pointer, link.Label, link.TargetId, problem.Expected, problem.Why, problem.Fix);
        }
    }

    /// <summary>Ids with an external prefix are never checked.</summary>
    private static bool IsExternal(string id, IReadOnlyList<string>? prefixes)
    {
        if (prefixes is null) return false;
        foreach (var prefix in prefixes)
        {
            if (!string.IsNullOrEmpty(prefix) && id.StartsWith(prefix, StringComparison.Ordinal)) return true;
        }

        return false;
    }

    /// <summary>Person references are checked only when a Portfolio lists the people.</summary>
    private static Problem? PersonProblem(PortfolioIndex portfolio) =>
        portfolio.HasPeopleRegistry
            ? new Problem("a person", "no person in the Portfolio's people has that id", "correct the id, or add the person to the people of the Portfolio")
            : null;

    private static Problem ArtifactProblem(PortfolioIndex portfolio, in LinkData link)
    {
        var kind = link.Expected;
        if (link.Target < 0) return new Problem("a " + kind, "no artifact has that id", $"correct the id, or add the {kind}");
        var found = portfolio.Nodes[link.Target].Kind;
        return new Problem("a " + kind, $"it names a {found}, not a {kind}", $"name a {kind}");
    }

    private static Problem ItemProblem(PortfolioIndex portfolio, in LinkData link, string? scope)
    {
        var (noun, holders, holderKind, scopeNoun) = link.Kind switch
        {
            PortfolioLinkKind.Objective => ("an objective", "strategies", nameof(ProductStrategy), "product"),
            PortfolioLinkKind.RoadmapItem => ("a roadmap item", "roadmaps", nameof(Roadmap), "product"),
            PortfolioLinkKind.BacklogItem => ("a backlog item", "backlogs", nameof(Backlog), "product"),
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
            if (portfolio.TryResolveItem(link.Kind, null, link.TargetId, out var elsewhere))
            {
                why += elsewhere.ParentId.IsBlank()
                    ? $" ({holderKind} '{elsewhere.Id}', which has no {scopeNoun}Id, has one)"
                    : $" ({holderKind} '{elsewhere.Id}' of {scopeNoun} '{elsewhere.ParentId}' has one)";
            }
        }

        return new Problem(noun, why, $"correct the id, or add the {name}");
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
