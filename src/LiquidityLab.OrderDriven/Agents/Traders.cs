using LiquidityLab.Core.Domain;
using LiquidityLab.Core.Randomness;
using LiquidityLab.OrderBook.Orders;
using LiquidityLab.OrderDriven.Kernel;

namespace LiquidityLab.OrderDriven.Agents;

/// <summary>When a trader wakes: Poisson arrivals at a rate, or once at a uniform time, inside [start, end] (ns).</summary>
public readonly record struct Arrivals(double RatePerSecond, bool Once, long StartNs, long EndNs)
{
    public long First(RandomStream rng) => Once ? StartNs + (long)(rng.NextDouble() * (EndNs - StartNs)) : Next(StartNs, rng);

    /// <summary>The next wake after <paramref name="now"/>, or long.MaxValue when there is none.</summary>
    public long Next(long now, RandomStream rng)
    {
        if (Once || !(RatePerSecond > 0)) return long.MaxValue;
        var t = now + (long)(rng.Exponential(RatePerSecond) * 1e9);
        return t <= EndNs ? t : long.MaxValue;
    }
}

/// <summary>A trader that wakes on its arrival process and polls the book's L1 when it does.</summary>
public abstract class PollingTrader(string name, Arrivals arrivals) : Agent(name)
{
    public Arrivals Arrivals { get; } = arrivals;

    protected internal override void OnStart(MarketKernel kernel) => Schedule(kernel, Arrivals.First(Rng));

    protected internal override void OnWake(MarketKernel kernel, int tag)
    {
        Act(kernel, kernel.Top);
        Schedule(kernel, Arrivals.Next(kernel.Now, Rng));
    }

    protected abstract void Act(MarketKernel kernel, in MarketUpdate top);

    private void Schedule(MarketKernel kernel, long time)
    {
        if (time <= kernel.Setup.EndNs) kernel.WakeAt(this, time);
    }

    /// <summary>Cancels its orders sent more than <paramref name="maxAgeNs"/> ago (all of them for 0).</summary>
    protected void CancelStale(MarketKernel kernel, long maxAgeNs)
    {
        for (var i = 0; i < Orders.Count; i++)
        {
            var o = Orders[i];
            if (!o.CancelSent && kernel.Now - o.SentAt >= maxAgeNs) kernel.Cancel(this, o.Id);
        }
    }

    /// <summary>The L1 mid, one side if only one is there, or the opening reference price.</summary>
    protected static double Reference(MarketKernel kernel, in MarketUpdate top) =>
        top.HasTwoSides ? top.Mid : top.HasBid ? top.Bid : top.HasAsk ? top.Ask : kernel.Value?.At(kernel.Setup.StartNs) ?? double.NaN;
}

/// <summary>
/// Noise: at each arrival a buy or a sell with equal odds; a market order with probability
/// <c>marketFraction</c>, else a limit order placed around its own side's touch, between
/// <c>behindTicks</c> behind it and <c>improveTicks</c> inside it (never crossing the opposite touch).
/// Orders older than <c>maxAgeNs</c> are cancelled when it next wakes.
/// </summary>
public sealed class NoiseTrader(string name, Arrivals arrivals, double marketFraction, SizeDistribution sizes, int behindTicks, int improveTicks, long maxAgeNs)
    : PollingTrader(name, arrivals)
{
    protected override void Act(MarketKernel kernel, in MarketUpdate top)
    {
        if (maxAgeNs > 0) CancelStale(kernel, maxAgeNs);
        var side = Rng.Bernoulli(0.5) ? Side.Buy : Side.Sell;
        var size = sizes.Sample(Rng);
        if (Rng.NextDouble() < marketFraction)
        {
            if (side == Side.Buy ? top.HasAsk : top.HasBid) kernel.SubmitMarket(this, side, size);
            return;
        }
        var reference = Reference(kernel, top);
        if (double.IsNaN(reference)) return;
        var offset = Rng.NextLong(-behindTicks, improveTicks); // > 0 improves on the touch
        long price;
        if (side == Side.Buy)
        {
            price = (top.HasBid ? top.Bid : (long)Math.Floor(reference) - 1) + offset;
            if (top.HasAsk && price >= top.Ask) price = top.Ask - 1;
        }
        else
        {
            price = (top.HasAsk ? top.Ask : (long)Math.Ceiling(reference) + 1) - offset;
            if (top.HasBid && price <= top.Bid) price = top.Bid + 1;
        }
        if (price < kernel.Setup.MinPrice || price > kernel.Setup.MaxPrice) return;
        kernel.SubmitLimit(this, side, price, size);
    }
}

