using System.Collections.Concurrent;
using System.Text.Json;
using Governance.Rules.Model;

namespace Governance.Rules.Engine;

/// <summary>What a rule action sees: its descriptor, the portfolio, today's date, its options and a way to report.</summary>
public abstract class RuleContext
{
    private readonly RuleRun run;

    private protected RuleContext(RuleRun run, CancellationToken cancellationToken)
    {
        this.run = run;
        CancellationToken = cancellationToken;
    }

    /// <summary>The descriptor of the rule being run.</summary>
    public RuleDescriptor Descriptor => run.Descriptor;

    /// <summary>Every artifact analysed together, indexed by id, kind and parent.</summary>
    public PortfolioIndex Portfolio => run.Portfolio;

    /// <summary>Today, from <c>--as-of</c>, the configuration's <c>asOf</c>, or the injected clock in the configured time zone.</summary>
    public DateOnly Today => run.Today;

    /// <summary>Signals that the analysis is cancelled.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The rule's options: the configured values over the defaults of <typeparamref name="TOptions"/>.</summary>
    public TOptions GetOptions<TOptions>()
        where TOptions : class, new() => run.GetOptions<TOptions>(CurrentEntry);

    private protected virtual ArtifactEntry? CurrentEntry => null;

    /// <summary>
    /// The severity another rule's finding would have, given the configuration: <see langword="null"/> when that rule is
    /// disabled; info before its <c>enforceFrom</c>; else the configured severity, else <paramref name="reportedSeverity"/>.
    /// For rules that depend on what another rule reports (GOV504 on GOV408 and GOV410).
    /// </summary>
    public Severity? EffectiveSeverityOf(string ruleId, Severity reportedSeverity) => run.EffectiveSeverityOf(ruleId, reportedSeverity);

    /// <summary>
    /// Another rule's options as configured for the file of <paramref name="about"/> (default: the artifact being
    /// analysed), over the defaults of <typeparamref name="TOptions"/>; for rules that judge what another rule reports
    /// (GOV504 on GOV408 and GOV410).
    /// </summary>
    public TOptions GetOptionsOf<TOptions>(string ruleId, Artifact? about = null)
        where TOptions : class, new() => run.GetOptionsOf<TOptions>(ruleId, about is null ? CurrentEntry : run.EntryOf(about));

    /// <summary>
    /// Whether a finding of <paramref name="ruleId"/> on <paramref name="artifact"/> at <paramref name="target"/> (and
    /// <paramref name="property"/>) would be set aside by a valid inline suppression or exemption; for rules that judge
    /// what another rule reports after suppressions and exemptions (GOV504).
    /// </summary>
    public bool IsSetAside(string ruleId, Artifact artifact, object target, string? property = null)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        ArgumentNullException.ThrowIfNull(target);
        var entry = run.EntryOf(artifact);

        // Locating builds the artifact's pointer index: only when a suppression or exemption names the rule at all.
        return run.MaySetAside(ruleId, entry) && run.IsSetAside(ruleId, entry, entry.Locate(target, property).Pointer);
    }

    private protected RuleRun Run => run;

    private protected void ReportCore(ArtifactEntry entry, object target, string? property, Severity? severity, bool fixedSeverity, object?[] args)
    {
        ArgumentNullException.ThrowIfNull(target);
        run.Report(entry, target, property, severity, fixedSeverity, args);
    }
}

