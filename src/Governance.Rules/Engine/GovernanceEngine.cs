using System.Collections.Concurrent;
using System.Diagnostics;
using Governance.Rules.Loading;
using Governance.Rules.Model;

namespace Governance.Rules.Engine;

/// <summary>
/// Runs the rules over a portfolio: artifact actions in parallel, partitioned by artifact, then portfolio actions once
/// the index is complete. A rule that throws becomes GOV009 and the run goes on. Findings come out in report order.
/// </summary>
public sealed class GovernanceEngine
{
    private readonly IReadOnlyList<GovernanceRule> rules;
    private readonly ArtifactLoader loader;
    private readonly TimeProvider timeProvider;
    private readonly Lazy<AnalysisOptions> defaults = new(() => new AnalysisOptions());

    /// <summary>Creates an engine over <paramref name="rules"/>.</summary>
    /// <exception cref="ArgumentException">Two rules share an id, or a rule id is malformed.</exception>
    /// <exception cref="RulePacks.RulePackException">A rule of a rule pack has the id of another rule.</exception>
    public GovernanceEngine(IEnumerable<GovernanceRule> rules, ArtifactLoader loader, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(loader);
        ArgumentNullException.ThrowIfNull(timeProvider);
        this.rules = [.. rules.OrderBy(r => r.Descriptor.Id, StringComparer.Ordinal)];
        this.loader = loader;
        this.timeProvider = timeProvider;
        RulePacks.PackRule.ThrowOnIdClash(this.rules);
        var ids = new HashSet<string>(EngineDiagnostics.All.Select(d => d.Id), StringComparer.Ordinal);
        foreach (var rule in this.rules)
        {
            var id = rule.Descriptor.Id;
            if (!RuleIds.IsWellFormed(id) && rule is not RulePacks.PackRule) throw new ArgumentException($"Rule {rule.GetType().Name} has a malformed id '{id}'; ids look like GOV123.", nameof(rules));
            if (!ids.Add(id)) throw new ArgumentException($"Two rules share the id {id} (one is {rule.GetType().FullName}).", nameof(rules));
        }
    }

