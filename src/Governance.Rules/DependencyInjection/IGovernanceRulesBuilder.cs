using Governance.Rules.Engine;
using Governance.Rules.Reporting;
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

    /// <summary>
    /// Adds every public or internal non-abstract <see cref="GovernanceRule"/> with a parameterless constructor found in
    /// <paramref name="assembly"/> (a plugin, or the host's own rules).
    /// </summary>
    public static IGovernanceRulesBuilder AddRulesFromAssembly(this IGovernanceRulesBuilder builder, System.Reflection.Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(assembly);
        foreach (var type in RuleTypes(assembly))
            builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(GovernanceRule), type));
        return builder;
    }

    /// <summary>The rule types <see cref="AddRulesFromAssembly"/> registers, ordered by name.</summary>
    public static IReadOnlyList<Type> RuleTypes(System.Reflection.Assembly assembly) => ConcreteTypes<GovernanceRule>(assembly);

    /// <summary>
    /// The non-abstract classes of <paramref name="assembly"/> assignable to <typeparamref name="T"/> that have a
    /// parameterless constructor, ordered by full name; the types that load when some of the assembly's types do not.
    /// </summary>
    internal static List<Type> ConcreteTypes<T>(System.Reflection.Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        Type[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (System.Reflection.ReflectionTypeLoadException ex)
        {
            types = [.. ex.Types.OfType<Type>()];
        }

        return [.. types
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(T).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Adds a custom report format. Hosts pick a formatter by its <see cref="IReportFormatter.Name"/> among the
    /// registered <see cref="IReportFormatter"/> services; adding the same type twice registers it once.
    /// </summary>
    public static IGovernanceRulesBuilder AddFormatter<TFormatter>(this IGovernanceRulesBuilder builder)
        where TFormatter : class, IReportFormatter
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IReportFormatter, TFormatter>());
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
