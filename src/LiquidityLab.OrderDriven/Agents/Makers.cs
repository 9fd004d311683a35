using LiquidityLab.OrderDriven.Kernel;
using LiquidityLab.Strategies.Optimal;
using LiquidityLab.Strategies.Quoting;

namespace LiquidityLab.OrderDriven.Agents;

/// <summary>
/// Quotes a fixed spread around its view's mid shifted by recent order flow: centre = mid + skew × (aggressive
/// buy orders − aggressive sell orders seen in the last window), so it leans with the flow it has seen.
/// </summary>
public sealed class FlowSkewMaker(string name, long inventoryLimit, long orderSize, double spreadTicks, double skewTicksPerOrder, long windowNs,
    long requoteEveryNs, long minRequoteNs) : MarketMaker(name, inventoryLimit, orderSize, requoteEveryNs, minRequoteNs)
{
    private readonly Queue<(long Time, int Sign)> _flow = new();
    private int _net;

    public int NetFlow => _net;

    protected override void Observe(MarketKernel kernel, in MarketUpdate update)
    {
        for (var i = 0; i < update.AggressiveBuys; i++) { _flow.Enqueue((kernel.Now, 1)); _net++; }
        for (var i = 0; i < update.AggressiveSells; i++) { _flow.Enqueue((kernel.Now, -1)); _net--; }
        while (_flow.Count > 0 && _flow.Peek().Time <= kernel.Now - windowNs) _net -= _flow.Dequeue().Sign;
    }

    protected override void Desired(MarketKernel kernel, List<long> bids, List<long> asks, out long size)
    {
        size = OrderSize;
        var mid = Reference(kernel);
        if (double.IsNaN(mid)) return;
        var centre = mid + skewTicksPerOrder * _net;
        bids.Add((long)Math.Floor(centre - spreadTicks / 2));
        asks.Add((long)Math.Ceiling(centre + spreadTicks / 2));
    }
}

/// <summary>Quotes with the strategies library's <see cref="InventorySkewQuoting"/> on the position it has seen (ticks, lots).</summary>
public sealed class InventorySkewMaker(string name, long inventoryLimit, long orderSize, double spreadTicks, double skewTicksPerLot,
    long requoteEveryNs, long minRequoteNs) : MarketMaker(name, inventoryLimit, orderSize, requoteEveryNs, minRequoteNs)
{
    private readonly InventorySkewQuoting _policy = new(spreadTicks, skewTicksPerLot);

    protected override void Desired(MarketKernel kernel, List<long> bids, List<long> asks, out long size)
    {
        size = OrderSize;
        var mid = Reference(kernel);
        if (double.IsNaN(mid)) return;
        var q = _policy.Quote(new QuoteContext(mid, Orders.Position, 0, kernel.Now / 1e9));
        bids.Add((long)Math.Floor(q.Bid));
        asks.Add((long)Math.Ceiling(q.Ask));
    }
}

