namespace LiquidityLab.OrderBook.Events;

/// <summary>Why a request was refused. A rejected request changes nothing in the book.</summary>
public enum RejectReason : byte
{
    /// <summary>Cancel or modify of an id that is not resting in the book.</summary>
    UnknownOrderId = 1,

    /// <summary>A new order reuses the id of an order that is still resting.</summary>
    DuplicateOrderId = 2,

    /// <summary>Quantity is zero or negative.</summary>
    NonPositiveQuantity = 3,

    /// <summary>Price is not a whole multiple of the book's tick size.</summary>
    OffTickGrid = 4,

    /// <summary>Price is outside the book's band [MinPrice, MaxPrice] (for a repriced post-only order: its new price is).</summary>
    OutsidePriceBand = 5,

    /// <summary>A post-only order would cross the opposite best price and the book is set to reject it.</summary>
    PostOnlyWouldCross = 6,

    /// <summary>The order type or self-trade setting is not one the book knows.</summary>
    InvalidOrderType = 7,
}

/// <summary>Why (part of) an order left the book without trading.</summary>
public enum CancelReason : byte
{
    /// <summary>The owner asked for it.</summary>
    Requested = 1,

    /// <summary>The unfilled remainder of an immediate-or-cancel order.</summary>
    ImmediateOrCancelRemainder = 2,

    /// <summary>The unfilled remainder of a market order: the other side ran out.</summary>
    MarketRemainder = 3,

    /// <summary>A fill-or-kill order that could not be filled completely; nothing traded.</summary>
    FillOrKillUnfilled = 4,

    /// <summary>Self-trade prevention removed it (the resting order, or the incoming remainder).</summary>
    SelfTradePrevention = 5,
}

/// <summary>Which request a rejection answers.</summary>
public enum RequestKind : byte
{
    Submit = 1,
    Cancel = 2,
    Modify = 3,
}