/// <summary>
/// A value (fundamental) trader in the manner of ABIDES's value agents: at each arrival it observes the
/// latent value with Gaussian noise, updates its estimate by a Kalman step (prior variance grown by the
/// value's own variance rate), projects it to the close with its belief in mean reversion
/// (r_T = r̄ + (r̂ − r̄)·e^(−κ(T − t))), cancels its open orders, and buys below / sells above that value:
/// with probability <c>aggression</c> at the opposite touch (marketable), else a limit order up to
/// <c>depthTicks</c> inside its own touch, never beyond its value.
/// </summary>
public sealed class ValueTrader(string name, Arrivals arrivals, SizeDistribution sizes, double observationSd, double valueVariancePerSecond,
    double meanValue, double kappaPerSecond, double aggression, int depthTicks) : PollingTrader(name, arrivals)
{
    private double _estimate = double.NaN;
    private double _variance;
    private long _last;

    protected override void Act(MarketKernel kernel, in MarketUpdate top)
    {
        if (kernel.Value is not { } value) return;
        CancelStale(kernel, 0);
        var observed = value.At(kernel.Now) + Rng.Normal(0, observationSd);
        if (double.IsNaN(_estimate))
        {
            _estimate = observed;
            _variance = observationSd * observationSd;
        }
        else
        {
            var prior = _variance + valueVariancePerSecond * (kernel.Now - _last) / 1e9;
            var gain = prior / (prior + observationSd * observationSd);
            _estimate += gain * (observed - _estimate);
            _variance = (1 - gain) * prior;
        }
        _last = kernel.Now;
        var toClose = Math.Max(0, (kernel.Setup.EndNs - kernel.Now) / 1e9);
        var target = meanValue + (_estimate - meanValue) * Math.Exp(-kappaPerSecond * toClose);
        var mid = Reference(kernel, top);
        if (double.IsNaN(mid) || Math.Abs(target - mid) < 0.5) return;
        var side = target > mid ? Side.Buy : Side.Sell;
        var size = sizes.Sample(Rng);
        long price;
        if (Rng.NextDouble() < aggression && (side == Side.Buy ? top.HasAsk : top.HasBid))
            price = side == Side.Buy ? top.Ask : top.Bid;
        else if (side == Side.Buy)
            price = Math.Min((long)Math.Floor(target), (top.HasBid ? top.Bid : (long)Math.Floor(mid) - 1) + Rng.NextLong(0, depthTicks));
        else
            price = Math.Max((long)Math.Ceiling(target), (top.HasAsk ? top.Ask : (long)Math.Ceiling(mid) + 1) - Rng.NextLong(0, depthTicks));
        if (price < kernel.Setup.MinPrice || price > kernel.Setup.MaxPrice) return;
        kernel.SubmitLimit(this, side, price, size);
    }
}

/// <summary>
/// Momentum in the manner of ABIDES's momentum agents: at each arrival it records the mid; once it has
/// <c>longWindow</c> of them it buys when the short moving average is above the long one and sells when
/// below, with a limit order at the opposite touch (marketable); what did not fill is cancelled next time.
/// </summary>
public sealed class MomentumTrader(string name, Arrivals arrivals, SizeDistribution sizes, int shortWindow, int longWindow) : PollingTrader(name, arrivals)
{
    private readonly double[] _mids = new double[longWindow];
    private int _count;

