namespace Governance.Rules.Engine;

/// <summary>
/// The ids the index keeps of backlog and roadmap items, each a small number (a handle) for its text: facts and lookups
/// hold handles, not strings. The characters live in a few large arrays and the table in arrays of plain structs, so
/// the garbage collector neither copies nor scans what grows with the portfolio (about 100 ids per project): with a
/// string per id, every collection of a large run copied and marked ~100,000 of them, once into each older generation.
/// </summary>
/// <remarks>
/// Ids compare ordinally, as strings do. Not thread-safe for <see cref="Intern"/>; the index interns while it adds a
/// batch (one thread) and only finds once it is complete, when any number of threads may read.
/// </remarks>
internal sealed class IdTable
{
    /// <summary>The handle of a blank id (null, empty or white space): none.</summary>
    public const int Blank = -1;

    /// <summary>What <see cref="Find"/> gives for an id that is not blank but was never interned.</summary>
    public const int Unknown = -2;

    // Every array stays under the large object heap's 85,000 bytes: a large array is collected only with generation 2,
    // and allocating large ones is what triggers those collections.
    private const int ChunkChars = 32 * 1024;
    private const int ChunkShift = 12;
    private const int ChunkEntries = 1 << ChunkShift; // 20 bytes each: 80 KiB
    private const int BucketShift = 14;
    private const int ChunkBuckets = 1 << BucketShift; // 64 KiB

    private readonly List<char[]> chars = [];
    private readonly List<Entry[]> entries = [];
    private int chunk = -1; // the chunk of chars short ids go into
    private int chunkUsed = ChunkChars;
    private int[][] buckets = [new int[ChunkBuckets]]; // 1 + the handle of the first entry of each bucket; 0 for none
    private int bucketMask = ChunkBuckets - 1;

    /// <summary>The number of ids interned; their handles are 0 to <c>Count - 1</c>, in the order they were interned.</summary>
    public int Count { get; private set; }

    /// <summary>The handle of <paramref name="id"/>, adding it when new; <see cref="Blank"/> for a blank id.</summary>
    public int Intern(string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) return Blank;
        var hash = string.GetHashCode(id.AsSpan());
        var found = Lookup(id, hash);
        return found >= 0 ? found : Add(id, hash);
    }

    /// <summary>The handle of <paramref name="id"/>: <see cref="Blank"/> for a blank id, <see cref="Unknown"/> for one never interned.</summary>
    public int Find(string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) return Blank;
        var found = Lookup(id, string.GetHashCode(id.AsSpan()));
        return found >= 0 ? found : Unknown;
    }

    /// <summary>The characters of <paramref name="handle"/> (empty for a blank or unknown one).</summary>
    public ReadOnlySpan<char> Span(int handle)
    {
        if (handle < 0) return [];
        ref readonly var entry = ref EntryAt(handle);
        return chars[entry.Chunk].AsSpan(entry.Start, entry.Length);
    }

    /// <summary>The id of <paramref name="handle"/> as a new string; <see langword="null"/> for a blank or unknown one.</summary>
    public string? Text(int handle) => handle < 0 ? null : new string(Span(handle));

    private ref Entry EntryAt(int handle) => ref entries[handle >> ChunkShift][handle & (ChunkEntries - 1)];

    private ref int Bucket(int hash)
    {
        var index = hash & bucketMask;
        return ref buckets[index >> BucketShift][index & (ChunkBuckets - 1)];
    }

    private int Lookup(string id, int hash)
    {
        for (var i = Bucket(hash) - 1; i >= 0;)
        {
            ref readonly var entry = ref EntryAt(i);
            if (entry.Hash == hash && entry.Length == id.Length && chars[entry.Chunk].AsSpan(entry.Start, entry.Length).SequenceEqual(id)) return i;
            i = entry.Next;
        }

        return -1;
    }

    private int Add(string id, int hash)
    {
        if (Count == entries.Count * ChunkEntries) entries.Add(new Entry[ChunkEntries]);
        if (Count > bucketMask) Rehash();
        if (id.Length > ChunkChars - chunkUsed)
        {
            if (id.Length > ChunkChars / 4)
            {
                // A long id gets an array of its own; the current chunk stays open for the short ones.
                chars.Add(id.ToCharArray());
                return Link(hash, chars.Count - 1, 0, id.Length);
            }

            chars.Add(new char[ChunkChars]);
            chunk = chars.Count - 1;
            chunkUsed = 0;
        }

        id.CopyTo(chars[chunk].AsSpan(chunkUsed));
        chunkUsed += id.Length;
        return Link(hash, chunk, chunkUsed - id.Length, id.Length);
    }

    private int Link(int hash, int inChunk, int start, int length)
    {
        var handle = Count++;
        ref var bucket = ref Bucket(hash);
        EntryAt(handle) = new Entry { Hash = hash, Next = bucket - 1, Chunk = inChunk, Start = start, Length = length };
        bucket = handle + 1;
        return handle;
    }

    /// <summary>Doubles the buckets (one per id at most) and chains every entry again.</summary>
    private void Rehash()
    {
        var size = (bucketMask + 1) * 2;
        buckets = new int[Math.Max(1, size >> BucketShift)][];
        for (var i = 0; i < buckets.Length; i++) buckets[i] = new int[Math.Min(size, ChunkBuckets)];
        bucketMask = size - 1;
        for (var handle = 0; handle < Count; handle++)
        {
            ref var entry = ref EntryAt(handle);
            ref var bucket = ref Bucket(entry.Hash);
            entry.Next = bucket - 1;
            bucket = handle + 1;
        }
    }

    private struct Entry
    {
        public int Hash;
        public int Next;
        public int Chunk;
        public int Start;
        public int Length;
    }
}

