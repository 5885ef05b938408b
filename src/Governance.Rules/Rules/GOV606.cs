using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>
/// GOV606: a handover has no UAT, a UAT nobody signed off, or more open critical and high defects than
/// <see cref="GOV606Options.MaxOpenHighDefects"/>.
/// </summary>
internal sealed class GOV606 : GovernanceRule<GOV606Options>
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GOV606",
        "UAT not signed off",
        "{0}; {1}",
        RuleCategories.Handover,
        Severity.Error,
        "A handover records user acceptance testing signed off by a user representative (uat.signedOffBy), with no more open critical and high defects than maxOpenHighDefects (0).");

    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterArtifactAction<Handover>(context =>
        {
            var spec = context.Artifact.Spec;
            var max = context.GetOptions<GOV606Options>().MaxOpenHighDefects;
            if (spec.WrittenUat() is not { } uat)
            {
                context.Report(spec, "Handover has no UAT (uat)", "run user acceptance testing and record its results and sign-off in uat");
                return;
            }

            if (uat.SignedOffBy.IsBlank())
                context.Report(uat, "UAT is not signed off (uat.signedOffBy is blank)", "record who accepted the output for its users in signedOffBy, and when in signedOffOn");

            var critical = uat.OpenDefects?.Critical ?? 0;
            var high = uat.OpenDefects?.High ?? 0;
            var open = (long)critical + high;
            if (open > max)
            {
                context.Report((object?)uat.OpenDefects ?? uat,
                    $"UAT leaves {open} critical or high defect(s) open ({critical} critical, {high} high), more than maxOpenHighDefects ({max})",
                    "fix them before the handover, or agree to downgrade them with the receiving owner");
            }
        });
}

/// <summary>Options of GOV606.</summary>
internal sealed record GOV606Options
{
    /// <summary>The most open critical and high UAT defects (added together) a handover may carry. Default 0.</summary>
    public int MaxOpenHighDefects { get; init; }
}
