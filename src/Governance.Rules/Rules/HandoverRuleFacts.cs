using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>What the handover rules (GOV6xx) read alike: when a handover's nested blocks count as written.</summary>
internal static class HandoverRuleFacts
{
    /// <summary>
    /// The handover's <c>operations</c> block, or <see langword="null"/> when it is blank: absent, <c>null</c> or an
    /// empty object (SPEC §H), so that findings about what it lacks point at <c>/spec</c>.
    /// </summary>
    public static Operations? WrittenOperations(this HandoverSpec spec) =>
        spec.Operations is { } operations
        && (!operations.OnCallOwner.IsBlank() || !operations.EscalationPath.IsBlank()
            || operations.Slos is { Count: > 0 } || operations.Dashboards is { Count: > 0 })
            ? operations
            : null;

    /// <summary>
    /// The handover's <c>uat</c> block, or <see langword="null"/> when it is blank: absent, <c>null</c>, an empty object,
    /// or one whose only content is an empty <c>openDefects</c> (SPEC §H).
    /// </summary>
    public static Uat? WrittenUat(this HandoverSpec spec) =>
        spec.Uat is { } uat
        && (uat.CompletedOn is not null || uat.TestsPassed is not null || uat.TestsTotal is not null
            || !uat.SignedOffBy.IsBlank() || uat.SignedOffOn is not null
            || uat.OpenDefects is { Critical: not null } or { High: not null } or { Medium: not null } or { Low: not null })
            ? uat
            : null;
}
