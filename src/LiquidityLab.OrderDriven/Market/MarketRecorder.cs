using LiquidityLab.Core.Domain;
using LiquidityLab.OrderBook.Views;
using LiquidityLab.OrderDriven.Agents;
using LiquidityLab.OrderDriven.Kernel;

namespace LiquidityLab.OrderDriven.Market;

/// <summary>
/// Turns the exchange's activity into the run's records as it goes: trades, market-impact rows (each
/// completed once its horizon has passed), maker markouts, periodic samples of the book and the makers,
/// and the heatmap bins. A pending row waits in a FIFO queue only until its horizon, so memory depends
/// on the horizons, not on the length of the day. The mid "at t + h" is the book's mid just before the
/// first event at or after t + h, which is the mid that held at t + h.
/// </summary>
internal sealed class MarketRecorder
{
    private struct PendingImpact
    {
        public long Due;
        public ImpactRecord Record;
    }

    private struct PendingMarkout
    {
        public long Due;
        public int Maker;
        public int Sign;
        public long Price;
        public long Quantity;
    }

    private readonly MarketKernel _kernel;
    private readonly MarketSetup _setup;
    private readonly IMarketObserver _observer;
    private readonly Queue<PendingImpact> _impacts = new();
    private readonly Queue<PendingMarkout>[] _markouts;
    private readonly long[] _horizonNs;
    private readonly long _impactNs;
    private readonly LevelView[] _bids;
    private readonly LevelView[] _asks;
    private readonly LevelView[] _heatBids;
    private readonly LevelView[] _heatAsks;
    private readonly Dictionary<long, long> _binTraded = new();
    private long _binStart;
    private long _intervalVolume;
    private int _intervalTrades;

    public MarketRecorder(MarketKernel kernel, MarketSetup setup, IMarketObserver observer)
    {
        _kernel = kernel;
        _setup = setup;
        _observer = observer;
        _horizonNs = setup.MarkoutHorizonsSeconds.Select(h => (long)Math.Round(h * 1e9)).ToArray();
        _markouts = _horizonNs.Select(_ => new Queue<PendingMarkout>()).ToArray();
        _impactNs = (long)Math.Round(setup.ImpactHorizonSeconds * 1e9);
        _bids = new LevelView[setup.DepthLevels];
        _asks = new LevelView[setup.DepthLevels];
        _heatBids = new LevelView[setup.HeatmapLevels];
        _heatAsks = new LevelView[setup.HeatmapLevels];
        _binStart = setup.StartNs;
        Statistics = kernel.Makers.Select(_ => new MakerStatistics(_horizonNs.Length)).ToArray();
    }

    public MakerStatistics[] Statistics { get; }

    public void Trade(in TradePrint t)
    {
        _intervalVolume += t.Quantity;
        _intervalTrades++;
        _binTraded.TryGetValue(t.Price, out var q);
        _binTraded[t.Price] = q + t.Quantity;
        _observer.OnTrade(t);
    }

    public void Aggressive(long time, int agent, Side side, long size, long filled, double midBefore, double midAfter, ulong makers) =>
        _impacts.Enqueue(new PendingImpact
        {
            Due = time + _impactNs,
            Record = new ImpactRecord(time, agent, side, size, filled, midBefore, midAfter, double.NaN, makers),
        });

    public void MakerFill(int maker, long time, Side side, long price, long quantity)
    {
        for (var h = 0; h < _markouts.Length; h++)
            _markouts[h].Enqueue(new PendingMarkout { Due = time + _horizonNs[h], Maker = maker, Sign = side.Sign(), Price = price, Quantity = quantity });
    }

