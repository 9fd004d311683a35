using LiquidityLab.Analytics.Microstructure;
using LiquidityLab.Core.Randomness;

namespace LiquidityLab.Analytics.Tests.Microstructure;

public class MarketImpactTests
{
    [Fact]
    public void Fit_RecoversAnExactPowerLaw()
    {
        var obs = Enumerable.Range(1, 40).Select(s => new ImpactObservation(s, 0.5 * Math.Pow(s, 0.6))).ToList();
        var curve = MarketImpact.Fit(obs, maxBins: 40);
        Assert.Equal(40, curve.Bins.Count);
        Assert.Equal(0.5, curve.PowerLawCoefficient, 12);
        Assert.Equal(0.6, curve.PowerLawExponent, 12);
        Assert.Equal(1, curve.PowerLawRSquared, 12);
    }

    [Fact]
    public void Fit_OfASquareRootLaw_GivesExponentOneHalfAndItsCoefficient()
    {
        var obs = new[] { 1, 4, 9, 16, 25 }.Select(s => new ImpactObservation(s, 0.3 * Math.Sqrt(s))).ToList();
        var curve = MarketImpact.Fit(obs, maxBins: 5);
        Assert.Equal(0.3, curve.SquareRootCoefficient, 12);
        Assert.Equal(1, curve.SquareRootRSquared, 12);
        Assert.Equal(0.5, curve.PowerLawExponent, 12);
        Assert.Equal(0.3 * 3, curve.SquareRoot(9), 12);
    }

    [Fact]
    public void Fit_OfNoisyMoves_FindsTheExponentWithinSamplingError()
    {
        var rng = new RandomStream(42);
        var obs = new List<ImpactObservation>();
        for (var i = 0; i < 20_000; i++)
        {
            var size = rng.NextLong(1, 100);
            obs.Add(new ImpactObservation(size, 0.2 * Math.Pow(size, 0.7) + rng.Normal(0, 0.5)));
        }
        var curve = MarketImpact.Fit(obs);
        Assert.InRange(curve.PowerLawExponent, 0.65, 0.75);
        Assert.InRange(curve.PowerLawCoefficient, 0.15, 0.25);
        Assert.True(curve.Bins.Count <= 12);
        Assert.Equal(obs.Count, curve.Bins.Sum(b => b.Count));
    }

    [Fact]
    public void Bins_NeverSplitEqualSizes()
    {
        // Seven orders of size 1 and three of size 2, in at most five buckets: one bucket per size.
        var obs = Enumerable.Repeat(new ImpactObservation(1, 0.125), 7).Concat(Enumerable.Repeat(new ImpactObservation(2, 0.375), 3)).ToList();
        var curve = MarketImpact.Fit(obs, maxBins: 5);
        Assert.Equal([new ImpactBin(1, 0.125, 7), new ImpactBin(2, 0.375, 3)], curve.Bins);
        Assert.Equal(Math.Log(3) / Math.Log(2), curve.PowerLawExponent, 9);
    }

    [Fact]
    public void Fit_WithoutTwoPositiveBins_ReportsNoPowerLaw()
    {
        var curve = MarketImpact.Fit([new ImpactObservation(1, -0.1), new ImpactObservation(2, 0.2)], maxBins: 2);
        Assert.True(double.IsNaN(curve.PowerLawExponent));
        Assert.False(double.IsNaN(curve.SquareRootCoefficient));
        Assert.True(double.IsNaN(MarketImpact.Fit([]).SquareRootCoefficient));
    }

    [Fact]
    public void Fit_RejectsANonPositiveSize()
    {
        var e = Assert.Throws<ArgumentException>(() => MarketImpact.Fit([new ImpactObservation(0, 1)]));
        Assert.Contains("positive size", e.Message);
    }
}