/// <summary>The context of an action registered for one artifact kind.</summary>
/// <typeparam name="TArtifact">The artifact kind.</typeparam>
public sealed class ArtifactRuleContext<TArtifact> : RuleContext
    where TArtifact : Artifact
{
    private readonly ArtifactEntry entry;

    internal ArtifactRuleContext(RuleRun run, ArtifactEntry entry, TArtifact artifact, CancellationToken cancellationToken)
        : base(run, cancellationToken)
    {
        Artifact = artifact;
        this.entry = entry;
    }

    /// <summary>The artifact being analysed.</summary>
    public TArtifact Artifact { get; }

    private protected override ArtifactEntry? CurrentEntry => entry;

    /// <summary>Reports a finding at <paramref name="target"/> (the artifact or any record inside it) at the rule's severity.</summary>
    public void Report(object target, params object?[] messageArgs) =>
        ReportCore(entry, target, null, null, false, messageArgs);

    /// <summary>
    /// Reports a finding at <paramref name="property"/> of <paramref name="target"/> (a C# or JSON property name, or a
    /// path below it such as <c>objectiveIds/1</c>); when that value is absent, the finding points at
    /// <paramref name="target"/>, or its nearest present ancestor.
    /// </summary>
    public void ReportAt(object target, string property, params object?[] messageArgs) =>
        ReportCore(entry, target, property, null, false, messageArgs);

    /// <summary>
    /// Reports a finding with <paramref name="severity"/> for the rule's milder case. A configured severity still wins.
    /// </summary>
    public void Report(Severity severity, object target, string? property, params object?[] messageArgs) =>
        ReportCore(entry, target, property, severity, false, messageArgs);

    /// <summary>Reports a finding whose severity is <paramref name="severity"/> whatever the configuration says.</summary>
    public void ReportWithFixedSeverity(Severity severity, object target, string? property, params object?[] messageArgs) =>
        ReportCore(entry, target, property, severity, true, messageArgs);

    /// <summary>
    /// Reports a finding at the JSON <paramref name="pointer"/> into the artifact (rule packs select values by pointer,
    /// not by record); when that value is absent, the finding points at its nearest present ancestor.
    /// </summary>
    internal void ReportAtPointer(string pointer, params object?[] messageArgs) =>
        ReportCore(entry, Artifact, PointerAsProperty(pointer), null, false, messageArgs);

    /// <summary>
    /// Reports that the rule could not check the value at <paramref name="pointer"/> (GOV009 there, at the engine's
    /// severity for GOV009) and goes on; for failures a rule contains itself, such as a regular expression that timed out.
    /// </summary>
    internal void ReportFailureAtPointer(string pointer, string message) =>
        Run.ReportFailure(entry, Artifact, PointerAsProperty(pointer), message);

    private static string? PointerAsProperty(string pointer) =>
        pointer.Length == 0 ? null : string.Join('/', Loading.JsonPointer.Tokens(pointer));
}

/// <summary>
/// The context of a node action: one artifact's node in the index (its record may have been released), the rule's
/// options for that artifact's file, and reports at pointers the index knows.
/// </summary>
internal sealed class NodeRuleContext : RuleContext
{
    private readonly ArtifactEntry entry;

    internal NodeRuleContext(RuleRun run, ArtifactEntry entry, CancellationToken cancellationToken)
        : base(run, cancellationToken) => this.entry = entry;

    /// <summary>The artifact's node.</summary>
    public PortfolioNode Node => entry.Node ?? throw new InvalidOperationException($"Artifact '{entry.Id}' is not in the index.");

    /// <summary>The record, read again from its file if it was released: only to report against one of its records.</summary>
    public Artifact Record => entry.Artifact;

    private protected override ArtifactEntry? CurrentEntry => entry;

    /// <summary>Reports at <paramref name="pointer"/>, which holds a value that is present (a reference's id).</summary>
    public void ReportAtPresentPointer(string pointer, params object?[] messageArgs) =>
        Run.ReportAtPointer(entry, pointer, messageArgs);

    /// <summary>
    /// Reports at <paramref name="pointer"/> (a present value, or an object whose absent parts the finding is about)
    /// with <paramref name="severity"/> for the rule's milder case; a configured severity still wins.
    /// </summary>
    public void ReportAtPresentPointer(Severity severity, string pointer, params object?[] messageArgs) =>
        Run.ReportAtPointer(entry, pointer, messageArgs, severity);

    /// <summary>Reports at <paramref name="target"/>, a record of <see cref="Record"/>, at the rule's severity.</summary>
    public void Report(object target, params object?[] messageArgs) =>
        ReportCore(entry, target, null, null, false, messageArgs);
}

/// <summary>The context of an action registered for the whole portfolio.</summary>
public sealed class PortfolioRuleContext : RuleContext
{
    internal PortfolioRuleContext(RuleRun run, CancellationToken cancellationToken)
        : base(run, cancellationToken)
    {
    }

