using LiquidityLab.Core.Domain;
using LiquidityLab.OrderBook.Orders;

namespace LiquidityLab.OrderBook.Matching;

/// <summary>
/// The fixed shape of one book: the price band it accepts and its tick grid, in the caller's integer
/// price units (e.g. ticks, or LOBSTER's USD×10000 with a tick of 100), and its post-only policy.
/// The band bounds the book's memory: one level slot per grid price per side.
/// </summary>
public sealed record BookOptions
{
    /// <summary>Largest number of grid prices a band may span (16 M per side).</summary>
    public const long MaxLevels = 1L << 24;

    /// <param name="minPrice">Lowest accepted price, inclusive; must lie on the grid.</param>
    /// <param name="maxPrice">Highest accepted price, inclusive; must lie on the grid.</param>
    /// <param name="tickSize">Grid spacing in price units (default 1: every integer price is valid).</param>
    public BookOptions(long minPrice, long maxPrice, long tickSize = 1)
    {
        if (tickSize <= 0) throw new ArgumentOutOfRangeException(nameof(tickSize), tickSize, "tick size must be > 0");
        if (minPrice % tickSize != 0) throw new ArgumentOutOfRangeException(nameof(minPrice), minPrice, $"min price must be a multiple of the tick size {tickSize}");
        if (maxPrice % tickSize != 0) throw new ArgumentOutOfRangeException(nameof(maxPrice), maxPrice, $"max price must be a multiple of the tick size {tickSize}");
        if (maxPrice < minPrice) throw new ArgumentOutOfRangeException(nameof(maxPrice), maxPrice, $"max price must be >= min price {minPrice}");
        var levels = (maxPrice - minPrice) / tickSize + 1;
        if (levels > MaxLevels) throw new ArgumentOutOfRangeException(nameof(maxPrice), maxPrice, $"band spans {levels} grid prices; at most {MaxLevels} allowed");
        MinPrice = minPrice;
        MaxPrice = maxPrice;
        TickSize = tickSize;
    }

    /// <summary>A band in whole ticks of an instrument (Core's <see cref="Price"/>), every tick valid.</summary>
    public static BookOptions ForTicks(Price min, Price max) => new(min.Ticks, max.Ticks);

    public long MinPrice { get; }
    public long MaxPrice { get; }
    public long TickSize { get; }

    /// <summary>Number of grid prices in the band.</summary>
    public int LevelCount => (int)((MaxPrice - MinPrice) / TickSize + 1);

    /// <summary>What a crossing post-only order does. Default: <see cref="PostOnlyMode.Reject"/>.</summary>
    public PostOnlyMode PostOnly { get; init; } = PostOnlyMode.Reject;

    /// <summary>Order slots reserved up front (the pool and the id index grow past it by doubling). Default 1024.</summary>
    public int InitialOrderCapacity { get; init; } = 1024;
}
