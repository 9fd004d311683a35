using LiquidityLab.Core.Domain;
using LiquidityLab.OrderBook.Events;
using LiquidityLab.OrderBook.Matching;
using LiquidityLab.OrderBook.Orders;
using LiquidityLab.OrderBook.Views;

namespace LiquidityLab.OrderBook.Tests.Reference;

/// <summary>
/// A deliberately naive order book to check the engine against: each side is one list kept in
/// priority order by linear insertion; everything is found by linear scans. Same contract, no cleverness.
/// </summary>
internal sealed class ReferenceBook
{
    private sealed class Ord
    {
        public long Id;
        public int Owner;
        public Side Side;
        public long Price;
        public long Qty;
        public SelfTradePrevention Stp;
    }

    private readonly BookOptions _opt;
    private readonly List<Ord> _bids = new();
    private readonly List<Ord> _asks = new();

    public ReferenceBook(BookOptions options) => _opt = options;

    public List<BookEvent> Events { get; } = new();

    public int OrderCount => _bids.Count + _asks.Count;

    public IReadOnlyList<RestingOrder> Orders(Side side)
        => (side == Side.Buy ? _bids : _asks).Select(o => new RestingOrder(o.Id, o.Owner, o.Side, o.Price, o.Qty, o.Stp)).ToList();

    private List<Ord> SideList(Side side) => side == Side.Buy ? _bids : _asks;

    private Ord? FindOrder(long id) => _bids.Concat(_asks).FirstOrDefault(o => o.Id == id);

    private RejectReason CheckPrice(long price)
    {
        if (price < _opt.MinPrice || price > _opt.MaxPrice) return RejectReason.OutsidePriceBand;
        if ((price - _opt.MinPrice) % _opt.TickSize != 0) return RejectReason.OffTickGrid;
        return 0;
    }

    private void LevelChanged(Side side, long price)
    {
        var at = SideList(side).Where(o => o.Price == price).ToList();
        Events.Add(BookEvent.From(new BookLevelChanged(side, price, at.Sum(o => o.Qty), at.Count)));
    }

    private void Insert(Ord o)
    {
        var list = SideList(o.Side);
        var i = 0;
        // behind every order at a better or equal price
        while (i < list.Count && (o.Side == Side.Buy ? list[i].Price >= o.Price : list[i].Price <= o.Price)) i++;
        list.Insert(i, o);
        LevelChanged(o.Side, o.Price);
    }

    private void Reject(long id, int owner, RequestKind kind, RejectReason reason)
        => Events.Add(BookEvent.From(new OrderRejected(id, owner, kind, reason)));

    public void Submit(OrderRequest r)
    {
        if (r.Quantity <= 0) { Reject(r.OrderId, r.Owner, RequestKind.Submit, RejectReason.NonPositiveQuantity); return; }
        if (!Enum.IsDefined(r.Type) || !Enum.IsDefined(r.SelfTrade)) { Reject(r.OrderId, r.Owner, RequestKind.Submit, RejectReason.InvalidOrderType); return; }
        if (r.Type != OrderType.Market)
        {
            var reason = CheckPrice(r.Price);
            if (reason != 0) { Reject(r.OrderId, r.Owner, RequestKind.Submit, reason); return; }
        }
        if (FindOrder(r.OrderId) != null) { Reject(r.OrderId, r.Owner, RequestKind.Submit, RejectReason.DuplicateOrderId); return; }

        var opposite = SideList(r.Side.Opposite());
        long? limit = r.Type == OrderType.Market ? null : r.Price;
        switch (r.Type)
        {
            case OrderType.PostOnly:
                {
                    var price = r.Price;
                    var repriced = false;
                    if (opposite.Count > 0 && (r.Side == Side.Buy ? price >= opposite[0].Price : price <= opposite[0].Price))
                    {
                        if (_opt.PostOnly == PostOnlyMode.Reject) { Reject(r.OrderId, r.Owner, RequestKind.Submit, RejectReason.PostOnlyWouldCross); return; }
                        price = r.Side == Side.Buy ? opposite[0].Price - _opt.TickSize : opposite[0].Price + _opt.TickSize;
                        if (price < _opt.MinPrice || price > _opt.MaxPrice) { Reject(r.OrderId, r.Owner, RequestKind.Submit, RejectReason.OutsidePriceBand); return; }
                        repriced = true;
                    }
                    Events.Add(BookEvent.From(new OrderAccepted(r.OrderId, r.Owner, r.Side, r.Type, price, r.Quantity, repriced)));
                    Insert(new Ord { Id = r.OrderId, Owner = r.Owner, Side = r.Side, Price = price, Qty = r.Quantity, Stp = r.SelfTrade });
                    return;
                }
            case OrderType.FillOrKill:
                {
                    Events.Add(BookEvent.From(new OrderAccepted(r.OrderId, r.Owner, r.Side, r.Type, r.Price, r.Quantity, false)));
                    long available = 0;
                    foreach (var o in opposite)
                    {
                        if (!Crosses(r.Side, limit, o.Price)) break;
                        if (r.SelfTrade != SelfTradePrevention.Allow && o.Owner == r.Owner)
                        {
                            if (r.SelfTrade == SelfTradePrevention.CancelIncoming) break;
                            continue;
                        }
                        available += o.Qty;
                    }
                    if (available < r.Quantity)
                    {
                        Events.Add(BookEvent.From(new OrderCancelled(r.OrderId, r.Owner, r.Side, r.Price, r.Quantity, CancelReason.FillOrKillUnfilled)));
                        return;
                    }
                    Match(r.Side, limit, r.Quantity, r.OrderId, r.Owner, r.SelfTrade, out _);
                    return;
                }
            default:
                {
                    var shown = r.Type == OrderType.Market ? 0 : r.Price;
                    Events.Add(BookEvent.From(new OrderAccepted(r.OrderId, r.Owner, r.Side, r.Type, shown, r.Quantity, false)));
                    var left = Match(r.Side, limit, r.Quantity, r.OrderId, r.Owner, r.SelfTrade, out var stopped);
                    if (left == 0) return;
                    if (r.Type == OrderType.Limit && !stopped)
                    {
                        Insert(new Ord { Id = r.OrderId, Owner = r.Owner, Side = r.Side, Price = r.Price, Qty = left, Stp = r.SelfTrade });
                        return;
                    }
                    var why = stopped ? CancelReason.SelfTradePrevention
                        : r.Type == OrderType.Market ? CancelReason.MarketRemainder
                        : r.Type == OrderType.ImmediateOrCancel ? CancelReason.ImmediateOrCancelRemainder
                        : CancelReason.SelfTradePrevention;
                    Events.Add(BookEvent.From(new OrderCancelled(r.OrderId, r.Owner, r.Side, shown, left, why)));
                    return;
                }
        }
    }

