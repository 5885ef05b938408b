using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>
/// GOV702: a post-mortem records neither what went well nor what went poorly; with
/// <see cref="GOV702Options.RequireBoth"/>, either list being empty fires.
/// </summary>
internal sealed class GOV702 : GovernanceRule<GOV702Options>
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GOV702",
        "No learning captured",
        "Post-mortem {0}; {1}",
        RuleCategories.PostMortem,
        Severity.Error,
        "A post-mortem captures what the team learned: wentWell and wentPoorly are not both empty (with requireBoth, neither is empty).");

    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterArtifactAction<PostMortem>(context =>
        {
            var spec = context.Artifact.Spec;
            var noneWell = spec.WentWell.IsBlank();
            var nonePoorly = spec.WentPoorly.IsBlank();
            if (noneWell && nonePoorly)
            {
                context.Report(spec, "captures no learning: wentWell and wentPoorly are both empty", "record what went well and what went poorly");
                return;
            }

            if (!context.GetOptions<GOV702Options>().RequireBoth) return;
            if (noneWell) context.Report(spec, "has no wentWell entries and requireBoth is true", "record what went well too");
            else if (nonePoorly) context.Report(spec, "has no wentPoorly entries and requireBoth is true", "record what went poorly too");
        });
}

/// <summary>Options of GOV702.</summary>
internal sealed record GOV702Options
{
    /// <summary>
    /// When true, a post-mortem must record both what went well and what went poorly, so either list being empty fires.
    /// Default false: one of the two is enough (PagerDuty allows an empty wentWell).
    /// </summary>
    public bool RequireBoth { get; init; }
}