    /// <summary>
    /// Reports a finding on <paramref name="artifact"/> at <paramref name="target"/> (a record inside it, or the
    /// artifact itself) and optionally its <paramref name="property"/>; <paramref name="severity"/> is the milder case's.
    /// </summary>
    public void Report(Artifact artifact, object target, string? property = null, Severity? severity = null, params object?[] messageArgs)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        ReportCore(Run.EntryOf(artifact), target, property, severity, false, messageArgs);
    }

    /// <summary>
    /// Reports on <paramref name="node"/>'s artifact at <paramref name="pointer"/>, which holds a value that is present
    /// (an item the index keeps facts of), at the rule's severity; the record is not read.
    /// </summary>
    internal void ReportAtPresentPointer(PortfolioNode node, string pointer, params object?[] messageArgs)
    {
        ArgumentNullException.ThrowIfNull(node);
        Run.ReportAtPointer(node.Entry, pointer, messageArgs);
    }
}

/// <summary>One rule's run: its effective settings (per file, with overrides) and the sink its findings go to.</summary>
internal sealed class RuleRun
{
    private readonly Func<ArtifactEntry, object?, string?, Severity?, bool, object?[], Finding?> createFinding;
    private readonly Action<Finding> sink;
    private readonly Func<ArtifactEntry?, RuleSettings?> settingsFor;
    private readonly ConcurrentDictionary<RuleSettings, object> optionsBySettings = new(ReferenceEqualityComparer.Instance);
    private object? defaultOptions;

    public RuleRun(
        RuleDescriptor descriptor,
        PortfolioIndex portfolio,
        DateOnly today,
        Func<ArtifactEntry?, RuleSettings?> settingsFor,
        Func<ArtifactEntry, object?, string?, Severity?, bool, object?[], Finding?> createFinding,
        Action<Finding> sink)
    {
        Descriptor = descriptor;
        Portfolio = portfolio;
        Today = today;
        this.settingsFor = settingsFor;
        this.createFinding = createFinding;
        this.sink = sink;
    }

    public RuleDescriptor Descriptor { get; }

    public PortfolioIndex Portfolio { get; }

    public DateOnly Today { get; }

    public Func<string, Severity, Severity?> EffectiveSeverityOf { get; init; } = (_, reported) => reported;

    public Func<string, ArtifactEntry?, RuleSettings?> SettingsOf { get; init; } = (_, _) => null;

    public Func<string, ArtifactEntry, string, bool> IsSetAside { get; init; } = (_, _, _) => false;

    /// <summary>Whether any pointer could be set aside for the rule on the entry (<see cref="IsSetAside"/> is false wherever this is).</summary>
    public Func<string, ArtifactEntry, bool> MaySetAside { get; init; } = (_, _) => true;

    /// <summary>Where a rule's contained failure (GOV009 at a value) goes: entry, target, property, message.</summary>
    public Action<ArtifactEntry, object, string?, string> ReportFailure { get; init; } = (_, _, _, _) => { };

    public TOptions GetOptionsOf<TOptions>(string ruleId, ArtifactEntry? entry)
        where TOptions : class, new() =>
        SettingsOf(ruleId, entry)?.Options is { } element
            ? element.Deserialize<TOptions>(Loading.ArtifactSerialization.Options) ?? new TOptions()
            : new TOptions();

    public TOptions GetOptions<TOptions>(ArtifactEntry? entry)
        where TOptions : class, new()
    {
        var settings = settingsFor(entry);
        if (settings?.Options is not { } element)
        {
            if (defaultOptions is TOptions cached) return cached;
            var created = new TOptions();
            defaultOptions = created;
            return created;
        }

        return (TOptions)optionsBySettings.GetOrAdd(settings, _ =>
            element.Deserialize<TOptions>(Loading.ArtifactSerialization.Options) ?? new TOptions());
    }

    public ArtifactEntry EntryOf(Artifact artifact) => Portfolio.EntryOf(artifact);

    public void Report(ArtifactEntry entry, object target, string? property, Severity? severity, bool fixedSeverity, object?[] args)
    {
        if (createFinding(entry, target, property, severity, fixedSeverity, args) is { } finding) sink(finding);
    }

    /// <summary>Reports at a pointer that holds a present value (no target record: the pointer is the location).</summary>
    public void ReportAtPointer(ArtifactEntry entry, string pointer, object?[] args, Severity? severity = null)
    {
        if (createFinding(entry, null, pointer, severity, false, args) is { } finding) sink(finding);
    }
}
