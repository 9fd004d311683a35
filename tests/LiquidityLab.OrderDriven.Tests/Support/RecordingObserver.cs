using LiquidityLab.OrderBook.Views;
using LiquidityLab.OrderDriven.Market;

namespace LiquidityLab.OrderDriven.Tests.Support;

/// <summary>Keeps every trade and impact row; runs an optional check after each trade and sample.</summary>
public sealed class RecordingObserver : IMarketObserver
{
    public List<TradePrint> Trades { get; } = [];
    public List<ImpactRecord> Impacts { get; } = [];
    public List<MarketSample> Samples { get; } = [];
    public Action<TradePrint>? AfterTrade { get; set; }
    public Action<MarketSample>? AfterSample { get; set; }

    public void OnTrade(in TradePrint trade)
    {
        Trades.Add(trade);
        AfterTrade?.Invoke(trade);
    }

    public void OnImpact(in ImpactRecord impact) => Impacts.Add(impact);

    public void OnSample(in MarketSample sample, ReadOnlySpan<LevelView> bids, ReadOnlySpan<LevelView> asks)
    {
        Samples.Add(sample);
        AfterSample?.Invoke(sample);
    }

    public void OnMakerSample(in MakerSample sample) { }
    public void OnHeatmapCell(long binStart, long price, long resting, long traded) { }
}
