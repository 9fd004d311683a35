using LiquidityLab.Core.Domain;
using LiquidityLab.OrderBook.Orders;

namespace LiquidityLab.OrderBook.Events;

/// <summary>A new order passed validation. <see cref="Price"/> is its effective limit (a repriced post-only order's new price; 0 for market orders).</summary>
public readonly record struct OrderAccepted(long OrderId, int Owner, Side Side, OrderType Type, long Price, long Quantity, bool Repriced);

/// <summary>A request was refused; nothing changed. <see cref="Owner"/> is 0 when the request names no order the book knows.</summary>
public readonly record struct OrderRejected(long OrderId, int Owner, RequestKind Request, RejectReason Reason);

/// <summary>
/// One fill between an incoming (aggressor) order and a resting order, at the resting order's price.
/// <see cref="RestingRemaining"/> is what is left of the resting order after the fill.
/// </summary>
public readonly record struct Trade(
    Side AggressorSide,
    long Price,
    long Quantity,
    long AggressorOrderId,
    int AggressorOwner,
    long RestingOrderId,
    int RestingOwner,
    long RestingRemaining);

/// <summary>(Part of) an order left the book without trading; <see cref="Quantity"/> is the amount cancelled.</summary>
public readonly record struct OrderCancelled(long OrderId, int Owner, Side Side, long Price, long Quantity, CancelReason Reason);

/// <summary>
/// A resting order was modified. <see cref="KeptPriority"/> is true when only its quantity went down
/// (it keeps its place in the queue); otherwise it was taken out and re-entered at the back of the new level,
/// where it may trade like a new limit order.
/// </summary>
public readonly record struct OrderModified(long OrderId, int Owner, Side Side, long OldPrice, long NewPrice, long OldQuantity, long NewQuantity, bool KeptPriority);

/// <summary>A price level changed: its new total quantity and order count (both 0 when it emptied).</summary>
public readonly record struct BookLevelChanged(Side Side, long Price, long Quantity, int OrderCount);
