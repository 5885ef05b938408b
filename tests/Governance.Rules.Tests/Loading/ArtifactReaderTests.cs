using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Governance.Rules.Loading;
using Governance.Rules.Model;

namespace Governance.Rules.Tests.Loading;

/// <summary>
/// The fast path's generated record reader (<see cref="ArtifactReader"/>): it is current with the model, it reads every
/// member of every record as System.Text.Json's strict contract does, and it refuses, anywhere in any record, what the
/// full path must see. <see cref="CompactLoadingTests"/> compare it with the full path over whole files.
/// </summary>
[TestFixture]
[Category("Loading")]
public sealed class ArtifactReaderTests
{
    private static readonly DateOnly Day = new(2026, 1, 2);

    public static IEnumerable<string> Kinds() => ArtifactKinds.Names;

    [Test]
    public void Generated_reader_is_current_with_the_model()
    {
        var path = Path.Combine(CompactLoadingTests.RepositoryRoot, ArtifactReaderGenerator.RelativePath);
        var expected = ArtifactReaderGenerator.Generate();
        if (Environment.GetEnvironmentVariable("GOVERN_UPDATE_GENERATED") == "1") File.WriteAllText(path, expected);
        Assert.That(File.ReadAllText(path).ReplaceLineEndings("\n"), Is.EqualTo(expected),
            $"{ArtifactReaderGenerator.RelativePath} is out of date: run the tests with GOVERN_UPDATE_GENERATED=1 to rewrite it");
    }

    [TestCaseSource(nameof(Kinds))]
    public void Every_member_reads_as_the_strict_contract_reads_it(string kind)
    {
        var (type, json) = Full(kind);
        var read = ArtifactReader.TryRead(json, type);
        var strict = (Artifact)JsonSerializer.Deserialize(json, type, ArtifactSerialization.StrictOptions)!;
        Assert.That(read, Is.Not.Null, "a document with every member set is read");
        Assert.That(Serialize(read!), Is.EqualTo(Serialize(strict)));
        Assert.That(JsonNode.DeepEquals(WithoutArtifactKind(Serialize(read!)), JsonNode.Parse(json)), Is.True, "nothing is lost or added");
    }

    [TestCaseSource(nameof(Kinds))]
    public void Absent_members_keep_the_model_defaults(string kind)
    {
        ArtifactKinds.TryGet(kind, out _, out var type);
        var json = Encoding.UTF8.GetBytes("""{"apiVersion":"governance/v1","kind":""" + "\"" + kind + "\"" + ""","metadata":{"id":"a"}}""");
        var read = ArtifactReader.TryRead(json, type);
        var strict = (Artifact)JsonSerializer.Deserialize(json, type, ArtifactSerialization.StrictOptions)!;
        Assert.That(read, Is.Not.Null);
        Assert.That(Serialize(read!), Is.EqualTo(Serialize(strict)));
        Assert.That(read!.Metadata.Tags, Is.Empty);
        Assert.That(type.GetProperty("Spec")!.GetValue(read), Is.Not.Null);
    }

    /// <summary>
    /// Every member of every object in a document with every member set, one at a time: a null, the name in another case,
    /// an unknown name and the member twice are refused; the strict contract refuses the last three too.
    /// </summary>
    [TestCaseSource(nameof(Kinds))]
    public void Every_member_refuses_null_another_case_an_unknown_name_and_a_duplicate(string kind)
    {
        var (type, json) = Full(kind);
        var mutations = 0;
        foreach (var (pointer, name) in Members(JsonNode.Parse(json)!, string.Empty))
        {
            foreach (var (label, mutate) in Mutations(name))
            {
                var document = JsonNode.Parse(json)!;
                mutate(Find(document, pointer)!.AsObject());
                var bytes = Encoding.UTF8.GetBytes(document.ToJsonString());
                Assert.That(ArtifactReader.TryRead(bytes, type), Is.Null, $"{pointer}/{name}: {label}");
                mutations++;
            }
        }

        var duplicated = Encoding.UTF8.GetString(json).Replace("\"metadata\":{", "\"metadata\":{\"title\":\"x\",", StringComparison.Ordinal);
        Assert.That(ArtifactReader.TryRead(Encoding.UTF8.GetBytes(duplicated), type), Is.Null, "a duplicate member");
        Assert.That(mutations, Is.GreaterThan(12));
    }

