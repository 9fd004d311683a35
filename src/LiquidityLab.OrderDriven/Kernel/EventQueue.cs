using System.Runtime.CompilerServices;

namespace LiquidityLab.OrderDriven.Kernel;

/// <summary>
/// A binary min-heap of (time in ns, sequence number, message slot). Ties in time are broken by the
/// sequence number the kernel hands out when an event is scheduled, so equal-time events run in the
/// order they were scheduled and a run is deterministic. Entries are 24-byte structs in one array that
/// only grows: no allocation per event once the largest number of pending events has been seen.
/// </summary>
public sealed class EventQueue
{
    private struct Entry
    {
        public long Time;
        public long Seq;
        public int Slot;
    }

    private Entry[] _heap;
    private int _count;

    public EventQueue(int capacity = 1024) => _heap = new Entry[Math.Max(4, capacity)];

    public int Count => _count;

    /// <summary>Largest number of events pending at once so far.</summary>
    public int HighWater { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Push(long time, long seq, int slot)
    {
        if (_count == _heap.Length) Array.Resize(ref _heap, _heap.Length * 2);
        var i = _count++;
        if (_count > HighWater) HighWater = _count;
        var e = new Entry { Time = time, Seq = seq, Slot = slot };
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (!Less(e, _heap[parent])) break;
            _heap[i] = _heap[parent];
            i = parent;
        }
        _heap[i] = e;
    }

    public long PeekTime => _heap[0].Time;

    /// <summary>Removes the earliest event; false when the queue is empty.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryPop(out long time, out int slot)
    {
        if (_count == 0)
        {
            time = 0;
            slot = -1;
            return false;
        }
        var top = _heap[0];
        time = top.Time;
        slot = top.Slot;
        var last = _heap[--_count];
        if (_count > 0)
        {
            var i = 0;
            while (true)
            {
                var child = 2 * i + 1;
                if (child >= _count) break;
                if (child + 1 < _count && Less(_heap[child + 1], _heap[child])) child++;
                if (!Less(_heap[child], last)) break;
                _heap[i] = _heap[child];
                i = child;
            }
            _heap[i] = last;
        }
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Less(in Entry a, in Entry b) => a.Time < b.Time || (a.Time == b.Time && a.Seq < b.Seq);
}
