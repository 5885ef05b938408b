using System.Globalization;
using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace Governance.Rules.Reporting;

/// <summary>Builds the <see cref="ReportModel"/> of an <see cref="AnalysisResult"/>: findings with their state, scope and groupings.</summary>
internal static class ReportModelBuilder
{
    /// <summary>The finding states of <see cref="ReportFinding.State"/>.</summary>
    public const string Active = "active";
    public const string Suppressed = "suppressed";
    public const string Exempted = "exempted";
    public const string Baselined = "baselined";

    private static readonly string[] CatalogCategories =
    [
        RuleCategories.Engine, RuleCategories.Strategy, RuleCategories.Roadmap, RuleCategories.Backlog, RuleCategories.Plan,
        RuleCategories.Status, RuleCategories.Handover, RuleCategories.PostMortem, RuleCategories.Analytics, RuleCategories.Portfolio,
    ];

    public static ReportModel Build(AnalysisResult result, ReportContext context)
    {
        var rules = new Dictionary<string, RuleDescriptor>(StringComparer.Ordinal);
        foreach (var rule in result.Rules) rules.TryAdd(rule.Id, rule);

        var scopes = new ScopeResolver(result.Analyzed);
        var slots = new ArtifactSlots(result, scopes);
        var findings = new List<ReportFinding>(result.Findings.Count);
        foreach (var finding in result.Findings)
        {
            var slot = slots.Of(finding);
            var model = ToModel(finding, slot, rules, context.BaselineUsed || result.BaselineApplied);
            findings.Add(model);
            slot.Members.Add(model);
        }

        var artifactGroups = slots.ToGroups();
        var categories = Categories(result.Rules);
        var byProject = PortfolioGroups(
            findings, f => f.ProjectId, categories,
            scopes.Projects.Select(p => (Id: p.Id!, p.Title, ProductId: Blank(p.ProductId))),
            artifactGroups.Select(g => g.ProjectId));
        var byProduct = PortfolioGroups(
            findings, f => f.ProductId, categories,
            scopes.Products.Select(p => (Id: p.Id!, p.Title, ProductId: (string?)null)),
            artifactGroups.Select(g => g.ProductId).Concat(byProject.Select(p => p.ProductId)));

        var weights = context.ScoreWeights ?? ScoreWeights.Default;
        foreach (var group in artifactGroups) group.Score = Score(group.Members, weights);
        byProject = [.. byProject.Select(g => g with { Score = Score(findings.Where(f => f.ProjectId == g.Id), weights) })];
        byProduct = [.. byProduct.Select(g => g with { Score = Score(findings.Where(f => f.ProductId == g.Id), weights) })];

        var all = Count(findings);
        var report = new ReportModel
        {
            Tool = new ReportTool(ToolInformation.Name, context.ToolVersion, ToolInformation.InformationUri),
            AsOf = result.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            BaselineUsed = context.BaselineUsed || result.BaselineApplied,
            Summary = new ReportSummary
            {
                Errors = all.Errors,
                Warnings = all.Warnings,
                Infos = all.Infos,
                Suppressed = all.Suppressed,
                Exempted = all.Exempted,
                Baselined = all.Baselined,
                Active = all.Active,
                Total = all.Total,
                Files = result.FilesAnalyzed,
                Artifacts = result.Analyzed.Count,
                Products = byProduct.Count,
                Projects = byProject.Count,
                Rules = result.Rules.Count,
            },
            ProjectHealth = new ReportHealth(
                byProject.Count(p => p.Health == "red"), byProject.Count(p => p.Health == "amber"), byProject.Count(p => p.Health == "green")),
            Categories = categories,
            Rules = [.. result.Rules.Select(r => new ReportRule(r.Id, r.Title, r.Category, r.DefaultSeverity.ToName(), r.Description, r.HelpUri))],
            Findings = findings,
            ByRule = [.. findings
                .GroupBy(f => f.RuleId, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new ReportRuleGroup(g.Key, g.First().RuleTitle, g.First().Category, g.First().HelpUri, Count(g)))],
            ByArtifact = artifactGroups,
            ByProduct = byProduct,
            ByProject = byProject,
            Timings = context.IncludeTimings ? Timings(result) : new ReportTimings([], []),
            Score = Score(findings, weights),
            ScoreWeights = ReportScoreWeights.From(weights),
        };
        return context.Previous is { } previous
            ? report with { Comparison = ReportComparer.Compare(previous, ReportComparer.Of(report), context.PreviousName, null) }
            : report;
    }

