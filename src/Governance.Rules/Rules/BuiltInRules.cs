using System.Reflection;
using Governance.Rules.Engine;

namespace Governance.Rules.Rules;

/// <summary>The built-in rule catalog: every sealed <see cref="GovernanceRule"/> in this assembly.</summary>
public static class BuiltInRules
{
    /// <summary>The rule types, ordered by id.</summary>
    internal static IReadOnlyList<Type> Types { get; } =
        [.. typeof(BuiltInRules).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsSealed: true } && typeof(GovernanceRule).IsAssignableFrom(t)
                && t.GetConstructor(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance, Type.EmptyTypes) is not null)
            .OrderBy(t => t.Name, StringComparer.Ordinal)];

    /// <summary>Creates one instance of every built-in rule.</summary>
    public static IReadOnlyList<GovernanceRule> Create() =>
        [.. Types.Select(t => (GovernanceRule)Activator.CreateInstance(t, nonPublic: true)!)];

    /// <summary>The descriptors of the engine diagnostics and every built-in rule, ordered by id.</summary>
    public static IReadOnlyList<RuleDescriptor> Catalog { get; } =
        [.. EngineDiagnostics.All.Concat(Create().Select(r => r.Descriptor)).OrderBy(d => d.Id, StringComparer.Ordinal)];
}