    private static bool Crosses(Side incoming, long? limit, long restingPrice)
        => limit is not { } l || (incoming == Side.Buy ? restingPrice <= l : restingPrice >= l);

    private long Match(Side side, long? limit, long qty, long id, int owner, SelfTradePrevention stp, out bool stopped)
    {
        stopped = false;
        var opposite = SideList(side.Opposite());
        var left = qty;
        while (left > 0 && opposite.Count > 0 && Crosses(side, limit, opposite[0].Price))
        {
            var o = opposite[0];
            if (stp != SelfTradePrevention.Allow && o.Owner == owner)
            {
                if (stp == SelfTradePrevention.CancelIncoming) { stopped = true; break; }
                opposite.RemoveAt(0);
                Events.Add(BookEvent.From(new OrderCancelled(o.Id, o.Owner, o.Side, o.Price, o.Qty, CancelReason.SelfTradePrevention)));
                LevelChanged(o.Side, o.Price);
                continue;
            }
            var fill = Math.Min(left, o.Qty);
            o.Qty -= fill;
            left -= fill;
            Events.Add(BookEvent.From(new Trade(side, o.Price, fill, id, owner, o.Id, o.Owner, o.Qty)));
            if (o.Qty == 0) opposite.RemoveAt(0);
            LevelChanged(o.Side, o.Price);
        }
        return left;
    }

    public void Cancel(long id)
    {
        var o = FindOrder(id);
        if (o == null) { Reject(id, 0, RequestKind.Cancel, RejectReason.UnknownOrderId); return; }
        SideList(o.Side).Remove(o);
        Events.Add(BookEvent.From(new OrderCancelled(id, o.Owner, o.Side, o.Price, o.Qty, CancelReason.Requested)));
        LevelChanged(o.Side, o.Price);
    }

    public void Modify(long id, long price, long qty)
    {
        var o = FindOrder(id);
        if (o == null) { Reject(id, 0, RequestKind.Modify, RejectReason.UnknownOrderId); return; }
        if (qty <= 0) { Reject(id, o.Owner, RequestKind.Modify, RejectReason.NonPositiveQuantity); return; }
        var reason = CheckPrice(price);
        if (reason != 0) { Reject(id, o.Owner, RequestKind.Modify, reason); return; }
        if (price == o.Price && qty <= o.Qty)
        {
            Events.Add(BookEvent.From(new OrderModified(id, o.Owner, o.Side, o.Price, price, o.Qty, qty, true)));
            if (qty == o.Qty) return;
            o.Qty = qty;
            LevelChanged(o.Side, o.Price);
            return;
        }
        SideList(o.Side).Remove(o);
        Events.Add(BookEvent.From(new OrderModified(id, o.Owner, o.Side, o.Price, price, o.Qty, qty, false)));
        LevelChanged(o.Side, o.Price);
        var left = Match(o.Side, price, qty, id, o.Owner, o.Stp, out var stopped);
        if (left > 0 && !stopped)
        {
            o.Price = price;
            o.Qty = left;
            Insert(o);
        }
        else if (left > 0)
        {
            Events.Add(BookEvent.From(new OrderCancelled(id, o.Owner, o.Side, price, left, CancelReason.SelfTradePrevention)));
        }
    }
}
