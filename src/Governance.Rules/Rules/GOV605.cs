using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>GOV605: a handover does not confirm that access was transferred (<c>accessTransferred</c> is not <c>true</c>).</summary>
internal sealed class GOV605 : GovernanceRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GOV605",
        "Access transfer unconfirmed",
        "Handover's accessTransferred is {0}; transfer access (accounts, credentials, admin rights, repositories) to the receiving team and set accessTransferred: true",
        RuleCategories.Handover,
        Severity.Warning,
        "A handover confirms that access to the handed-over service was transferred to the receiving team (accessTransferred: true).");

    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterArtifactAction<Handover>(context =>
        {
            var spec = context.Artifact.Spec;
            if (spec.AccessTransferred == true) return;
            context.ReportAt(spec, nameof(HandoverSpec.AccessTransferred), spec.AccessTransferred is null ? "not set" : "false");
        });
}
