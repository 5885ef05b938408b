using Governance.Rules.DependencyInjection;
using Governance.Rules.Engine;
using Governance.Rules.Model;
using Governance.Rules.Rules;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Rules.Tests.DependencyInjection;

[TestFixture]
[Category("DependencyInjection")]
public sealed class ServiceCollectionTests
{
    private sealed class CustomRule : GovernanceRule
    {
        public override RuleDescriptor Descriptor { get; } =
            new("GOV990", "Plan has no version", "Plan has no version", RuleCategories.Portfolio, Severity.Info, "Custom rule for tests.");

        public override void Initialize(RuleRegistration registration) =>
            registration.RegisterArtifactAction<ProjectPlan>(c =>
            {
                if (string.IsNullOrWhiteSpace(c.Artifact.Spec.Version)) c.ReportAt(c.Artifact.Spec, nameof(ProjectPlanSpec.Version));
            });
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Test]
    public void A_host_resolves_the_engine_and_analyses_records_built_in_memory()
    {
        using var provider = new ServiceCollection().AddGovernanceRules().Services.BuildServiceProvider();
        var engine = provider.GetRequiredService<GovernanceEngine>();
        var plan = new ProjectPlan
        {
            Kind = "ProjectPlan",
            Metadata = new ArtifactMetadata { Id = "plan-in-memory" },
            Spec = new ProjectPlanSpec { ProjectId = "proj", RiskRegister = [new Risk { Id = "r1" }] },
        };
        var bare = plan with { Metadata = new ArtifactMetadata { Id = "bare" }, Spec = new ProjectPlanSpec() };

        var result = engine.Analyze([plan, bare]);

        result.Findings.Should().NotContain(f => f.RuleId == "GOV009");
        result.Findings.Where(f => f.RuleId == "GOV401").Should().ContainSingle()
            .Which.Should().BeEquivalentTo(new { RuleId = "GOV401", ArtifactId = "bare", Pointer = "/spec", File = (string?)null });
        engine.Rules.Should().HaveCount(BuiltInRules.Types.Count);
    }

    [Test]
    public void Custom_rules_and_a_custom_clock_are_picked_up()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(2030, 5, 6, 0, 0, 0, TimeSpan.Zero)));
        services.AddGovernanceRules().AddRule<CustomRule>();
        using var provider = services.BuildServiceProvider();
        var engine = provider.GetRequiredService<GovernanceEngine>();

        var result = engine.Analyze([new ProjectPlan { Kind = "ProjectPlan", Metadata = new ArtifactMetadata { Id = "p" }, Spec = new ProjectPlanSpec { RiskRegister = [new Risk { Id = "r1" }] } }]);

        result.Today.Should().Be(new DateOnly(2030, 5, 6));
        result.Findings.Where(f => f.RuleId == "GOV990").Should().ContainSingle().Which.Should().BeEquivalentTo(new { RuleId = "GOV990", Pointer = "/spec", Severity = Severity.Info });
        result.Rules.Select(r => r.Id).Should().Contain("GOV990");
    }

    [Test]
    public void Adding_twice_registers_each_rule_once()
    {
        var services = new ServiceCollection();
        services.AddGovernanceRules();
        services.AddGovernanceRules();
        using var provider = services.BuildServiceProvider();

        provider.GetServices<GovernanceRule>().Should().HaveCount(BuiltInRules.Types.Count);
        var act = () => provider.GetRequiredService<GovernanceEngine>();
        act.Should().NotThrow();
    }

    [Test]
    public void Null_arguments_are_rejected()
    {
        var act = () => GovernanceRulesServiceCollectionExtensions.AddGovernanceRules(null!);
        act.Should().Throw<ArgumentNullException>();
        var builder = () => GovernanceRulesBuilderExtensions.AddRule<CustomRule>(null!);
        builder.Should().Throw<ArgumentNullException>();
    }

    [Test]
    public void A_configuration_given_through_the_options_pattern_behaves_like_the_file()
    {
        var services = new ServiceCollection();
        services.AddGovernanceRules(o => o.Configuration = new Governance.Rules.Configuration.GovernanceConfigDocument
        {
            AsOf = new DateOnly(2026, 11, 1),
            Rules = new Dictionary<string, Governance.Rules.Configuration.RuleConfiguration>
            {
                ["GOV401"] = new() { Severity = Governance.Rules.Configuration.ConfiguredSeverity.Info },
                ["GOV406"] = new() { Severity = Governance.Rules.Configuration.ConfiguredSeverity.None },
            },
            Exemptions = [new Governance.Rules.Configuration.Exemption { Rule = "GOV409", Artifact = "plan", Justification = "Budget held by finance", Expires = new DateOnly(2027, 1, 31) }],
        });
        using var provider = services.BuildServiceProvider();
        var engine = provider.GetRequiredService<GovernanceEngine>();

        var result = engine.Analyze([new ProjectPlan { Kind = "ProjectPlan", Metadata = new ArtifactMetadata { Id = "plan" }, Spec = new ProjectPlanSpec { ProjectId = "p" } }]);

        result.Today.Should().Be(new DateOnly(2026, 11, 1));
        result.Findings.Single(f => f.RuleId == "GOV401").Severity.Should().Be(Severity.Info);
        result.Findings.Should().NotContain(f => f.RuleId == "GOV406");
        result.Findings.Single(f => f.RuleId == "GOV409").Suppression!.Kind.Should().Be(SuppressionKind.Exemption);
    }

    [Test]
    public void An_invalid_configuration_given_through_options_is_reported_on_use()
    {
        var services = new ServiceCollection();
        services.AddGovernanceRules(o => o.Configuration = new Governance.Rules.Configuration.GovernanceConfigDocument
        {
            Rules = new Dictionary<string, Governance.Rules.Configuration.RuleConfiguration> { ["GOV41"] = new() },
        });
        using var provider = services.BuildServiceProvider();
        var engine = provider.GetRequiredService<GovernanceEngine>();

        var act = () => engine.Analyze([]);

        act.Should().Throw<Governance.Rules.Configuration.GovernanceConfigurationException>().WithMessage("*Unknown rule 'GOV41' (did you mean 'GOV401'?)*");
    }
}
