using LiquidityLab.Core.Domain;

namespace LiquidityLab.OrderBook.Orders;

/// <summary>
/// A request to enter a new order. <see cref="Price"/> is in the book's price units and must lie on
/// its tick grid inside its band (ignored for <see cref="OrderType.Market"/>); <see cref="Quantity"/>
/// is in lots and must be positive. <see cref="OrderId"/> must not belong to an order resting in the book.
/// </summary>
public readonly record struct OrderRequest(
    long OrderId,
    int Owner,
    Side Side,
    OrderType Type,
    long Price,
    long Quantity,
    SelfTradePrevention SelfTrade = SelfTradePrevention.Allow)
{
    public static OrderRequest Limit(long id, Side side, long price, long quantity, int owner = 0, SelfTradePrevention stp = SelfTradePrevention.Allow)
        => new(id, owner, side, OrderType.Limit, price, quantity, stp);

    public static OrderRequest Market(long id, Side side, long quantity, int owner = 0, SelfTradePrevention stp = SelfTradePrevention.Allow)
        => new(id, owner, side, OrderType.Market, 0, quantity, stp);

    public static OrderRequest ImmediateOrCancel(long id, Side side, long price, long quantity, int owner = 0, SelfTradePrevention stp = SelfTradePrevention.Allow)
        => new(id, owner, side, OrderType.ImmediateOrCancel, price, quantity, stp);

    public static OrderRequest FillOrKill(long id, Side side, long price, long quantity, int owner = 0, SelfTradePrevention stp = SelfTradePrevention.Allow)
        => new(id, owner, side, OrderType.FillOrKill, price, quantity, stp);

    public static OrderRequest PostOnly(long id, Side side, long price, long quantity, int owner = 0, SelfTradePrevention stp = SelfTradePrevention.Allow)
        => new(id, owner, side, OrderType.PostOnly, price, quantity, stp);
}
