using LiquidityLab.Core.Domain;
using LiquidityLab.OrderDriven.Kernel;

namespace LiquidityLab.OrderDriven.Agents;

/// <summary>An order as its sender knows it.</summary>
public struct TrackedOrder
{
    public long Id;
    public Side Side;
    public long Price;
    public long Remaining;
    public long SentAt;
    public bool CancelSent;
    public bool Acknowledged;
}

/// <summary>
/// What an agent knows of its orders: updated when an order is sent and when a report arrives, never
/// from the exchange's state. <see cref="OpenBuy"/> and <see cref="OpenSell"/> count every lot that may
/// still trade (acknowledged or in flight, cancel requested or not); a lot leaves them only when its
/// fill or cancel report arrives, when it moves into <see cref="Position"/>. Hence the true position
/// always lies in [Position − OpenSell, Position + OpenBuy]: a limit checked against those bounds holds
/// even for fills the agent has not seen yet.
/// </summary>
public sealed class OrderTracker
{
    private readonly List<TrackedOrder> _orders = [];

    public long Position { get; private set; }
    public long OpenBuy { get; private set; }
    public long OpenSell { get; private set; }
    public long FilledQuantity { get; private set; }

    public int Count => _orders.Count;
    public TrackedOrder this[int i] => _orders[i];

    /// <summary>Largest position the agent could hold if everything it has out filled.</summary>
    public long WorstLong => Position + OpenBuy;

    /// <summary>Most negative position the agent could hold if everything it has out filled.</summary>
    public long WorstShort => Position - OpenSell;

    internal void Sent(long id, Side side, long price, long quantity, long now)
    {
        _orders.Add(new TrackedOrder { Id = id, Side = side, Price = price, Remaining = quantity, SentAt = now });
        if (side == Side.Buy) OpenBuy += quantity; else OpenSell += quantity;
    }

    internal void CancelSent(long id)
    {
        var i = IndexOf(id);
        if (i < 0) return;
        var o = _orders[i];
        o.CancelSent = true;
        _orders[i] = o;
    }

    internal void Apply(in OrderReport r)
    {
        var i = IndexOf(r.OrderId);
        if (i < 0) return;
        var o = _orders[i];
        switch (r.Kind)
        {
            case ReportKind.Accepted:
                o.Acknowledged = true;
                break;
            case ReportKind.Filled:
                o.Remaining -= r.Quantity;
                Reduce(o.Side, r.Quantity);
                Position += o.Side == Side.Buy ? r.Quantity : -r.Quantity;
                FilledQuantity += r.Quantity;
                break;
            case ReportKind.Cancelled:
                o.Remaining -= r.Quantity;
                Reduce(o.Side, r.Quantity);
                break;
            case ReportKind.Rejected when !r.WasCancelRequest:
                Reduce(o.Side, o.Remaining);
                o.Remaining = 0;
                break;
            case ReportKind.Rejected:
                o.CancelSent = false; // the order had already left the book; its reports came first (FIFO)
                break;
        }
        if (o.Remaining <= 0) _orders.RemoveAt(i);
        else _orders[i] = o;
    }

    private void Reduce(Side side, long quantity)
    {
        if (side == Side.Buy) OpenBuy -= quantity; else OpenSell -= quantity;
    }

    public int IndexOf(long id)
    {
        for (var i = 0; i < _orders.Count; i++)
            if (_orders[i].Id == id) return i;
        return -1;
    }
}
