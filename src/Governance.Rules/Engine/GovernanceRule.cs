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
