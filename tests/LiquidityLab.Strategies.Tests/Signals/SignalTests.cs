using LiquidityLab.Core.Randomness;
using LiquidityLab.Strategies.Signals;

namespace LiquidityLab.Strategies.Tests.Signals;

public class SignalTests
{
    private static double[] Feed(ISignal signal, IEnumerable<double> prices) => prices.Select(p => { signal.Update(p); return signal.Value; }).ToArray();

    [Fact]
    public void Rsi_MatchesWildersSmoothing_ComputedByHand()
    {
        // changes +1, −0.5, +1 | +0.5 | −1. First averages: gain 2/3, loss 1/6 → RS 4 → RSI 80.
        // then gain (2/3·2 + 0.5)/3 = 11/18, loss (1/6·2)/3 = 1/9 → RS 5.5 → RSI 100 − 100/6.5
        // then gain (11/18·2)/3 = 11/27, loss (1/9·2 + 1)/3 = 11/27 → RS 1 → RSI 50
        var rsi = new RsiSignal(3);
        var seen = new List<double>();
        foreach (var p in new[] { 10, 11, 10.5, 11.5, 12, 11 })
        {
            rsi.Update(p);
            seen.Add(rsi.Rsi);
        }
        Assert.All(seen.Take(3), v => Assert.True(double.IsNaN(v)));
        Assert.Equal(80.0, seen[3], 10);
        Assert.Equal(100 - 100 / 6.5, seen[4], 10);
        Assert.Equal(50.0, seen[5], 10);
        Assert.Equal(0.0, rsi.Value, 10); // RSI 50 is neutral
    }

    [Fact]
    public void Rsi_WithoutLosses_Is100()
    {
        var rsi = new RsiSignal(3);
        foreach (var p in new[] { 1.0, 2, 3, 4, 5 }) rsi.Update(p);
        Assert.Equal(100.0, rsi.Rsi);
        Assert.Equal(-1.0, rsi.Value); // overbought: contrarian score −1
    }

    [Fact]
    public void Macd_MatchesEmasSeededWithTheSimpleMean_ComputedByHand()
    {
        // spans (2, 3, 2) on 1, 2, 4, 8, 16: EMA2 = 12.7962963, EMA3 = 10.5833333 at the end;
        // line 0.8333333, 1.2222222, 2.2129630; signal seeded at mean of the first two = 1.0277778,
        // then 1.0277778 + 2/3 (2.2129630 − 1.0277778) = 1.8179012; histogram 0.3950617
        var macd = new MacdSignal(2, 3, 2);
        Assert.Equal(4, macd.WarmUp);
        foreach (var p in new[] { 1.0, 2, 4, 8 }) macd.Update(p);
        Assert.True(macd.IsReady);
        Assert.Equal(1.2222222222, macd.Line, 9);
        Assert.Equal(1.0277777778, macd.SignalLine, 9);
        macd.Update(16);
        Assert.Equal(2.2129629630, macd.Line, 9);
        Assert.Equal(1.8179012346, macd.SignalLine, 9);
        Assert.Equal(0.3950617284, macd.Histogram, 9);
        Assert.Equal(0.3950617284 / 16, macd.Value, 9);
    }

    [Fact]
    public void Momentum_IsTheNPeriodLogReturnOverScaledOnePeriodVolatility()
    {
        double[] prices = [100, 101, 99, 102];
        var momentum = new MomentumSignal(3);
        var values = Feed(momentum, prices);
        var r = new[] { Math.Log(101 / 100.0), Math.Log(99 / 101.0), Math.Log(102 / 99.0) };
        var mean = r.Average();
        var sd = Math.Sqrt(r.Sum(x => (x - mean) * (x - mean)) / 2);
        Assert.True(double.IsNaN(values[2]));
        Assert.Equal(Math.Log(1.02) / (sd * Math.Sqrt(3)), values[3], 12);
    }

    [Fact]
    public void MeanReversion_IsMinusTheZScore()
    {
        var signal = new MeanReversionSignal(3);
        var values = Feed(signal, [1, 2, 3]);
        Assert.Equal(-1.0, values[2], 12); // mean 2, sd 1: the price is one sd above its mean
        Assert.Equal(1.0, signal.ZScore, 12);
    }

    [Fact]
    public void Breakout_FiresAboveTheRollingHighAndBelowTheRollingLow()
    {
        var values = Feed(new VolatilityBreakoutSignal(3), [1, 2, 3, 2.5, 4, 0.5]);
        Assert.True(double.IsNaN(values[2]));
        Assert.Equal([0.0, 1.0, -1.0], values[3..]);
    }

    [Fact]
    public void Smoothing_AppliesAnEmaToTheInnerScore()
    {
        var smoothed = new SmoothedSignal(new VolatilityBreakoutSignal(1), 3); // α = 0.5
        var values = Feed(smoothed, [1, 2, 3, 1]);
        Assert.Equal([1.0, 1.0, 0.0], values[1..]); // inner: +1, +1, −1 → 1, 1, 0
    }

    public static TheoryData<string> SignalNames => new() { "momentum", "mean_reversion", "rsi", "macd", "breakout", "ema", "logistic" };

    private static ISignal Make(string name) => name switch
    {
        "momentum" => new MomentumSignal(10),
        "mean_reversion" => new MeanReversionSignal(10),
        "rsi" => new RsiSignal(14),
        "macd" => new MacdSignal(),
        "breakout" => new VolatilityBreakoutSignal(20),
        "ema" => new SmoothedSignal(new MomentumSignal(5), 4),
        _ => new WalkForwardLogisticSignal([new MomentumSignal(5), new RsiSignal(7)], horizon: 3, trainWindow: 60, retrainEvery: 10),
    };

    [Theory]
    [MemberData(nameof(SignalNames))]
    public void NoLookAhead_ASignalAtTimeT_NeverChangesWhenLaterDataChanges(string name)
    {
        var rng = new RandomStream(3);
        var path = new double[400];
        path[0] = 100;
        for (var i = 1; i < path.Length; i++) path[i] = path[i - 1] * Math.Exp(0.01 * rng.Normal());
        var altered = path.ToArray();
        const int cut = 250;
        for (var i = cut + 1; i < altered.Length; i++) altered[i] = altered[i - 1] * Math.Exp(0.03 * rng.Normal() + 0.01);

        var a = Feed(Make(name), path);
        var b = Feed(Make(name), altered);
        for (var t = 0; t <= cut; t++) Assert.Equal(a[t], b[t]);
        Assert.Contains(a.Take(cut + 1), v => !double.IsNaN(v));
    }

    [Theory]
    [MemberData(nameof(SignalNames))]
    public void WarmUp_IsWhenTheFirstValueAppears(string name)
    {
        if (name == "logistic") return; // its warm-up also depends on the data having both classes
        var signal = Make(name);
        var rng = new RandomStream(5);
        var price = 100.0;
        for (var i = 1; i <= signal.WarmUp; i++)
        {
            price *= Math.Exp(0.01 * rng.Normal());
            signal.Update(price);
            Assert.Equal(i == signal.WarmUp, signal.IsReady);
            Assert.Equal(i == signal.WarmUp, !double.IsNaN(signal.Value));
        }
    }
}
