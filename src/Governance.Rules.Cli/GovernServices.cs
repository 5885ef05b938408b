using Governance.Rules.DependencyInjection;
using Governance.Rules.Reporting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Governance.Rules.Cli;

/// <summary>The services a command uses: the engine, the built-in rules and the report formatters.</summary>
internal static class GovernServices
{
    /// <summary>A new provider with <c>AddGovernanceRules()</c>, the plugins, the rule packs and the environment's additions; the caller disposes it.</summary>
    /// <exception cref="InvalidOperationException">A plugin cannot be loaded; the message says which and why.</exception>
    /// <exception cref="RulePacks.RulePackException">A rule pack cannot be read, is not valid, or reuses a rule id.</exception>
    public static ServiceProvider Create(CliEnvironment environment, IReadOnlyList<string>? plugins = null, IReadOnlyList<string>? rulePacks = null)
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

            var formatters = FormatterTypes(assembly);
            if (GovernanceRulesBuilderExtensions.RuleTypes(assembly).Count == 0 && formatters.Count == 0)
                throw new InvalidOperationException($"plugin {plugin} contains no rule (a non-abstract GovernanceRule with a parameterless constructor) and no report format (an IReportFormatter)");
            builder.AddRulesFromAssembly(assembly);
            foreach (var formatter in formatters)
                services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(IReportFormatter), formatter));
        }

        foreach (var pack in rulePacks ?? [])
        {
            var path = environment.FullPath(pack);
            builder.AddPackRules(RulePacks.RulePackLoader.LoadFile(path, environment.DisplayPath(path)));
        }

        environment.ConfigureServices?.Invoke(services);
        // Validating every registration loads and inspects each service's type (NJsonSchema, Handlebars, every rule) on
        // every run; the built-in set is validated by the tests, so only added services (plugins, tests) are checked here.
        var validate = plugins is { Count: > 0 } || environment.ConfigureServices is not null;
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = validate });
        if (rulePacks is { Count: > 0 })
        {
            try
            {
                provider.GetRequiredService<Engine.GovernanceEngine>(); // a pack rule id that clashes with a plugin's is refused here
            }
            catch
            {
                provider.Dispose();
                throw;
            }
        }

        return provider;
    }

    /// <summary>
    /// The report formats of a plugin: non-abstract <see cref="IReportFormatter"/> classes with a parameterless
    /// constructor. They come after the built-in ones, so a plugin adds formats but cannot replace a built-in one.
    /// </summary>
    private static List<Type> FormatterTypes(System.Reflection.Assembly assembly) =>
        GovernanceRulesBuilderExtensions.ConcreteTypes<IReportFormatter>(assembly);

    /// <summary>Like <see cref="Create"/>, but prints why a plugin cannot be loaded and returns <see langword="null"/> (exit 2).</summary>
    public static ServiceProvider? TryCreate(CliEnvironment environment, IReadOnlyList<string> plugins, IReadOnlyList<string>? rulePacks = null)
    {
        try
        {
            return Create(environment, plugins, rulePacks);
        }
        catch (InvalidOperationException ex)
        {
            environment.Error.WriteLine($"govern: {ex.Message}");
            return null;
        }
        catch (RulePacks.RulePackException ex)
        {
            foreach (var problem in ex.Problems) environment.Error.WriteLine($"govern: {problem}");
            return null;
        }
    }
}
