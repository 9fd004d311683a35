using LiquidityLab.Core.Domain;
using System.Runtime.InteropServices;
using LiquidityLab.OrderBook.Orders;

namespace LiquidityLab.OrderDriven.Kernel;

/// <summary>What a scheduled event is.</summary>
public enum MessageKind : byte
{
    /// <summary>An agent's own timer; <see cref="Message.Tag"/> says which.</summary>
    Wake,
    /// <summary>A new order reaches the exchange.</summary>
    OrderArrival,
    /// <summary>A cancel request reaches the exchange.</summary>
    CancelArrival,
    /// <summary>An execution report reaches its agent.</summary>
    Report,
    /// <summary>A market-data update (L1 and the trades of one exchange action) reaches a subscriber.</summary>
    MarketData,
    /// <summary>The recorder samples the market and the makers (no agent).</summary>
    Sample,
}

/// <summary>What an execution report says.</summary>
public enum ReportKind : byte
{
    Accepted,
    Rejected,
    Filled,
    Cancelled,
}

/// <summary>
/// One execution report as the agent receives it. <see cref="Quantity"/> is the filled or cancelled
/// amount; <see cref="Price"/> the fill price (ticks) or the order's price; <see cref="ExchangeTime"/>
/// when the exchange produced it.
/// </summary>
public readonly record struct OrderReport(ReportKind Kind, long OrderId, Side Side, long Price, long Quantity, bool WasCancelRequest, long ExchangeTime);

/// <summary>
/// Level 1 as the exchange published it after one action, with that action's trades: how many
/// aggressive buy and sell orders traded, the volume, the last price and how far (ticks) the deepest
/// fill was from the mid before the action. A missing side has quantity 0.
/// </summary>
public readonly record struct MarketUpdate(long ExchangeTime, long Bid, long BidQuantity, long Ask, long AskQuantity,
    int AggressiveBuys, int AggressiveSells, long TradedVolume, long LastPrice, double ReachTicks)
{
    public bool HasBid => BidQuantity > 0;
    public bool HasAsk => AskQuantity > 0;
    public bool HasTwoSides => BidQuantity > 0 && AskQuantity > 0;
    public double Mid => (Bid + Ask) / 2.0;
}

/// <summary>
/// A pooled event payload: one flat struct for every kind, so scheduling never allocates; the payloads
/// of the different kinds share their bytes (only the one of <see cref="Kind"/> is meaningful).
/// </summary>
[StructLayout(LayoutKind.Explicit)]
internal struct Message
{
    [FieldOffset(0)] public MessageKind Kind;
    [FieldOffset(4)] public int Agent;
    [FieldOffset(8)] public int Tag;
    /// <summary>For an L2 update: its depth block in the kernel's slab (−1 = L1 only).</summary>
    [FieldOffset(12)] public int Block;
    [FieldOffset(16)] public OrderRequest Order;
    [FieldOffset(16)] public long CancelId;
    [FieldOffset(16)] public OrderReport Report;
    [FieldOffset(16)] public MarketUpdate Update;
}
