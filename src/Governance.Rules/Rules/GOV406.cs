using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>
/// GOV406: a plan has no scope or nothing in scope (error), or says nothing about what is out of scope (info).
/// </summary>
internal sealed class GOV406 : GovernanceRule
{
    /// <summary>A scope equal to this one has no key written: an empty object, blank (SPEC §H), so missing.</summary>
    private static readonly Scope BlankScope = new();

    public override RuleDescriptor Descriptor { get; } = new(
        "GOV406",
        "Scope undefined",
        "Plan {0}; {1}",
        RuleCategories.Plan,
        Severity.Error,
        "A plan defines its scope: what is in scope (error when missing or empty) and what is explicitly out of scope (info when empty).")
    {
        MilderSeverity = Severity.Info,
    };

    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterArtifactAction<ProjectPlan>(context =>
        {
            var spec = context.Artifact.Spec;
            if (spec.Scope is not { } scope || scope == BlankScope)
            {
                context.Report(spec, "has no scope", "list what the project delivers in scope.inScope and what it will not do in scope.outOfScope");
                return;
            }

            if (scope.InScope.IsBlank())
                context.Report(scope, "lists nothing in scope.inScope", "list what the project delivers");
            if (scope.OutOfScope.IsBlank())
                context.Report(Severity.Info, scope, null, "lists nothing in scope.outOfScope", "say what the project will not do, so that the boundary is explicit");
        });
}
