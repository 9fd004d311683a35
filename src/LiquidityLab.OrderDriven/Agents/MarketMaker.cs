using LiquidityLab.Core.Domain;
using LiquidityLab.OrderBook.Orders;
using LiquidityLab.OrderDriven.Kernel;

namespace LiquidityLab.OrderDriven.Agents;

/// <summary>
/// A market maker on the book. It subscribes to market data, keeps its last L1 as its view of the
/// market, and requotes on its timer and on updates (at most once per <see cref="MinRequoteNs"/>) with
/// cancel/replace of post-only orders. Two rules hold whatever the strategy:
/// the hard inventory limit counts every lot it has out (<see cref="OrderTracker.WorstLong"/> and
/// <see cref="OrderTracker.WorstShort"/>), so fills it has not yet seen can never take it past the limit;
/// and a new bid is always below every sell order it may still have on the book (and a new ask above
/// every buy), so it never crosses its own quotes.
/// </summary>
public abstract class MarketMaker(string name, long inventoryLimit, long orderSize, long requoteEveryNs, long minRequoteNs) : Agent(name)
{
    private long _lastQuote = long.MinValue;
    private readonly List<long> _bidPrices = [];
    private readonly List<long> _askPrices = [];

    public long InventoryLimit { get; } = inventoryLimit;
    public long OrderSize { get; } = orderSize;
    public long RequoteEveryNs { get; } = requoteEveryNs;
    public long MinRequoteNs { get; } = minRequoteNs;

    public override bool SubscribesToMarketData => true;

    /// <summary>The last L1 the maker has received (its view of the market, delayed by its latency).</summary>
    protected MarketUpdate View { get; private set; }
    protected bool HasView { get; private set; }

    /// <summary>
    /// The ladder to quote now, in ticks: bids best first, asks best first (empty = no quote on that side),
    /// and the size per order. Called on every requote.
    /// </summary>
    protected abstract void Desired(MarketKernel kernel, List<long> bids, List<long> asks, out long size);

    /// <summary>Hook for estimators: every update reaches it before any requote.</summary>
    protected virtual void Observe(MarketKernel kernel, in MarketUpdate update) { }

    protected internal override void OnStart(MarketKernel kernel)
    {
        if (RequoteEveryNs > 0) kernel.WakeAt(this, kernel.Setup.StartNs + FirstWake(kernel));
    }

    /// <summary>When the first timer fires after the start; by default at once.</summary>
    protected virtual long FirstWake(MarketKernel kernel) => 0;

    /// <summary>Delay to the next timer; by default the fixed requote period.</summary>
    protected virtual long NextWake(MarketKernel kernel) => RequoteEveryNs;

    protected internal override void OnWake(MarketKernel kernel, int tag)
    {
        Requote(kernel);
        if (RequoteEveryNs > 0) kernel.WakeAt(this, kernel.Now + Math.Max(1, NextWake(kernel)));
    }

    protected internal override void OnMarketData(MarketKernel kernel, in MarketUpdate update)
    {
        View = update;
        HasView = true;
        Observe(kernel, update);
        if (MinRequoteNs >= 0 && kernel.Now - _lastQuote >= MinRequoteNs) Requote(kernel);
    }

    /// <summary>Cancel what no longer fits the desired ladder, then send what is missing, within the limit.</summary>
    protected void Requote(MarketKernel kernel)
    {
        _lastQuote = kernel.Now;
        _bidPrices.Clear();
        _askPrices.Clear();
        Desired(kernel, _bidPrices, _askPrices, out var size);
        // never take liquidity on purpose: stay behind the opposite touch as seen
        for (var i = 0; i < _bidPrices.Count; i++)
            if (HasView && View.HasAsk && _bidPrices[i] >= View.Ask) _bidPrices[i] = View.Ask - 1;
        for (var i = 0; i < _askPrices.Count; i++)
            if (HasView && View.HasBid && _askPrices[i] <= View.Bid) _askPrices[i] = View.Bid + 1;
        QuoteSide(kernel, Side.Buy, _bidPrices, size);
        QuoteSide(kernel, Side.Sell, _askPrices, size);
    }

    private void QuoteSide(MarketKernel kernel, Side side, List<long> prices, long size)
    {
        // keep live orders already at a wanted price, cancel the rest
        var o = Orders;
        for (var i = 0; i < o.Count; i++)
        {
            var t = o[i];
            if (t.Side != side || t.CancelSent) continue;
            var wanted = prices.IndexOf(t.Price);
            if (wanted >= 0) prices[wanted] = long.MinValue; // already there
            else
            {
                kernel.Cancel(this, t.Id);
                kernel.MakerAccounts[MakerIndex(kernel)].CancelsSent++;
            }
        }
        var ownOpposite = OwnExtreme(side.Opposite());
        foreach (var p in prices)
        {
            if (p == long.MinValue || p < kernel.Setup.MinPrice || p > kernel.Setup.MaxPrice) continue;
            if (side == Side.Buy ? p >= ownOpposite : p <= ownOpposite) continue; // would cross our own quote
            var room = side == Side.Buy ? InventoryLimit - o.WorstLong : InventoryLimit + o.WorstShort;
            var q = Math.Min(size, room);
            if (q <= 0) break;
            kernel.Submit(this, side, OrderType.PostOnly, p, q);
            var account = kernel.MakerAccounts[MakerIndex(kernel)];
            account.OrdersSent++;
            account.SubmittedQuantity += q;
        }
    }

    private int _makerIndex = -1;

    private int MakerIndex(MarketKernel kernel)
    {
        if (_makerIndex < 0)
            for (var i = 0; i < kernel.Makers.Count; i++)
                if (ReferenceEquals(kernel.Makers[i], this)) _makerIndex = i;
        return _makerIndex;
    }

    /// <summary>The lowest sell (or highest buy) it may still have on the book, cancel requested or not.</summary>
    private long OwnExtreme(Side side)
    {
        var extreme = side == Side.Sell ? long.MaxValue : long.MinValue;
        for (var i = 0; i < Orders.Count; i++)
        {
            var t = Orders[i];
            if (t.Side != side) continue;
            extreme = side == Side.Sell ? Math.Min(extreme, t.Price) : Math.Max(extreme, t.Price);
        }
        return extreme;
    }

    /// <summary>Its best acknowledged, live bid and ask (0 = none): what time at the touch is measured on.</summary>
    public (long Bid, long Ask) RestingQuotes()
    {
        long bid = 0, ask = 0;
        for (var i = 0; i < Orders.Count; i++)
        {
            var t = Orders[i];
            if (!t.Acknowledged || t.CancelSent) continue;
            if (t.Side == Side.Buy) bid = Math.Max(bid, t.Price);
            else ask = ask == 0 ? t.Price : Math.Min(ask, t.Price);
        }
        return (bid, ask);
    }

    /// <summary>
    /// The price it quotes around, in ticks: the mid of its view; with one side seen, that side; with
    /// nothing seen, the opening reference price (the latent value at the start); NaN without any.
    /// </summary>
    protected double Reference(MarketKernel kernel)
    {
        if (HasView && View.HasTwoSides) return View.Mid;
        if (HasView && View.HasBid) return View.Bid + 1;
        if (HasView && View.HasAsk) return View.Ask - 1;
        return kernel.Value?.At(kernel.Setup.StartNs) ?? double.NaN;
    }
}
