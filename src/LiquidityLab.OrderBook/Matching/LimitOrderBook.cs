using System.Runtime.CompilerServices;
using LiquidityLab.Core.Domain;
using LiquidityLab.OrderBook.Events;
using LiquidityLab.OrderBook.Orders;

namespace LiquidityLab.OrderBook.Matching;

/// <summary>
/// The limit order book of one instrument: price-time priority matching, in integer price units on
/// the grid of <see cref="BookOptions"/> and integer lot quantities.
/// <para>Invariants, after every call: the resting book is never crossed (best bid &lt; best ask);
/// every level's orders are in arrival order (FIFO) and its totals equal the sum of its orders;
/// every trade is at the resting order's price; order ids of resting orders are unique.</para>
/// <para>Every request yields events, delivered synchronously to <typeparamref name="TSink"/> in the order
/// they happen. A new order: Accepted, then per fill a Trade followed by the resting level's BookChanged,
/// then either BookChanged for its resting remainder or Cancelled for a remainder that may not rest.
/// An invalid request yields one Rejected and changes nothing. Checks run in this order:
/// quantity, order type, price (band, then grid), duplicate id.</para>
/// <para>Not thread-safe. Steady-state operation allocates nothing: nodes are pooled, levels are an
/// array over the band, cancel and modify find the order through an id hash index in O(1).</para>
/// </summary>
public sealed partial class LimitOrderBook<TSink> where TSink : IBookEventSink
{
    private readonly long _minPrice;
    private readonly long _tickSize;
    private readonly int _levelCount;
    private readonly PostOnlyMode _postOnly;
    private readonly PriceLadder _bids;
    private readonly PriceLadder _asks;
    private readonly OrderStore _store;
    private readonly OrderIndex _index;
    private TSink _sink;

