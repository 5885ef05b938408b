using Governance.Rules.Configuration;
using Governance.Rules.Engine;
using Governance.Rules.Model;
using Governance.Rules.TestPlugin;
using Governance.Rules.Testing;

namespace Governance.Rules.Tests.Testing;

/// <summary>The public testing helper, used the way a rule author would: on the test plugin's GOV990.</summary>
[TestFixture]
[Category("RuleTester")]
public sealed class RuleTesterTests
{
    private const string PlanWithoutVersion = """
        apiVersion: governance/v1
        kind: ProjectPlan
        metadata:
          id: plan-a
        spec:
          projectId: proj-a
        """;

    [Test]
    public void A_plugin_rule_fires_with_file_line_column_pointer_and_message()
    {
        var result = RuleTester.Run(new PlanVersionRule(), PlanWithoutVersion);

        result.Findings.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            RuleId = "GOV990",
            Severity = Severity.Warning,
            Message = "Plan 'plan-a' has no version",
            ArtifactId = "plan-a",
            File = "test.yaml",
            Pointer = "/spec",
            Line = 6,
            Column = 3,
        });
        result.Lines.Should().Equal("test.yaml:6:3: warning GOV990: Plan 'plan-a' has no version [plan-a]");
        result.EngineFindings.Should().BeEmpty();
    }

    [Test]
    public void The_near_miss_does_not_fire_and_built_in_rules_stay_out_unless_asked()
    {
        var withVersion = PlanWithoutVersion + "\n  version: \"2.1\"\n";

        RuleTester.Run(new PlanVersionRule(), withVersion).Findings.Should().BeEmpty();
        RuleTester.Run(new PlanVersionRule(), withVersion, new RuleTestOptions { IncludeBuiltInRules = true })
            .Findings.Should().Contain(f => f.RuleId == "GOV401").And.NotContain(f => f.RuleId == "GOV990");
    }

    [Test]
    public void Configuration_applies_like_governance_yaml_and_is_validated_like_it()
    {
        var options = new RuleTestOptions
        {
            FileName = "plans/plan.yaml",
            Configuration = new GovernanceConfigDocument
            {
                Rules = new Dictionary<string, RuleConfiguration> { ["GOV990"] = new() { Severity = ConfiguredSeverity.Error } },
            },
        };

        RuleTester.Run(new PlanVersionRule(), PlanWithoutVersion, options).Lines
            .Should().Equal("plans/plan.yaml:6:3: error GOV990: Plan 'plan-a' has no version [plan-a]");
        var unknownOption = () => RuleTester.Run(new PlanVersionRule(), PlanWithoutVersion, options.WithRuleOptions("GOV990", new Dictionary<string, object?> { ["maxVersions"] = 2 }));
        unknownOption.Should().Throw<GovernanceConfigurationException>().WithMessage("*maxVersions*");
    }

    [Test]
    public void Options_and_the_date_reach_the_rule()
    {
        var rule = new DueDateRule();
        const string Plan = """
            apiVersion: governance/v1
            kind: ProjectPlan
            metadata: { id: plan-d }
            spec:
              projectId: p
              milestones:
                - { id: m1, name: Go-live, baselineDate: 2026-03-01 }
            """;

        RuleTester.Run(rule, Plan, new RuleTestOptions { AsOf = new DateOnly(2026, 3, 5) }).Findings.Should().ContainSingle()
            .Which.Message.Should().Be("Milestone m1 is 4 day(s) late (grace 0)");
        RuleTester.Run(rule, Plan, new RuleTestOptions { AsOf = new DateOnly(2026, 3, 5) }.WithRuleOptions("GOV951", new Dictionary<string, object?> { ["graceDays"] = 7 }))
            .Findings.Should().BeEmpty();
    }

    [Test]
    public void A_broken_test_document_fails_loudly_unless_engine_findings_are_allowed()
    {
        const string Broken = "apiVersion: governance/v1\nkind: ProjectPlan\nmetadata: { id: [\n";

        var run = () => RuleTester.Run(new PlanVersionRule(), Broken);
        run.Should().Throw<RuleTestException>().Which.Findings.Should().ContainSingle(f => f.RuleId == "GOV001");

        var allowed = RuleTester.Run(new PlanVersionRule(), Broken, new RuleTestOptions { AllowEngineFindings = true });
        allowed.Findings.Should().BeEmpty();
        allowed.EngineFindings.Should().ContainSingle(f => f.RuleId == "GOV001" && f.File == "test.yaml" && f.Line > 0);
    }

    [Test]
    public void Records_built_in_memory_carry_pointers()
    {
        var plan = new ProjectPlan { Metadata = new ArtifactMetadata { Id = "plan-r" }, Spec = new ProjectPlanSpec { ProjectId = "p" } };

        var result = RuleTester.RunOnRecords([new PlanVersionRule()], [plan]);

        result.Findings.Should().ContainSingle().Which.Should().BeEquivalentTo(new { RuleId = "GOV990", Pointer = "/spec", File = (string?)null, Line = 0 });
    }

    [Test]
    public void The_READMEs_custom_rule_example_gives_the_line_it_shows()
    {
        var result = RuleTester.Run(new ProjectHasNoSponsorRule(), """
            apiVersion: governance/v1
            kind: Project
            metadata: { id: crm-upgrade }
            spec: { projectManager: p-dana }
            """, new RuleTestOptions { AsOf = new DateOnly(2026, 11, 1) });

        result.Lines.Should().Equal("test.yaml:4:7: warning GOV950: Project 'crm-upgrade' has no sponsor; name the executive who answers for its business case [crm-upgrade]");
        result.Analysis.Rules.Should().Contain(d => d.Id == "GOV950" && d.HelpUri == "https://pmo.example.com/policies/GOV950");
    }

    /// <summary>The rule of the README's "Writing a custom rule", verbatim.</summary>
    private sealed class ProjectHasNoSponsorRule : GovernanceRule
    {
        public override RuleDescriptor Descriptor { get; } = new(
            "GOV950", "Project has no sponsor", "Project '{0}' has no sponsor; name the executive who answers for its business case",
            RuleCategories.Plan, Severity.Warning, "Every project in the portal names a sponsor.")
        {
            HelpUri = "https://pmo.example.com/policies/GOV950",
        };

        public override void Initialize(RuleRegistration registration) =>
            registration.RegisterArtifactAction<Project>(context =>
            {
                if (string.IsNullOrWhiteSpace(context.Artifact.Spec.Sponsor))
                    context.ReportAt(context.Artifact.Spec, nameof(ProjectSpec.Sponsor), context.Artifact.Id);
            });
    }

    private sealed class DueDateRule : GovernanceRule<DueDateOptions>
    {
        public override RuleDescriptor Descriptor { get; } =
            new("GOV951", "Milestone late", "Milestone {0} is {1} day(s) late (grace {2})", RuleCategories.Plan, Severity.Warning, "Test rule.") { UsesClock = true };

        public override void Initialize(RuleRegistration registration) =>
            registration.RegisterArtifactAction<ProjectPlan>(context =>
            {
                var grace = context.GetOptions<DueDateOptions>().GraceDays;
                foreach (var milestone in context.Artifact.Spec.Milestones)
                {
                    if (milestone.BaselineDate is { } due && due.AddDays(grace) < context.Today)
                        context.Report(milestone, milestone.Id, context.Today.DayNumber - due.DayNumber, grace);
                }
            });
    }

    private sealed record DueDateOptions
    {
        public int GraceDays { get; init; }
    }
}
