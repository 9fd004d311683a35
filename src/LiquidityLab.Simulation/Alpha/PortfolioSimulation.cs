using System.Runtime.InteropServices;
using LiquidityLab.Core.Domain;
using LiquidityLab.Core.Randomness;
using LiquidityLab.Strategies.Alpha;

namespace LiquidityLab.Simulation.Alpha;

/// <summary>One instrument of a portfolio: its bars (the same count and times for all) and its hedge ratio.</summary>
/// <param name="HedgeRatio">Units of the portfolio's reference risk per lot: net exposure = Σ hedge_ratio × inventory.</param>
public sealed record PortfolioInstrument(Instrument Instrument, IReadOnlyList<MarketBar> Bars, double HedgeRatio);

/// <param name="PortfolioSkew">Quote shift per unit of marginal portfolio risk: instrument i's quotes move by −PortfolioSkew·(Σq)ᵢ, Σ the per-bar covariance of price changes.</param>
/// <param name="HedgeInstrument">Index of the instrument used to cross-hedge, or −1 for none.</param>
/// <param name="HedgeThreshold">When |net exposure| reaches this, the hedge instrument is traded (market order) to bring it back to about 0.</param>
/// <param name="CovarianceHalfLife">Half-life of the EWMA covariance estimate, bars.</param>
public sealed record PortfolioSetup(
    IReadOnlyList<PortfolioInstrument> Instruments,
    Func<SignalBlend> Blend,
    AlphaQuoterSettings Quoting,
    IFillModel Fills,
    ExecutionSettings Execution,
    RiskSettings Risk,
    double PortfolioSkew,
    int HedgeInstrument,
    double HedgeThreshold,
    double CovarianceHalfLife = 100,
    double VolatilityFastHalfLife = 10,
    double VolatilitySlowHalfLife = 100);

/// <summary>A portfolio run: per bar and instrument (flat, index bar × instruments + i) the mid, quotes, inventory and PnL; per bar the net exposure and total PnL.</summary>
public sealed record PortfolioRunResult(
    int Bars, int Instruments, double[] Mid, double[] Bid, double[] Ask, long[] Inventory, double[] Pnl,
    double[] NetExposure, double[] TotalPnl, IReadOnlyList<(int Instrument, Execution Execution)> Executions,
    IReadOnlyList<(int Instrument, RiskEvent Event)> RiskEvents, int Hedges, long HedgedLots, double HedgeCost);

/// <summary>
/// Sees each bar of a portfolio run as the run makes it: the run's record, filled up to <c>bar</c> (read
/// that bar and earlier, nothing later), and the executions of that bar. A view (a live feed); it changes nothing.
/// </summary>
public interface IPortfolioBarObserver
{
    void OnBar(int bar, PortfolioRunResult record, ReadOnlySpan<(int Instrument, Execution Execution)> executions);
}

