using Governance.Rules.Engine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Governance.Rules.DependencyInjection;

/// <summary>Configures Governance.Rules after <c>AddGovernanceRules()</c>.</summary>
public interface IGovernanceRulesBuilder
{
    /// <summary>The service collection being configured.</summary>
    IServiceCollection Services { get; }
}

/// <summary>Extensions of <see cref="IGovernanceRulesBuilder"/>.</summary>
public static class GovernanceRulesBuilderExtensions
{
    /// <summary>Adds a custom rule; its id must not clash with another rule's.</summary>
    public static IGovernanceRulesBuilder AddRule<TRule>(this IGovernanceRulesBuilder builder)
        where TRule : GovernanceRule
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<GovernanceRule, TRule>());
        return builder;
    }

    /// <summary>Adds a custom rule instance.</summary>
    public static IGovernanceRulesBuilder AddRule(this IGovernanceRulesBuilder builder, GovernanceRule rule)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(rule);
        builder.Services.AddSingleton(rule);
        return builder;
    }
}
