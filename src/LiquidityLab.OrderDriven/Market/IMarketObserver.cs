using LiquidityLab.Core.Domain;
using LiquidityLab.OrderBook.Views;

namespace LiquidityLab.OrderDriven.Market;

/// <summary>One fill on the exchange, in ticks and lots.</summary>
public readonly record struct TradePrint(long Time, Side AggressorSide, long Price, long Quantity, int Aggressor, int Resting,
    long AggressorOrderId, long RestingOrderId);

/// <summary>
/// One aggressive order (it traded on arrival) and the mid around it, all from the book: just before it
/// arrived, just after it was matched, and at <c>horizon</c> later (NaN if the session ended first).
/// <see cref="MakersHit"/> has bit i set when maker i was filled by it.
/// </summary>
public readonly record struct ImpactRecord(long Time, int Agent, Side Side, long Size, long Filled, double MidBefore, double MidAfter,
    double MidAtHorizon, ulong MakersHit);

/// <summary>The book at a sample time: L1, the depth (lots) of the top levels, and the trades since the last sample.</summary>
public readonly record struct MarketSample(long Time, double Mid, long Bid, long BidQuantity, long Ask, long AskQuantity, long BidDepth, long AskDepth,
    long Volume, int Trades, int RestingOrders);

/// <summary>One maker's books at a sample time (currency), its true and seen position, and its quotes (ticks, 0 = none).</summary>
public readonly record struct MakerSample(long Time, int Maker, long Position, long SeenPosition, long OpenBuy, long OpenSell, decimal Cash, decimal Total,
    decimal Realized, decimal Unrealized, decimal SpreadCapture, decimal InventoryPnl, decimal Fees, long QuoteBid, long QuoteAsk);

/// <summary>Receives what a run produces, as it happens, so nothing of the day's length is held in memory.</summary>
public interface IMarketObserver
{
    void OnTrade(in TradePrint trade);
    void OnImpact(in ImpactRecord impact);
    void OnSample(in MarketSample sample, ReadOnlySpan<LevelView> bids, ReadOnlySpan<LevelView> asks);
    void OnMakerSample(in MakerSample sample);
    /// <summary>One (time bin, price) cell with resting quantity at the bin's end or traded quantity in it.</summary>
    void OnHeatmapCell(long binStart, long price, long resting, long traded);
}

/// <summary>Discards everything (benchmarks, tests that read the kernel's state).</summary>
public sealed class NullObserver : IMarketObserver
{
    public static NullObserver Instance { get; } = new();
    public void OnTrade(in TradePrint trade) { }
    public void OnImpact(in ImpactRecord impact) { }
    public void OnSample(in MarketSample sample, ReadOnlySpan<LevelView> bids, ReadOnlySpan<LevelView> asks) { }
    public void OnMakerSample(in MakerSample sample) { }
    public void OnHeatmapCell(long binStart, long price, long resting, long traded) { }
}
