using LiquidityLab.Analytics.Microstructure;
using LiquidityLab.Core.Randomness;

namespace LiquidityLab.Analytics.Tests.Microstructure;

public class StylizedFactsTests
{
    [Fact]
    public void Autocorrelation_MatchesTheHandComputedEstimator()
    {
        // x̄ = 2.5, deviations −1.5, −0.5, 0.5, 1.5: Σd² = 5; lag 1: 0.75 − 0.25 + 0.75 = 1.25.
        Assert.Equal(0.25, StylizedFacts.Autocorrelation([1, 2, 3, 4], 1), 12);
        // Alternating signs: five products of −1 over six squares of 1 (the estimator shrinks towards 0 by (n − lag)/n).
        Assert.Equal(-5 / 6.0, StylizedFacts.Autocorrelation([1, -1, 1, -1, 1, -1], 1), 12);
        Assert.True(double.IsNaN(StylizedFacts.Autocorrelation([3, 3, 3], 1)));
        Assert.True(double.IsNaN(StylizedFacts.Autocorrelation([1, 2], 2)));
    }

    [Fact]
    public void Moments_MatchTheHandComputedValues()
    {
        // 0, 0, 0, 0, 1: mean 0.2, m2/n 0.16, m3/n 0.096, m4/n 0.0832 → skew 1.5, excess kurtosis 0.25.
        var f = StylizedFacts.Of([0, 0, 0, 0, 1], maxLag: 1);
        Assert.Equal(0.2, f.Mean, 12);
        Assert.Equal(Math.Sqrt(0.2), f.StandardDeviation, 12);
        Assert.Equal(1.5, f.Skewness, 12);
        Assert.Equal(0.25, f.ExcessKurtosis, 12);
    }

    [Fact]
    public void GaussianReturns_HaveThinTailsAndNoMemory()
    {
        var rng = new RandomStream(7);
        var r = Enumerable.Range(0, 50_000).Select(_ => rng.Normal(0, 0.01)).ToArray();
        var f = StylizedFacts.Of(r, maxLag: 5);
        Assert.InRange(f.ExcessKurtosis, -0.1, 0.1);
        Assert.All(f.ReturnAutocorrelation, a => Assert.InRange(a, -0.02, 0.02));
        Assert.All(f.AbsoluteReturnAutocorrelation, a => Assert.InRange(a, -0.02, 0.02));
    }

    [Fact]
    public void GarchReturns_ShowVolatilityClusteringAndFatTails_ButNoReturnAutocorrelation()
    {
        // GARCH(1,1): σ²_t = ω + α r²_{t−1} + β σ²_{t−1}, with α + β close to 1.
        var rng = new RandomStream(11);
        double omega = 1e-6, alpha = 0.1, beta = 0.85, variance = omega / (1 - alpha - beta), previous = 0;
        var r = new double[50_000];
        for (var t = 0; t < r.Length; t++)
        {
            variance = omega + alpha * previous * previous + beta * variance;
            previous = r[t] = Math.Sqrt(variance) * rng.Normal();
        }
        var f = StylizedFacts.Of(r, maxLag: 5);
        Assert.True(f.ExcessKurtosis > 0.5, $"excess kurtosis {f.ExcessKurtosis}");
        Assert.All(f.ReturnAutocorrelation, a => Assert.InRange(a, -0.03, 0.03));
        Assert.All(f.AbsoluteReturnAutocorrelation, a => Assert.True(a > 0.1, $"|r| autocorrelation {a}"));
    }

    [Fact]
    public void HillTailIndex_RecoversAParetoExponent()
    {
        // Pareto(α = 3) by inversion: x = u^(−1/α).
        var rng = new RandomStream(3);
        var x = Enumerable.Range(0, 100_000).Select(_ => Math.Pow(rng.NextDoubleNonZero(), -1 / 3.0)).ToArray();
        Assert.InRange(StylizedFacts.HillTailIndex(x, 2_000), 2.8, 3.2);
        Assert.True(double.IsNaN(StylizedFacts.HillTailIndex([1.0, 2.0], 2)));
    }

    [Fact]
    public void LogReturns_NeedPositivePrices()
    {
        Assert.Equal([Math.Log(2), Math.Log(0.5)], StylizedFacts.LogReturns([1, 2, 1]));
        var e = Assert.Throws<ArgumentException>(() => StylizedFacts.LogReturns([1, 0, 2]));
        Assert.Contains("price 1 is 0", e.Message);
    }
}

public class MarketFactsTests
{
    [Fact]
    public void Compute_SamplesTheMidOnTheClock_AndSummarisesSpreadsAndSizes()
    {
        // The mid doubles at t = 1.5 and halves at t = 3.2; sampled every second from t = 0: 1, 1, 2, 2, 1.
        double[] times = [0, 1.5, 3.2, 4];
        double[] mids = [1, 2, 1, 1];
        var facts = MarketFacts.Compute("test", times, mids, [1, 1, 2, 1], [100, 200, 300, 400], intervalSeconds: 1, maxLag: 1);
        Assert.Equal(4, facts.Returns.Count);
        Assert.Equal(0, facts.Returns.Mean, 12);
        Assert.Equal([new Frequency(1, 3, 0.75), new Frequency(2, 1, 0.25)], facts.SpreadTicks);
        Assert.Equal(1.25, facts.MeanSpreadTicks, 12);
        Assert.Equal(new SizeSummary(4, 250, 250, 370, 397, 400), facts.TradeSizes);
    }
}