    /// <summary>The health score of <paramref name="findings"/>: <c>max(0, 100 - sum of the weights of the active ones)</c>.</summary>
    internal static ReportScore Score(IEnumerable<ReportFinding> findings, ScoreWeights weights)
    {
        var breakdown = findings
            .Where(f => f.State == Active)
            .GroupBy(f => f.RuleId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ReportScoreItem(g.Key, g.Count(), g.Sum(f => weights.WeightOf(f.RuleId, f.Severity))))
            .ToList();
        if (breakdown.Count == 0) return ReportScore.Perfect;
        var deducted = breakdown.Sum(i => i.Deducted);
        return new ReportScore { Value = Math.Max(0, 100 - deducted), Deducted = deducted, Breakdown = breakdown };
    }

    private static ReportFinding ToModel(Finding finding, ArtifactSlot group, Dictionary<string, RuleDescriptor> rules, bool baselineUsed)
    {
        rules.TryGetValue(finding.RuleId, out var rule);
        var state = finding switch
        {
            { Suppression.Kind: SuppressionKind.InSource } => Suppressed,
            { Suppression.Kind: SuppressionKind.Exemption } => Exempted,
            { IsBaselined: true } => Baselined,
            _ => Active,
        };
        return new ReportFinding
        {
            RuleId = finding.RuleId,
            RuleTitle = rule?.Title,
            Category = rule?.Category ?? RuleCategories.ForId(finding.RuleId),
            Severity = finding.Severity.ToName(),
            Message = finding.Message,
            State = state,
            Justification = finding.Suppression?.Justification,
            Suppression = finding.Suppression is { } s
                ? new ReportSuppression(s.Kind == SuppressionKind.InSource ? "inSource" : "external", s.Justification)
                : null,
            BaselineState = finding.IsBaselined ? "unchanged" : baselineUsed ? "new" : null,
            ArtifactId = finding.ArtifactId,
            ArtifactKind = finding.ArtifactId is null ? null : group.Kind,
            ProductId = group.ProductId,
            ProjectId = group.ProjectId,
            File = finding.File,
            Line = finding.Line > 0 ? finding.Line : null,
            Column = finding.Column > 0 ? finding.Column : null,
            Pointer = finding.Pointer,
            Location = Location(finding),
            HelpUri = rule is null ? RuleDescriptor.HelpBaseUri + finding.RuleId + ".md" : rule.HelpUri,
        };
    }

    private static string? Location(Finding finding)
    {
        if (finding.File is null) return null;
        if (finding.Line <= 0) return finding.File;
        return finding.Column > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{finding.File}:{finding.Line}:{finding.Column}")
            : string.Create(CultureInfo.InvariantCulture, $"{finding.File}:{finding.Line}");
    }

    private static List<string> Categories(IEnumerable<RuleDescriptor> rules)
    {
        var present = rules.Select(r => r.Category).ToHashSet(StringComparer.Ordinal);
        return [.. CatalogCategories.Where(present.Contains), .. present.Except(CatalogCategories).Order(StringComparer.Ordinal)];
    }

