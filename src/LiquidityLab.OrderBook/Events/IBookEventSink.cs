namespace LiquidityLab.OrderBook.Events;

/// <summary>
/// Receives the events of a book, in the order they happen. Implement it on a struct and the book,
/// which is generic over its sink, calls it without virtual dispatch (an empty method costs nothing).
/// A sink must not call back into the book that is notifying it.
/// </summary>
public interface IBookEventSink
{
    void OnAccepted(in OrderAccepted e);
    void OnRejected(in OrderRejected e);
    void OnTrade(in Trade e);
    void OnCancelled(in OrderCancelled e);
    void OnModified(in OrderModified e);
    void OnBookChanged(in BookLevelChanged e);
}

/// <summary>Discards every event: for benchmarks and for callers that only read the book's state.</summary>
public struct NullSink : IBookEventSink
{
    public readonly void OnAccepted(in OrderAccepted e) { }
    public readonly void OnRejected(in OrderRejected e) { }
    public readonly void OnTrade(in Trade e) { }
    public readonly void OnCancelled(in OrderCancelled e) { }
    public readonly void OnModified(in OrderModified e) { }
    public readonly void OnBookChanged(in BookLevelChanged e) { }
}

/// <summary>Counts events and traded volume without storing them.</summary>
public struct CountingSink : IBookEventSink
{
    public long Accepted;
    public long Rejected;
    public long Trades;
    public long TradedQuantity;
    public long Cancelled;
    public long CancelledQuantity;
    public long Modified;
    public long BookChanges;

    public void OnAccepted(in OrderAccepted e) => Accepted++;
    public void OnRejected(in OrderRejected e) => Rejected++;
    public void OnTrade(in Trade e) { Trades++; TradedQuantity += e.Quantity; }
    public void OnCancelled(in OrderCancelled e) { Cancelled++; CancelledQuantity += e.Quantity; }
    public void OnModified(in OrderModified e) => Modified++;
    public void OnBookChanged(in BookLevelChanged e) => BookChanges++;
}
