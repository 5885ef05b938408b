using System.Text.Json;
using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace Governance.Rules.Rules;

/// <summary>
/// GOV602: a handover has no artifact of a type in <see cref="GOV602Options.RequiredArtifactTypes"/>, or one of its
/// artifacts has a blank <c>location</c>. One finding per missing type and per artifact without a location.
/// </summary>
internal sealed class GOV602 : GovernanceRule<GOV602Options>
{
    public override RuleDescriptor Descriptor { get; } = new(
        "GOV602",
        "Required handover artifacts missing",
        "{0}; {1}",
        RuleCategories.Handover,
        Severity.Error,
        "A handover carries an artifact of every required type (requiredArtifactTypes: runbook, architecture and userGuide by default), and every artifact says where it is (location).");

    public override void Initialize(RuleRegistration registration) =>
        registration.RegisterArtifactAction<Handover>(context =>
        {
            var spec = context.Artifact.Spec;
            var required = context.GetOptions<GOV602Options>().RequiredArtifactTypes ?? [];
            var artifacts = spec.Artifacts ?? [];

            var present = new HashSet<HandoverArtifactType>();
            for (var i = 0; i < artifacts.Count; i++)
            {
                if (artifacts[i]?.Type is { } type) present.Add(type);
            }

            var requiredNames = string.Join(", ", required.Distinct().Select(Name));
            foreach (var type in required.Distinct())
            {
                if (present.Contains(type)) continue;
                context.ReportAt(spec, nameof(HandoverSpec.Artifacts),
                    $"Handover has no '{Name(type)}' artifact", $"add one with the location where the receiving team finds it (required types: {requiredNames})");
            }

            for (var i = 0; i < artifacts.Count; i++)
            {
                var artifact = artifacts[i];
                if (artifact is null || IsBlank(artifact) || !artifact.Location.IsBlank()) continue;
                context.Report(artifact, $"Handover artifact {Describe(artifact, i)} has no location", "add the URL where the receiving team finds it");
            }
        });

    /// <summary>An entry with no content at all (<c>- {}</c>) is blank (SPEC §H): not an artifact.</summary>
    private static bool IsBlank(HandoverArtifact artifact) => artifact.Type is null && artifact.Title.IsBlank() && artifact.Location.IsBlank();

    /// <summary><c>'Runbook' (runbook)</c>, <c>'Runbook'</c>, <c>(runbook)</c>, or <c>#2</c> when it has neither title nor type.</summary>
    private static string Describe(HandoverArtifact artifact, int index) =>
        RuleFacts.NameAndDetail(artifact.Title, artifact.Type is { } type ? Name(type) : null) ?? RuleFacts.Label(null, null, index);

    /// <summary>The type as written in documents: <c>userGuide</c>.</summary>
    private static string Name(HandoverArtifactType type) => JsonNamingPolicy.CamelCase.ConvertName(type.ToString());
}

/// <summary>Options of GOV602.</summary>
internal sealed record GOV602Options
{
    /// <summary>
    /// Artifact types every handover must carry at least one of, written in camelCase (<c>[runbook, apiDocs]</c>).
    /// Default <c>[runbook, architecture, userGuide]</c>.
    /// </summary>
    public IReadOnlyList<HandoverArtifactType> RequiredArtifactTypes { get; init; } =
        [HandoverArtifactType.Runbook, HandoverArtifactType.Architecture, HandoverArtifactType.UserGuide];
}
