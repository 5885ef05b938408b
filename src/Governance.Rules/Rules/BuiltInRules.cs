using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>The built-in rule catalog: every sealed <see cref="GovernanceRule"/> in this assembly.</summary>
public static class BuiltInRules
{
    /// <summary>
    /// The rule types, ordered by id. A static list, not a scan of the assembly: scanning loads every type (and the
    /// assemblies their members name) on each start of <c>govern</c>. A test keeps it equal to the scan.
    /// </summary>
    internal static IReadOnlyList<Type> Types { get; } =
    [
        typeof(GOV101), typeof(GOV102), typeof(GOV103), typeof(GOV104), typeof(GOV105), typeof(GOV201), typeof(GOV202),
        typeof(GOV203), typeof(GOV204), typeof(GOV205), typeof(GOV301), typeof(GOV302), typeof(GOV303), typeof(GOV304),
        typeof(GOV305), typeof(GOV401), typeof(GOV402), typeof(GOV403), typeof(GOV404), typeof(GOV405), typeof(GOV406),
        typeof(GOV407), typeof(GOV408), typeof(GOV409), typeof(GOV410), typeof(GOV411), typeof(GOV412), typeof(GOV413),
        typeof(GOV414), typeof(GOV501), typeof(GOV502), typeof(GOV503), typeof(GOV504), typeof(GOV601), typeof(GOV602),
        typeof(GOV603), typeof(GOV604), typeof(GOV605), typeof(GOV606), typeof(GOV607), typeof(GOV701), typeof(GOV702),
        typeof(GOV703), typeof(GOV704), typeof(GOV705), typeof(GOV706), typeof(GOV707), typeof(GOV801), typeof(GOV802),
        typeof(GOV803), typeof(GOV804), typeof(GOV805), typeof(GOV806), typeof(GOV901), typeof(GOV902), typeof(GOV903),
        typeof(GOV904), typeof(GOV905), typeof(GOV906), typeof(GOV907),
    ];

    /// <summary>
    /// What the built-in rules read of other artifacts: those not listed read only the artifact they are given; those
    /// listed read the index (nodes, links, facts) and the records of the kinds given.
    /// </summary>
    private static readonly Dictionary<Type, ArtifactKind[]> CrossArtifactReaders = new()
    {
        [typeof(GOV305)] = [], // the index's backlog item facts
        [typeof(GOV410)] = [ArtifactKind.Portfolio], // the default currency
        [typeof(GOV411)] = [ArtifactKind.Portfolio], // people's names
        [typeof(GOV413)] = [ArtifactKind.Portfolio],
        [typeof(GOV501)] = [ArtifactKind.StatusReport, ArtifactKind.ProjectPlan],
        [typeof(GOV504)] = [ArtifactKind.StatusReport, ArtifactKind.ProjectPlan, ArtifactKind.Portfolio],
        [typeof(GOV601)] = [], // nodes
        [typeof(GOV607)] = [], // the handovers' and projects' facts (a node action)
        [typeof(GOV701)] = [], // nodes
        [typeof(GOV801)] = [], // nodes
        [typeof(GOV805)] = [], // the products' and analytics' facts (a node action)
        [typeof(GOV901)] = [], // the link graph
        [typeof(GOV902)] = [], // nodes
        [typeof(GOV903)] = [], // the objectives' and roadmap items' facts
        [typeof(GOV904)] = [ArtifactKind.Project], // and the roadmap and backlog item facts
        [typeof(GOV906)] = [], // nodes
        [typeof(GOV907)] = [ArtifactKind.ProjectPlan, ArtifactKind.Project, ArtifactKind.Portfolio],
    };

    /// <summary>What a built-in rule reads of other artifacts; <see langword="null"/> for any other rule.</summary>
    internal static RuleReach? ReachOf(GovernanceRule rule)
    {
        var type = rule.GetType();
        if (type.Assembly != typeof(BuiltInRules).Assembly || type.Namespace != typeof(BuiltInRules).Namespace) return null;
        return CrossArtifactReaders.TryGetValue(type, out var kinds) ? new RuleReach(true, kinds) : RuleReach.Local;
    }

    /// <summary>Creates one instance of every built-in rule.</summary>
    public static IReadOnlyList<GovernanceRule> Create() =>
        [.. Types.Select(t => (GovernanceRule)Activator.CreateInstance(t, nonPublic: true)!)];

    /// <summary>The descriptors of the engine diagnostics and every built-in rule, ordered by id.</summary>
    public static IReadOnlyList<RuleDescriptor> Catalog => CatalogCache.Value;

    // Built on first use: a run that only needs the types (every `govern check`) does not create every rule twice.
    private static readonly Lazy<IReadOnlyList<RuleDescriptor>> CatalogCache = new(static () =>
        [.. EngineDiagnostics.All.Concat(Create().Select(r => r.Descriptor)).OrderBy(d => d.Id, StringComparer.Ordinal)]);
}

/// <summary>What a rule reads beyond the artifact it is given: the index, and the records of some kinds.</summary>
/// <param name="ReadsIndex">Whether it reads the index (so it runs once the portfolio is indexed).</param>
/// <param name="Records">The kinds of other artifacts whose records it reads.</param>
internal sealed record RuleReach(bool ReadsIndex, IReadOnlyCollection<ArtifactKind> Records)
{
    /// <summary>Reads only the artifact it is given.</summary>
    public static readonly RuleReach Local = new(false, []);
}
