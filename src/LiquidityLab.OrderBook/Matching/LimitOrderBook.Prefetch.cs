using System.Runtime.CompilerServices;
using LiquidityLab.Core.Domain;
using LiquidityLab.OrderBook.Events;
using LiquidityLab.OrderBook.Orders;

namespace LiquidityLab.OrderBook.Matching;

// Cache hints for callers that know their next requests (a replay, a batch). They change nothing in the book;
// issued a few requests ahead, they overlap the memory latency of a large book with useful work.
public sealed partial class LimitOrderBook<TSink> where TSink : IBookEventSink
{
    /// <summary>Hint: a request about <paramref name="orderId"/> is coming (loads its id-index slot).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void PrefetchId(long orderId) => _index.Prefetch(orderId);

    /// <summary>Hint: a cancel or modify of <paramref name="orderId"/> is coming (loads its node; best after <see cref="PrefetchId"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void PrefetchOrder(long orderId)
    {
        var n = _index.Find(orderId);
        if (n >= 0) CacheHint.Prefetch(ref _store.Nodes[n]);
    }

    /// <summary>Hint: <paramref name="orderId"/> is about to be unlinked (loads its queue neighbours; best after <see cref="PrefetchOrder"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void PrefetchNeighbours(long orderId)
    {
        var n = _index.Find(orderId);
        if (n < 0) return;
        var nodes = _store.Nodes;
        ref var node = ref nodes[n];
        if (node.Prev >= 0) CacheHint.Prefetch(ref nodes[node.Prev]);
        if (node.Next >= 0) CacheHint.Prefetch(ref nodes[node.Next]);
    }

    /// <summary>Hint: an order is about to join the back of the level at <paramref name="price"/> (loads its current tail).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void PrefetchLevelTail(Side side, long price)
    {
        if (ToIndex(price, out var idx) != 0) return;
        var tail = (side == Side.Buy ? _bids : _asks).Levels[idx].Tail;
        if (tail >= 0) CacheHint.Prefetch(ref _store.Nodes[tail]);
    }
}
