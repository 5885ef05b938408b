using Microsoft.Extensions.DependencyInjection;

namespace Governance.Rules.Cli;

/// <summary>The services a command uses: the engine, the built-in rules and the report formatters.</summary>
internal static class GovernServices
{
    /// <summary>A new provider with <c>AddGovernanceRules()</c> and the environment's additions; the caller disposes it.</summary>
    public static ServiceProvider Create(CliEnvironment environment)
    {
        var services = new ServiceCollection();
        services.AddGovernanceRules();
        environment.ConfigureServices?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