    [TestCase("\"2026-02-30\"", TestName = "A date that is not a day is refused")]
    [TestCase("\"2026-1-02\"", TestName = "A date not written yyyy-MM-dd is refused")]
    [TestCase("\"0000-01-01\"", TestName = "Year zero is refused")]
    [TestCase("\"2026-01-02T00:00:00\"", TestName = "A date and time is refused")]
    [TestCase("\"2026\\u002d01-02\"", TestName = "An escaped date is refused")]
    [TestCase("20260102", TestName = "A number for a date is refused")]
    public void Dates_are_refused_unless_plain(string value)
    {
        var json = Encoding.UTF8.GetBytes("""{"apiVersion":"governance/v1","kind":"Roadmap","metadata":{"id":"a","lastUpdated":""" + value + "}}");
        Assert.That(ArtifactReader.TryRead(json, typeof(Roadmap)), Is.Null);
    }

    [TestCase("\"2026-12-31\"", 2026, 12, 31, TestName = "The last day of a year reads")]
    [TestCase("\"2024-02-29\"", 2024, 2, 29, TestName = "A leap day reads")]
    [TestCase("\"0001-01-01\"", 1, 1, 1, TestName = "The first day of year one reads")]
    public void Plain_dates_read(string value, int year, int month, int day)
    {
        var json = Encoding.UTF8.GetBytes("""{"apiVersion":"governance/v1","kind":"Roadmap","metadata":{"id":"a","lastUpdated":""" + value + "}}");
        Assert.That(ArtifactReader.TryRead(json, typeof(Roadmap))!.Metadata.LastUpdated, Is.EqualTo(new DateOnly(year, month, day)));
    }

    [Test]
    public void Escaped_names_and_values_read_as_the_serializer_reads_them()
    {
        var json = Encoding.UTF8.GetBytes("""{"apiVersion":"governance/v1","k\u0069nd":"Roadmap","metadata":{"id":"a\u00e9","title":"\ud83d\ude80"},"spec":{"format":"n\u006fwNextLater"}}""");
        var read = ArtifactReader.TryRead(json, typeof(Roadmap));
        var strict = JsonSerializer.Deserialize<Roadmap>(json, ArtifactSerialization.StrictOptions)!;
        Assert.That(read, Is.Not.Null);
        Assert.That(Serialize(read!), Is.EqualTo(Serialize(strict)));
    }

    [Test]
    public void A_list_written_empty_is_not_the_shared_default_of_an_absent_one()
    {
        var json = Encoding.UTF8.GetBytes("""{"apiVersion":"governance/v1","kind":"ProjectPlan","metadata":{"id":"a","tags":[]},"spec":{"scope":{"inScope":[],"outOfScope":[]}}}""");
        var plan = (ProjectPlan)ArtifactReader.TryRead(json, typeof(ProjectPlan))!;
        Assert.That(plan.Spec.Scope, Is.Not.EqualTo(new Scope()), "a scope of two empty lists is not an absent scope");
        Assert.That(plan.Metadata.Tags, Is.Empty.And.Not.SameAs(new ArtifactMetadata().Tags));
    }

    [Test]
    public void Trailing_content_and_a_reversed_range_are_refused()
    {
        var plan = """{"apiVersion":"governance/v1","kind":"ProjectPlan","metadata":{"id":"a"},"spec":{"schedule":{"start":"2026-02-01","end":"2026-02-01"}}}""";
        Assert.That(ArtifactReader.TryRead(Encoding.UTF8.GetBytes(plan), typeof(ProjectPlan)), Is.Not.Null, "a range of one day");
        Assert.That(ArtifactReader.TryRead(Encoding.UTF8.GetBytes(plan + " {}"), typeof(ProjectPlan)), Is.Null, "trailing content");
        Assert.That(ArtifactReader.TryRead(Encoding.UTF8.GetBytes(plan.Replace("\"end\":\"2026-02-01\"", "\"end\":\"2026-01-31\"", StringComparison.Ordinal)), typeof(ProjectPlan)), Is.Null, "a reversed range");
        Assert.That(ArtifactReader.TryRead(Encoding.UTF8.GetBytes(plan), typeof(Roadmap)), Is.Null, "another record type");
    }