    private static List<ReportPortfolioGroup> PortfolioGroups(
        List<ReportFinding> findings,
        Func<ReportFinding, string?> keyOf,
        IReadOnlyList<string> categories,
        IEnumerable<(string Id, string? Title, string? ProductId)> analyzed,
        IEnumerable<string?> referenced)
    {
        var known = new Dictionary<string, (string? Title, string? ProductId)>(StringComparer.Ordinal);
        foreach (var (id, title, productId) in analyzed) known.TryAdd(id, (Blank(title), productId));
        var ids = known.Keys.Concat(referenced.OfType<string>()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var byId = findings.Where(f => keyOf(f) is not null).ToLookup(f => keyOf(f)!, StringComparer.Ordinal);
        var groups = new List<ReportPortfolioGroup>();
        foreach (var id in ids)
        {
            var members = byId[id].ToList();
            var counts = Count(members);
            var isKnown = known.TryGetValue(id, out var info);
            groups.Add(new ReportPortfolioGroup
            {
                Id = id,
                Title = isKnown ? info.Title : null,
                Analyzed = isKnown,
                ProductId = isKnown ? info.ProductId : null,
                Health = counts.Errors > 0 ? "red" : counts.Warnings > 0 ? "amber" : "green",
                Counts = counts,
                ByCategory = [.. categories.Select(c => new ReportCategoryCount(
                    c,
                    members.Count(f => f.State == Active && f.Category == c),
                    members.Count(f => f.Category == c)))],
            });
        }

        return groups;
    }

    internal static ReportCounts Count(IEnumerable<ReportFinding> findings)
    {
        int errors = 0, warnings = 0, infos = 0, suppressed = 0, exempted = 0, baselined = 0;
        foreach (var finding in findings)
        {
            switch (finding.State)
            {
                case Suppressed: suppressed++; break;
                case Exempted: exempted++; break;
                case Baselined: baselined++; break;
                default:
                    if (finding.Severity == "error") errors++;
                    else if (finding.Severity == "warning") warnings++;
                    else infos++;
                    break;
            }
        }

        var active = errors + warnings + infos;
        return new ReportCounts
        {
            Errors = errors,
            Warnings = warnings,
            Infos = infos,
            Suppressed = suppressed,
            Exempted = exempted,
            Baselined = baselined,
            Active = active,
            Total = active + suppressed + exempted + baselined,
        };
    }

    private static ReportTimings Timings(AnalysisResult result) => new(
        [.. result.StageTimings.Select(t => new ReportTiming(t.Key, Milliseconds(t.Value)))],
        [.. result.RuleTimings.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new ReportTiming(t.Key, Milliseconds(t.Value)))]);

    private static double Milliseconds(TimeSpan time) => Math.Round(time.TotalMilliseconds, 3);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    /// <summary>The artifact groups while findings are assigned to them.</summary>
    private sealed class ArtifactSlots
    {
        private readonly List<ArtifactSlot> slots;
        private readonly Dictionary<(string? Id, string? File), ArtifactSlot> byKey = [];
        private readonly bool filesKnown;

        public ArtifactSlots(AnalysisResult result, ScopeResolver scopes)
        {
            // Artifacts are matched by id and file; when the result does not say where each artifact came from, by id only.
            var analyzed = result.Analyzed;
            filesKnown = result.ArtifactFilesKnown;
            slots = new List<ArtifactSlot>(analyzed.Count);
            for (var i = 0; i < analyzed.Count; i++)
            {
                var artifact = analyzed[i];
                var (productId, projectId) = scopes.ScopeOf(artifact);
                var slot = new ArtifactSlot(Blank(artifact.Id), filesKnown ? artifact.File : null)
                {
                    Kind = artifact.Kind.ToString(),
                    Title = Blank(artifact.Title),
                    ProductId = productId,
                    ProjectId = projectId,
                };
                slots.Add(slot);
                byKey.TryAdd((slot.ArtifactId, slot.File), slot);
            }
        }

        /// <summary>The group of <paramref name="finding"/>: its artifact's, else one for its file (added on first use).</summary>
        public ArtifactSlot Of(Finding finding)
        {
            var key = (finding.ArtifactId, finding.ArtifactId is null || filesKnown ? finding.File : null);
            if (byKey.TryGetValue(key, out var slot)) return slot;
            slot = new ArtifactSlot(finding.ArtifactId, finding.File);
            byKey.Add(key, slot);
            slots.Add(slot);
            return slot;
        }

