using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Serialization;
using Governance.Rules.Loading;

namespace Governance.Rules.Engine;

/// <summary>
/// The JSON pointer of every record inside an artifact, and which pointers hold a non-blank value, as the records
/// serialize. Works the same for loaded and in-memory artifacts. Cheap by construction: the first pointer asked for
/// walks the records once and names only the records (not every value); whether a value is present or a record is
/// answered by following the pointer from the root, so an artifact without findings costs nothing and one with
/// findings costs one walk.
/// </summary>
internal sealed class PointerIndex
{
    private static readonly ConcurrentDictionary<Type, PropertySlot[]> SlotsByType = new();
    private static readonly ConcurrentDictionary<Type, Dictionary<string, PropertySlot>> SlotsByName = new();
    private readonly object root;
    private Names? pointers;

    private PointerIndex(object root) => this.root = root;

    public static PointerIndex Build(object root) => new(root);

    public bool TryGetPointer(object target, out string pointer)
    {
        if (ReferenceEquals(target, root))
        {
            pointer = string.Empty;
            return true;
        }

        var names = LazyInitializer.EnsureInitialized(ref pointers, () =>
        {
            var built = new Names();
            NameRecords(built, root, string.Empty);
            return built;
        });
        return names.Records.TryGetValue(target, out pointer!) || TryGetDeferredPointer(names, target, out pointer);
    }

    /// <summary>
    /// The pointer of a record inside an item of a <see cref="DeferredBacklogItems"/> list: only items made already can
    /// be a target (a rule got the record from the list), and they are found when asked for, not named in advance,
    /// since one made after the walk would be missing and naming every item would make them all.
    /// </summary>
    private static bool TryGetDeferredPointer(Names names, object target, out string pointer)
    {
        pointer = null!;
        foreach (var list in names.Deferred)
        {
            for (var i = 0; i < list.Items.Count; i++)
            {
                if (ReferenceEquals(list.Items.MadeOrNull(i), target))
                {
                    pointer = JsonPointer.Append(list.Pointer, i);
                    return true;
                }
            }
        }

        foreach (var list in names.Deferred)
        {
            for (var i = 0; i < list.Items.Count; i++)
            {
                if (list.Items.MadeOrNull(i) is not { } item) continue;
                var inside = new Names();
                NameRecords(inside, item, JsonPointer.Append(list.Pointer, i));
                if (inside.Records.TryGetValue(target, out pointer!)) return true;
            }
        }

        return false;
    }

    /// <summary>Whether a record (an object that can hold keys, even an empty one) sits at <paramref name="pointer"/>.</summary>
    public bool IsRecord(string pointer) =>
        TryResolve(pointer, out var value) && value is not string && value is not IList && IsRecord(value.GetType());

    /// <summary>Whether a non-blank value sits at <paramref name="pointer"/>.</summary>
    public bool IsPresent(string pointer) => pointer.Length == 0 || (TryResolve(pointer, out var value) && HasContent(value));

    /// <summary>Whether values of <paramref name="type"/> are records of the model (objects with keys).</summary>
    internal static bool IsRecord(Type type) =>
        type.IsClass && type != typeof(string) && type.Namespace == typeof(Model.Artifact).Namespace;

    /// <summary>
    /// The serialized properties of a record type with their JSON names, cached. A property without a setter is never
    /// read from a document (the model's are all <c>[JsonIgnore]</c>, which <c>PointerIndexTests</c> checks); leaving
    /// those out before reading attributes keeps <c>Artifact</c>'s <c>[Newtonsoft.Json.JsonIgnore]</c> (for the schema
    /// generator) from loading Newtonsoft.Json on every run.
    /// </summary>
    internal static PropertySlot[] Slots(Type type) => SlotsByType.GetOrAdd(type, static t =>
        [.. t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.SetMethod is not null && p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            .Select(p => new PropertySlot(p, p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? (char.ToLowerInvariant(p.Name[0]) + p.Name[1..])))]);

    /// <summary>Records the pointer of every record in walk order; the first pointer of a record seen twice wins.</summary>
    private static void NameRecords(Names records, object record, string pointer)
    {
        records.Records.TryAdd(record, pointer);
        foreach (var slot in Slots(record.GetType()))
        {
            if (slot.Get(record) is { } value) NameValue(records, value, slot, pointer);
        }
    }

