using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Governance.Rules.Loading;
using Governance.Rules.Model;

namespace Governance.Rules.Tests.Loading;

/// <summary>
/// The strict fast path reads records through the source-generated <see cref="ArtifactJsonContext"/>: its contract must
/// be the one reflection builds from the same options (same members, names and enum handling), cover every kind, and
/// keep the model's defaults for absent members.
/// </summary>
[TestFixture]
[Category("Loading")]
public sealed class GeneratedContractTests
{
    public static IEnumerable<TestCaseData> RecordTypes() =>
        ArtifactKinds.Names.Select(name =>
        {
            ArtifactKinds.TryGet(name, out _, out var type);
            return new TestCaseData(type).SetName($"Generated contract of {name}");
        });

    [TestCaseSource(nameof(RecordTypes))]
    public void Every_kind_has_a_generated_contract_equal_to_the_reflection_one(Type recordType)
    {
        var generated = ArtifactSerialization.StrictOptions.GetTypeInfo(recordType);
        generated.OriginatingResolver.Should().BeSameAs(ArtifactJsonContext.Default, "the fast path must not fall back to reflection");

        var reflection = new JsonSerializerOptions(ArtifactSerialization.StrictOptions) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
        foreach (var type in Reachable(recordType))
        {
            var expected = reflection.GetTypeInfo(type);
            var actual = ArtifactSerialization.StrictOptions.GetTypeInfo(type);
            actual.Kind.Should().Be(expected.Kind, type.Name);
            actual.Properties.Select(Describe).Should().BeEquivalentTo(expected.Properties.Select(Describe), o => o.WithStrictOrdering(), type.Name);
            if (type.IsEnum || Nullable.GetUnderlyingType(type) is { IsEnum: true })
                actual.Converter.GetType().Should().Be(expected.Converter.GetType(), "enums are read by the strict converter: " + type.Name);
        }
    }

    [Test]
    public void Absent_members_keep_the_model_defaults()
    {
        const string json = """{"apiVersion":"governance/v1","kind":"ProjectPlan","metadata":{"id":"p"},"spec":{"milestones":[{"id":"m"}]}}""";

        var plan = JsonSerializer.Deserialize<ProjectPlan>(json, ArtifactSerialization.StrictOptions)!;

        plan.Metadata.Tags.Should().NotBeNull().And.BeEmpty();
        plan.Metadata.Suppressions.Should().NotBeNull().And.BeEmpty();
        plan.Spec.Resources.Should().NotBeNull().And.BeEmpty();
        plan.Spec.Constraints.Should().NotBeNull().And.BeEmpty();
        plan.Should().BeEquivalentTo(JsonSerializer.Deserialize<ProjectPlan>(json, ArtifactSerialization.Options), "both contracts give the same record");

        var bare = JsonSerializer.Deserialize<Roadmap>("""{"kind":"Roadmap"}""", ArtifactSerialization.StrictOptions)!;
        bare.ApiVersion.Should().Be(ArtifactKinds.ApiVersion);
        bare.Metadata.Should().NotBeNull();
        bare.Spec.Should().NotBeNull();
    }

    [TestCase("""{"kind":"Roadmap","metadata":{"id":"r","Title":"x"}}""", TestName = "A member in another case is refused")]
    [TestCase("""{"kind":"Roadmap","metadata":{"id":"r","colour":"x"}}""", TestName = "An unknown member is refused")]
    [TestCase("""{"kind":"Roadmap","spec":{"items":[{"id":"i","status":"Planned"}]}}""", TestName = "An enum name in another case is refused")]
    [TestCase("""{"kind":"Roadmap","spec":{"items":[{"id":"i","status":1}]}}""", TestName = "An enum number is refused")]
    [TestCase("""{"kind":"ProjectPlan","spec":{"budget":{"approved":{"amount":"12"}}}}""", TestName = "A number in a string is refused")]
    public void The_generated_contract_is_as_strict_as_the_reflection_one(string json)
    {
        var recordType = json.Contains("ProjectPlan", StringComparison.Ordinal) ? typeof(ProjectPlan) : typeof(Roadmap);
        var reflection = new JsonSerializerOptions(ArtifactSerialization.StrictOptions) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

        FluentActions.Invoking(() => JsonSerializer.Deserialize(json, recordType, reflection)).Should().Throw<JsonException>();
        FluentActions.Invoking(() => JsonSerializer.Deserialize(json, recordType, ArtifactSerialization.StrictOptions)).Should().Throw<JsonException>();
    }

    private static string Describe(JsonPropertyInfo property) =>
        $"{property.Name}:{property.PropertyType}:{property.IsRequired}:{property.Set is not null || property.AssociatedParameter is not null}";

    private static List<Type> Reachable(Type root)
    {
        var seen = new List<Type>();
        var pending = new Stack<Type>([root]);
        while (pending.Count > 0)
        {
            var type = pending.Pop();
            if (seen.Contains(type)) continue;
            seen.Add(type);
            var info = ArtifactSerialization.StrictOptions.GetTypeInfo(type);
            if (info.ElementType is { } element) pending.Push(element);
            foreach (var property in info.Properties) pending.Push(property.PropertyType);
        }

        return seen;
    }
}
