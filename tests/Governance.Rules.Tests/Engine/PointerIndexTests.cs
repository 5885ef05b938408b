using System.Reflection;
using System.Text.Json.Serialization;
using Governance.Rules.Engine;
using Governance.Rules.Model;

namespace Governance.Rules.Tests.Engine;

[TestFixture]
[Category("Engine")]
public sealed class PointerIndexTests
{
    private static IEnumerable<Type> RecordTypes() =>
        typeof(Artifact).Assembly.GetTypes().Where(t => t.IsPublic && PointerIndex.IsRecord(t)).OrderBy(t => t.FullName, StringComparer.Ordinal);

    [Test]
    public void Every_get_only_property_of_the_model_is_ignored_by_System_Text_Json()
    {
        // PointerIndex.Slots leaves out properties without a setter before reading attributes; that is exact only
        // while every such property is [JsonIgnore] (inherited attributes included, as Slots reads them).
        var getOnly = RecordTypes()
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            .Where(p => p.GetIndexParameters().Length == 0 && p.SetMethod is null)
            .ToList();

        getOnly.Should().NotBeEmpty("Artifact.ArtifactKind and Artifact.Id have no setter");
        getOnly.Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}")
            .Should().BeEmpty();
    }

    [Test]
    public void Slots_are_the_settable_properties_that_System_Text_Json_does_not_ignore()
    {
        foreach (var type in RecordTypes())
        {
            var expected = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
                .Select(p => p.Name);
            PointerIndex.Slots(type).Select(s => s.Property.Name).Should().Equal(expected, type.Name);
        }
    }

    [Test]
    public void Slots_of_an_artifact_leave_out_its_kind_and_id()
    {
        var names = PointerIndex.Slots(typeof(Roadmap)).Select(s => s.JsonName).ToList();

        names.Should().Contain(["kind", "metadata"]);
        names.Should().NotContain(["artifactKind", "id"]);
    }
}
