using Governance.Rules.Engine;
using Governance.Rules.RulePacks;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Rules.DependencyInjection;

/// <summary>
/// Adds declarative rule packs (<c>rules/packs/README.md</c>) to <see cref="IGovernanceRulesBuilder"/>. The pack is read
/// and compiled when it is added, so a broken pack fails at registration, where the host names it: a
/// <see cref="RulePackException"/> with the pack file, line and column. A pack rule whose id clashes with a C# rule
/// registered by type is refused with the same exception when the engine is created.
/// </summary>
public static class RulePackBuilderExtensions
{
    /// <summary>Adds the rules of the pack file <paramref name="path"/> (YAML, or JSON when it ends in <c>.json</c>).</summary>
    /// <exception cref="RulePackException">The pack cannot be read, is not valid, or reuses the id of a pack rule added before.</exception>
    public static IGovernanceRulesBuilder AddRulePack(this IGovernanceRulesBuilder builder, string path)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddPackRules(RulePackLoader.Load(path));
    }

    /// <summary>Adds the rules of a pack read from <paramref name="stream"/>; <paramref name="displayName"/> names it in errors (a <c>.json</c> name reads JSON, else YAML).</summary>
    /// <exception cref="RulePackException">The pack cannot be read, is not valid, or reuses the id of a pack rule added before.</exception>
    public static IGovernanceRulesBuilder AddRulePack(this IGovernanceRulesBuilder builder, Stream stream, string displayName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddPackRules(RulePackLoader.Load(stream, displayName));
    }

    /// <summary>Adds the rules of the pack text <paramref name="content"/>, for hosts that embed packs; <paramref name="displayName"/> names it in errors.</summary>
    /// <exception cref="RulePackException">The pack is not valid, or reuses the id of a pack rule added before.</exception>
    public static IGovernanceRulesBuilder AddRulePackFromText(this IGovernanceRulesBuilder builder, string content, string displayName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddPackRules(RulePackLoader.Parse(content, displayName));
    }

    /// <summary>Registers compiled pack rules after checking their ids against the pack rules already registered.</summary>
    internal static IGovernanceRulesBuilder AddPackRules(this IGovernanceRulesBuilder builder, IEnumerable<GovernanceRule> rules)
    {
        var added = rules.ToList();
        var registered = builder.Services.Where(d => !d.IsKeyedService).Select(d => d.ImplementationInstance).OfType<PackRule>();
        PackRule.ThrowOnIdClash(registered.Concat(added));
        foreach (var rule in added) builder.Services.AddSingleton(rule);
        return builder;
    }
}