/// <summary>
/// Alpha market making on several correlated instruments at once. Each instrument has its own
/// signals, quotes, fills and risk manager (as in <see cref="AlphaSimulation"/>); the portfolio adds
/// (1) quoting aware of the portfolio's risk: the marginal risk (Σq)ᵢ of each instrument, from an
/// online covariance of price changes, shifts its quotes the way a single maker's inventory skew does,
/// so a long in A also leans B's quotes down when A and B move together; and (2) cross-hedging: when
/// the net exposure Σ hᵢqᵢ reaches the threshold, the hedge instrument is traded to offset it.
/// </summary>
public static class PortfolioSimulation
{
    public static PortfolioRunResult Run(PortfolioSetup setup, ulong seed, CancellationToken cancel = default, IPortfolioBarObserver? observer = null)
    {
        var m = setup.Instruments.Count;
        var n = setup.Instruments[0].Bars.Count;
        if (setup.Instruments.Any(x => x.Bars.Count != n)) throw new ArgumentException("every instrument needs the same bars");
        var blends = Enumerable.Range(0, m).Select(_ => setup.Blend()).ToArray();
        var vols = Enumerable.Range(0, m).Select(_ => new VolatilityEstimator(setup.VolatilityFastHalfLife, setup.VolatilitySlowHalfLife)).ToArray();
        var risks = Enumerable.Range(0, m).Select(_ => new RiskManager(setup.Risk)).ToArray();
        var execs = Enumerable.Range(0, m).Select(i => new ExecutionSimulator(setup.Instruments[i].Instrument, setup.Fills, setup.Execution,
            RandomStream.Create(seed, "alpha.fills.bid", i), RandomStream.Create(seed, "alpha.fills.ask", i))).ToArray();
        var quoter = new AlphaQuoter(setup.Quoting);
        var covariance = new double[m, m];
        var lambda = 1 - Math.Pow(0.5, 1 / setup.CovarianceHalfLife);
        var previous = new double[m];
        var change = new double[m];

        var result = new PortfolioRunResult(n, m, new double[n * m], new double[n * m], new double[n * m], new long[n * m], new double[n * m],
            new double[n], new double[n], new List<(int, Execution)>(), new List<(int, RiskEvent)>(), 0, 0, 0);
        var executions = (List<(int, Execution)>)result.Executions;
        var inventory = new long[m];
        var cash = new double[m];
        var eventsSeen = new int[m];
        int hedges = 0;
        long hedgedLots = 0;
        double hedgeCost = 0;
        Span<Execution> fills = stackalloc Execution[2];
        for (var t = 0; t < n; t++)
        {
            if ((t & 1023) == 0) cancel.ThrowIfCancellationRequested();
            var firstExecution = executions.Count;
            for (var i = 0; i < m; i++)
            {
                var mid = setup.Instruments[i].Bars[t].Mid;
                change[i] = t > 0 ? mid - previous[i] : 0;
                previous[i] = mid;
            }
            if (t > 0)
                for (var i = 0; i < m; i++)
                for (var j = 0; j < m; j++)
                    covariance[i, j] = t == 1 ? change[i] * change[j] : covariance[i, j] + lambda * (change[i] * change[j] - covariance[i, j]);

            for (var i = 0; i < m; i++)
            {
                var bar = setup.Instruments[i].Bars[t];
                var instrument = setup.Instruments[i].Instrument;
                var tick = (double)instrument.TickSize;
                blends[i].Update(new AlphaObservation(bar.Mid, bar.Quote, bar.OrderFlow, bar.Depth));
                vols[i].Update(bar.Mid);
                var vol = double.IsNaN(vols[i].Current) ? 0 : vols[i].Current;
                var marginal = 0.0;
                for (var j = 0; j < m; j++) marginal += covariance[i, j] * inventory[j];
                var lastOfDay = t == n - 1 || setup.Instruments[i].Bars[t + 1].Day != bar.Day;
                var quote = quoter.Quote(new AlphaQuoteInput(bar.Mid, inventory[i], blends[i].Strength, vol, vols[i].Ratio, -setup.PortfolioSkew * marginal));
                var decision = risks[i].Assess(t, bar.TimeNanos, cash[i] + inventory[i] * bar.Mid, inventory[i], quote.BidSize, quote.AskSize, vols[i].Ratio, lastOfDay);
                var k = t * m + i;
                result.Bid[k] = double.NaN;
                result.Ask[k] = double.NaN;
                if (decision.Flatten)
                {
                    execs[i].CancelAll();
                    var market = execs[i].Market(bar.TimeNanos, inventory[i] > 0 ? Side.Sell : Side.Buy, Math.Abs(inventory[i]), bar.Mid, bar.MarketHalfSpread);
                    Apply(market, ref inventory[i], ref cash[i]);
                    executions.Add((i, market));
                }
                else
                {
                    var bidTicks = instrument.FloorToTick(quote.Bid).Ticks;
                    var askTicks = Math.Max(instrument.CeilToTick(quote.Ask).Ticks, bidTicks + 1);
                    var bidSize = decision.AllowBid ? quote.BidSize : 0;
                    var askSize = decision.AllowAsk ? quote.AskSize : 0;
                    if (bidSize > 0) result.Bid[k] = bidTicks * tick;
                    if (askSize > 0) result.Ask[k] = askTicks * tick;
                    execs[i].Submit(new PostedQuote(bar.TimeNanos, bidTicks, bidSize, askTicks, askSize, bar.Mid));
                }
                var count = execs[i].Judge(bar.TimeNanos, bar.Mid, inventory[i], setup.Risk.PositionLimit, fills, out _);
                for (var f = 0; f < count; f++)
                {
                    Apply(fills[f], ref inventory[i], ref cash[i]);
                    executions.Add((i, fills[f]));
                }
            }

            // cross-hedge the net exposure with the hedge instrument
            var net = Net(setup, inventory);
            if (setup.HedgeInstrument >= 0 && Math.Abs(net) >= setup.HedgeThreshold && !risks[setup.HedgeInstrument].Stopped)
            {
                var h = setup.HedgeInstrument;
                var lots = (long)Math.Round(Math.Abs(net) / Math.Abs(setup.Instruments[h].HedgeRatio), MidpointRounding.AwayFromZero);
                if (lots > 0)
                {
                    var side = net * Math.Sign(setup.Instruments[h].HedgeRatio) > 0 ? Side.Sell : Side.Buy;
                    var bar = setup.Instruments[h].Bars[t];
                    var hedge = execs[h].Market(bar.TimeNanos, side, lots, bar.Mid, bar.MarketHalfSpread);
                    Apply(hedge, ref inventory[h], ref cash[h]);
                    executions.Add((h, hedge));
                    hedges++;
                    hedgedLots += lots;
                    hedgeCost += -hedge.Edge * lots;
                    net = Net(setup, inventory);
                }
            }

            double total = 0;
            for (var i = 0; i < m; i++)
            {
                var k = t * m + i;
                var mid = setup.Instruments[i].Bars[t].Mid;
                result.Mid[k] = mid;
                result.Inventory[k] = inventory[i];
                result.Pnl[k] = cash[i] + inventory[i] * mid;
                total += result.Pnl[k];
                for (; eventsSeen[i] < risks[i].Events.Count; eventsSeen[i]++) ((List<(int, RiskEvent)>)result.RiskEvents).Add((i, risks[i].Events[eventsSeen[i]]));
            }
            result.NetExposure[t] = net;
            result.TotalPnl[t] = total;
            observer?.OnBar(t, result, CollectionsMarshal.AsSpan(executions)[firstExecution..]);
        }
        return result with { Hedges = hedges, HedgedLots = hedgedLots, HedgeCost = hedgeCost };
    }

    private static double Net(PortfolioSetup setup, long[] inventory)
    {
        var net = 0.0;
        for (var i = 0; i < inventory.Length; i++) net += setup.Instruments[i].HedgeRatio * inventory[i];
        return net;
    }

    private static void Apply(in Execution e, ref long inventory, ref double cash)
    {
        var sign = e.Side.Sign();
        inventory += sign * e.Lots;
        cash -= sign * e.Lots * e.Price;
    }
}