    private static IEnumerable<(string Label, Action<JsonObject> Mutate)> Mutations(string name)
    {
        yield return ("null", o => o[name] = null);
        yield return ("another case", o => Rename(o, name, char.ToUpperInvariant(name[0]) + name[1..]));
        yield return ("an unknown name", o => Rename(o, name, name + "X"));
    }

    private static void Rename(JsonObject target, string from, string to)
    {
        var value = target[from];
        target.Remove(from);
        target[to] = value;
    }

    /// <summary>Every member of every object, as (pointer of its object, name).</summary>
    private static IEnumerable<(string Pointer, string Name)> Members(JsonNode node, string pointer)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    yield return (pointer, name);
                    if (value is not null)
                    {
                        foreach (var inner in Members(value, pointer + "/" + name)) yield return inner;
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    foreach (var inner in Members(array[i]!, pointer + "/" + i)) yield return inner;
                }

                break;
        }
    }

    private static JsonNode? Find(JsonNode root, string pointer)
    {
        var node = root;
        foreach (var token in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
            node = node is JsonArray array ? array[int.Parse(token, System.Globalization.CultureInfo.InvariantCulture)] : node![token];
        return node;
    }

    /// <summary>A record of <paramref name="kind"/> with every member set (lists of two), as the serializer writes it.</summary>
    private static (Type Type, byte[] Json) Full(string kind)
    {
        ArtifactKinds.TryGet(kind, out _, out var type);
        var record = (Artifact)Fill(type, 0);
        record = record with { Kind = kind, ApiVersion = ArtifactKinds.ApiVersion };
        return (type, Encoding.UTF8.GetBytes(WithoutArtifactKind(Serialize(record)).ToJsonString()));
    }

    /// <summary>
    /// The serializer writes the get-only <c>artifactKind</c> (the kind's record type says it; its <c>[JsonIgnore]</c> is on
    /// the base property, which System.Text.Json does not inherit), and reading it is not the reader's business.
    /// </summary>
    private static JsonObject WithoutArtifactKind(string json)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        root.Remove("artifactKind");
        return root;
    }

    private static object Fill(Type type, int seed)
    {
        var instance = Activator.CreateInstance(type)!;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.SetMethod is null || property.Name == "EqualityContract") continue;
            property.SetValue(instance, Value(property, seed));
        }

        return instance;
    }

    private static object? Value(PropertyInfo property, int seed)
    {
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        if (property.GetCustomAttribute<System.ComponentModel.DataAnnotations.RangeAttribute>() is { Minimum: int minimum }) return minimum + seed;
        if (type == typeof(string)) return $"{property.Name}-{seed}";
        if (type == typeof(int)) return 3 + seed;
        if (type == typeof(decimal)) return 12.5m + seed;
        if (type == typeof(bool)) return seed % 2 == 0;
        if (type == typeof(DateTimeOffset)) return new DateTimeOffset(2026, 1, 2, 9, 30, seed, TimeSpan.FromHours(1));
        if (type == typeof(DateOnly)) return Day.AddDays(property.Name == "End" ? 30 + seed : seed);
        if (type.IsEnum) return Enum.GetValues(type).GetValue((seed + 1) % Enum.GetValues(type).Length);
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            var element = type.GetGenericArguments()[0];
            var list = Array.CreateInstance(element, 2);
            for (var i = 0; i < 2; i++) list.SetValue(element == typeof(string) ? $"{property.Name}-{seed}-{i}" : Fill(element, seed + i), i);
            return list;
        }

        return Fill(type, seed);
    }

    private static readonly JsonSerializerOptions Compact = new(ArtifactSerialization.Options) { WriteIndented = false };

    private static string Serialize(Artifact artifact) => JsonSerializer.Serialize(artifact, artifact.GetType(), Compact);
}
