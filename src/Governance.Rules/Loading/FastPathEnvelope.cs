namespace Governance.Rules.Loading;

/// <summary>Where a value sits in the envelope, as the fast paths of both parsers track it while scanning.</summary>
internal enum EnvelopeSlot
{
    Other,
    Root,
    Metadata,
    ApiVersion,
    Kind,
    Id,
}

/// <summary>What the loader's fast paths (JSON and YAML) require of a document's envelope.</summary>
internal static class FastPathEnvelope
{
    /// <summary>
    /// The record type when the envelope names a known artifact kind of this API version and a non-blank id; otherwise
    /// null, and the document takes the full path (which reports GOV002/GOV004 precisely).
    /// </summary>
    public static Type? RecordType(string? apiVersion, string? kind, string? id)
    {
        if (apiVersion != Model.ArtifactKinds.ApiVersion || kind is null || kind == Model.ArtifactKinds.ConfigKind || string.IsNullOrWhiteSpace(id)) return null;
        return Model.ArtifactKinds.TryGet(kind, out _, out var recordType) ? recordType : null;
    }
}