    protected override void Act(MarketKernel kernel, in MarketUpdate top)
    {
        CancelStale(kernel, 0);
        if (!top.HasTwoSides) return;
        _mids[_count % longWindow] = top.Mid;
        _count++;
        if (_count < longWindow) return;
        double sumShort = 0, sumLong = 0;
        for (var i = 0; i < longWindow; i++)
        {
            var v = _mids[(_count - 1 - i) % longWindow];
            sumLong += v;
            if (i < shortWindow) sumShort += v;
        }
        var diff = sumShort / shortWindow - sumLong / longWindow;
        if (diff == 0) return;
        var side = diff > 0 ? Side.Buy : Side.Sell;
        kernel.SubmitLimit(this, side, side == Side.Buy ? top.Ask : top.Bid, sizes.Sample(Rng));
    }
}

/// <summary>
/// An informed trader: it sees the latent value <c>leadSeconds</c> ahead of everyone and, at each arrival,
/// sends a market order when that future value is more than <c>thresholdTicks</c> beyond the touch.
/// </summary>
public sealed class InformedTrader(string name, Arrivals arrivals, SizeDistribution sizes, double leadSeconds, double thresholdTicks)
    : PollingTrader(name, arrivals)
{
    protected override void Act(MarketKernel kernel, in MarketUpdate top)
    {
        if (kernel.Value is not { } value) return;
        var future = value.At(kernel.Now + (long)(leadSeconds * 1e9));
        if (top.HasAsk && future > top.Ask + thresholdTicks) kernel.SubmitMarket(this, Side.Buy, sizes.Sample(Rng));
        else if (top.HasBid && future < top.Bid - thresholdTicks) kernel.SubmitMarket(this, Side.Sell, sizes.Sample(Rng));
    }
}

/// <summary>
/// Liquidity shocks: every <c>intervalNs</c> a burst of <c>ordersMin..ordersMax</c> market orders, one every
/// <c>spacingNs</c>, all in one direction: at random, or, when <c>targetMaker</c> is set (an index among the
/// makers) and that maker's true position is beyond <c>threshold</c> lots, against it (selling into a long
/// maker, buying from a short one). The shock is an adversary: it reads the exchange's books, not a view.
/// </summary>
public sealed class LiquidityShock(string name, long intervalNs, int ordersMin, int ordersMax, SizeDistribution sizes, long spacingNs,
    int targetMaker, long threshold) : Agent(name)
{
    private int _left;
    private Side _side;

    public long Bursts { get; private set; }
    public long BurstsAgainstTarget { get; private set; }

    protected internal override void OnStart(MarketKernel kernel) => kernel.WakeAt(this, kernel.Setup.StartNs + intervalNs, 0);

    protected internal override void OnWake(MarketKernel kernel, int tag)
    {
        if (tag == 0)
        {
            _left = (int)Rng.NextLong(ordersMin, ordersMax);
            var position = targetMaker >= 0 && targetMaker < kernel.MakerAccounts.Length ? kernel.MakerAccounts[targetMaker].Position : 0;
            var lean = targetMaker >= 0 && Math.Abs(position) > threshold;
            _side = lean ? (position > 0 ? Side.Sell : Side.Buy) : Rng.Bernoulli(0.5) ? Side.Buy : Side.Sell;
            Bursts++;
            if (lean) BurstsAgainstTarget++;
            kernel.WakeAt(this, kernel.Now + intervalNs, 0);
        }
        if (_left <= 0) return;
        kernel.SubmitMarket(this, _side, sizes.Sample(Rng));
        _left--;
        if (_left > 0) kernel.WakeAt(this, kernel.Now + spacingNs, 1);
    }

    /// <summary>The side of the burst under way (for tests).</summary>
    public Side CurrentSide => _side;
}
