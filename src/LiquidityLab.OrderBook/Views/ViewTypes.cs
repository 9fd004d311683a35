using LiquidityLab.Core.Domain;
using LiquidityLab.OrderBook.Orders;

namespace LiquidityLab.OrderBook.Views;

/// <summary>One price level of one side: its price, total resting quantity and number of orders (L2).</summary>
public readonly record struct LevelView(long Price, long Quantity, int OrderCount);

/// <summary>Best bid and best offer; a side with no orders reads as null.</summary>
public readonly record struct BestBidOffer(LevelView? Bid, LevelView? Ask)
{
    /// <summary>Ask − bid in price units, or null if either side is empty.</summary>
    public long? Spread => Bid is { } b && Ask is { } a ? a.Price - b.Price : null;
}

/// <summary>One resting order as seen from outside (L3).</summary>
public readonly record struct RestingOrder(long OrderId, int Owner, Side Side, long Price, long Quantity, SelfTradePrevention SelfTrade = SelfTradePrevention.Allow);

/// <summary>
/// Where an order stands in its level's queue: how many orders and how much quantity are ahead of it,
/// and the level's totals (its own quantity included).
/// </summary>
public readonly record struct QueuePosition(long OrderId, long Price, int OrdersAhead, long QuantityAhead, long OwnQuantity, int LevelOrderCount, long LevelQuantity);
