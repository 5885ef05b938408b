using Governance.Rules.Model;

namespace Governance.Rules.Engine;

/// <summary>
/// Base class of every rule, Roslyn-style: a descriptor and an <see cref="Initialize"/> method that registers the
/// actions the rule needs, for one artifact kind or for the whole portfolio. Rules read typed records, report against
/// records, and never compute line numbers.
/// </summary>
public abstract class GovernanceRule
{
    /// <summary>What the rule is.</summary>
    public abstract RuleDescriptor Descriptor { get; }

    /// <summary>The type of the rule's options; <see cref="NoOptions"/> when it has none.</summary>
    public virtual Type OptionsType => typeof(NoOptions);

    /// <summary>Registers the rule's actions.</summary>
    public abstract void Initialize(RuleRegistration registration);

    /// <summary>
    /// Whether the rule's actions read anything of the portfolio besides the artifact they are given (through
    /// <see cref="RuleContext.Portfolio"/>). Default <see langword="true"/>: the rule's artifact actions then run once
    /// the whole portfolio is indexed, and every record is kept until the end of the run. A rule that reads only the
    /// artifact it is given returns <see langword="false"/>: with <see cref="AnalysisOptions.KeepArtifacts"/> off, its
    /// artifact actions run as each file is loaded and the engine may release records it no longer needs.
    /// </summary>
    public virtual bool ReadsOtherArtifacts => Rules.BuiltInRules.ReachOf(this) is not { } reach || reach.ReadsIndex;

    /// <summary>
    /// The kinds of other artifacts whose records the rule reads (beyond the index's nodes, links and facts);
    /// <see langword="null"/> when that is not known, so every record is kept.
    /// </summary>
    internal virtual IReadOnlyCollection<ArtifactKind>? OtherRecordsRead =>
        Rules.BuiltInRules.ReachOf(this) is { } reach ? reach.Records : ReadsOtherArtifacts ? null : [];
}

/// <summary>Base class of a rule with typed options, bound from the configuration's <c>options</c>.</summary>
/// <typeparam name="TOptions">A record whose properties (camelCase in configuration) have the documented defaults.</typeparam>
public abstract class GovernanceRule<TOptions> : GovernanceRule
    where TOptions : class, new()
{
    /// <inheritdoc />
    public sealed override Type OptionsType => typeof(TOptions);
}

/// <summary>The options of a rule that has none.</summary>
public sealed record NoOptions;
