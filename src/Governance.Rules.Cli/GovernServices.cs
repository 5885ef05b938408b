using Governance.Rules.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Rules.Cli;

/// <summary>The services a command uses: the engine, the built-in rules and the report formatters.</summary>
internal static class GovernServices
{
    /// <summary>A new provider with <c>AddGovernanceRules()</c> and the environment's additions; the caller disposes it.</summary>
    /// <exception cref="InvalidOperationException">A plugin cannot be loaded; the message says which and why.</exception>
    public static ServiceProvider Create(CliEnvironment environment, IReadOnlyList<string>? plugins = null)
    {
        var services = new ServiceCollection();
        var builder = services.AddGovernanceRules();
        foreach (var plugin in plugins ?? [])
        {
            var path = environment.FullPath(plugin);
            if (!File.Exists(path)) throw new InvalidOperationException($"plugin not found: {plugin}");
            System.Reflection.Assembly assembly;
            try
            {
                assembly = PluginLoader.Load(path);
            }
            catch (Exception ex) when (ex is BadImageFormatException or FileLoadException or IOException)
            {
                throw new InvalidOperationException($"plugin {plugin} cannot be loaded: {ex.Message}", ex);
            }

            if (GovernanceRulesBuilderExtensions.RuleTypes(assembly).Count == 0)
                throw new InvalidOperationException($"plugin {plugin} contains no rule (a non-abstract GovernanceRule with a parameterless constructor)");
            builder.AddRulesFromAssembly(assembly);
        }

        environment.ConfigureServices?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    /// <summary>Like <see cref="Create"/>, but prints why a plugin cannot be loaded and returns <see langword="null"/> (exit 2).</summary>
    public static ServiceProvider? TryCreate(CliEnvironment environment, IReadOnlyList<string> plugins)
    {
        try
        {
            return Create(environment, plugins);
        }
        catch (InvalidOperationException ex)
        {
            environment.Error.WriteLine($"govern: {ex.Message}");
            return null;
        }
    }
}
