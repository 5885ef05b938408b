using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Governance.Rules.DependencyInjection;
using Governance.Rules.Loading;
using Governance.Rules.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Governance.Rules.Engine;

/// <summary>
/// Runs the rules over a portfolio: artifact actions in parallel, partitioned by artifact, then portfolio actions once
/// the index is complete. A rule that throws becomes GOV009 and the run goes on. Findings come out in report order.
/// </summary>
/// <remarks>
/// One engine can be shared: every analysis method is safe to call from several threads at once, and the same input
/// with the same options gives the same result whatever else runs.
/// </remarks>
public sealed class GovernanceEngine
{
    private readonly IReadOnlyList<GovernanceRule> rules;
    private readonly ArtifactLoader loader;
    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;
    private readonly Lazy<AnalysisOptions> defaults = new(() => new AnalysisOptions());

    /// <summary>Creates an engine over <paramref name="rules"/> (for example <see cref="Rules.BuiltInRules.Create"/>).</summary>
    /// <param name="rules">The rules to run besides the engine diagnostics.</param>
    /// <param name="timeProvider">The clock the date rules read unless <see cref="AnalysisOptions.AsOf"/> is set; default the system clock.</param>
    /// <param name="options">Defaults for analyses given no <see cref="AnalysisOptions"/>; validated on first use.</param>
    /// <param name="logger">Where the engine logs run start and end, files read and rule failures; default none.</param>
    /// <exception cref="ArgumentException">Two rules share an id, or a rule id is malformed.</exception>
    /// <exception cref="RulePacks.RulePackException">A rule of a rule pack has the id of another rule.</exception>
    public GovernanceEngine(
        IEnumerable<GovernanceRule> rules,
        TimeProvider? timeProvider = null,
        IOptions<GovernanceRulesOptions>? options = null,
        ILogger<GovernanceEngine>? logger = null)
        : this(rules, new ArtifactLoader(), timeProvider ?? TimeProvider.System, options, logger)
    {
    }

    internal GovernanceEngine(IEnumerable<GovernanceRule> rules, ArtifactLoader loader, TimeProvider timeProvider)
        : this(rules, loader, timeProvider, null, null)
    {
    }

