using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>GOV603: a handover names no receiving owner, or no on-call owner; one finding per blank owner.</summary>
internal sealed class GOV603 : GovernanceRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GOV603",
        "No operating owner",
        "Handover has no {0}; name the person who {1}",
        RuleCategories.Handover,
        Severity.Error,
        "A handover names who owns the output after the project (receivingOwner) and who is on call for it (operations.onCallOwner).");

    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterArtifactAction<Handover>(context =>
        {
            var spec = context.Artifact.Spec;
            if (spec.ReceivingOwner.IsBlank())
                context.Report(spec, "receivingOwner", "owns and maintains the output after the handover");

            var operations = spec.WrittenOperations();
            if (operations is null || operations.OnCallOwner.IsBlank())
                context.Report((object?)operations ?? spec, "operations.onCallOwner", "is on call for the handed-over service");
        });
}