/// <summary>
/// <see cref="Rules.ProductScopedLookup{T}"/> over <see cref="IdTable"/> handles: resolves an item id among the items of
/// the referrer's product, or among all when the referrer has none (<see cref="IdTable.Blank"/>); the first in document
/// order wins. A product that is not blank but holds no item (<see cref="IdTable.Unknown"/>) resolves nothing. Add the
/// items in document order. Holds no references, so the garbage collector does not scan it.
/// </summary>
/// <typeparam name="T">What an id resolves to (a struct without references).</typeparam>
internal sealed class ScopedItemLookup<T>
    where T : unmanaged
{
    private const int ChunkShift = 12; // 4,096 slots a chunk: small arrays, never on the large object heap

    // One slot per id handle: the first item overall and the product of its holder. The first item of another product
    // with the same id (rare: ids are unique in practice) is kept aside, so a product's own table is not needed.
    private readonly List<Slot[]> first = [];
    private readonly Dictionary<(int Product, int Id), T> otherProducts = [];

    /// <summary>Adds the item with id handle <paramref name="id"/> held by an artifact of product handle <paramref name="product"/>.</summary>
    public void Add(int product, int id, T value)
    {
        if (id < 0) return;
        while (first.Count <= id >> ChunkShift) first.Add(new Slot[1 << ChunkShift]);
        ref var slot = ref first[id >> ChunkShift][id & ((1 << ChunkShift) - 1)];
        if (!slot.Present)
        {
            slot = new Slot { Value = value, Product = product, Present = true };
            return;
        }

        // The first item of this product with this id, unless the first overall is already it.
        if (product >= 0 && slot.Product != product) otherProducts.TryAdd((product, id), value);
    }

    /// <summary>Resolves id handle <paramref name="id"/> written by a referrer of product handle <paramref name="referrerProduct"/>.</summary>
    public bool TryResolve(int referrerProduct, int id, out T value)
    {
        value = default;
        if (id < 0 || id >> ChunkShift >= first.Count) return false;
        ref readonly var found = ref first[id >> ChunkShift][id & ((1 << ChunkShift) - 1)];
        if (!found.Present) return false;
        if (referrerProduct == IdTable.Blank || found.Product == referrerProduct)
        {
            value = found.Value;
            return true;
        }

        return otherProducts.TryGetValue((referrerProduct, id), out value);
    }

    private struct Slot
    {
        public T Value;
        public int Product;
        public bool Present;
    }
}
