using LiquidityLab.Core.Domain;
using LiquidityLab.Core.Randomness;
using LiquidityLab.Simulation.Alpha;

namespace LiquidityLab.Simulation.Tests.Alpha;

public class ExecutionSimulatorTests
{
    private static readonly Instrument Cents = new("X", 0.01m);

    private static ExecutionSimulator Make(ExecutionSettings settings, IFillModel? model = null, ulong seed = 1) =>
        new(Cents, model ?? new ExponentialFillModel(0.6, 20), settings, RandomStream.Create(seed, "bid"), RandomStream.Create(seed, "ask"));

    [Fact]
    public void ExponentialModel_DecaysWithDistance_AndIsCappedAtOne()
    {
        var m = new ExponentialFillModel(2, 10);
        Assert.Equal(1.0, m.Probability(0));
        Assert.Equal(2 * Math.Exp(-10 * 0.1), m.Probability(0.1), 12);
        Assert.Equal(1.0, m.Probability(-0.3)); // through the mid
        var lin = new LinearFillModel(0.5, 0.2);
        Assert.Equal(0.25, lin.Probability(0.1), 12);
        Assert.Equal(0.0, lin.Probability(0.3));
    }

    [Fact]
    public void SymmetricQuotes_FillBothSidesEquallyOften_AndIndependently()
    {
        // quotes 3 ticks either side of the mid, p = 0.6·e^(−20·0.03) ≈ 0.329 per side per bar
        var exec = Make(new ExecutionSettings());
        Span<Execution> into = stackalloc Execution[2];
        const int bars = 200_000;
        long bids = 0, asks = 0, both = 0;
        for (var t = 0; t < bars; t++)
        {
            exec.Submit(new PostedQuote(t, 9997, 1, 10003, 1, 100));
            var n = exec.Judge(t, 100, 0, long.MaxValue, into, out var sides);
            Assert.Equal(2, sides);
            var b = false; var a = false;
            for (var i = 0; i < n; i++) { if (into[i].Side == Side.Buy) b = true; else a = true; }
            bids += b ? 1 : 0; asks += a ? 1 : 0; both += a && b ? 1 : 0;
        }
        var p = 0.6 * Math.Exp(-20 * 0.03);
        var se = Math.Sqrt(p * (1 - p) / bars);
        Assert.InRange(bids / (double)bars, p - 5 * se, p + 5 * se);
        Assert.InRange(asks / (double)bars, p - 5 * se, p + 5 * se);
        Assert.InRange((bids - asks) / (double)bars, -5 * Math.Sqrt(2) * se, 5 * Math.Sqrt(2) * se); // no side bias
        Assert.InRange(both / (double)bars, p * p - 5 * se, p * p + 5 * se);  // independent sides
    }

    [Fact]
    public void Latency_KeepsTheOldQuoteLive_AndJudgesItAgainstTheMidAtFillTime()
    {
        var exec = Make(new ExecutionSettings(LatencyNanos: 10), new ExponentialFillModel(100, 0)); // always fills
        Span<Execution> into = stackalloc Execution[2];
        exec.Submit(new PostedQuote(0, 9990, 1, 10010, 1, 100));
        Assert.Equal(0, exec.Judge(5, 100, 0, long.MaxValue, into, out var sides)); // not live yet
        Assert.Equal(0, sides);
        exec.Submit(new PostedQuote(5, 9995, 1, 10005, 1, 100.5)); // live only from 15
        var n = exec.Judge(10, 100.2, 0, long.MaxValue, into, out _);
        Assert.Equal(2, n);
        var bid = into[0];
        Assert.Equal(99.90, bid.Price, 12);
        Assert.Equal(100.2 - 99.90, bid.Edge, 12);             // against the mid at fill time
        Assert.Equal((100 - 99.90) - (100.2 - 99.90), bid.LatencyCost, 12);
        exec.Judge(15, 100.5, 0, long.MaxValue, into, out _);
        Assert.Equal(99.95, into[0].Price, 12);
    }

    [Fact]
    public void PartialFills_FillBetweenOneLotAndTheWholeSize()
    {
        var exec = Make(new ExecutionSettings(PartialFills: true), new ExponentialFillModel(100, 0));
        Span<Execution> into = stackalloc Execution[2];
        var seen = new HashSet<long>();
        for (var t = 0; t < 2000; t++)
        {
            exec.Submit(new PostedQuote(t, 9990, 5, 10010, 5, 100));
            exec.Judge(t, 100, 0, long.MaxValue, into, out _);
            seen.Add(into[0].Lots);
        }
        Assert.Equal([1L, 2, 3, 4, 5], seen.Order());
    }

    [Fact]
    public void Fills_NeverPassTheLimit_EvenFromAStaleQuote()
    {
        var exec = Make(new ExecutionSettings(), new ExponentialFillModel(100, 0));
        Span<Execution> into = stackalloc Execution[2];
        exec.Submit(new PostedQuote(0, 9990, 5, 10010, 5, 100));
        var n = exec.Judge(0, 100, inventory: 8, limit: 10, into, out _);
        Assert.Equal(2, n);
        Assert.Equal(2, into[0].Lots); // buys only up to +10
        Assert.Equal(5, into[1].Lots);
    }

    [Fact]
    public void MarketOrders_CrossTheHalfSpreadAndPayTheSlippage_RoundedAgainstThemselves()
    {
        var exec = Make(new ExecutionSettings(SlippageFixed: 0.004, SlippageBps: 1, TakerHalfSpread: 0.02));
        var buy = exec.Market(0, Side.Buy, 3, 100, null);
        Assert.Equal(100.04, buy.Price, 12);  // 100 + 0.02 + 0.004 + 0.01 = 100.034, up to 100.04
        Assert.Equal(-0.04, buy.Edge, 12);
        Assert.Equal(0.014, buy.Slippage, 12);
        var sell = exec.Market(0, Side.Sell, 3, 100, 0.05);
        Assert.Equal(99.93, sell.Price, 12);  // 100 − 0.05 − 0.014 = 99.936, down to 99.93
    }
}
