using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>
/// GOV607: a handover is not signed off (<c>signOff</c> absent, or without <c>by</c> or <c>date</c>): an error when its
/// project is completed, a warning otherwise.
/// </summary>
internal sealed class GOV607 : GovernanceRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GOV607",
        "Handover not signed off",
        "{0}{1}; record who signed the handover off and when in signOff.by and signOff.date",
        RuleCategories.Handover,
        Severity.Error,
        "A handover is signed off by the receiving side (signOff with by and date): an error once the project is completed, a warning before.")
    {
        MilderSeverity = Severity.Warning,
    };

    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterArtifactAction<Handover>(context =>
        {
            var spec = context.Artifact.Spec;
            var signOff = spec.SignOff;
            var noBy = signOff is null || signOff.By.IsBlank();
            var noDate = signOff?.Date is null;
            if (!noBy && !noDate) return;

            // A sign-off with neither by nor date is blank, so the finding points at /spec like an absent one; a partial
            // sign-off points at the signOff that lacks a field.
            var blank = signOff is null || (noBy && noDate);
            var fact = blank ? "Handover has no signOff" : noBy ? "Handover's signOff has no by" : "Handover's signOff has no date";
            object target = blank ? spec : signOff!;

            var projectId = spec.ProjectId;
            if (context.Portfolio.TryGetArtifact<Project>(projectId, out var project) && project.Spec.Status == ProjectStatus.Completed)
                context.Report(target, fact, $" while project '{projectId}' is completed");
            else
                context.Report(Severity.Warning, target, null, fact, string.Empty);
        });
}
