using LiquidityLab.Core.Domain;
using LiquidityLab.Core.Time;

namespace LiquidityLab.OrderBook.Lobster;

/// <summary>LOBSTER message types (column 2 of a message file).</summary>
public enum LobsterEventType : byte
{
    /// <summary>1: a new visible limit order.</summary>
    Submission = 1,

    /// <summary>2: part of a resting order cancelled (Size is the amount removed).</summary>
    Cancellation = 2,

    /// <summary>3: a resting order deleted entirely.</summary>
    Deletion = 3,

    /// <summary>4: a visible resting order executed (Size is the amount traded).</summary>
    Execution = 4,

    /// <summary>5: a hidden order executed; the visible book does not change (OrderID is 0).</summary>
    HiddenExecution = 5,

    /// <summary>6: a cross trade (auction); the visible book does not change.</summary>
    CrossTrade = 6,

    /// <summary>7: trading halt / quoting / resume indicator (Price −1, 0, 1); the book does not change.</summary>
    TradingHalt = 7,
}

/// <summary>
/// One row of a LOBSTER message file. Prices are USD × 10,000 (one cent = 100); sizes are shares.
/// <see cref="Direction"/> is +1 for a buy limit order, −1 for a sell limit order; for executions it is the
/// side of the resting order, so −1 means a buyer-initiated trade.
/// </summary>
public readonly record struct LobsterMessage(SimTime Time, LobsterEventType Type, long OrderId, long Size, long Price, int Direction)
{
    /// <summary>The side of the (resting) limit order the message is about.</summary>
    public Side Side => Direction == 1 ? Side.Buy : Side.Sell;

    /// <summary>True for the types that change the visible book (1–4).</summary>
    public bool ChangesVisibleBook => Type is >= LobsterEventType.Submission and <= LobsterEventType.Execution;
}

/// <summary>
/// One row of a LOBSTER orderbook file: the visible book after the message of the same row, for
/// <see cref="Levels"/> occupied price levels per side, best first. Missing levels hold LOBSTER's dummy
/// values (ask 9999999999, bid −9999999999, size 0); <see cref="HasAsk"/>/<see cref="HasBid"/> tell them apart.
/// </summary>
public sealed class LobsterBookRow
{
    public const long EmptyAskPrice = 9_999_999_999;
    public const long EmptyBidPrice = -9_999_999_999;

    private readonly long[] _values;

    /// <param name="values">4 values per level: ask price, ask size, bid price, bid size.</param>
    public LobsterBookRow(long[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length == 0 || values.Length % 4 != 0) throw new ArgumentException($"a row has 4 values per level; got {values.Length}", nameof(values));
        _values = values;
    }

    public int Levels => _values.Length / 4;

    public long AskPrice(int level) => _values[4 * level];
    public long AskSize(int level) => _values[4 * level + 1];
    public long BidPrice(int level) => _values[4 * level + 2];
    public long BidSize(int level) => _values[4 * level + 3];

    public bool HasAsk(int level) => level < Levels && AskPrice(level) != EmptyAskPrice && AskSize(level) > 0;
    public bool HasBid(int level) => level < Levels && BidPrice(level) != EmptyBidPrice && BidSize(level) > 0;

    public long Price(Side side, int level) => side == Side.Buy ? BidPrice(level) : AskPrice(level);
    public long Size(Side side, int level) => side == Side.Buy ? BidSize(level) : AskSize(level);
    public bool Has(Side side, int level) => side == Side.Buy ? HasBid(level) : HasAsk(level);
}

/// <summary>
/// The level-1 quote after one message: time, best bid and ask with their sizes. A missing side has
/// price null and size 0. Prices in USD × 10,000.
/// </summary>
public readonly record struct LobsterQuote(SimTime Time, long? BidPrice, long BidSize, long? AskPrice, long AskSize)
{
    /// <summary>Ask − bid, when both sides are present.</summary>
    public long? Spread => BidPrice is { } b && AskPrice is { } a ? a - b : null;

    /// <summary>(bid + ask) / 2 in USD × 10,000, when both sides are present.</summary>
    public double? Mid => BidPrice is { } b && AskPrice is { } a ? (a + b) / 2.0 : null;
}

/// <summary>A LOBSTER file that does not follow the format: names file, line and what was expected.</summary>
public sealed class LobsterFormatException(string file, int line, string message)
    : FormatException($"{file}:{line}: {message}")
{
    public string File { get; } = file;
    public int Line { get; } = line;
}
