using Governance.Rules.DependencyInjection;
using Governance.Rules.Engine;
using Governance.Rules.Loading;
using Governance.Rules.Reporting;
using Governance.Rules.Rules;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Governance.Rules.Cli;

/// <summary>The services a command uses: the engine, the built-in rules and the report formatters.</summary>
internal static class GovernServices
{
    /// <summary>
    /// The services with <c>AddGovernanceRules()</c>, the plugins, the rule packs and the environment's additions; the
    /// caller disposes them. Without plugins, rule packs or additions (every plain run) they are the built-in set made
    /// directly (<see cref="BuiltInServices"/>), without a dependency-injection container.
    /// </summary>
    /// <exception cref="InvalidOperationException">A plugin cannot be loaded; the message says which and why.</exception>
    /// <exception cref="RulePacks.RulePackException">A rule pack cannot be read, is not valid, or reuses a rule id.</exception>
    public static IGovernServices Create(CliEnvironment environment, IReadOnlyList<string>? plugins = null, IReadOnlyList<string>? rulePacks = null)
    {
        if (plugins is not { Count: > 0 } && rulePacks is not { Count: > 0 } && environment.ConfigureServices is null) return new BuiltInServices();
        return new ContainerServices(CreateContainer(environment, plugins, rulePacks));
    }

    private static ServiceProvider CreateContainer(CliEnvironment environment, IReadOnlyList<string>? plugins, IReadOnlyList<string>? rulePacks)
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
    public static IGovernServices? TryCreate(CliEnvironment environment, IReadOnlyList<string> plugins, IReadOnlyList<string>? rulePacks = null)
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

/// <summary>The services a command resolves (<c>GetRequiredService</c>, <c>GetServices</c>); disposing them disposes the container, if any.</summary>
internal interface IGovernServices : IServiceProvider, IDisposable
{
    /// <summary>The report format named <paramref name="name"/>, or <see langword="null"/> when there is none.</summary>
    IReportFormatter? FindFormatter(string name) =>
        this.GetServices<IReportFormatter>().FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal));
}

/// <summary>The services of a dependency-injection container (plugins, rule packs, a test's additions).</summary>
internal sealed class ContainerServices(ServiceProvider provider) : IGovernServices
{
    public object? GetService(Type serviceType) => provider.GetService(serviceType);

    public void Dispose() => provider.Dispose();
}

/// <summary>
/// What <c>AddGovernanceRules()</c> registers, made directly and on first use: the same singletons (one loader shared by
/// the engine and <c>trace</c>, the built-in rules, the formatters in registration order, the Handlebars renderer,
/// the system clock, no logger), without building a container. A container costs ~100 JIT compilations of its
/// dictionaries over its own value-type keys and a reflection call per rule on every run (benchmarks/README.md,
/// "Start-up"); <c>EmbeddingTests</c> keep the registrations themselves valid. Any other service is <see langword="null"/>.
/// </summary>
internal sealed class BuiltInServices : IGovernServices
{
    private readonly ArtifactLoader loader = new();
    private readonly Lazy<ITemplateRenderer> renderer = new(static () => new HandlebarsTemplateRenderer());
    private GovernanceEngine? engine;
    private IReportFormatter[]? formatters;

    public object? GetService(Type serviceType)
    {
        if (serviceType == typeof(GovernanceEngine)) return engine ??= new GovernanceEngine(BuiltInRules.Create(), loader, TimeProvider.System, Options.Create(new GovernanceRulesOptions()), null);
        if (serviceType == typeof(IEnumerable<IReportFormatter>)) return formatters ??= CreateFormatters();
        if (serviceType == typeof(ITemplateRenderer)) return renderer.Value;
        if (serviceType == typeof(ArtifactLoader)) return loader;
        if (serviceType == typeof(TimeProvider)) return TimeProvider.System;
        return null;
    }

    /// <summary>Creates only the format asked for: the others' static state (serializer options, templates) stays untouched.</summary>
    public IReportFormatter? FindFormatter(string name) => formatters is not null
        ? Array.Find(formatters, f => string.Equals(f.Name, name, StringComparison.Ordinal))
        : name switch
        {
            ReportFormatNames.Text => new TextReportFormatter(),
            ReportFormatNames.Markdown => new MarkdownReportFormatter(renderer.Value),
            ReportFormatNames.Html => new HtmlReportFormatter(renderer.Value),
            ReportFormatNames.Sarif => new SarifReportFormatter(),
            ReportFormatNames.Json => new JsonReportFormatter(),
            ReportFormatNames.Junit => new JunitReportFormatter(),
            _ => null,
        };

    private IReportFormatter[] CreateFormatters() =>
    [
        new TextReportFormatter(),
        new MarkdownReportFormatter(renderer.Value),
        new HtmlReportFormatter(renderer.Value),
        new SarifReportFormatter(),
        new JsonReportFormatter(),
        new JunitReportFormatter(),
    ];

    public void Dispose()
    {
        // Nothing the built-in set holds needs disposing (the container disposed none of it either).
    }
}
