using LiquidityLab.Core.Domain;
using LiquidityLab.OrderBook.Orders;

namespace LiquidityLab.OrderBook.Events;

public enum BookEventKind : byte
{
    Accepted = 1,
    Rejected = 2,
    Trade = 3,
    Cancelled = 4,
    Modified = 5,
    BookChanged = 6,
}

/// <summary>
/// Any book event in one flat, comparable shape (for logs, tests and tools; the engine itself
/// delivers the typed structs). Fields a kind does not use are zero.
/// For a trade: <see cref="OrderId"/>/<see cref="Owner"/> are the aggressor's, <see cref="OtherOrderId"/>/<see cref="OtherOwner"/>
/// the resting order's, <see cref="Side"/> the aggressor side, <see cref="Quantity2"/> the resting remainder.
/// For a modification: <see cref="Price"/>/<see cref="Quantity"/> are the new values, <see cref="Price2"/>/<see cref="Quantity2"/> the old.
/// For a book change: <see cref="Quantity"/> is the level total and <see cref="Quantity2"/> its order count.
/// </summary>
public readonly record struct BookEvent(
    BookEventKind Kind,
    long OrderId,
    int Owner,
    Side Side,
    long Price,
    long Quantity,
    long OtherOrderId = 0,
    int OtherOwner = 0,
    long Price2 = 0,
    long Quantity2 = 0,
    byte Detail = 0)
{
    public static BookEvent From(in OrderAccepted e) => new(BookEventKind.Accepted, e.OrderId, e.Owner, e.Side, e.Price, e.Quantity, Price2: (long)e.Type, Detail: e.Repriced ? (byte)1 : (byte)0);
    public static BookEvent From(in OrderRejected e) => new(BookEventKind.Rejected, e.OrderId, e.Owner, Side.Buy, 0, 0, Price2: (long)e.Request, Detail: (byte)e.Reason);
    public static BookEvent From(in Trade e) => new(BookEventKind.Trade, e.AggressorOrderId, e.AggressorOwner, e.AggressorSide, e.Price, e.Quantity, e.RestingOrderId, e.RestingOwner, Quantity2: e.RestingRemaining);
    public static BookEvent From(in OrderCancelled e) => new(BookEventKind.Cancelled, e.OrderId, e.Owner, e.Side, e.Price, e.Quantity, Detail: (byte)e.Reason);
    public static BookEvent From(in OrderModified e) => new(BookEventKind.Modified, e.OrderId, e.Owner, e.Side, e.NewPrice, e.NewQuantity, Price2: e.OldPrice, Quantity2: e.OldQuantity, Detail: e.KeptPriority ? (byte)1 : (byte)0);
    public static BookEvent From(in BookLevelChanged e) => new(BookEventKind.BookChanged, 0, 0, e.Side, e.Price, e.Quantity, Quantity2: e.OrderCount);

    public override string ToString() => Kind switch
    {
        BookEventKind.Accepted => $"accepted #{OrderId} owner {Owner} {Side.ToWire()} {(OrderType)Price2} {Quantity}@{Price}{(Detail == 1 ? " (repriced)" : "")}",
        BookEventKind.Rejected => $"rejected #{OrderId} {(RequestKind)Price2}: {(RejectReason)Detail}",
        BookEventKind.Trade => $"trade {Quantity}@{Price} aggressor {Side.ToWire()} #{OrderId}/{Owner} resting #{OtherOrderId}/{OtherOwner} left {Quantity2}",
        BookEventKind.Cancelled => $"cancelled #{OrderId} {Side.ToWire()} {Quantity}@{Price}: {(CancelReason)Detail}",
        BookEventKind.Modified => $"modified #{OrderId} {Side.ToWire()} {Quantity2}@{Price2} -> {Quantity}@{Price}{(Detail == 1 ? " keeps priority" : " loses priority")}",
        _ => $"level {Side.ToWire()} {Price}: {Quantity} in {Quantity2} orders",
    };
}

/// <summary>Keeps every event, in order, as <see cref="BookEvent"/> (tests, small tools). Not for hot paths.</summary>
public sealed class CollectingSink : IBookEventSink
{
    public List<BookEvent> Events { get; } = new();

    public void OnAccepted(in OrderAccepted e) => Events.Add(BookEvent.From(e));
    public void OnRejected(in OrderRejected e) => Events.Add(BookEvent.From(e));
    public void OnTrade(in Trade e) => Events.Add(BookEvent.From(e));
    public void OnCancelled(in OrderCancelled e) => Events.Add(BookEvent.From(e));
    public void OnModified(in OrderModified e) => Events.Add(BookEvent.From(e));
    public void OnBookChanged(in BookLevelChanged e) => Events.Add(BookEvent.From(e));
}