    /// <summary>
    /// Creates an engine whose default analysis options come from <paramref name="options"/> (the options pattern): its
    /// configuration is validated like a <c>governance.yaml</c> on first use.
    /// </summary>
    /// <exception cref="ArgumentException">Two rules share an id, or a rule id is malformed.</exception>
    public GovernanceEngine(IEnumerable<GovernanceRule> rules, ArtifactLoader loader, TimeProvider timeProvider, Microsoft.Extensions.Options.IOptions<DependencyInjection.GovernanceRulesOptions> options)
        : this(rules, loader, timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        defaults = new Lazy<AnalysisOptions>(() => DefaultsFrom(options.Value), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>
    /// The options used when an analysis is given none: from <see cref="DependencyInjection.GovernanceRulesOptions"/>.
    /// </summary>
    /// <exception cref="Configuration.GovernanceConfigurationException">The configured configuration is invalid.</exception>
    public AnalysisOptions DefaultOptions => defaults.Value;

    private AnalysisOptions DefaultsFrom(DependencyInjection.GovernanceRulesOptions options)
    {
        Configuration.GovernanceConfiguration? configuration = null;
        if (options.ConfigurationFile is { } file) configuration = Configuration.GovernanceConfigurationLoader.Load(file, rules);
        else if (options.Configuration is { } document) configuration = Configuration.GovernanceConfigurationLoader.FromDocument(document, rules);
        return configuration?.ApplyTo(new AnalysisOptions()) ?? new AnalysisOptions();
    }

    /// <summary>Every descriptor the engine knows, engine diagnostics first, ordered by id.</summary>
    public IReadOnlyList<RuleDescriptor> Catalog =>
        [.. EngineDiagnostics.All.Concat(rules.Select(r => r.Descriptor)).OrderBy(d => d.Id, StringComparer.Ordinal)];

    /// <summary>The rules the engine runs.</summary>
    public IReadOnlyList<GovernanceRule> Rules => rules;

    /// <summary>Finds, loads and analyses the governance files under <paramref name="paths"/>.</summary>
    /// <exception cref="InputPathNotFoundException">A path does not exist.</exception>
    public AnalysisResult AnalyzePaths(IReadOnlyList<string> paths, AnalysisOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= DefaultOptions;
        var stopwatch = Stopwatch.StartNew();
        var loadOptions = options.Load;
        if (options.Progress is { } progress)
        {
            var read = 0;
            loadOptions = loadOptions with { FileRead = () => progress.Report(new AnalysisProgress(Interlocked.Increment(ref read), 0, 0)) };
        }

        var loaded = loader.LoadPaths(paths, loadOptions, cancellationToken);
        var loadTime = stopwatch.Elapsed;
        var entries = loaded.Artifacts.Select((a, i) => new ArtifactEntry(a.Artifact, a.Document, i)).ToList();
        return Run(entries, loaded.Findings, loaded.FilesRead, options, loadTime, cancellationToken);
    }

    /// <summary>Analyses records a host application built in memory (no files: findings carry pointers, not lines).</summary>
    public AnalysisResult Analyze(IEnumerable<Artifact> artifacts, AnalysisOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        var entries = artifacts.Select((a, i) => new ArtifactEntry(a ?? throw new ArgumentException("An artifact is null.", nameof(artifacts)), null, i)).ToList();
        return Run(entries, [], 0, options ?? DefaultOptions, TimeSpan.Zero, cancellationToken);
    }

    /// <summary>Analyses artifacts already loaded, keeping the loader's findings.</summary>
    public AnalysisResult Analyze(LoadResult loaded, AnalysisOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        var entries = loaded.Artifacts.Select((a, i) => new ArtifactEntry(a.Artifact, a.Document, i)).ToList();
        return Run(entries, loaded.Findings, loaded.FilesRead, options ?? DefaultOptions, TimeSpan.Zero, cancellationToken);
    }

    /// <summary>The date the clock rules use for <paramref name="options"/>.</summary>
    public DateOnly Today(AnalysisOptions? options = null)
    {
        if (options?.AsOf is { } asOf) return asOf;
        var zone = options?.TimeZone ?? TimeZoneInfo.Utc;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(timeProvider.GetUtcNow(), zone).DateTime);
    }

    private AnalysisResult Run(List<ArtifactEntry> entries, IReadOnlyList<Finding> loaderFindings, int files, AnalysisOptions options, TimeSpan loadTime, CancellationToken cancellationToken)
    {
        var stages = new Dictionary<string, TimeSpan>(StringComparer.Ordinal) { ["load"] = loadTime };
        var stopwatch = Stopwatch.StartNew();
        var today = Today(options);
        var findings = new ConcurrentBag<Finding>();
        var engineSeverities = new SettingsResolver(options);
        Finding WithEngineSeverity(Finding finding) =>
            engineSeverities.For(finding.RuleId, finding.File) is { Severity: { } severity } ? finding with { Severity = severity } : finding;
        foreach (var finding in loaderFindings) findings.Add(WithEngineSeverity(finding));
        foreach (var finding in FindDuplicates(entries)) findings.Add(WithEngineSeverity(finding));
        var portfolio = new PortfolioIndex(entries);
        stages["index"] = stopwatch.Elapsed;

        stopwatch.Restart();
        var resolver = new SettingsResolver(options);
        var active = new List<(GovernanceRule Rule, RuleRun Run, RuleRegistration Registration)>();
        foreach (var rule in rules)
        {
            var id = rule.Descriptor.Id;
            if (!resolver.RunsAnywhere(id)) continue;
            var registration = new RuleRegistration(rule);
            rule.Initialize(registration);
            var run = new RuleRun(rule.Descriptor, portfolio, today,
                entry => resolver.For(id, entry?.Document?.File),
                (entry, target, property, severity, fixedSeverity, args) =>
                    CreateFinding(rule.Descriptor, resolver.For(id, entry.Document?.File), today, entry, target, property, severity, fixedSeverity, args),
                finding => ArtifactActionRunner.Collect(finding, findings))
            {
                EffectiveSeverityOf = (ruleId, reported) => EffectiveSeverity(resolver, today, ruleId, reported),
                SettingsOf = (ruleId, entry) => resolver.For(ruleId, entry?.Document?.File),
                IsSetAside = (ruleId, entry, pointer) => SuppressionProcessor.IsSetAside(ruleId, entry, pointer, options, today),
                ReportFailure = (entry, target, property, message) =>
                    ArtifactActionRunner.Collect(WithEngineSeverity(RuleFailedAt(message, entry, target, property)), findings),
            };
            active.Add((rule, run, registration));
        }

        var ruleTicks = new long[active.Count];
        var actionsByKind = new Dictionary<ArtifactKind, List<(int RuleIndex, ArtifactAction Action)>>();
        for (var r = 0; r < active.Count; r++)
        {
            foreach (var (kind, action) in active[r].Registration.ArtifactActions)
            {
                if (!actionsByKind.TryGetValue(kind, out var list)) actionsByKind[kind] = list = [];
                list.Add((r, action));
            }
        }

        var parallel = new ParallelOptions
        {
            CancellationToken = cancellationToken,
            MaxDegreeOfParallelism = options.MaxDegreeOfParallelism ?? Environment.ProcessorCount,
        };
        options.Progress?.Report(new AnalysisProgress(files, 0, entries.Count));
        var work = new List<ArtifactWork>();
        foreach (var entry in entries)
        {
            if (!actionsByKind.TryGetValue(entry.Artifact.ArtifactKind, out var actions)) continue;
            foreach (var (ruleIndex, action) in actions)
            {
                var (rule, run, _) = active[ruleIndex];
                if (resolver.For(rule.Descriptor.Id, entry.Document?.File) is { Enabled: false }) continue;
                work.Add(new ArtifactWork(ruleIndex, run, entry, action));
            }
        }

        // Actions see a token that is also cancelled when the run ends, so an abandoned (overrunning) action that
        // observes it stops then.
        using (var runScope = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            try
            {
                new ArtifactActionRunner(work, findings, ruleTicks, options.RuleTimeBudget,
                        (item, ex) => findings.Add(WithEngineSeverity(RuleFailed(active[item.RuleIndex].Rule, ex, item.Entry))),
                        item => findings.Add(WithEngineSeverity(RuleOverran(active[item.RuleIndex].Rule, options.RuleTimeBudget, item.Entry))),
                        runScope.Token)
                    .Run(parallel.MaxDegreeOfParallelism, cancellationToken);
            }
            finally
            {
                runScope.Cancel();
            }
        }

        options.Progress?.Report(new AnalysisProgress(files, entries.Count, entries.Count));
        stages["rules"] = stopwatch.Elapsed;

        stopwatch.Restart();
        Parallel.For(0, active.Count, parallel, ruleIndex =>
        {
            var (rule, run, registration) = active[ruleIndex];
            foreach (var action in registration.PortfolioActions)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    action(new PortfolioRuleContext(run, cancellationToken));
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }
                catch (Exception ex)
                {
                    findings.Add(WithEngineSeverity(RuleFailed(rule, ex, null)));
                }

                Interlocked.Add(ref ruleTicks[ruleIndex], Stopwatch.GetTimestamp() - started);
            }
        });
        stages["portfolioRules"] = stopwatch.Elapsed;

