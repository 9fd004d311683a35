using System.Runtime.CompilerServices;
namespace LiquidityLab.OrderBook.Orders;

/// <summary>
/// Pooled storage of order nodes in one growable array, addressed by int index. Freed nodes go on a
/// free list (linked through <see cref="OrderNode.Next"/>) and are reused first, so a book in steady
/// state allocates nothing; the array only grows (doubling) when more orders rest at once than ever before.
/// </summary>
internal sealed class OrderStore
{
    private OrderNode[] _nodes;
    private int _freeHead = -1;
    private int _highWater;

    public OrderStore(int capacity) => _nodes = new OrderNode[Math.Max(16, capacity)];

    /// <summary>The backing array. Re-read it after <see cref="Allocate"/>: growth replaces it.</summary>
    public OrderNode[] Nodes => _nodes;

    public int Count { get; private set; }

    public int Capacity => _nodes.Length;

    /// <summary>The most nodes ever in use at once.</summary>
    public int HighWater => _highWater;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Allocate()
    {
        Count++;
        var free = _freeHead;
        if (free >= 0)
        {
            _freeHead = _nodes[free].Next;
            return free;
        }
        if (_highWater == _nodes.Length) Array.Resize(ref _nodes, _nodes.Length * 2);
        return _highWater++;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Free(int index)
    {
        Count--;
        _nodes[index].Next = _freeHead;
        _freeHead = index;
    }
}
