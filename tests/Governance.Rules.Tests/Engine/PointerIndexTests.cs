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
    public void Every_slot_of_a_record_reachable_from_an_artifact_reads_through_a_generated_getter_that_agrees_with_reflection()
    {
        // Records the artifact kinds reach, walked as the reader generator walks them.
        var reachable = new HashSet<Type>();
        var pending = new Queue<Type>(ArtifactKinds.Names.Select(n => ArtifactKinds.TryGet(n, out _, out var type) ? type : throw new InvalidOperationException(n)));
        while (pending.TryDequeue(out var type))
        {
            if (!reachable.Add(type)) continue;
            foreach (var slot in PointerIndex.Slots(type))
            {
                var valueType = slot.Property.PropertyType;
                var element = valueType.IsGenericType && valueType.GetGenericArguments() is [var argument] ? argument : valueType;
                if (PointerIndex.IsRecord(element)) pending.Enqueue(element);
            }
        }

        reachable.Should().Contain([typeof(Backlog), typeof(BacklogItem), typeof(Risk), typeof(Milestone), typeof(Person)]);
        foreach (var type in reachable)
        {
            var record = type.IsAbstract ? null : Activator.CreateInstance(type);
            foreach (var slot in PointerIndex.Slots(type))
            {
                Governance.Rules.Loading.ModelAccessors.Find(type, slot.Property.Name).Should().NotBeNull("{0}.{1} has a generated getter", type.Name, slot.Property.Name);
                if (record is not null) slot.Get(record).Should().Be(slot.Property.GetValue(record), "{0}.{1}", type.Name, slot.Property.Name);
            }
        }
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

    [Test]
    public void An_entry_that_forgot_its_pointer_index_locates_as_before()
    {
        const string Yaml = "apiVersion: governance/v1\nkind: ProjectPlan\nmetadata:\n  id: plan-1\n  title: Plan\nspec:\n  projectId: p\n  milestones:\n    - { id: m1, name: Launch, baselineDate: 2026-01-02 }\n    - { id: m2, name: Beta, baselineDate: 2026-02-02 }\n";
        var loaded = new Governance.Rules.Loading.ArtifactLoader().LoadContent("plan.yaml", System.Text.Encoding.UTF8.GetBytes(Yaml)).Artifacts.Single();
        var entry = new ArtifactEntry(loaded.Artifact, loaded.Document, 0);
        var milestone = ((ProjectPlan)loaded.Artifact).Spec.Milestones[1];

        var before = entry.Locate(milestone, "name");
        entry.ForgetPointers();
        var after = entry.Locate(milestone, "name");

        after.Should().Be(before);
        after.Pointer.Should().Be("/spec/milestones/1/name");
        after.Position.Line.Should().Be(10);
    }
}
