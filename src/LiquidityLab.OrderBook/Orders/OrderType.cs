namespace LiquidityLab.OrderBook.Orders;

/// <summary>How an incoming order treats the book and what happens to its unfilled remainder.</summary>
public enum OrderType : byte
{
    /// <summary>Good till cancelled: trades what crosses, rests the remainder at its limit price.</summary>
    Limit = 0,

    /// <summary>No limit price: trades against the best prices until filled or the other side is empty; never rests.</summary>
    Market = 1,

    /// <summary>Trades what crosses at its limit price, cancels the remainder; never rests.</summary>
    ImmediateOrCancel = 2,

    /// <summary>Trades its whole quantity at once within its limit price, or nothing at all.</summary>
    FillOrKill = 3,

    /// <summary>Only ever rests (adds liquidity): if it would cross it is rejected or repriced, per <see cref="PostOnlyMode"/>.</summary>
    PostOnly = 4,
}

/// <summary>What a post-only order does when its price would cross the opposite best price.</summary>
public enum PostOnlyMode : byte
{
    /// <summary>Reject it with <c>RejectReason.PostOnlyWouldCross</c> (the default).</summary>
    Reject = 0,

    /// <summary>Move it one tick behind the opposite best price (a buy to best ask − 1 tick) and rest it there.</summary>
    Reprice = 1,
}

/// <summary>
/// Self-trade prevention: what happens when an incoming order meets a resting order of the same owner.
/// The incoming order's setting decides.
/// </summary>
public enum SelfTradePrevention : byte
{
    /// <summary>Orders of one owner trade with each other like any others (the default).</summary>
    Allow = 0,

    /// <summary>The resting order is cancelled and matching continues behind it.</summary>
    CancelResting = 1,

    /// <summary>Matching stops; the incoming order's remainder is cancelled (it never rests).</summary>
    CancelIncoming = 2,
}
