using LiquidityLab.Core.Domain;
using LiquidityLab.OrderBook.Views;
using LiquidityLab.OrderDriven.Agents;
using LiquidityLab.OrderDriven.Kernel;
using LiquidityLab.OrderDriven.Market;
using LiquidityLab.Scenarios.Running;

namespace LiquidityLab.Scenarios.OrderDriven;

/// <summary>
/// Passes everything on to the run's own observer and, when the live feed is due, publishes one frame of
/// a sample time: the book's mid, best bid and best ask, each maker's quotes, inventory and PnL, and the
/// first few maker fills since the previous frame. Between frames it only counts maker fills, so the feed
/// costs the kernel a timestamp read per sample and a lookup per trade. Times are seconds since the open.
/// </summary>
internal sealed class OrderDrivenLiveObserver : IMarketObserver
{
    private readonly IMarketObserver _inner;
    private readonly ILiveFeed _feed;
    private readonly MarketSetup _setup;
    private readonly double _tick;
    private readonly string[] _agentNames;
    private readonly bool[] _isMaker;
    private readonly string[] _makerNames;
    private readonly LiveFillSample<TradePrint> _fills = new();
    private List<LiveValue>? _values;
    private long _frameTime;
    private int _frameMakers;

    public OrderDrivenLiveObserver(IMarketObserver inner, ILiveFeed feed, MarketSetup setup, IReadOnlyList<Agent> agents, IReadOnlyList<string> makerNames)
    {
        _inner = inner;
        _feed = feed;
        _setup = setup;
        _tick = (double)setup.TickSize;
        _agentNames = agents.Select(a => a.Name).ToArray();
        _isMaker = agents.Select(a => a is MarketMaker).ToArray();
        _makerNames = makerNames.ToArray();
    }

    private double Seconds(long ns) => (ns - _setup.StartNs) / 1e9;

    public void OnTrade(in TradePrint trade)
    {
        _inner.OnTrade(trade);
        if (!_isMaker[trade.Resting] && !_isMaker[trade.Aggressor]) return;
        _fills.Add(trade);
    }

    public void OnImpact(in ImpactRecord impact) => _inner.OnImpact(impact);

    public void OnHeatmapCell(long binStart, long price, long resting, long traded) => _inner.OnHeatmapCell(binStart, price, resting, traded);

    public void OnSample(in MarketSample sample, ReadOnlySpan<LevelView> bids, ReadOnlySpan<LevelView> asks)
    {
        _inner.OnSample(sample, bids, asks);
        if (_values is not null || !(_feed.Due() || sample.Time >= _setup.EndNs)) return;
        _frameTime = sample.Time;
        _frameMakers = 0;
        _values = new List<LiveValue>(3 + 4 * _makerNames.Length);
        if (double.IsFinite(sample.Mid) && sample.Mid > 0) _values.Add(new("price", "mid", sample.Mid * _tick));
        if (sample.BidQuantity > 0) _values.Add(new("price", "best bid", sample.Bid * _tick));
        if (sample.AskQuantity > 0) _values.Add(new("price", "best ask", sample.Ask * _tick));
        if (_makerNames.Length == 0) Flush();
    }

    public void OnMakerSample(in MakerSample sample)
    {
        _inner.OnMakerSample(sample);
        if (_values is null || sample.Time != _frameTime) return;
        var name = _makerNames[sample.Maker];
        if (sample.QuoteBid != 0) _values.Add(new("price", name + " bid", sample.QuoteBid * _tick));
        if (sample.QuoteAsk != 0) _values.Add(new("price", name + " ask", sample.QuoteAsk * _tick));
        _values.Add(new("inventory", name, sample.Position));
        _values.Add(new("pnl", name, (double)sample.Total));
        if (++_frameMakers == _makerNames.Length) Flush();
    }

    private void Flush()
    {
        var fills = _fills.Take(t =>
        {
            // the maker's side: the resting side when the maker rested, else the aggressor's
            var makerRested = _isMaker[t.Resting];
            var makerBought = makerRested ? t.AggressorSide == Side.Sell : t.AggressorSide == Side.Buy;
            return new LiveFill(Seconds(t.Time), _agentNames[makerRested ? t.Resting : t.Aggressor], makerBought ? "buy" : "sell", t.Quantity, t.Price * _tick);
        });
        var span = _setup.EndNs - _setup.StartNs;
        _feed.Publish(new LiveFrame(Seconds(_frameTime), span > 0 ? Math.Clamp((double)(_frameTime - _setup.StartNs) / span, 0, 1) : 1, _values!, fills, _fills.Total));
        _values = null;
    }
}
