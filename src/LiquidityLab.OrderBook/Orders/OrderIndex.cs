using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace LiquidityLab.OrderBook.Orders;

/// <summary>
/// Order id → node index: open addressing with linear probing and backward-shift deletion (no
/// tombstones, so lookups stay short however many orders come and go). The table keeps its load at
/// or below one half and doubles when it would pass it; in steady state it allocates nothing.
/// </summary>
internal sealed class OrderIndex
{
    private struct Entry
    {
        public long Key;
        public int Value; // node index + 1; 0 marks an empty slot
    }

    private Entry[] _entries;
    private int _mask;
    private int _shift;
    private int _count;

    public OrderIndex(int capacity)
    {
        var size = 16;
        while (size < capacity * 2) size <<= 1;
        Init(size);
    }

    public int Count => _count;

    /// <summary>Changes whenever entries move (a removal or growth), invalidating slots found before.</summary>
    public int Version { get; private set; }

    [MemberNotNull(nameof(_entries))]
    private void Init(int size)
    {
        _entries = new Entry[size];
        _mask = size - 1;
        _shift = 64 - System.Numerics.BitOperations.Log2((uint)size);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Slot(long key) => (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> _shift);

    /// <summary>The slot holding <paramref name="key"/>, or −1; read its node with <see cref="NodeAt"/>, remove it with <see cref="RemoveAt"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int FindSlot(long key)
    {
        var entries = _entries;
        var i = Slot(key);
        while (true)
        {
            ref var e = ref entries[i];
            if (e.Value == 0) return -1;
            if (e.Key == key) return i;
            i = (i + 1) & _mask;
        }
    }

    /// <summary>
    /// The node index of <paramref name="key"/>, or −1 with <paramref name="insertSlot"/> the slot where it would be
    /// added (valid for <see cref="AddAt"/> while <see cref="Version"/> is unchanged).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int FindForInsert(long key, out int insertSlot)
    {
        var entries = _entries;
        var i = Slot(key);
        while (true)
        {
            ref var e = ref entries[i];
            if (e.Value == 0) { insertSlot = i; return -1; }
            if (e.Key == key) { insertSlot = -1; return e.Value - 1; }
            i = (i + 1) & _mask;
        }
    }

    /// <summary>Adds a key absent from the table at the slot <see cref="FindForInsert"/> gave, if still valid; else as <see cref="Add"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddAt(int slot, int version, long key, int node)
    {
        if (slot < 0 || version != Version || (_count + 1) * 2 > _entries.Length)
        {
            Add(key, node);
            return;
        }
        ref var e = ref _entries[slot];
        e.Key = key;
        e.Value = node + 1;
        _count++;
    }

    /// <summary>Asks the CPU to start loading the slot where <paramref name="key"/> would be found.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Prefetch(long key) => CacheHint.Prefetch(ref _entries[Slot(key)]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int NodeAt(int slot) => _entries[slot].Value - 1;

    /// <summary>The node index of <paramref name="key"/>, or −1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(long key)
    {
        var entries = _entries;
        var i = Slot(key);
        while (true)
        {
            ref var e = ref entries[i];
            if (e.Value == 0) return -1;
            if (e.Key == key) return e.Value - 1;
            i = (i + 1) & _mask;
        }
    }

    /// <summary>Adds a key known to be absent.</summary>
    public void Add(long key, int node)
    {
        if ((_count + 1) * 2 > _entries.Length) Grow();
        var entries = _entries;
        var i = Slot(key);
        while (entries[i].Value != 0) i = (i + 1) & _mask;
        entries[i].Key = key;
        entries[i].Value = node + 1;
        _count++;
    }

    /// <summary>Points an existing key at another node.</summary>
    public void Update(long key, int node)
    {
        var entries = _entries;
        var i = Slot(key);
        while (entries[i].Key != key || entries[i].Value == 0) i = (i + 1) & _mask;
        entries[i].Value = node + 1;
    }

    /// <summary>Removes a key known to be present.</summary>
    public void Remove(long key)
    {
        var entries = _entries;
        var mask = _mask;
        var i = Slot(key);
        while (entries[i].Key != key || entries[i].Value == 0) i = (i + 1) & mask;
        RemoveAt(i);
    }

    /// <summary>Empties an occupied slot (as found by <see cref="FindSlot"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // on every cancel and fill: the call cost more than the usual one-step shift
    public void RemoveAt(int i)
    {
        var entries = _entries;
        var mask = _mask;
        // Backward shift: pull later members of the probe run into the hole when their home slot allows it.
        var hole = i;
        var j = i;
        while (true)
        {
            j = (j + 1) & mask;
            if (entries[j].Value == 0) break;
            var home = Slot(entries[j].Key);
            // Entry j may move to the hole if its home is not cyclically inside (hole, j].
            var distHome = (j - home) & mask;
            var distHole = (j - hole) & mask;
            if (distHome >= distHole)
            {
                entries[hole] = entries[j];
                hole = j;
            }
        }
        entries[hole] = default;
        _count--;
        Version++;
    }

    private void Grow()
    {
        var old = _entries;
        Version++;
        Init(old.Length * 2);
        _count = 0;
        foreach (var e in old)
            if (e.Value != 0) Add(e.Key, e.Value - 1);
    }
}