    private static void NameValue(Names records, object value, PropertySlot slot, string pointer)
    {
        switch (value)
        {
            case string:
                return;
            case DeferredBacklogItems deferred:
                if (deferred.Count > 0) records.Deferred.Add(new DeferredList(deferred, JsonPointer.Append(pointer, slot.JsonName)));
                return;
            case IList list:
                if (list.Count == 0 || !slot.MayHoldRecords) return;
                var listPointer = JsonPointer.Append(pointer, slot.JsonName);
                for (var i = 0; i < list.Count; i++)
                {
                    if (list[i] is { } element && element is not string && IsRecord(element.GetType()))
                        NameRecords(records, element, JsonPointer.Append(listPointer, i));
                }

                return;
            default:
                if (IsRecord(value.GetType())) NameRecords(records, value, JsonPointer.Append(pointer, slot.JsonName));
                return;
        }
    }

    /// <summary>Follows <paramref name="pointer"/> from the root through record properties and list elements; null values are absent.</summary>
    private bool TryResolve(string pointer, out object value)
    {
        value = root;
        if (pointer.Length == 0) return true;
        if (pointer[0] != '/') return false;
        var rest = pointer.AsSpan(1);
        while (true)
        {
            var slash = rest.IndexOf('/');
            var token = slash < 0 ? rest : rest[..slash];
            if (!TryStep(value, token, out value)) return false;
            if (slash < 0) return true;
            rest = rest[(slash + 1)..];
        }
    }

    private static bool TryStep(object current, ReadOnlySpan<char> token, out object value)
    {
        value = null!;
        switch (current)
        {
            case string:
                return false;
            case IList list:
                // Only the canonical form JsonPointer.Append writes: digits without a leading zero.
                if (token.IsEmpty || (token.Length > 1 && token[0] == '0') || token.ContainsAnyExceptInRange('0', '9')) return false;
                if (!int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) || index >= list.Count) return false;
                value = list[index]!;
                return value is not null;
            default:
                if (!IsRecord(current.GetType())) return false;
                var name = token.Contains('~') ? token.ToString().Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal) : null;
                var byName = SlotsByName.GetOrAdd(current.GetType(), static t =>
                {
                    var slots = new Dictionary<string, PropertySlot>(StringComparer.Ordinal);
                    foreach (var slot in Slots(t)) slots.TryAdd(slot.JsonName, slot);
                    return slots;
                });
                var found = name is null ? byName.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(token, out var slotFound) : byName.TryGetValue(name, out slotFound);
                value = found ? slotFound!.Get(current)! : null!;
                return value is not null;
        }
    }

    /// <summary>
    /// Whether a value counts as present: a non-blank string, a non-empty list, a record with a present value inside,
    /// any other value (number, date, enum, flag).
    /// </summary>
    private static bool HasContent(object value)
    {
        switch (value)
        {
            case string text:
                return !string.IsNullOrWhiteSpace(text);
            case IList list:
                return list.Count > 0;
            default:
                if (!IsRecord(value.GetType())) return true;
                foreach (var slot in Slots(value.GetType()))
                {
                    if (slot.Get(value) is { } child && HasContent(child)) return true;
                }

                return false;
        }
    }

    /// <summary>The pointers of the records named, and the lists whose items are named when asked for.</summary>
    private sealed class Names
    {
        public Dictionary<object, string> Records { get; } = new(ReferenceEqualityComparer.Instance);

        public List<DeferredList> Deferred { get; } = [];
    }

    /// <summary>A list whose items are named when asked for, and its pointer (a class: generic code over a tuple would be compiled at start-up).</summary>
    private sealed record DeferredList(DeferredBacklogItems Items, string Pointer);

    internal sealed record PropertySlot(PropertyInfo Property, string JsonName)
    {
        /// <summary>Reads the property: the model's generated getter (<see cref="ModelAccessors"/>), else reflection.</summary>
        public Func<object, object?> Get { get; } = ModelAccessors.Find(Property.ReflectedType!, Property.Name) ?? Property.GetValue;

        /// <summary>Whether a list in this property can hold records (lists of strings, dates or enums never do).</summary>
        public bool MayHoldRecords { get; } = ElementType(Property.PropertyType) is not { } element || element == typeof(object) || IsRecord(element) || element.IsInterface || element.IsAbstract;

        private static Type? ElementType(Type type) =>
            type.IsArray ? type.GetElementType() : type.IsGenericType && type.GetGenericArguments() is [var argument] ? argument : null;
    }
}