        /// <summary>The groups by file (no file first), artifacts in document order within a file.</summary>
        public List<ReportArtifactGroup> ToGroups()
        {
            var groups = new List<ReportArtifactGroup>(slots.Count);
            foreach (var slot in slots.OrderBy(s => s.File ?? s.Members.FirstOrDefault()?.File, StringComparer.Ordinal))
            {
                var group = new ReportArtifactGroup
                {
                    ArtifactId = slot.ArtifactId,
                    Kind = slot.Kind,
                    Title = slot.Title,
                    File = slot.File ?? slot.Members.FirstOrDefault()?.File,
                    ProductId = slot.ProductId,
                    ProjectId = slot.ProjectId,
                    Counts = Count(slot.Members),
                };
                group.Members.AddRange(slot.Members);
                groups.Add(group);
            }

            return groups;
        }
    }

    private sealed class ArtifactSlot(string? artifactId, string? file)
    {
        public string? ArtifactId { get; } = artifactId;
        public string? File { get; } = file;
        public string? Kind { get; init; }
        public string? Title { get; init; }
        public string? ProductId { get; init; }
        public string? ProjectId { get; init; }
        public List<ReportFinding> Members { get; } = [];
    }

    /// <summary>The product and project each artifact belongs to, through <c>productId</c>, <c>projectId</c> and <c>subjectId</c>.</summary>
    private sealed class ScopeResolver
    {
        private readonly Dictionary<string, AnalyzedArtifact> projects = new(StringComparer.Ordinal);
        private readonly Dictionary<string, AnalyzedArtifact> products = new(StringComparer.Ordinal);

        public ScopeResolver(IReadOnlyList<AnalyzedArtifact> artifacts)
        {
            // Ids resolve to the first artifact in document order (SPEC §H).
            foreach (var artifact in artifacts)
            {
                if (Blank(artifact.Id) is not { } id) continue;
                if (artifact.Kind == ArtifactKind.Project) projects.TryAdd(id, artifact);
                if (artifact.Kind == ArtifactKind.Product) products.TryAdd(id, artifact);
            }
        }

        /// <summary>The Project artifacts, first of each id, in document order.</summary>
        public IEnumerable<AnalyzedArtifact> Projects => projects.Values;

        /// <summary>The Product artifacts, first of each id, in document order.</summary>
        public IEnumerable<AnalyzedArtifact> Products => products.Values;

        public (string? ProductId, string? ProjectId) ScopeOf(AnalyzedArtifact artifact)
        {
            switch (artifact.Kind)
            {
                case ArtifactKind.Product:
                    return (Blank(artifact.Id), null);
                case ArtifactKind.Project:
                    return (Blank(artifact.ProductId), Blank(artifact.Id));
                case ArtifactKind.ProductStrategy or ArtifactKind.Roadmap or ArtifactKind.Backlog or ArtifactKind.ProductAnalytics:
                    return (Blank(artifact.ParentId), null);
                case ArtifactKind.PostMortem:
                    // An incident's subject is a project only when it names one (SPEC §H).
                    return Blank(artifact.ParentId) is { } subject && projects.ContainsKey(subject)
                        ? (ProductOf(subject), subject)
                        : (null, null);
                case ArtifactKind.ProjectPlan or ArtifactKind.StatusReport or ArtifactKind.Handover:
                    var projectId = Blank(artifact.ParentId);
                    var productId = projectId is null ? null : ProductOf(projectId);
                    if (productId is null && artifact.Kind == ArtifactKind.Handover) productId = Blank(artifact.ProductId);
                    return (productId, projectId);
                default:
                    return (null, null);
            }
        }

        private string? ProductOf(string projectId) =>
            projects.TryGetValue(projectId, out var project) ? Blank(project.ProductId) : null;
    }
}
