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

    /// <remarks>A node action: reads the handover's and the project's facts the index keeps, not their records.</remarks>
    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterNodeAction(ArtifactKind.Handover, context =>
        {
            if (context.Node.Handover is not { } handover) return;
            var (noBy, noDate) = (handover.NoBy, handover.NoDate);
            if (!noBy && !noDate) return;

            // A sign-off with neither by nor date is blank (or absent), so the finding points at /spec; a partial
            // sign-off points at the signOff that lacks a field.
            var blank = noBy && noDate;
            var fact = blank ? "Handover has no signOff" : noBy ? "Handover's signOff has no by" : "Handover's signOff has no date";
            var pointer = blank ? "/spec" : "/spec/signOff";

            var projectId = context.Node.ParentId;
            if (context.Portfolio.TryGetNode(projectId, out var project) && project.Kind == ArtifactKind.Project && project.ProjectStatus == ProjectStatus.Completed)
                context.ReportAtPresentPointer(pointer, fact, $" while project '{projectId}' is completed");
            else
                context.ReportAtPresentPointer(Severity.Warning, pointer, fact, string.Empty);
        });
}
