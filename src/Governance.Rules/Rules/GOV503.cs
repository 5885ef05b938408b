using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>
/// GOV503: a status report rates a dimension amber or red without saying why (<c>ragRationale</c>) or what is done
/// about it (<c>recoveryActions</c>).
/// </summary>
internal sealed class GOV503 : GovernanceRule
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GOV503",
        "Amber/red without rationale",
        "Status report rates {0} but has {1}; {2}",
        RuleCategories.Status,
        Severity.Error,
        "A status report that rates overall, schedule, budget or scope amber or red explains the rating in ragRationale and lists recoveryActions.");

    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterArtifactAction<StatusReport>(context =>
        {
            var spec = context.Artifact.Spec;
            var ratings = new List<string>(4);
            Add(ratings, "overall", spec.OverallRag);
            Add(ratings, "schedule", spec.ScheduleRag);
            Add(ratings, "budget", spec.BudgetRag);
            Add(ratings, "scope", spec.ScopeRag);
            if (ratings.Count == 0) return;

            var noRationale = spec.RagRationale.IsBlank();
            var noActions = !HasAction(spec.RecoveryActions);
            if (noRationale && noActions)
                context.Report(spec, string.Join(", ", ratings), "no ragRationale and no recoveryActions", "explain the rating in ragRationale and list the recoveryActions that bring it back to green");
            else if (noRationale)
                context.Report(spec, string.Join(", ", ratings), "no ragRationale", "explain the rating in ragRationale");
            else if (noActions)
                context.Report(spec, string.Join(", ", ratings), "no recoveryActions", "list the recoveryActions that bring it back to green");
        });

    private static void Add(List<string> ratings, string dimension, Rag? rag)
    {
        if (rag is Rag.Amber) ratings.Add(dimension + " amber");
        else if (rag is Rag.Red) ratings.Add(dimension + " red");
    }

    /// <summary>An action counts when it has any content; <c>null</c> entries and empty objects (<c>[{}]</c>) are blank (SPEC §H).</summary>
    private static bool HasAction(IReadOnlyList<ActionItem>? actions)
    {
        if (actions is null) return false;
        for (var i = 0; i < actions.Count; i++)
        {
            if (actions[i] is { } action && !IsBlank(action)) return true;
        }

        return false;
    }

    private static bool IsBlank(ActionItem action) =>
        action.Id.IsBlank() && action.Description.IsBlank() && action.Owner.IsBlank() && action.Due is null
        && action.Type is null && action.Priority is null && action.Status is null && action.TrackerRef.IsBlank();
}
