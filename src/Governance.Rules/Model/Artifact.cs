using System.Text.Json.Serialization;

namespace Governance.Rules.Model;

/// <summary>
/// The envelope shared by every artifact (SPEC §A): <c>apiVersion</c>, <c>kind</c>, <c>metadata</c> and a
/// kind-specific <c>spec</c> held by the derived record.
/// </summary>
public abstract record Artifact
{
    /// <summary>The API version; <c>governance/v1</c>.</summary>
    public string ApiVersion { get; init => field = value ?? ArtifactKinds.ApiVersion; } = ArtifactKinds.ApiVersion;

    /// <summary>The kind as written in the document.</summary>
    public string Kind { get; init => field = value ?? string.Empty; } = string.Empty;

    /// <summary>Identity and housekeeping of the artifact.</summary>
    public ArtifactMetadata Metadata { get; init => field = value ?? new(); } = new();

    /// <summary>The kind of this artifact.</summary>
    [JsonIgnore]
    [Newtonsoft.Json.JsonIgnore]
    public abstract ArtifactKind ArtifactKind { get; }

    /// <summary>The artifact id (<c>metadata.id</c>), or <see langword="null"/> when it is missing.</summary>
    [JsonIgnore]
    [Newtonsoft.Json.JsonIgnore]
    public string? Id => Metadata.Id;
}

/// <summary>The <c>metadata</c> block of an artifact.</summary>
public sealed record ArtifactMetadata
{
    /// <summary>Id, unique across everything analyzed together.</summary>
    public string? Id { get; init; }
    /// <summary>Human-readable title.</summary>
    public string? Title { get; init; }
    /// <summary>Person who owns the artifact.</summary>
    public string? Owner { get; init; }
    /// <summary>When the artifact was last updated.</summary>
    public DateOnly? LastUpdated { get; init; }
    /// <summary>Free-form tags.</summary>
    public IReadOnlyList<string> Tags { get; init => field = value ?? []; } = [];
    /// <summary>Where an importer got the record.</summary>
    public ArtifactSource? Source { get; init; }
    /// <summary>Inline suppressions of findings on this artifact.</summary>
    public IReadOnlyList<Suppression> Suppressions { get; init => field = value ?? []; } = [];
}

/// <summary>Where an importer got a record from.</summary>
public sealed record ArtifactSource
{
    /// <summary>The source system (e.g. Jira).</summary>
    public string? System { get; init; }
    /// <summary>The record's key in that system.</summary>
    public string? Key { get; init; }
    /// <summary>A link to the record.</summary>
    public string? Url { get; init; }
}

/// <summary>An inline suppression of a rule's findings on an artifact (SPEC §E).</summary>
public sealed record Suppression
{
    /// <summary>The rule id suppressed.</summary>
    public string? Rule { get; init; }
    /// <summary>JSON pointer; findings at or below it are suppressed. Absent: the whole artifact.</summary>
    public string? Pointer { get; init; }
    /// <summary>Why; a suppression without one does not suppress.</summary>
    public string? Justification { get; init; }
    /// <summary>Last day on which the suppression works.</summary>
    public DateOnly? Expires { get; init; }
}

/// <summary>Names and type mapping of the artifact kinds.</summary>
public static class ArtifactKinds
{
    /// <summary>The only supported API version.</summary>
    public const string ApiVersion = "governance/v1";

    /// <summary>The prefix every governance API version starts with.</summary>
    public const string ApiVersionPrefix = "governance/";

    /// <summary>The kind of a configuration document, which is never an artifact.</summary>
    public const string ConfigKind = "GovernanceConfig";

    private static readonly Dictionary<string, (ArtifactKind Kind, Type Type)> ByName = new(StringComparer.Ordinal)
    {
        ["Portfolio"] = (ArtifactKind.Portfolio, typeof(Portfolio)),
        ["Product"] = (ArtifactKind.Product, typeof(Product)),
        ["ProductStrategy"] = (ArtifactKind.ProductStrategy, typeof(ProductStrategy)),
        ["Roadmap"] = (ArtifactKind.Roadmap, typeof(Roadmap)),
        ["Backlog"] = (ArtifactKind.Backlog, typeof(Backlog)),
        ["ProductAnalytics"] = (ArtifactKind.ProductAnalytics, typeof(ProductAnalytics)),
        ["Project"] = (ArtifactKind.Project, typeof(Project)),
        ["ProjectPlan"] = (ArtifactKind.ProjectPlan, typeof(ProjectPlan)),
        ["StatusReport"] = (ArtifactKind.StatusReport, typeof(StatusReport)),
        ["Handover"] = (ArtifactKind.Handover, typeof(Handover)),
        ["PostMortem"] = (ArtifactKind.PostMortem, typeof(PostMortem)),
    };

    /// <summary>Every kind name, in catalog order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. ByName.Keys];

    /// <summary>Looks up a kind by the name written in <c>kind</c> (case-sensitive).</summary>
    public static bool TryGet(string? name, out ArtifactKind kind, out Type recordType)
    {
        if (name is not null && ByName.TryGetValue(name, out var entry))
        {
            kind = entry.Kind;
            recordType = entry.Type;
            return true;
        }

        kind = default;
        recordType = typeof(Artifact);
        return false;
    }

    /// <summary>The record type that models <paramref name="kind"/>.</summary>
    public static Type RecordType(ArtifactKind kind) => ByName[kind.ToString()].Type;

    /// <summary>Suggests the closest kind name for a misspelled one, or <see langword="null"/>.</summary>
    public static string? Suggest(string name) => Text.Suggestions.Closest(name, ByName.Keys);
}