    public LimitOrderBook(BookOptions options, TSink sink)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _minPrice = options.MinPrice;
        _tickSize = options.TickSize;
        _levelCount = options.LevelCount;
        _postOnly = options.PostOnly;
        _bids = new PriceLadder(_levelCount, isBid: true);
        _asks = new PriceLadder(_levelCount, isBid: false);
        _store = new OrderStore(options.InitialOrderCapacity);
        _index = new OrderIndex(options.InitialOrderCapacity);
        _sink = sink;
    }

    public BookOptions Options { get; }

    /// <summary>The sink receiving this book's events (a copy, when it is a struct).</summary>
    public TSink Sink => _sink;

    /// <summary>Direct access to a struct sink's state, e.g. to read or reset counters.</summary>
    public ref TSink SinkRef => ref _sink;

    /// <summary>Number of orders resting in the book.</summary>
    public int OrderCount => _store.Count;

    /// <summary>The most orders that ever rested at once (a good <see cref="BookOptions.InitialOrderCapacity"/> for a rerun).</summary>
    public int PeakOrderCount => _store.HighWater;

    /// <summary>Enters a new order (see <see cref="OrderType"/> for each type's behaviour).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Submit(in OrderRequest request)
    {
        if (request.Quantity <= 0) { Reject(request.OrderId, request.Owner, RequestKind.Submit, RejectReason.NonPositiveQuantity); return; }
        if ((uint)request.Type > (uint)OrderType.PostOnly || (uint)request.SelfTrade > (uint)SelfTradePrevention.CancelIncoming)
        {
            Reject(request.OrderId, request.Owner, RequestKind.Submit, RejectReason.InvalidOrderType);
            return;
        }
        var buy = request.Side == Side.Buy;
        int idx;
        if (request.Type == OrderType.Market)
        {
            idx = buy ? _levelCount - 1 : 0;
        }
        else
        {
            var reason = ToIndex(request.Price, out idx);
            if (reason != 0) { Reject(request.OrderId, request.Owner, RequestKind.Submit, reason); return; }
        }
        if (_index.FindForInsert(request.OrderId, out var insertSlot) >= 0) { Reject(request.OrderId, request.Owner, RequestKind.Submit, RejectReason.DuplicateOrderId); return; }
        var indexVersion = _index.Version;

        switch (request.Type)
        {
            case OrderType.Limit:
                {
                    _sink.OnAccepted(new OrderAccepted(request.OrderId, request.Owner, request.Side, OrderType.Limit, request.Price, request.Quantity, false));
                    var left = request.Quantity;
                    var stpStopped = false;
                    // Most limit orders do not cross: skip the matching loop's call for them.
                    var oppositeBest = buy ? _asks.Best : _bids.Best;
                    if (oppositeBest >= 0 && (buy ? oppositeBest <= idx : oppositeBest >= idx))
                    {
                        left = Match(buy, idx, request.Quantity, request.OrderId, request.Owner, request.SelfTrade, out stpStopped);
                        if (left == 0) return;
                    }
                    if (stpStopped) _sink.OnCancelled(new OrderCancelled(request.OrderId, request.Owner, request.Side, request.Price, left, CancelReason.SelfTradePrevention));
                    else Rest(request.Side, idx, request.OrderId, request.Owner, left, request.SelfTrade, insertSlot, indexVersion);
                    return;
                }
            case OrderType.Market:
            case OrderType.ImmediateOrCancel:
                {
                    var shownPrice = request.Type == OrderType.Market ? 0 : request.Price;
                    _sink.OnAccepted(new OrderAccepted(request.OrderId, request.Owner, request.Side, request.Type, shownPrice, request.Quantity, false));
                    var left = Match(buy, idx, request.Quantity, request.OrderId, request.Owner, request.SelfTrade, out var stpStopped);
                    if (left == 0) return;
                    var why = stpStopped ? CancelReason.SelfTradePrevention
                        : request.Type == OrderType.Market ? CancelReason.MarketRemainder : CancelReason.ImmediateOrCancelRemainder;
                    _sink.OnCancelled(new OrderCancelled(request.OrderId, request.Owner, request.Side, shownPrice, left, why));
                    return;
                }
            case OrderType.FillOrKill:
                {
                    _sink.OnAccepted(new OrderAccepted(request.OrderId, request.Owner, request.Side, OrderType.FillOrKill, request.Price, request.Quantity, false));
                    if (!CanFillCompletely(buy, idx, request.Quantity, request.Owner, request.SelfTrade))
                    {
                        _sink.OnCancelled(new OrderCancelled(request.OrderId, request.Owner, request.Side, request.Price, request.Quantity, CancelReason.FillOrKillUnfilled));
                        return;
                    }
                    Match(buy, idx, request.Quantity, request.OrderId, request.Owner, request.SelfTrade, out _);
                    return;
                }
            default: // post-only
                {
                    var opposite = buy ? _asks : _bids;
                    var repriced = false;
                    if (opposite.Best >= 0 && (buy ? idx >= opposite.Best : idx <= opposite.Best))
                    {
                        if (_postOnly == PostOnlyMode.Reject) { Reject(request.OrderId, request.Owner, RequestKind.Submit, RejectReason.PostOnlyWouldCross); return; }
                        idx = buy ? opposite.Best - 1 : opposite.Best + 1;
                        if ((uint)idx >= (uint)_levelCount) { Reject(request.OrderId, request.Owner, RequestKind.Submit, RejectReason.OutsidePriceBand); return; }
                        repriced = true;
                    }
                    _sink.OnAccepted(new OrderAccepted(request.OrderId, request.Owner, request.Side, OrderType.PostOnly, PriceOf(idx), request.Quantity, repriced));
                    Rest(request.Side, idx, request.OrderId, request.Owner, request.Quantity, request.SelfTrade, insertSlot, indexVersion);
                    return;
                }
        }
    }

    /// <summary>Cancels the whole remainder of a resting order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Cancel(long orderId)
    {
        var slot = _index.FindSlot(orderId);
        if (slot < 0) { Reject(orderId, 0, RequestKind.Cancel, RejectReason.UnknownOrderId); return; }
        var n = _index.NodeAt(slot);
        ref var node = ref _store.Nodes[n];
        var side = node.Side;
        var ladder = side == Side.Buy ? _bids : _asks;
        var level = node.Level;
        var qty = node.Quantity;
        var owner = node.Owner;
        Unlink(ladder, n);
        _index.RemoveAt(slot);
        _store.Free(n);
        var price = PriceOf(level);
        _sink.OnCancelled(new OrderCancelled(orderId, owner, side, price, qty, CancelReason.Requested));
        ref var lv = ref ladder.Levels[level];
        _sink.OnBookChanged(new BookLevelChanged(side, price, lv.Quantity, lv.Count));
    }

    /// <summary>
    /// Changes a resting order's price and/or remaining quantity. Same price and a quantity not above the
    /// current remainder: reduced in place, keeps its queue position. Anything else: taken out and re-entered
    /// as a limit order at the back of the new level, where it may trade if it crosses (keeping its id,
    /// owner and self-trade setting; a post-only order is not re-checked).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Modify(long orderId, long newPrice, long newQuantity)
    {
        var n = _index.Find(orderId);
        if (n < 0) { Reject(orderId, 0, RequestKind.Modify, RejectReason.UnknownOrderId); return; }
        var nodes = _store.Nodes;
        ref var node = ref nodes[n];
        if (newQuantity <= 0) { Reject(orderId, node.Owner, RequestKind.Modify, RejectReason.NonPositiveQuantity); return; }
        var reason = ToIndex(newPrice, out var idx);
        if (reason != 0) { Reject(orderId, node.Owner, RequestKind.Modify, reason); return; }

        var side = node.Side;
        var owner = node.Owner;
        var oldQty = node.Quantity;
        var oldLevel = node.Level;
        var oldPrice = PriceOf(oldLevel);
        var ladder = side == Side.Buy ? _bids : _asks;
        if (idx == oldLevel && newQuantity <= oldQty)
        {
            _sink.OnModified(new OrderModified(orderId, owner, side, oldPrice, newPrice, oldQty, newQuantity, true));
            if (newQuantity == oldQty) return;
            node.Quantity = newQuantity;
            ref var lv = ref ladder.Levels[oldLevel];
            lv.Quantity -= oldQty - newQuantity;
            _sink.OnBookChanged(new BookLevelChanged(side, oldPrice, lv.Quantity, lv.Count));
            return;
        }

        var stp = node.SelfTrade;
        Unlink(ladder, n);
        _sink.OnModified(new OrderModified(orderId, owner, side, oldPrice, newPrice, oldQty, newQuantity, false));
        ref var old = ref ladder.Levels[oldLevel];
        _sink.OnBookChanged(new BookLevelChanged(side, oldPrice, old.Quantity, old.Count));

        var left = Match(side == Side.Buy, idx, newQuantity, orderId, owner, stp, out var stpStopped);
        if (left > 0 && !stpStopped)
        {
            Link(ladder, n, idx, left);
            ref var lv = ref ladder.Levels[idx];
            _sink.OnBookChanged(new BookLevelChanged(side, newPrice, lv.Quantity, lv.Count));
            return;
        }
        _index.Remove(orderId);
        _store.Free(n);
        if (left > 0) _sink.OnCancelled(new OrderCancelled(orderId, owner, side, newPrice, left, CancelReason.SelfTradePrevention));
    }

    // ---- internals ----

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long PriceOf(int idx) => _minPrice + idx * _tickSize;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private RejectReason ToIndex(long price, out int idx)
    {
        var offset = price - _minPrice;
        if (_tickSize == 1)
        {
            idx = (int)offset;
            return (ulong)offset < (ulong)_levelCount ? 0 : RejectReason.OutsidePriceBand;
        }
        idx = 0;
        if (offset < 0 || price > Options.MaxPrice) return RejectReason.OutsidePriceBand;
        if (offset % _tickSize != 0) return RejectReason.OffTickGrid;
        idx = (int)(offset / _tickSize);
        return 0;
    }

    private void Reject(long orderId, int owner, RequestKind kind, RejectReason reason)
        => _sink.OnRejected(new OrderRejected(orderId, owner, kind, reason));

    /// <summary>
    /// Trades an incoming order against the opposite side up to limit level <paramref name="limit"/>;
    /// returns the unfilled quantity. <paramref name="stpStopped"/> is set when self-trade prevention
    /// (cancel incoming) ended the matching.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private long Match(bool buy, int limit, long quantity, long orderId, int owner, SelfTradePrevention stp, out bool stpStopped)
    {
        stpStopped = false;
        var opposite = buy ? _asks : _bids;
        var restingSide = buy ? Side.Sell : Side.Buy;
        var aggressorSide = buy ? Side.Buy : Side.Sell;
        var nodes = _store.Nodes;
        var levels = opposite.Levels;
        var left = quantity;
        while (left > 0)
        {
            var b = opposite.Best;
            if (b < 0 || (buy ? b > limit : b < limit)) break;
            ref var level = ref levels[b];
            var price = PriceOf(b);
            var n = level.Head;
            while (n >= 0 && left > 0)
            {
                ref var o = ref nodes[n];
                var next = o.Next;
                if (stp != SelfTradePrevention.Allow && o.Owner == owner)
                {
                    if (stp == SelfTradePrevention.CancelIncoming)
                    {
                        stpStopped = true;
                        return left; // the level still holds this owner's order, so it stays non-empty
                    }
                    var q = o.Quantity;
                    var restingId = o.Id;
                    level.Quantity -= q;
                    RemoveHead(ref level, nodes, n, next);
                    _index.Remove(restingId);
                    _store.Free(n);
                    _sink.OnCancelled(new OrderCancelled(restingId, owner, restingSide, price, q, CancelReason.SelfTradePrevention));
                    _sink.OnBookChanged(new BookLevelChanged(restingSide, price, level.Quantity, level.Count));
                    n = next;
                    continue;
                }
                var fill = o.Quantity < left ? o.Quantity : left;
                var remaining = o.Quantity - fill;
                left -= fill;
                level.Quantity -= fill;
                _sink.OnTrade(new Trade(aggressorSide, price, fill, orderId, owner, o.Id, o.Owner, remaining));
                if (remaining == 0)
                {
                    _index.Remove(o.Id);
                    RemoveHead(ref level, nodes, n, next);
                    _store.Free(n);
                }
                else
                {
                    o.Quantity = remaining;
                }
                _sink.OnBookChanged(new BookLevelChanged(restingSide, price, level.Quantity, level.Count));
                n = next;
            }
            if (level.Count == 0) opposite.Vacate(b);
        }
        return left;
    }

    /// <summary>Unlinks the head node <paramref name="n"/> of a level (the caller adjusts the level's quantity).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void RemoveHead(ref PriceLevel level, OrderNode[] nodes, int n, int next)
    {
        level.Head = next;
        if (next >= 0) nodes[next].Prev = -1;
        else level.Tail = -1;
        level.Count--;
    }

    private bool CanFillCompletely(bool buy, int limit, long quantity, int owner, SelfTradePrevention stp)
    {
        var opposite = buy ? _asks : _bids;
        var nodes = _store.Nodes;
        long available = 0;
        for (var b = opposite.Best; b >= 0 && (buy ? b <= limit : b >= limit); b = opposite.Worse(b))
        {
            ref var level = ref opposite.Levels[b];
            if (stp == SelfTradePrevention.Allow)
            {
                available += level.Quantity;
            }
            else
            {
                for (var n = level.Head; n >= 0; n = nodes[n].Next)
                {
                    if (nodes[n].Owner == owner)
                    {
                        if (stp == SelfTradePrevention.CancelIncoming) return available >= quantity;
                        continue;
                    }
                    available += nodes[n].Quantity;
                    if (available >= quantity) return true;
                }
            }
            if (available >= quantity) return true;
        }
        return available >= quantity;
    }

    /// <param name="indexSlot">where the id goes in the index, found by the duplicate check, if <paramref name="indexVersion"/> still holds.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Rest(Side side, int idx, long orderId, int owner, long quantity, SelfTradePrevention stp, int indexSlot, int indexVersion)
    {
        var n = _store.Allocate();
        ref var node = ref _store.Nodes[n];
        node.Id = orderId;
        node.Owner = owner;
        node.Side = side;
        node.SelfTrade = stp;
        var ladder = side == Side.Buy ? _bids : _asks;
        Link(ladder, n, idx, quantity);
        _index.AddAt(indexSlot, indexVersion, orderId, n);
        ref var lv = ref ladder.Levels[idx];
        _sink.OnBookChanged(new BookLevelChanged(side, PriceOf(idx), lv.Quantity, lv.Count));
    }

    /// <summary>Appends node <paramref name="n"/> with <paramref name="quantity"/> at the back of level <paramref name="idx"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Link(PriceLadder ladder, int n, int idx, long quantity)
    {
        var nodes = _store.Nodes;
        ref var node = ref nodes[n];
        node.Quantity = quantity;
        node.Level = idx;
        node.Next = -1;
        ref var level = ref ladder.Levels[idx];
        var tail = level.Tail;
        node.Prev = tail;
        if (tail >= 0) nodes[tail].Next = n;
        else level.Head = n;
        level.Tail = n;
        level.Quantity += quantity;
        if (level.Count++ == 0) ladder.Occupy(idx);
    }

    /// <summary>Takes node <paramref name="n"/> (with its whole remaining quantity) out of its level.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Unlink(PriceLadder ladder, int n)
    {
        var nodes = _store.Nodes;
        ref var node = ref nodes[n];
        ref var level = ref ladder.Levels[node.Level];
        var prev = node.Prev;
        var next = node.Next;
        if (prev >= 0) nodes[prev].Next = next; else level.Head = next;
        if (next >= 0) nodes[next].Prev = prev; else level.Tail = prev;
        level.Quantity -= node.Quantity;
        if (--level.Count == 0) ladder.Vacate(node.Level);
    }
}
