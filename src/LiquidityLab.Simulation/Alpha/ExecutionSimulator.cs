using LiquidityLab.Core.Domain;
using LiquidityLab.Core.Randomness;

namespace LiquidityLab.Simulation.Alpha;

/// <summary>Execution realism: latency, partial fills and the slippage of market orders.</summary>
/// <param name="LatencyNanos">A quote decided at t rests from t + latency; until then the previous quote is live (stale).</param>
/// <param name="PartialFills">When true a hit fills a uniform 1..size lots; otherwise the whole size.</param>
/// <param name="SlippageFixed">Market orders pay this much beyond the half-spread, price units.</param>
/// <param name="SlippageBps">And this many basis points of the mid on top.</param>
/// <param name="TakerHalfSpread">Half-spread a market order crosses when the data has no top of book, price units.</param>
public sealed record ExecutionSettings(long LatencyNanos = 0, bool PartialFills = false, double SlippageFixed = 0, double SlippageBps = 0, double TakerHalfSpread = 0);

/// <summary>A quote as sent: prices in ticks, a side withheld when its size is 0, and the mid it was priced from.</summary>
public readonly record struct PostedQuote(long DecidedAt, long BidTicks, long BidSize, long AskTicks, long AskSize, double MidAtDecision)
{
    public bool HasBid => BidSize > 0;
    public bool HasAsk => AskSize > 0;
}

/// <summary>
/// One execution. Side is the maker's own side (a hit bid is a Buy). Edge is what the fill earned
/// against the mid at fill time, per lot (negative for a market order: what it paid); LatencyCost is
/// the edge the quote had at decision minus the edge at fill time, per lot (0 without latency).
/// </summary>
public readonly record struct Execution(long TimeNanos, Side Side, long Lots, double Price, double Mid, bool Maker, double Edge, double LatencyCost, double Slippage);

/// <summary>
/// Judges the live quotes against the mid at fill time. Each side draws its own uniform from its own
/// stream on every bar, quoted or not (so two set-ups on the same seed see the same draws: common
/// random numbers), and fills when the draw is below the fill model's probability: the sides are
/// independent and a symmetric quote has no side bias. A fill never takes |inventory| past the limit
/// passed in (the venue's risk check also applies to stale quotes).
/// </summary>
public sealed class ExecutionSimulator
{
    private readonly IFillModel _model;
    private readonly ExecutionSettings _settings;
    private readonly RandomStream _bid, _ask;
    private readonly Queue<PostedQuote> _pending = new();
    private readonly Instrument _instrument;
    private readonly double _tick;
    private PostedQuote? _live;

    public ExecutionSimulator(Instrument instrument, IFillModel model, ExecutionSettings settings, RandomStream bidDraws, RandomStream askDraws)
    {
        _instrument = instrument;
        _tick = (double)instrument.TickSize;
        _model = model;
        _settings = settings;
        _bid = bidDraws;
        _ask = askDraws;
    }

    /// <summary>The quote resting now (after the latest <see cref="Judge"/>), or null.</summary>
    public PostedQuote? Live => _live;

    public void Submit(in PostedQuote quote) => _pending.Enqueue(quote);

    /// <summary>Cancels everything at once (flattening): pending quotes and the live one.</summary>
    public void CancelAll()
    {
        _pending.Clear();
        _live = null;
    }

    /// <summary>
    /// Makes due quotes live and judges them at time <paramref name="time"/> against <paramref name="mid"/>.
    /// Writes up to two executions; returns how many.
    /// </summary>
    public int Judge(long time, double mid, long inventory, long limit, Span<Execution> into, out int sidesQuoted)
    {
        while (_pending.Count > 0 && _pending.Peek().DecidedAt + _settings.LatencyNanos <= time) _live = _pending.Dequeue();
        var uBid = _bid.NextDouble();
        var sBid = _bid.NextDouble();
        var uAsk = _ask.NextDouble();
        var sAsk = _ask.NextDouble();
        sidesQuoted = 0;
        var n = 0;
        if (_live is not { } q) return 0;
        if (q.HasBid)
        {
            sidesQuoted++;
            var price = q.BidTicks * _tick;
            var lots = Lots(q.BidSize, uBid, sBid, mid - price);
            lots = Math.Min(lots, Room(limit, inventory));
            if (lots > 0)
            {
                into[n++] = new Execution(time, Side.Buy, lots, price, mid, true, mid - price, (q.MidAtDecision - price) - (mid - price), 0);
                inventory += lots;
            }
        }
        if (q.HasAsk)
        {
            sidesQuoted++;
            var price = q.AskTicks * _tick;
            var lots = Lots(q.AskSize, uAsk, sAsk, price - mid);
            lots = Math.Min(lots, Room(limit, -inventory));
            if (lots > 0)
                into[n++] = new Execution(time, Side.Sell, lots, price, mid, true, price - mid, (price - q.MidAtDecision) - (price - mid), 0);
        }
        return n;
    }

    // lots that can still be bought before the long limit (long.MaxValue: no limit)
    private static long Room(long limit, long inventory) => limit == long.MaxValue ? long.MaxValue : Math.Max(0, limit - inventory);

    private long Lots(long size, double u, double s, double distance)
    {
        if (!(u < _model.Probability(distance))) return 0;
        return _settings.PartialFills ? Math.Min(size, 1 + (long)(s * size)) : size;
    }

    /// <summary>A market order of <paramref name="lots"/> on <paramref name="side"/>: it crosses the half-spread and pays the slippage, rounded to the tick against itself.</summary>
    public Execution Market(long time, Side side, long lots, double mid, double? marketHalfSpread)
    {
        var half = marketHalfSpread ?? _settings.TakerHalfSpread;
        var slip = _settings.SlippageFixed + _settings.SlippageBps * 1e-4 * mid;
        var raw = side == Side.Buy ? mid + half + slip : mid - half - slip;
        var price = (side == Side.Buy ? _instrument.CeilToTick(raw) : _instrument.FloorToTick(raw)).Ticks * _tick;
        var paid = side == Side.Buy ? price - mid : mid - price;
        return new Execution(time, side, lots, price, mid, false, -paid, 0, slip);
    }
}