/// <summary>
/// Avellaneda–Stoikov on the live book (ticks, lots, seconds): σ² is estimated from its view's mid changes
/// (squared changes over elapsed time, both decayed with a half-life), and the fill-intensity decay k from
/// how far aggressive orders reach into the book (for λ(δ) = A·e^(−kδ) the reach of an order is exponential
/// with mean 1/k, so k̂ = 1 / mean reach). Quotes r ± spread/2 with the library's reservation price and
/// spread; time left is min(session end − now, horizon).
/// </summary>
public sealed class AvellanedaStoikovMaker(string name, long inventoryLimit, long orderSize, double gamma, double horizonSeconds, double halfLifeSeconds,
    double initialSigmaTicks, double initialK, long requoteEveryNs, long minRequoteNs) : MarketMaker(name, inventoryLimit, orderSize, requoteEveryNs, minRequoteNs)
{
    private double _sumSq, _sumDt, _lastMid = double.NaN;
    private long _lastTime;
    private double _reachSum, _reachCount;

    public double Sigma => _sumDt > 0 && _sumSq > 0 ? Math.Sqrt(_sumSq / _sumDt) : initialSigmaTicks;
    public double K => _reachCount >= 5 && _reachSum > 0 ? Math.Max(0.05, _reachCount / _reachSum) : initialK;

    protected override void Observe(MarketKernel kernel, in MarketUpdate u)
    {
        if (u.HasTwoSides)
        {
            var mid = u.Mid;
            if (!double.IsNaN(_lastMid))
            {
                var dt = (kernel.Now - _lastTime) / 1e9;
                var decay = Math.Pow(0.5, dt / halfLifeSeconds);
                _sumSq = _sumSq * decay + (mid - _lastMid) * (mid - _lastMid);
                _sumDt = _sumDt * decay + dt;
            }
            _lastMid = mid;
            _lastTime = kernel.Now;
        }
        if (u.TradedVolume > 0)
        {
            _reachSum = _reachSum * 0.99 + Math.Max(0.5, u.ReachTicks);
            _reachCount = _reachCount * 0.99 + 1;
        }
    }

    protected override void Desired(MarketKernel kernel, List<long> bids, List<long> asks, out long size)
    {
        size = OrderSize;
        var mid = Reference(kernel);
        if (double.IsNaN(mid)) return;
        var left = Math.Max(0, Math.Min((kernel.Setup.EndNs - kernel.Now) / 1e9, horizonSeconds));
        var sigma = Sigma;
        var r = AvellanedaStoikov.ReservationPrice(mid, Orders.Position, gamma, sigma, left);
        var spread = Math.Max(1, AvellanedaStoikov.Spread(gamma, K, sigma, left));
        bids.Add((long)Math.Floor(r - spread / 2));
        asks.Add((long)Math.Ceiling(r + spread / 2));
    }
}

/// <summary>
/// An adaptive percentage-of-volume maker in the manner of ABIDES's RMSC04 makers: wakes at Poisson times,
/// sizes each level at pov × the volume traded since its last wake (at least a minimum), estimates the
/// spread as an exponential average of the spread it sees, and quotes a ladder of levels each side spaced
/// by a number of ticks around its mid, shifted by − skew_beta × position and + price_skew × L1 imbalance.
/// </summary>
public sealed class AdaptivePovMaker(string name, long inventoryLimit, double pov, long minSize, int levels, long levelSpacing, double wakeMeanSeconds,
    double spreadAlpha, double skewBeta, double priceSkew) : MarketMaker(name, inventoryLimit, minSize, (long)(wakeMeanSeconds * 1e9), -1)
{
    private long _volume;
    private double _spread = double.NaN;

    protected override long FirstWake(MarketKernel kernel) => (long)(Rng.Exponential(1.0 / wakeMeanSeconds) * 1e9);
    protected override long NextWake(MarketKernel kernel) => (long)(Rng.Exponential(1.0 / wakeMeanSeconds) * 1e9);

    protected override void Observe(MarketKernel kernel, in MarketUpdate update) => _volume += update.TradedVolume;

    protected override void Desired(MarketKernel kernel, List<long> bids, List<long> asks, out long size)
    {
        size = Math.Max(OrderSize, (long)Math.Round(pov * _volume));
        _volume = 0;
        var mid = Reference(kernel);
        if (double.IsNaN(mid)) return;
        if (HasView && View.HasTwoSides)
            _spread = double.IsNaN(_spread) ? View.Ask - View.Bid : spreadAlpha * (View.Ask - View.Bid) + (1 - spreadAlpha) * _spread;
        var half = Math.Max(1, double.IsNaN(_spread) ? 1 : _spread / 2);
        var imbalance = HasView && View.HasTwoSides ? (View.BidQuantity - View.AskQuantity) / (double)(View.BidQuantity + View.AskQuantity) : 0;
        var centre = mid - skewBeta * Orders.Position + priceSkew * imbalance;
        var bid = (long)Math.Floor(centre - half);
        var ask = (long)Math.Ceiling(centre + half);
        for (var i = 0; i < levels; i++)
        {
            bids.Add(bid - i * levelSpacing);
            asks.Add(ask + i * levelSpacing);
        }
    }
}
