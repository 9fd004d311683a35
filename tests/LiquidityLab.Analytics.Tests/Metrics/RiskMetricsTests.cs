using LiquidityLab.Analytics.Metrics;

namespace LiquidityLab.Analytics.Tests.Metrics;

public class RiskMetricsTests
{
    // 20 PnL changes; sorted: -9, -7, -4, -3, -2, -1, -1, 0, 0, 1, 1, 2, 2, 3, 3, 4, 5, 5, 6, 8
    private static readonly double[] Sample = [3, -1, 5, -9, 0, 2, -4, 8, 1, -7, 3, 6, -2, 0, 4, -3, 2, 5, 1, -1];

    [Fact]
    public void VaR95_OfTwentyChanges_IsMinusTheWorstOne()
    {
        // m = ceil(20 * 0.05) = 1: VaR = CVaR = 9
        Assert.Equal(9.0, RiskMetrics.ValueAtRisk(Sample, 0.95));
        Assert.Equal(9.0, RiskMetrics.ConditionalValueAtRisk(Sample, 0.95));
    }

    [Fact]
    public void VaR80_IsTheFourthWorst_AndCVaRTheMeanOfTheFourWorst()
    {
        // m = ceil(20 * 0.2) = 4: worst four are -9, -7, -4, -3
        Assert.Equal(3.0, RiskMetrics.ValueAtRisk(Sample, 0.80));
        Assert.Equal((9 + 7 + 4 + 3) / 4.0, RiskMetrics.ConditionalValueAtRisk(Sample, 0.80));
        Assert.Equal((3.0, 23 / 4.0), RiskMetrics.Both(Sample, 0.80));
    }

    [Fact]
    public void CVaR_IsNeverBelowVaR_OnRandomSamples()
    {
        var rng = new LiquidityLab.Core.Randomness.RandomStream(5);
        for (var trial = 0; trial < 200; trial++)
        {
            var xs = Enumerable.Range(0, 1 + rng.NextInt(300)).Select(_ => rng.Normal()).ToArray();
            foreach (var alpha in new[] { 0.9, 0.95, 0.99 })
            {
                var (var, cvar) = RiskMetrics.Both(xs, alpha);
                Assert.True(cvar >= var - 1e-12, $"trial {trial}: CVaR {cvar} < VaR {var}");
                Assert.True(var <= -xs.Min() + 1e-12);
            }
        }
    }

    [Fact]
    public void EmptySample_HasNoVaR()
    {
        Assert.True(double.IsNaN(RiskMetrics.ValueAtRisk([], 0.95)));
    }

    [Fact]
    public void Confidence_OutsideTheOpenUnitInterval_IsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RiskMetrics.ValueAtRisk(Sample, 1.0));
    }
}