    internal GovernanceEngine(IEnumerable<GovernanceRule> rules, ArtifactLoader loader, TimeProvider timeProvider, IOptions<GovernanceRulesOptions>? options, ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(loader);
        ArgumentNullException.ThrowIfNull(timeProvider);
        this.rules = [.. rules.OrderBy(r => r.Descriptor.Id, StringComparer.Ordinal)];
        this.loader = loader;
        this.timeProvider = timeProvider;
        this.logger = logger ?? NullLogger.Instance;
        RulePacks.PackRule.ThrowOnIdClash(this.rules);
        var ids = new HashSet<string>(EngineDiagnostics.All.Select(d => d.Id), StringComparer.Ordinal);
        foreach (var rule in this.rules)
        {
            var id = rule.Descriptor.Id;
            if (!RuleIds.IsWellFormed(id) && rule is not RulePacks.PackRule) throw new ArgumentException($"Rule {rule.GetType().Name} has a malformed id '{id}'; ids look like GOV123.", nameof(rules));
            if (!ids.Add(id)) throw new ArgumentException($"Two rules share the id {id} (one is {rule.GetType().FullName}).", nameof(rules));
        }

        if (options is not null)
            defaults = new Lazy<AnalysisOptions>(() => DefaultsFrom(options.Value), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>
    /// The options used when an analysis is given none: from <see cref="GovernanceRulesOptions"/>.
    /// </summary>
    /// <exception cref="Configuration.GovernanceConfigurationException">The configured configuration is invalid.</exception>
    public AnalysisOptions DefaultOptions => defaults.Value;

    private AnalysisOptions DefaultsFrom(GovernanceRulesOptions options)
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
    /// <param name="paths">Files and folders; folders are searched for <c>.yaml</c>, <c>.yml</c> and <c>.json</c> files.</param>
    /// <param name="options">The options of this analysis; <see cref="DefaultOptions"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the analysis (<see cref="OperationCanceledException"/>).</param>
    /// <exception cref="InputPathNotFoundException">A path does not exist.</exception>
    public AnalysisResult AnalyzePaths(IReadOnlyList<string> paths, AnalysisOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        options ??= DefaultOptions;
        var stopwatch = Stopwatch.StartNew();
        EngineLog.RunStarted(logger, paths.Count, "path(s)");
        var loadOptions = options.Load;
        var read = 0;
        var progress = options.Progress;
        var logFiles = logger.IsEnabled(LogLevel.Trace);
        if (progress is not null || logFiles)
        {
            loadOptions = loadOptions with
            {
                FileRead = file =>
                {
                    var count = Interlocked.Increment(ref read);
                    if (logFiles) EngineLog.FileRead(logger, file);
                    progress?.Report(new AnalysisProgress(count, 0, 0));
                },
            };
        }

        if (!options.KeepArtifacts)
        {
            var deferBacklogItems = new BacklogItemsSwitch();
            var batches = LoadingAhead(Stream(paths, loadOptions with { HoldFileBytes = true }, deferBacklogItems, cancellationToken));
            return Run(batches, options, TimeSpan.Zero, stream: true, cancellationToken, deferBacklogItems);
        }

        var loaded = loader.LoadPaths(paths, loadOptions, cancellationToken);
        var loadTime = stopwatch.Elapsed;
        EngineLog.FilesLoaded(logger, loaded.FilesRead, loaded.Artifacts.Count, loaded.Findings.Count, loadTime.TotalMilliseconds);
        var entries = loaded.Artifacts.Select((a, i) => new ArtifactEntry(a.Artifact, a.Document, i)).ToList();
        return Run(entries, loaded.Findings, loaded.FilesRead, options, loadTime, cancellationToken);
    }

    /// <summary>
    /// Like <see cref="AnalyzePaths"/>, on the thread pool: reading, parsing and the rules run there and the caller's
    /// thread is free. Cancelling <paramref name="cancellationToken"/> stops between files and between rule actions.
    /// </summary>
    /// <param name="paths">Files and folders; folders are searched for <c>.yaml</c>, <c>.yml</c> and <c>.json</c> files.</param>
    /// <param name="options">The options of this analysis; <see cref="DefaultOptions"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the analysis (the task is then cancelled).</param>
    /// <exception cref="InputPathNotFoundException">A path does not exist.</exception>
    public Task<AnalysisResult> AnalyzePathsAsync(IReadOnlyList<string> paths, AnalysisOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return Task.Run(() => AnalyzePaths(paths, options, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Analyses one document's text as if it were the file <paramref name="displayPath"/> (a form field, a database
    /// column, a pull-request diff). Findings carry that path, and lines and columns within <paramref name="text"/>.
    /// </summary>
    /// <param name="displayPath">The path findings show; its extension picks the parser (<c>.json</c>, else YAML).</param>
    /// <param name="text">The YAML or JSON content; several YAML documents (<c>---</c>) are several artifacts.</param>
    /// <param name="options">The options of this analysis; <see cref="DefaultOptions"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the analysis (<see cref="OperationCanceledException"/>).</param>
    public AnalysisResult AnalyzeContent(string displayPath, string text, AnalysisOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(displayPath);
        ArgumentNullException.ThrowIfNull(text);
        EngineLog.RunStarted(logger, 1, displayPath);
        var loaded = loader.LoadContent(displayPath, Encoding.UTF8.GetBytes(text));
        return Run(Entries(loaded), loaded.Findings, loaded.FilesRead, options ?? DefaultOptions, TimeSpan.Zero, cancellationToken);
    }

    /// <summary>
    /// Reads <paramref name="content"/> to its end and analyses it as the file <paramref name="displayPath"/> (an
    /// upload, a blob, a response body). The stream is not closed. Content over 256 MiB, or a stream that fails while
    /// being read, is a GOV001 finding, never an exception.
    /// </summary>
    /// <param name="content">UTF-8 (or UTF-16 with a byte-order mark) YAML or JSON.</param>
    /// <param name="displayPath">The path findings show; its extension picks the parser (<c>.json</c>, else YAML).</param>
    /// <param name="options">The options of this analysis; <see cref="DefaultOptions"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops reading and the analysis (the task is then cancelled).</param>
    public async Task<AnalysisResult> AnalyzeAsync(Stream content, string displayPath, AnalysisOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(displayPath);
        EngineLog.RunStarted(logger, 1, displayPath);
        var stopwatch = Stopwatch.StartNew();
        var loaded = await loader.LoadStreamAsync(displayPath, content, cancellationToken).ConfigureAwait(false);
        var loadTime = stopwatch.Elapsed;
        return await Task.Run(() => Run(Entries(loaded), loaded.Findings, loaded.FilesRead, options ?? DefaultOptions, loadTime, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Analyses records a host application built in memory (no files: findings carry pointers, not lines).</summary>
    /// <param name="artifacts">The records; their ids must be unique (GOV003 otherwise).</param>
    /// <param name="options">The options of this analysis; <see cref="DefaultOptions"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the analysis (<see cref="OperationCanceledException"/>).</param>
    public AnalysisResult Analyze(IEnumerable<Artifact> artifacts, AnalysisOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        var entries = artifacts.Select((a, i) => new ArtifactEntry(a ?? throw new ArgumentException("An artifact is null.", nameof(artifacts)), null, i)).ToList();
        EngineLog.RunStarted(logger, entries.Count, "in-memory artifact(s)");
        return Run(entries, [], 0, options ?? DefaultOptions, TimeSpan.Zero, cancellationToken);
    }

    /// <summary>Analyses artifacts already loaded, keeping the loader's findings.</summary>
    internal AnalysisResult Analyze(LoadResult loaded, AnalysisOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        EngineLog.RunStarted(logger, loaded.FilesRead, "loaded file(s)");
        return Run(Entries(loaded), loaded.Findings, loaded.FilesRead, options ?? DefaultOptions, TimeSpan.Zero, cancellationToken);
    }

    /// <summary>
    /// <paramref name="batches"/>, each next one loading (on the thread pool) while the caller works on the current one:
    /// the index's serial part of a batch leaves a core free, which loading the next batch takes. At most two batches
    /// are in memory. The pending load is waited for before the source is disposed, also when the caller stops early.
    /// </summary>
    internal static IEnumerable<T> LoadingAhead<T>(IEnumerable<T> batches)
    {
        var source = batches.GetEnumerator();
        var next = Task.Run(source.MoveNext);
        try
        {
            while (next.GetAwaiter().GetResult())
            {
                var current = source.Current;
                next = Task.Run(source.MoveNext);
                yield return current;
            }
        }
        finally
        {
            try
            {
                next.Wait();
            }
            catch (AggregateException)
            {
                // The caller is already stopping (with its own exception or a cancellation); the source's is moot.
            }

            source.Dispose();
        }
    }

    /// <summary>
    /// The files under <paramref name="paths"/> loaded a batch at a time, each artifact able to be read again from its
    /// file; backlogs as summaries if <paramref name="deferBacklogItems"/> says so when the first batch is asked
    /// for (the run sets it once it knows its rules).
    /// </summary>
    private IEnumerable<EntryBatch> Stream(IReadOnlyList<string> paths, LoadOptions loadOptions, BacklogItemsSwitch deferBacklogItems, CancellationToken cancellationToken)
    {
        loadOptions = loadOptions with { DeferBacklogItems = deferBacklogItems.Summaries };
        var order = 0;
        foreach (var batch in loader.LoadPathsInBatches(paths, loadOptions, StreamBatchFiles, cancellationToken))
        {
            var entries = new List<ArtifactEntry>(batch.Result.Artifacts.Count);
            foreach (var loaded in batch.Result.Artifacts) entries.Add(new ArtifactEntry(loaded.Artifact, loaded.Document, order++));
            EngineLog.FilesLoaded(logger, batch.Result.FilesRead, entries.Count, batch.Result.Findings.Count, 0);
            yield return new EntryBatch(entries, batch.Result.Findings, batch.Result.FilesRead, batch.ReadAgain);
        }
    }

    /// <summary>
    /// Whether a streaming run loads backlogs' items as summaries: set by the run once it knows its rules, read
    /// when the first batch is loaded. A class of its own (not <c>StrongBox&lt;bool&gt;</c>, whose code over a value
    /// type would be compiled at start-up).
    /// </summary>
    private sealed class BacklogItemsSwitch
    {
        public bool Summaries { get; set; }
    }

    /// <summary>
    /// Files loaded per batch when streaming: enough to keep both cores busy, few enough to bound what is held. A batch's
    /// records are alive until its rules ran, so a collection during loading copies them into an older generation:
    /// 64 files rather than 256 ran 1,000 JSON projects ~5% faster with a lower peak (benchmarks/README.md).
    /// </summary>
    private const int StreamBatchFiles = 64;

    private static List<ArtifactEntry> Entries(LoadResult loaded) =>
        [.. loaded.Artifacts.Select((a, i) => new ArtifactEntry(a.Artifact, a.Document, i))];

    /// <summary>The date the clock rules use for <paramref name="options"/>.</summary>
    public DateOnly Today(AnalysisOptions? options = null)
    {
        if (options?.AsOf is { } asOf) return asOf;
        var zone = options?.TimeZone ?? TimeZoneInfo.Utc;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(timeProvider.GetUtcNow(), zone).DateTime);
    }

    private AnalysisResult Run(List<ArtifactEntry> entries, IReadOnlyList<Finding> loaderFindings, int files, AnalysisOptions options, TimeSpan loadTime, CancellationToken cancellationToken) =>
        Run([new EntryBatch(entries, loaderFindings, files, null)], options, loadTime, stream: false, cancellationToken);

    /// <summary>
    /// Runs the rules over <paramref name="batches"/> (artifacts in document order). With <paramref name="stream"/>,
    /// each batch is indexed and the artifact actions of the rules that read only their own artifact run on it before
    /// the next batch is loaded; then the records no remaining rule reads are released (read again from their file if
    /// something asks for them). The rest runs once the index is complete, as without streaming. Findings are the same.
    /// </summary>
    private AnalysisResult Run(
        IEnumerable<EntryBatch> batches, AnalysisOptions options, TimeSpan loadTime, bool stream, CancellationToken cancellationToken, BacklogItemsSwitch? deferBacklogItems = null)
    {
        var stages = new Dictionary<string, TimeSpan>(StringComparer.Ordinal) { ["load"] = loadTime };
        var stopwatch = Stopwatch.StartNew();
        var today = Today(options);
        var findings = new ConcurrentBag<Finding>();
        var engineSeverities = new SettingsResolver(options);
        Finding WithEngineSeverity(Finding finding) =>
            engineSeverities.For(finding.RuleId, finding.File) is { Severity: { } severity } ? finding with { Severity = severity } : finding;
        var portfolio = new PortfolioIndex();

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
                MaySetAside = (ruleId, entry) => SuppressionProcessor.MaySetAside(ruleId, entry, options),
                ReportFailure = (entry, target, property, message) =>
                    ArtifactActionRunner.Collect(WithEngineSeverity(RuleFailedAt(message, entry, target, property)), findings),
            };
            active.Add((rule, run, registration));
        }

        // Which actions can run as files are loaded (rules that read only their own artifact), and which records the
        // rules that read the index still need: those of the kinds they read, and those their own actions run on.
        var ruleTicks = new long[active.Count];
        var early = new Dictionary<ArtifactKind, List<(int RuleIndex, ArtifactAction Action)>>();
        var late = new Dictionary<ArtifactKind, List<(int RuleIndex, ArtifactAction Action)>>();
        var kept = new HashSet<ArtifactKind>();
        var keepAll = !stream;
        for (var r = 0; r < active.Count; r++)
        {
            var rule = active[r].Rule;
            var local = stream && !rule.ReadsOtherArtifacts;
            if (rule.OtherRecordsRead is { } kinds) kept.UnionWith(kinds);
            else keepAll = true;
            foreach (var (kind, action, readsRecord) in active[r].Registration.ArtifactActions)
            {
                var actions = local && readsRecord ? early : late;
                if (!actions.TryGetValue(kind, out var list)) actions[kind] = list = [];
                list.Add((r, action));
                if (readsRecord && !local) kept.Add(kind);
            }
        }

        var parallel = new ParallelOptions
        {
            CancellationToken = cancellationToken,
            MaxDegreeOfParallelism = options.MaxDegreeOfParallelism ?? Environment.ProcessorCount,
        };

        List<ArtifactWork> WorkFor(IEnumerable<ArtifactEntry> of, Dictionary<ArtifactKind, List<(int RuleIndex, ArtifactAction Action)>> actionsByKind)
        {
            var work = new List<ArtifactWork>();
            foreach (var entry in of)
            {
                if (!actionsByKind.TryGetValue(entry.Kind, out var actions)) continue;
                foreach (var (ruleIndex, action) in actions)
                {
                    var (rule, run, _) = active[ruleIndex];
                    if (resolver.For(rule.Descriptor.Id, entry.Document?.File) is { Enabled: false }) continue;
                    work.Add(new ArtifactWork(ruleIndex, run, entry, action));
                }
            }

            return work;
        }

        using var runner = new ArtifactActionRunner(findings, ruleTicks, options.RuleTimeBudget, parallel.MaxDegreeOfParallelism,
            (item, ex) =>
            {
                EngineLog.RuleFailed(logger, active[item.RuleIndex].Rule.Descriptor.Id, item.Entry.Id, ex);
                findings.Add(WithEngineSeverity(RuleFailed(active[item.RuleIndex].Rule, ex, item.Entry)));
            },
            item =>
            {
                EngineLog.RuleOverran(logger, active[item.RuleIndex].Rule.Descriptor.Id, item.Entry.Id, options.RuleTimeBudget);
                findings.Add(WithEngineSeverity(RuleOverran(active[item.RuleIndex].Rule, options.RuleTimeBudget, item.Entry)));
            });

        void RunWork(List<ArtifactWork> work)
        {
            // Actions see a token that is also cancelled when this batch's actions end, so an abandoned (overrunning)
            // action that observes it stops then.
            using var runScope = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            try
            {
                runner.Run(work, runScope.Token, cancellationToken);
            }
            finally
            {
                runScope.Cancel();
            }
        }

        // Backlog items are loaded as summaries when every action on backlog records reads them so (the catalog's).
        if (deferBacklogItems is not null)
        {
            var summariesServe = true;
            foreach (var (rule, _, registration) in active)
            {
                foreach (var (kind, _, readsRecord) in registration.ArtifactActions)
                {
                    if (kind == ArtifactKind.Backlog && readsRecord && rule is not IReadsBacklogItemSummaries) summariesServe = false;
                }
            }

            deferBacklogItems.Summaries = summariesServe;
        }

        var entries = new List<ArtifactEntry>();
        var firstOfId = new Dictionary<string, ArtifactEntry>(StringComparer.Ordinal);
        var files = 0;
        var indexTime = TimeSpan.Zero;
        var rulesTime = TimeSpan.Zero;
        var batchTimer = Stopwatch.StartNew();
        foreach (var batch in batches)
        {
            stages["load"] += batchTimer.Elapsed;
            files += batch.FilesRead;
            foreach (var finding in batch.Findings) findings.Add(WithEngineSeverity(finding));
            var offset = entries.Count;
            var added = batch.Entries.Select((e, i) => e.Order == offset + i ? e : throw new InvalidOperationException("Batches must be in document order.")).ToList();
            entries.AddRange(added);
            var started = Stopwatch.GetTimestamp();
            foreach (var finding in FindDuplicates(added, firstOfId)) findings.Add(WithEngineSeverity(finding));
            portfolio.Add(added);
            indexTime += Stopwatch.GetElapsedTime(started);
            if (stream)
            {
                started = Stopwatch.GetTimestamp();
                RunWork(WorkFor(added, early));
                rulesTime += Stopwatch.GetElapsedTime(started);
                if (!keepAll && batch.ReadAgain is { } readAgain)
                {
                    foreach (var entry in added)
                    {
                        // Inline suppressions are located in the record after the rules: such an artifact keeps it.
                        if (kept.Contains(entry.Kind) || entry.Metadata.Suppressions.Count > 0 || readAgain(entry) is not { } read) continue;
                        portfolio.Release(entry);
                        entry.Release(read);
                    }
                }

                // The files' bytes and the records' pointer indexes served the findings of those rules; later ones
                // read the file again and build the index again (few artifacts get findings after their batch).
                foreach (var entry in added)
                {
                    if (entry.Document?.Map is { } map) map.LetGoOfHeldBytes();
                    entry.ForgetPointers();
                }

                // Only the files: the rules that read the index have not run yet, so no artifact is finished with.
                options.Progress?.Report(new AnalysisProgress(files, 0, 0));
            }

            batchTimer.Restart();
        }

        stopwatch.Restart();
        portfolio.Complete();
        stages["index"] = indexTime + stopwatch.Elapsed;

        stopwatch.Restart();
        options.Progress?.Report(new AnalysisProgress(files, 0, entries.Count));
        RunWork(WorkFor(entries, late)); // without streaming, every action is here
        options.Progress?.Report(new AnalysisProgress(files, entries.Count, entries.Count));
        stages["rules"] = rulesTime + stopwatch.Elapsed;

        stopwatch.Restart();
        // A rule at a time to each thread, not ranges of rules: a few rules take most of this stage's time, and a range
        // holding two of them left the other core idle.
        var withPortfolioActions = new List<int>();
        for (var r = 0; r < active.Count; r++)
        {
            if (active[r].Registration.PortfolioActions.Count > 0) withPortfolioActions.Add(r);
        }

        void RunPortfolioRule(int ruleIndex)
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
                    EngineLog.RuleFailed(logger, rule.Descriptor.Id, null, ex);
                    findings.Add(WithEngineSeverity(RuleFailed(rule, ex, null)));
                }

                Interlocked.Add(ref ruleTicks[ruleIndex], Stopwatch.GetTimestamp() - started);
            }
        }

        // Each thread takes the next rule when done with one (Parallel.For over int is precompiled; a partitioner over
        // a list of ints would be compiled at start-up).
        var nextRule = -1;
        var threads = parallel.MaxDegreeOfParallelism > 0 ? Math.Min(parallel.MaxDegreeOfParallelism, withPortfolioActions.Count) : withPortfolioActions.Count;
        Parallel.For(0, threads, parallel, _ =>
        {
            for (var k = Interlocked.Increment(ref nextRule); k < withPortfolioActions.Count; k = Interlocked.Increment(ref nextRule))
            {
                cancellationToken.ThrowIfCancellationRequested();
                RunPortfolioRule(withPortfolioActions[k]);
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

        var result = new AnalysisResult
        {
            Findings = ordered,
            Rules = [.. EngineDiagnostics.All.Concat(active.Select(a => a.Rule.Descriptor)).OrderBy(d => d.Id, StringComparer.Ordinal)],
            Today = today,
            FilesAnalyzed = files,
            Artifacts = options.KeepArtifacts ? [.. portfolio.Artifacts] : [],
            ArtifactFiles = options.KeepArtifacts ? [.. entries.Select(e => e.Document?.File)] : [],
            Analyzed = [.. entries.Select(e => e.Describe())],
            StageTimings = stages,
            RuleTimings = timings,
            FixedBaselineEntries = fixedEntries,
            BaselineApplied = options.Baseline is not null,
        };
        if (logger.IsEnabled(LogLevel.Information))
        {
            var summary = result.Summary;
            var milliseconds = stages.Values.Sum(t => t.TotalMilliseconds);
            EngineLog.RunFinished(logger, files, entries.Count, active.Count, summary.Errors, summary.Warnings, summary.Infos,
                summary.Suppressed + summary.Baselined, milliseconds);
        }

        return result;
    }

    private Severity? EffectiveSeverity(SettingsResolver resolver, DateOnly today, string ruleId, Severity reported)
    {
        if (!rules.Any(r => r.Descriptor.Id == ruleId)) return null;
        var settings = resolver.For(ruleId, null);
        if (settings is { Enabled: false }) return null;
        if (settings?.EnforceFrom is { } enforceFrom && today < enforceFrom) return Severity.Info;
        return settings?.Severity ?? reported;
    }

    /// <summary>GOV003 for each of <paramref name="entries"/> whose id an earlier artifact has (<paramref name="first"/> carries over between batches).</summary>
    private static List<Finding> FindDuplicates(List<ArtifactEntry> entries, Dictionary<string, ArtifactEntry> first)
    {
        var duplicates = new List<Finding>();
        foreach (var entry in entries)
        {
            var id = entry.Id;
            if (string.IsNullOrWhiteSpace(id)) continue;
            if (!first.TryGetValue(id, out var original))
            {
                first[id] = entry;
                continue;
            }

            entry.IsDuplicate = true;
            var where = original.Document is { } doc ? $"{doc.File}:{(doc.Map.TryGetPosition(string.Empty, out var p) ? p.Line : 0)}" : "an earlier artifact";
            var (pointer, position) = entry.Locate(entry.Artifact.Metadata, "id");
            duplicates.Add(new Finding
            {
                RuleId = EngineDiagnostics.DuplicateId.Id,
                Severity = EngineDiagnostics.DuplicateId.DefaultSeverity,
                Message = EngineDiagnostics.DuplicateId.FormatMessage(id, where),
                ArtifactId = id,
                File = entry.Document?.File,
                Pointer = pointer,
                Line = position.Line,
                Column = position.Column,
            });
        }

        return duplicates;
    }

    /// <summary>A finding at <paramref name="target"/> and <paramref name="property"/>, or, without a target, at the pointer <paramref name="property"/>.</summary>
    private static Finding? CreateFinding(RuleDescriptor descriptor, RuleSettings? settings, DateOnly today, ArtifactEntry entry, object? target, string? property, Severity? reported, bool fixedSeverity, object?[] args)
    {
        if (settings is { Enabled: false }) return null; // a portfolio rule reporting on a file where the rule is off
        var (pointer, position) = target is null ? entry.LocatePresent(property ?? string.Empty) : entry.Locate(target, property);
        var severity = fixedSeverity && reported is { } fixedValue
            ? fixedValue
            : settings?.Severity ?? reported ?? descriptor.DefaultSeverity;
        if (settings?.EnforceFrom is { } enforceFrom && today < enforceFrom) severity = Severity.Info;
        return new Finding
        {
            RuleId = descriptor.Id,
            Severity = severity,
            Message = descriptor.FormatMessage(args),
            ArtifactId = entry.Id,
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
            ArtifactId = entry?.Id,
            File = entry?.Document?.File,
            Pointer = entry is null ? null : string.Empty,
        };
        if (entry?.Document is { } document && document.Map.TryGetPosition(string.Empty, out var root))
            finding = finding with { Line = root.Line, Column = root.Column };
        return finding;
    }
}

/// <summary>Artifacts loaded together, in document order, with the loader's findings.</summary>
/// <param name="Entries">The artifacts; their <see cref="ArtifactEntry.Order"/> continues the previous batch's.</param>
/// <param name="Findings">The loader's findings for these files.</param>
/// <param name="FilesRead">The files read.</param>
/// <param name="ReadAgain">How an entry's record is read again once released; <see langword="null"/> (or a null answer): it is never released.</param>
internal sealed record EntryBatch(List<ArtifactEntry> Entries, IReadOnlyList<Finding> Findings, int FilesRead, Func<ArtifactEntry, Func<Artifact>?>? ReadAgain);

/// <summary>The engine's log messages (source-generated: no allocation when the level is off).</summary>
internal static partial class EngineLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Analysis started: {Count} {Input}")]
    public static partial void RunStarted(ILogger logger, int count, string input);

    [LoggerMessage(EventId = 2, Level = LogLevel.Trace, Message = "Read {File}")]
    public static partial void FileRead(ILogger logger, string file);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "Loaded {Files} file(s): {Artifacts} artifact(s), {LoadFindings} load finding(s) in {Milliseconds:0.#} ms")]
    public static partial void FilesLoaded(ILogger logger, int files, int artifacts, int loadFindings, double milliseconds);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Analysis finished: {Files} file(s), {Artifacts} artifact(s), {Rules} rule(s); {Errors} error(s), {Warnings} warning(s), {Infos} info(s), {SetAside} suppressed or baselined in {Milliseconds:0.#} ms")]
    public static partial void RunFinished(ILogger logger, int files, int artifacts, int rules, int errors, int warnings, int infos, int setAside, double milliseconds);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Rule {RuleId} failed on artifact {ArtifactId}; reported as GOV009 and the run goes on")]
    public static partial void RuleFailed(ILogger logger, string ruleId, string? artifactId, Exception exception);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "Rule {RuleId} exceeded its time budget of {Budget} on artifact {ArtifactId}; reported as GOV009 and the run goes on")]
    public static partial void RuleOverran(ILogger logger, string ruleId, string? artifactId, TimeSpan budget);
}
