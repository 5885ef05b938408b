using System.Text.Json;
using System.Text.Json.Serialization;
using Governance.Rules.Model;

namespace Governance.Rules.Loading;

/// <summary>
/// Compile-time System.Text.Json metadata of the artifact records, for <see cref="ArtifactSerialization.StrictOptions"/>:
/// the fast path then reads a document without building its contract by reflection and without JIT-compiling a
/// converter per record (start-up, benchmarks/README.md). Names, numbers and depth are those of
/// <see cref="ArtifactSerialization.Options"/>; strictness (unmapped members, enum names) comes from the strict options
/// at run time, so the source-generated and reflection contracts accept exactly the same documents.
/// </summary>
/// <remarks>
/// The generator sets <c>init</c> properties in an object initializer, so an absent member arrives as <see langword="null"/>
/// (dotnet/runtime#84484); the model's <c>init</c> accessors map <see langword="null"/> to the member's default for that reason.
/// </remarks>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    GenerationMode = JsonSourceGenerationMode.Metadata,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DictionaryKeyPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = false,
    NumberHandling = JsonNumberHandling.Strict,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Portfolio))]
[JsonSerializable(typeof(Product))]
[JsonSerializable(typeof(ProductStrategy))]
[JsonSerializable(typeof(Roadmap))]
[JsonSerializable(typeof(Backlog))]
[JsonSerializable(typeof(ProductAnalytics))]
[JsonSerializable(typeof(Project))]
[JsonSerializable(typeof(ProjectPlan))]
[JsonSerializable(typeof(StatusReport))]
[JsonSerializable(typeof(Handover))]
[JsonSerializable(typeof(PostMortem))]
internal sealed partial class ArtifactJsonContext : JsonSerializerContext;
