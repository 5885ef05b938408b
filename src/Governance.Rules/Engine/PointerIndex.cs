using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Serialization;
using Governance.Rules.Loading;

namespace Governance.Rules.Engine;

/// <summary>
/// The JSON pointer of every record inside an artifact, and which pointers hold a non-blank value, found by walking
/// the records as they serialize. Works the same for loaded and in-memory artifacts.
/// </summary>
internal sealed class PointerIndex
{
    private static readonly ConcurrentDictionary<Type, PropertySlot[]> SlotsByType = new();
    private readonly Dictionary<object, string> pointers = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<string> present = new(StringComparer.Ordinal);
    private readonly HashSet<string> records = new(StringComparer.Ordinal);

    private PointerIndex()
    {
    }

    public static PointerIndex Build(object root)
    {
        var index = new PointerIndex();
        index.WalkRecord(root, string.Empty);
        index.present.Add(string.Empty);
        return index;
    }

    public bool TryGetPointer(object target, out string pointer) => pointers.TryGetValue(target, out pointer!);

    /// <summary>Whether a record (an object that can hold keys, even an empty one) sits at <paramref name="pointer"/>.</summary>
    public bool IsRecord(string pointer) => records.Contains(pointer);

    /// <summary>Whether a non-blank value sits at <paramref name="pointer"/>.</summary>
    public bool IsPresent(string pointer) => present.Contains(pointer);

    private bool WalkRecord(object record, string pointer)
    {
        pointers.TryAdd(record, pointer);
        records.Add(pointer);
        var any = false;
        foreach (var slot in Slots(record.GetType()))
        {
            var value = slot.Property.GetValue(record);
            if (value is null) continue;
            var childPointer = JsonPointer.Append(pointer, slot.JsonName);
            if (WalkValue(value, childPointer))
            {
                present.Add(childPointer);
                any = true;
            }
        }

        return any;
    }

    private bool WalkValue(object value, string pointer)
    {
        switch (value)
        {
            case string text:
                return !string.IsNullOrWhiteSpace(text);
            case IList list:
                if (list.Count == 0) return false;
                var any = false;
                for (var i = 0; i < list.Count; i++)
                {
                    var element = list[i];
                    if (element is null) continue;
                    var elementPointer = JsonPointer.Append(pointer, i);
                    if (WalkValue(element, elementPointer))
                    {
                        present.Add(elementPointer);
                        any = true;
                    }
                }

                return any || list.Count > 0;
            default:
                return IsRecord(value.GetType()) ? WalkRecord(value, pointer) : true;
        }
    }

    /// <summary>Whether values of <paramref name="type"/> are records of the model (objects with keys).</summary>
    internal static bool IsRecord(Type type) =>
        type.IsClass && type != typeof(string) && type.Namespace == typeof(Model.Artifact).Namespace;

    /// <summary>The serialized properties of a record type with their JSON names, cached.</summary>
    internal static PropertySlot[] Slots(Type type) => SlotsByType.GetOrAdd(type, static t =>
        [.. t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            .Select(p => new PropertySlot(p, p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? (char.ToLowerInvariant(p.Name[0]) + p.Name[1..])))]);

    internal sealed record PropertySlot(PropertyInfo Property, string JsonName);
}
