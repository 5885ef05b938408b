using Governance.Rules.Model;

namespace Governance.Rules.Engine;

/// <summary>Collects the actions a rule registers in <see cref="GovernanceRule.Initialize"/>.</summary>
public sealed class RuleRegistration
{
    private readonly List<(ArtifactKind Kind, ArtifactAction Action, bool ReadsRecord)> artifactActions = [];
    private readonly List<Action<PortfolioRuleContext>> portfolioActions = [];

    internal RuleRegistration(GovernanceRule rule) => Rule = rule;

    internal GovernanceRule Rule { get; }

    /// <summary>The artifact actions; <c>ReadsRecord</c> is false for node actions, which read only the index.</summary>
    internal IReadOnlyList<(ArtifactKind Kind, ArtifactAction Action, bool ReadsRecord)> ArtifactActions => artifactActions;

    internal IReadOnlyList<Action<PortfolioRuleContext>> PortfolioActions => portfolioActions;

    /// <summary>Runs <paramref name="action"/> once for every artifact of kind <typeparamref name="TArtifact"/>.</summary>
    public void RegisterArtifactAction<TArtifact>(Action<ArtifactRuleContext<TArtifact>> action)
        where TArtifact : Artifact
    {
        ArgumentNullException.ThrowIfNull(action);
        var kind = KindOf(typeof(TArtifact));
        artifactActions.Add((kind, (run, entry, cancellationToken) =>
            action(new ArtifactRuleContext<TArtifact>(run, entry, (TArtifact)entry.Artifact, cancellationToken)), true));
    }

    /// <summary>Runs <paramref name="action"/> once for every artifact of <paramref name="kind"/> (rule packs name the kind at run time).</summary>
    internal void RegisterArtifactAction(ArtifactKind kind, Action<ArtifactRuleContext<Artifact>> action) =>
        artifactActions.Add((kind, (run, entry, cancellationToken) =>
            action(new ArtifactRuleContext<Artifact>(run, entry, entry.Artifact, cancellationToken)), true));

    /// <summary>
    /// Runs <paramref name="action"/> once for every artifact of <paramref name="kind"/> once the index is complete,
    /// with its node and not its record (which may have been released): for the engine's rules that read the graph.
    /// </summary>
    internal void RegisterNodeAction(ArtifactKind kind, Action<NodeRuleContext> action) =>
        artifactActions.Add((kind, (run, entry, cancellationToken) => action(new NodeRuleContext(run, entry, cancellationToken)), false));

    /// <summary>Runs <paramref name="action"/> once per analysis, after the portfolio index is complete.</summary>
    public void RegisterPortfolioAction(Action<PortfolioRuleContext> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        portfolioActions.Add(action);
    }

    private static ArtifactKind KindOf(Type type)
    {
        foreach (var name in ArtifactKinds.Names)
        {
            ArtifactKinds.TryGet(name, out var kind, out var recordType);
            if (recordType == type) return kind;
        }

        throw new ArgumentException($"{type.Name} is not an artifact kind; register an action for a concrete kind such as ProjectPlan.");
    }
}

/// <summary>An artifact action bound to its typed context.</summary>
internal delegate void ArtifactAction(RuleRun run, ArtifactEntry entry, CancellationToken cancellationToken);