        stopwatch.Restart();
        var ordered = findings.ToList();
        var ran = active.Select(a => a.Rule.Descriptor.Id).ToHashSet(StringComparer.Ordinal);
        SuppressionProcessor.Apply(ordered, entries, options, today,
            (ruleId, entry) => (ran.Contains(ruleId) && resolver.For(ruleId, entry.Document?.File) is not { Enabled: false }) || SuppressionProcessor.IsEngineDiagnostic(ruleId),
            WithEngineSeverity);
        ordered.Sort(Finding.ReportOrder);
        var fixedEntries = options.Baseline is { } baseline ? SuppressionProcessor.ApplyBaseline(ordered, baseline) : [];
        stages["suppressions"] = stopwatch.Elapsed;
        var timings = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        for (var r = 0; r < active.Count; r++) timings[active[r].Rule.Descriptor.Id] = Stopwatch.GetElapsedTime(0, ruleTicks[r]);

        return new AnalysisResult
        {
            Findings = ordered,
            Rules = [.. EngineDiagnostics.All.Concat(active.Select(a => a.Rule.Descriptor)).OrderBy(d => d.Id, StringComparer.Ordinal)],
            Today = today,
            FilesAnalyzed = files,
            Artifacts = portfolio.Artifacts,
            ArtifactFiles = [.. entries.Select(e => e.Document?.File)],
            StageTimings = stages,
            RuleTimings = timings,
            FixedBaselineEntries = fixedEntries,
            BaselineApplied = options.Baseline is not null,
        };
    }

    private Severity? EffectiveSeverity(SettingsResolver resolver, DateOnly today, string ruleId, Severity reported)
    {
        if (!rules.Any(r => r.Descriptor.Id == ruleId)) return null;
        var settings = resolver.For(ruleId, null);
        if (settings is { Enabled: false }) return null;
        if (settings?.EnforceFrom is { } enforceFrom && today < enforceFrom) return Severity.Info;
        return settings?.Severity ?? reported;
    }

    private static IEnumerable<Finding> FindDuplicates(List<ArtifactEntry> entries)
    {
        var first = new Dictionary<string, ArtifactEntry>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var id = entry.Artifact.Id;
            if (string.IsNullOrWhiteSpace(id)) continue;
            if (!first.TryGetValue(id, out var original))
            {
                first[id] = entry;
                continue;
            }

            entry.IsDuplicate = true;
            var where = original.Document is { } doc ? $"{doc.File}:{(doc.Map.TryGetPosition(string.Empty, out var p) ? p.Line : 0)}" : "an earlier artifact";
            var (pointer, position) = entry.Locate(entry.Artifact.Metadata, "id");
            yield return new Finding
            {
                RuleId = EngineDiagnostics.DuplicateId.Id,
                Severity = EngineDiagnostics.DuplicateId.DefaultSeverity,
                Message = EngineDiagnostics.DuplicateId.FormatMessage(id, where),
                ArtifactId = id,
                File = entry.Document?.File,
                Pointer = pointer,
                Line = position.Line,
                Column = position.Column,
            };
        }
    }

    private static Finding? CreateFinding(RuleDescriptor descriptor, RuleSettings? settings, DateOnly today, ArtifactEntry entry, object target, string? property, Severity? reported, bool fixedSeverity, object?[] args)
    {
        if (settings is { Enabled: false }) return null; // a portfolio rule reporting on a file where the rule is off
        var (pointer, position) = entry.Locate(target, property);
        var severity = fixedSeverity && reported is { } fixedValue
            ? fixedValue
            : settings?.Severity ?? reported ?? descriptor.DefaultSeverity;
        if (settings?.EnforceFrom is { } enforceFrom && today < enforceFrom) severity = Severity.Info;
        return new Finding
        {
            RuleId = descriptor.Id,
            Severity = severity,
            Message = descriptor.FormatMessage(args),
            ArtifactId = entry.Artifact.Id,
            File = entry.Document?.File,
            Pointer = pointer,
            Line = position.Line,
            Column = position.Column,
        };
    }

    private static Finding RuleFailed(GovernanceRule rule, Exception exception, ArtifactEntry? entry) =>
        RuleFailedAt(EngineDiagnostics.RuleFailed.FormatMessage(rule.Descriptor.Id, exception.GetType().Name, exception.Message), entry);

    private static Finding RuleOverran(GovernanceRule rule, TimeSpan budget, ArtifactEntry entry) =>
        RuleFailedAt(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"Rule {rule.Descriptor.Id} exceeded its time budget of {budget.TotalSeconds:0.###} s on this artifact; its findings here are dropped and the run went on without it"), entry);

    /// <summary>GOV009 at a value a rule could not check (the rule contained the failure and went on).</summary>
    private static Finding RuleFailedAt(string message, ArtifactEntry entry, object target, string? property)
    {
        var (pointer, position) = entry.Locate(target, property);
        return RuleFailedAt(message, entry) with { Pointer = pointer, Line = position.Line, Column = position.Column };
    }

    private static Finding RuleFailedAt(string message, ArtifactEntry? entry)
    {
        var descriptor = EngineDiagnostics.RuleFailed;
        var finding = new Finding
        {
            RuleId = descriptor.Id,
            Severity = descriptor.DefaultSeverity,
            Message = message,
            ArtifactId = entry?.Artifact.Id,
            File = entry?.Document?.File,
            Pointer = entry is null ? null : string.Empty,
        };
        if (entry?.Document is { } document && document.Map.TryGetPosition(string.Empty, out var root))
            finding = finding with { Line = root.Line, Column = root.Column };
        return finding;
    }
}
