using Governance.Rules.Engine;
using Governance.Rules.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Governance.Rules.Cli.Tests.Testing;

/// <summary>
/// A test rule that repeats each plan's and project's <c>metadata.title</c>, when it has one, in a warning, so the reports can be tested on
/// messages that carry artifact text (HTML, pipes, line breaks).
/// </summary>
internal sealed class EchoTitleRule : GovernanceRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GOV998", "Test title echo", "Title is {0}", RuleCategories.Plan, Severity.Warning,
        "Repeats the artifact's title; used by the command-line tests only.");

    /// <summary>Adds the rule to the services <c>govern</c> builds.</summary>
    public static void Register(IServiceCollection services) =>
        services.TryAddEnumerable(ServiceDescriptor.Singleton<GovernanceRule, EchoTitleRule>());

    public override void Initialize(RuleRegistration registration)
    {
        registration.RegisterArtifactAction<ProjectPlan>(context =>
        {
            if (context.Artifact.Metadata.Title is { Length: > 0 } title) context.Report(context.Artifact, title);
        });
        registration.RegisterArtifactAction<Project>(context =>
        {
            if (context.Artifact.Metadata.Title is { Length: > 0 } title) context.Report(context.Artifact, title);
        });
    }
}
