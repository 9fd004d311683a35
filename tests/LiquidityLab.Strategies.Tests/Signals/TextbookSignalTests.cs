using LiquidityLab.Core.Randomness;
using LiquidityLab.Strategies.Signals;

namespace LiquidityLab.Strategies.Tests.Signals;

/// <summary>RSI and MACD on the textbook definitions (Wilder's smoothing, the EMA lag on a trend), and the corner cases a bar loop meets.</summary>
public class TextbookSignalTests
{
    // A 14-period series of closes. Its first 14 changes gain 3.34 and lose 1.40 in all, so Wilder's
    // first averages are 3.34/14 and 1.40/14 (RSI 70.46); then −0.28 and +0.03 are smoothed in with weight 1/14.
    private static readonly double[] Closes =
        [44.34, 44.09, 44.15, 43.61, 44.33, 44.83, 45.10, 45.42, 45.84, 46.08, 45.89, 46.03, 45.61, 46.28, 46.28, 46.00, 46.03];

    [Fact]
    public void Rsi14_MatchesWildersSmoothingWorkedByHand()
    {
        var rsi = new RsiSignal(14);
        var values = Closes.Select(p => { rsi.Update(p); return rsi.Rsi; }).ToArray();
        Assert.All(values.Take(14), v => Assert.True(double.IsNaN(v)));
        double gain = 3.34 / 14, loss = 1.40 / 14;
        Assert.Equal(100 - 100 / (1 + gain / loss), values[14], 9);
        Assert.Equal(70.46, values[14], 2);
        gain = gain * 13 / 14;
        loss = (loss * 13 + 0.28) / 14;
        Assert.Equal(100 - 100 / (1 + gain / loss), values[15], 9);
        gain = (gain * 13 + 0.03) / 14;
        loss = loss * 13 / 14;
        Assert.Equal(100 - 100 / (1 + gain / loss), values[16], 9);
    }

    [Fact]
    public void Rsi_OfAFlatPrice_IsNeutral50_NotOverbought()
    {
        var rsi = new RsiSignal(5);
        for (var i = 0; i < 10; i++) rsi.Update(100);
        Assert.Equal(50.0, rsi.Rsi);
        Assert.Equal(0.0, rsi.Value);
    }

    [Fact]
    public void Macd_OnALinearTrend_ConvergesToTheEmaLagDifference()
    {
        // An EMA of span N lags a linear trend of slope b by b·(N − 1)/2, so the MACD line tends to
        // b·(slow − fast)/2 = 7b for (12, 26) and the histogram to 0.
        const double slope = 0.5;
        var macd = new MacdSignal(12, 26, 9);
        for (var t = 0; t < 600; t++) macd.Update(100 + slope * t);
        Assert.Equal(7 * slope, macd.Line, 6);
        Assert.Equal(7 * slope, macd.SignalLine, 6);
        Assert.Equal(0.0, macd.Histogram, 6);
    }

    [Fact]
    public void WalkForwardLogistic_IsReadyExactlyAtItsWarmUp()
    {
        var signal = new WalkForwardLogisticSignal([new MomentumSignal(5)], horizon: 3, trainWindow: 40, retrainEvery: 5);
        Assert.Equal(6 + 3 + 40 - 1, signal.WarmUp);
        var rng = new RandomStream(9);
        var price = 100.0;
        for (var i = 1; i <= signal.WarmUp; i++)
        {
            price *= Math.Exp(0.01 * rng.Normal());
            signal.Update(price);
            Assert.Equal(i == signal.WarmUp, signal.IsReady);
        }
        Assert.False(double.IsNaN(signal.Value));
    }
}
