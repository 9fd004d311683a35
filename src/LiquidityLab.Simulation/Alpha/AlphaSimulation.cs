using System.Runtime.InteropServices;
using LiquidityLab.Core.Domain;
using LiquidityLab.Core.Randomness;
using LiquidityLab.Strategies.Alpha;

namespace LiquidityLab.Simulation.Alpha;

/// <summary>Everything one alpha market-making run needs. The blend is built fresh per run (signals hold state).</summary>
/// <param name="Bars">The market data, in time order.</param>
/// <param name="VolatilityFastHalfLife">Half-life of the current volatility estimate, bars.</param>
/// <param name="VolatilitySlowHalfLife">Half-life of the reference volatility, bars.</param>
public sealed record AlphaSetup(
    Instrument Instrument,
    IReadOnlyList<MarketBar> Bars,
    Func<SignalBlend> Blend,
    AlphaQuoterSettings Quoting,
    IFillModel Fills,
    ExecutionSettings Execution,
    RiskSettings Risk,
    double VolatilityFastHalfLife = 10,
    double VolatilitySlowHalfLife = 100);

/// <summary>The state after one bar. Bid/Ask are NaN when that side was not sent; sizes are what was sent.</summary>
public readonly record struct AlphaBar(
    int Bar, long TimeNanos, int Day, double Mid, double Strength, double Confidence, double Volatility, double VolatilityRatio,
    double Bid, double Ask, long BidSize, long AskSize, bool Widened, int SidesQuoted, int Fills, long Inventory, double Cash, double Pnl);

/// <summary>A run's record: one <see cref="AlphaBar"/> per bar, every execution and every risk intervention.</summary>
/// <param name="ComponentScores">Per blend component, its score on the common scale at each bar (NaN while warming up).</param>
public sealed record AlphaRunResult(
    IReadOnlyList<AlphaBar> Bars,
    IReadOnlyList<Execution> Executions,
    IReadOnlyList<RiskEvent> RiskEvents,
    IReadOnlyList<string> ComponentNames,
    IReadOnlyList<double[]> ComponentScores);

/// <summary>Sees each bar's record as the run makes it, with that bar's executions: a view (a live feed); it changes nothing.</summary>
public interface IAlphaBarObserver
{
    void OnBar(in AlphaBar bar, ReadOnlySpan<Execution> executions);
}

/// <summary>
/// The bar loop of an alpha-driven market maker. At each bar, in this order: the signals and the
/// volatility see the bar's mid; the quote generator prices from that mid, the inventory and the
/// strength; the risk manager withholds sides, pauses or flattens; the quote is sent (resting after the
/// latency); the live quote is judged against this bar's mid. So with zero latency a quote is filled
/// against the very mid it was priced from, and a signal at t never sees a price after t. PnL is cash +
/// inventory × mid, marked every bar whether or not anything traded.
/// </summary>
public static class AlphaSimulation
{
    public static AlphaRunResult Run(AlphaSetup setup, ulong seed, CancellationToken cancel = default, IAlphaBarObserver? observer = null)
    {
        var bars = setup.Bars;
        var blend = setup.Blend();
        var quoter = new AlphaQuoter(setup.Quoting);
        var volatility = new VolatilityEstimator(setup.VolatilityFastHalfLife, setup.VolatilitySlowHalfLife);
        var risk = new RiskManager(setup.Risk);
        var exec = new ExecutionSimulator(setup.Instrument, setup.Fills, setup.Execution,
            RandomStream.Create(seed, "alpha.fills.bid"), RandomStream.Create(seed, "alpha.fills.ask"));
        var instrument = setup.Instrument;
        var tick = (double)instrument.TickSize;

        var records = new AlphaBar[bars.Count];
        var executions = new List<Execution>();
        var scores = blend.Members.Select(_ => new double[bars.Count]).ToArray();
        Span<Execution> fills = stackalloc Execution[2];
        long inventory = 0;
        double cash = 0;
        for (var i = 0; i < bars.Count; i++)
        {
            if ((i & 1023) == 0) cancel.ThrowIfCancellationRequested();
            var bar = bars[i];
            var mid = bar.Mid;
            var firstExecution = executions.Count;
            blend.Update(new AlphaObservation(mid, bar.Quote, bar.OrderFlow, bar.Depth));
            for (var c = 0; c < scores.Length; c++) scores[c][i] = blend.Scaled(c);
            volatility.Update(mid);
            var vol = double.IsNaN(volatility.Current) ? 0 : volatility.Current;
            var lastOfDay = i == bars.Count - 1 || bars[i + 1].Day != bar.Day;

            var quote = quoter.Quote(new AlphaQuoteInput(mid, inventory, blend.Strength, vol, volatility.Ratio));
            var decision = risk.Assess(i, bar.TimeNanos, cash + inventory * mid, inventory, quote.BidSize, quote.AskSize, volatility.Ratio, lastOfDay);
            double sentBid = double.NaN, sentAsk = double.NaN;
            long bidSize = 0, askSize = 0;
            if (decision.Flatten)
            {
                exec.CancelAll();
                var market = exec.Market(bar.TimeNanos, inventory > 0 ? Side.Sell : Side.Buy, Math.Abs(inventory), mid, bar.MarketHalfSpread);
                Apply(market, ref inventory, ref cash);
                executions.Add(market);
            }
            else
            {
                var bidTicks = instrument.FloorToTick(quote.Bid).Ticks;
                var askTicks = instrument.CeilToTick(quote.Ask).Ticks;
                if (askTicks <= bidTicks) askTicks = bidTicks + 1; // never a locked or crossed own quote
                bidSize = decision.AllowBid ? quote.BidSize : 0;
                askSize = decision.AllowAsk ? quote.AskSize : 0;
                if (bidSize > 0) sentBid = bidTicks * tick;
                if (askSize > 0) sentAsk = askTicks * tick;
                exec.Submit(new PostedQuote(bar.TimeNanos, bidTicks, bidSize, askTicks, askSize, mid));
            }

            var n = exec.Judge(bar.TimeNanos, mid, inventory, setup.Risk.PositionLimit, fills, out var sides);
            for (var f = 0; f < n; f++)
            {
                Apply(fills[f], ref inventory, ref cash);
                executions.Add(fills[f]);
            }
            records[i] = new AlphaBar(i, bar.TimeNanos, bar.Day, mid, blend.Strength, blend.Confidence, vol, volatility.Ratio,
                sentBid, sentAsk, bidSize, askSize, quote.Widened, sides, n, inventory, cash, cash + inventory * mid);
            observer?.OnBar(records[i], CollectionsMarshal.AsSpan(executions)[firstExecution..]);
        }
        return new AlphaRunResult(records, executions, risk.Events, blend.Members.Select(m => m.Component.Name).ToArray(), scores);
    }

    private static void Apply(in Execution e, ref long inventory, ref double cash)
    {
        var sign = e.Side.Sign();
        inventory += sign * e.Lots;
        cash -= sign * e.Lots * e.Price;
    }
}
