using LiquidityLab.Core.Domain;
using LiquidityLab.OrderBook.Events;
using LiquidityLab.OrderBook.Views;

namespace LiquidityLab.OrderBook.Matching;

// Read-only views of the book: BBO, L2 depth, L3 orders, queue positions, snapshots.
public sealed partial class LimitOrderBook<TSink> where TSink : IBookEventSink
{
    /// <summary>Best bid and best ask, each null when its side is empty.</summary>
    public BestBidOffer BestBidOffer => new(Top(_bids), Top(_asks));

    public LevelView? BestBid => Top(_bids);

    public LevelView? BestAsk => Top(_asks);

    /// <summary>Number of non-empty price levels on a side.</summary>
    public int LevelCount(Side side) => Ladder(side).NonEmptyLevels;

    private PriceLadder Ladder(Side side) => side == Side.Buy ? _bids : _asks;

    private LevelView? Top(PriceLadder ladder)
    {
        var b = ladder.Best;
        if (b < 0) return null;
        ref var lv = ref ladder.Levels[b];
        return new LevelView(PriceOf(b), lv.Quantity, lv.Count);
    }

    /// <summary>Fills <paramref name="into"/> with the best levels of a side, best first; returns how many were written. No allocation.</summary>
    public int GetDepth(Side side, Span<LevelView> into)
    {
        var ladder = Ladder(side);
        var count = 0;
        for (var b = ladder.Best; b >= 0 && count < into.Length; b = ladder.Worse(b))
        {
            ref var lv = ref ladder.Levels[b];
            into[count++] = new LevelView(PriceOf(b), lv.Quantity, lv.Count);
        }
        return count;
    }

    /// <summary>The best <paramref name="levels"/> levels of a side (L2), best first.</summary>
    public IReadOnlyList<LevelView> Depth(Side side, int levels)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(levels);
        var buffer = new LevelView[Math.Min(levels, LevelCount(side))];
        var n = GetDepth(side, buffer);
        return n == buffer.Length ? buffer : buffer[..n];
    }

    /// <summary>Every resting order of a side (L3): levels best first, each level in queue (time) order.</summary>
    public IReadOnlyList<RestingOrder> Orders(Side side)
    {
        var ladder = Ladder(side);
        var nodes = _store.Nodes;
        var list = new List<RestingOrder>();
        for (var b = ladder.Best; b >= 0; b = ladder.Worse(b))
        {
            var price = PriceOf(b);
            for (var n = ladder.Levels[b].Head; n >= 0; n = nodes[n].Next)
                list.Add(new RestingOrder(nodes[n].Id, nodes[n].Owner, side, price, nodes[n].Quantity, nodes[n].SelfTrade));
        }
        return list;
    }

    /// <summary>The resting orders at one price of one side, in queue order (empty if none or off the grid).</summary>
    public IReadOnlyList<RestingOrder> OrdersAt(Side side, long price)
    {
        var list = new List<RestingOrder>();
        if (ToIndex(price, out var idx) != 0) return list;
        var nodes = _store.Nodes;
        for (var n = Ladder(side).Levels[idx].Head; n >= 0; n = nodes[n].Next)
            list.Add(new RestingOrder(nodes[n].Id, nodes[n].Owner, side, price, nodes[n].Quantity, nodes[n].SelfTrade));
        return list;
    }

    /// <summary>The resting order with this id, if any.</summary>
    public bool TryGetOrder(long orderId, out RestingOrder order)
    {
        var n = _index.Find(orderId);
        if (n < 0) { order = default; return false; }
        ref var node = ref _store.Nodes[n];
        order = new RestingOrder(node.Id, node.Owner, node.Side, PriceOf(node.Level), node.Quantity, node.SelfTrade);
        return true;
    }

    /// <summary>The queue position of a resting order, or null if it is not resting. Walks its level from the front.</summary>
    public QueuePosition? GetQueuePosition(long orderId)
    {
        var target = _index.Find(orderId);
        if (target < 0) return null;
        var nodes = _store.Nodes;
        ref var node = ref nodes[target];
        ref var level = ref Ladder(node.Side).Levels[node.Level];
        var ahead = 0;
        long qtyAhead = 0;
        for (var n = level.Head; n != target; n = nodes[n].Next)
        {
            ahead++;
            qtyAhead += nodes[n].Quantity;
        }
        return new QueuePosition(orderId, PriceOf(node.Level), ahead, qtyAhead, node.Quantity, level.Count, level.Quantity);
    }

    /// <summary>A consistent copy of the whole book: its options and every resting order in priority order.</summary>
    public BookSnapshot Snapshot() => new(Options, Orders(Side.Buy), Orders(Side.Sell));

    /// <summary>
    /// A book holding exactly the snapshot's orders, in the same queue order, reporting to <paramref name="sink"/>.
    /// No events are emitted for the restored orders; continuing from it yields the same events as the original would.
    /// </summary>
    public static LimitOrderBook<TSink> Restore(BookSnapshot snapshot, TSink sink)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var capacity = Math.Max(snapshot.Options.InitialOrderCapacity, snapshot.Bids.Count + snapshot.Asks.Count);
        var book = new LimitOrderBook<TSink>(snapshot.Options with { InitialOrderCapacity = capacity }, sink);
        foreach (var o in snapshot.Bids) book.RestoreOne(o, Side.Buy);
        foreach (var o in snapshot.Asks) book.RestoreOne(o, Side.Sell);
        book.CheckNotCrossed();
        return book;
    }

    private void RestoreOne(in RestingOrder o, Side expected)
    {
        if (o.Side != expected) throw new InvalidDataException($"snapshot order #{o.OrderId} is listed on the {expected.ToWire()} side but says {o.Side.ToWire()}");
        if (o.Quantity <= 0) throw new InvalidDataException($"snapshot order #{o.OrderId} has quantity {o.Quantity}; must be > 0");
        if (ToIndex(o.Price, out var idx) != 0) throw new InvalidDataException($"snapshot order #{o.OrderId} price {o.Price} is outside the band or off the grid");
        if (_index.Find(o.OrderId) >= 0) throw new InvalidDataException($"snapshot order id #{o.OrderId} appears twice");
        var n = _store.Allocate();
        ref var node = ref _store.Nodes[n];
        node.Id = o.OrderId;
        node.Owner = o.Owner;
        node.Side = o.Side;
        node.SelfTrade = o.SelfTrade;
        Link(Ladder(o.Side), n, idx, o.Quantity);
        _index.Add(o.OrderId, n);
    }

    private void CheckNotCrossed()
    {
        if (_bids.Best >= 0 && _asks.Best >= 0 && _bids.Best >= _asks.Best)
            throw new InvalidDataException($"snapshot is crossed: best bid {PriceOf(_bids.Best)} >= best ask {PriceOf(_asks.Best)}");
    }
}
