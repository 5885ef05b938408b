using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>GOV401: a project plan's risk register holds fewer than <see cref="GOV401Options.MinRisks"/> risks.</summary>
internal sealed class GOV401 : GovernanceRule<GOV401Options>
{
    /// <summary>An entry equal to this one has every field absent: an empty object, blank (SPEC §H), so not a risk.</summary>
    private static readonly Risk BlankRisk = new();

    public override RuleDescriptor Descriptor { get; } = new(
        "GOV401",
        "Plan has no risk register",
        "Plan's risk register holds {0} risk(s); at least {1} expected",
        RuleCategories.Plan,
        Severity.Error,
        "Every project plan keeps a risk register with at least minRisks risks, whatever their status.");

    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterArtifactAction<ProjectPlan>(context =>
        {
            var options = context.GetOptions<GOV401Options>();
            var spec = context.Artifact.Spec;
            var count = spec.RiskRegister.Count(r => r is not null && r != BlankRisk);
            if (count < options.MinRisks) context.ReportAt(spec, nameof(ProjectPlanSpec.RiskRegister), count, options.MinRisks);
        });
}

/// <summary>Options of GOV401.</summary>
internal sealed record GOV401Options
{
    /// <summary>Fewest risks a plan's register must hold; every status counts. Default 1.</summary>
    public int MinRisks { get; init; } = 1;
}