    /// <summary>Completes every row whose horizon is at or before <paramref name="now"/>, with the mid that held then.</summary>
    public void AdvanceTo(long now, double mid)
    {
        while (_impacts.Count > 0 && _impacts.Peek().Due <= now)
        {
            var p = _impacts.Dequeue();
            _observer.OnImpact(p.Record with { MidAtHorizon = mid });
        }
        for (var h = 0; h < _markouts.Length; h++)
        {
            var q = _markouts[h];
            while (q.Count > 0 && q.Peek().Due <= now)
            {
                var m = q.Dequeue();
                if (!double.IsNaN(mid)) Statistics[m.Maker].Markout(h, m.Sign * (mid - m.Price) * m.Quantity, m.Quantity);
            }
        }
    }

    /// <summary>At the session's end: impact rows whose horizon was not reached are written with a NaN horizon mid.</summary>
    public void Finish(long now)
    {
        while (_impacts.Count > 0) _observer.OnImpact(_impacts.Dequeue().Record);
        FlushHeatmap(now);
    }

    public void Sample(long now)
    {
        var book = _kernel.Exchange.Book;
        var nb = book.GetDepth(Side.Buy, _bids);
        var na = book.GetDepth(Side.Sell, _asks);
        long bidDepth = 0, askDepth = 0;
        for (var i = 0; i < nb; i++) bidDepth += _bids[i].Quantity;
        for (var i = 0; i < na; i++) askDepth += _asks[i].Quantity;
        var mid = _kernel.Exchange.Mid;
        _observer.OnSample(new MarketSample(now, mid, nb > 0 ? _bids[0].Price : 0, nb > 0 ? _bids[0].Quantity : 0, na > 0 ? _asks[0].Price : 0,
            na > 0 ? _asks[0].Quantity : 0, bidDepth, askDepth, _intervalVolume, _intervalTrades, book.OrderCount), _bids.AsSpan(0, nb), _asks.AsSpan(0, na));
        _intervalVolume = 0;
        _intervalTrades = 0;

        var makers = _kernel.Makers;
        for (var i = 0; i < makers.Count; i++)
        {
            var maker = makers[i];
            var account = _kernel.MakerAccounts[i];
            var midTicks = double.IsNaN(mid) ? 0m : (decimal)mid;
            if (!double.IsNaN(mid)) account.Mark(midTicks);
            var (quoteBid, quoteAsk) = maker.RestingQuotes();
            var atBid = quoteBid != 0 && nb > 0 && quoteBid == _bids[0].Price;
            var atAsk = quoteAsk != 0 && na > 0 && quoteAsk == _asks[0].Price;
            var total = account.Total(midTicks);
            Statistics[i].Sample((double)total, account.Position, atBid, atAsk);
            _observer.OnMakerSample(new MakerSample(now, i, account.Position, maker.Orders.Position, maker.Orders.OpenBuy, maker.Orders.OpenSell,
                account.Cash, total, account.RealizedPnl, account.Unrealized(midTicks), account.SpreadCapture, account.InventoryPnl, account.Fees,
                quoteBid, quoteAsk));
        }
        if (now - _binStart >= _setup.HeatmapBinNs) FlushHeatmap(now);
    }

    private void FlushHeatmap(long now)
    {
        if (now <= _binStart && _binTraded.Count == 0) return;
        var book = _kernel.Exchange.Book;
        var nb = book.GetDepth(Side.Buy, _heatBids);
        var na = book.GetDepth(Side.Sell, _heatAsks);
        // one row per price with resting (at the bin's end) or traded (during the bin) quantity, in price order
        var cells = new SortedDictionary<long, (long Resting, long Traded)>();
        for (var i = 0; i < nb; i++) cells[_heatBids[i].Price] = (_heatBids[i].Quantity, 0);
        for (var i = 0; i < na; i++) cells[_heatAsks[i].Price] = (_heatAsks[i].Quantity, 0);
        foreach (var (price, traded) in _binTraded)
            cells[price] = (cells.TryGetValue(price, out var c) ? c.Resting : 0, traded);
        foreach (var (price, (resting, traded)) in cells) _observer.OnHeatmapCell(_binStart, price, resting, traded);
        _binTraded.Clear();
        _binStart = now;
    }
}
