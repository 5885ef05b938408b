using Governance.Rules.Engine;
using Governance.Rules.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Governance.Rules.Cli.Tests.Testing;

/// <summary>A test rule that reports an info finding on every Project, for <c>--fail-on info</c>.</summary>
internal sealed class InfoOnEveryProjectRule : GovernanceRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GOV999", "Test info finding", "Project '{0}' noted", RuleCategories.Portfolio, Severity.Info,
        "Reports an info finding on every project; used by the command-line tests only.");

    /// <summary>Adds the rule to the services <c>govern</c> builds.</summary>
    public static void Register(IServiceCollection services) =>
        services.TryAddEnumerable(ServiceDescriptor.Singleton<GovernanceRule, InfoOnEveryProjectRule>());

    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterArtifactAction<Project>(context => context.Report(context.Artifact, context.Artifact.Id));
}
