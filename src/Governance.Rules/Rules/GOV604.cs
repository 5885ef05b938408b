using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>GOV604: a handed-over service has no service level objectives (<c>operations.slos</c> empty).</summary>
internal sealed class GOV604 : GovernanceRule<GOV604Options>
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GOV604",
        "No SLOs for handed-over service",
        "Handover has no SLOs in operations.slos; agree at least one service level objective (name, objectivePct, window) with the receiving team",
        RuleCategories.Handover,
        Severity.Warning,
        "A service handed over to operations comes with at least one service level objective in operations.slos, so that the receiving team knows what good service is.");

    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterArtifactAction<Handover>(context =>
        {
            if (!context.GetOptions<GOV604Options>().RequireSlo) return;
            var spec = context.Artifact.Spec;
            var operations = spec.WrittenOperations();
            if (operations is not null && HasSlo(operations.Slos)) return;
            context.Report((object?)operations ?? spec);
        });

    /// <summary>An SLO counts when it has any content; <c>null</c> entries and empty objects (<c>[{}]</c>) are blank (SPEC §H).</summary>
    private static bool HasSlo(IReadOnlyList<Slo>? slos)
    {
        if (slos is null) return false;
        for (var i = 0; i < slos.Count; i++)
        {
            if (slos[i] is { } slo && (!slo.Name.IsBlank() || slo.ObjectivePct is not null || !slo.Window.IsBlank())) return true;
        }

        return false;
    }
}

/// <summary>Options of GOV604.</summary>
internal sealed record GOV604Options
{
    /// <summary>Whether a handover must list SLOs; <see langword="false"/> turns the rule off. Default <see langword="true"/>.</summary>
    public bool RequireSlo { get; init; } = true;
}
