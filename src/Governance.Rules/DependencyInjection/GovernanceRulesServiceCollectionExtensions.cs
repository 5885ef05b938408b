using Governance.Rules.DependencyInjection;
using Governance.Rules.Rules;
using Governance.Rules.Engine;
using Governance.Rules.Loading;
using Governance.Rules.Reporting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Governance.Rules in a service collection.</summary>
public static class GovernanceRulesServiceCollectionExtensions
{
    /// <summary>
    /// Adds the engine, the loader, the system clock (unless a <see cref="TimeProvider"/> is already registered; the
    /// engine takes the registered one, and its <see cref="ILogger{TCategoryName}"/> when logging is added) and
    /// every built-in rule and report formatter (<see cref="IReportFormatter"/>: text, markdown, html, sarif, json, junit),
    /// and the Handlebars <see cref="ITemplateRenderer"/> (unless another is already registered). Returns a builder for
    /// adding custom rules.
    /// </summary>
    public static IGovernanceRulesBuilder AddGovernanceRules(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ArtifactLoader>();
        // The logger is optional: without AddLogging() the engine logs nothing.
        services.TryAddSingleton(provider => new GovernanceEngine(
            provider.GetServices<GovernanceRule>(),
            provider.GetRequiredService<ArtifactLoader>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<IOptions<GovernanceRulesOptions>>(),
            provider.GetService<ILogger<GovernanceEngine>>()));
        foreach (var ruleType in BuiltInRules.Types)
            services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(GovernanceRule), ruleType));
        services.TryAddSingleton<ITemplateRenderer, HandlebarsTemplateRenderer>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReportFormatter, TextReportFormatter>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReportFormatter, MarkdownReportFormatter>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReportFormatter, HtmlReportFormatter>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReportFormatter, SarifReportFormatter>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReportFormatter, JsonReportFormatter>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IReportFormatter, JunitReportFormatter>());
        return new GovernanceRulesBuilder(services);
    }

    /// <summary>
    /// Adds Governance.Rules like <see cref="AddGovernanceRules(IServiceCollection)"/> and configures
    /// <see cref="GovernanceRulesOptions"/> (an in-memory configuration or a configuration file) through the options pattern.
    /// </summary>
    public static IGovernanceRulesBuilder AddGovernanceRules(this IServiceCollection services, Action<GovernanceRulesOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var builder = services.AddGovernanceRules();
        services.Configure(configure);
        return builder;
    }

    private sealed class GovernanceRulesBuilder(IServiceCollection services) : IGovernanceRulesBuilder
    {
        public IServiceCollection Services { get; } = services;
    }
}
