using LiquidityLab.Analytics.Metrics;

namespace LiquidityLab.Analytics.Tests.Metrics;

public class PerformanceMetricsTests
{
    [Fact]
    public void Sharpe_IsMeanOverSampleStdDev_PerStep()
    {
        double[] changes = [1, 2, 3, 4];
        // mean 2.5, sample sd = sqrt(5/3)
        Assert.Equal(2.5 / Math.Sqrt(5.0 / 3), PerformanceMetrics.SharpePerStep(changes), 12);
    }

    [Fact]
    public void Sharpe_OfConstantChanges_IsUndefined()
    {
        Assert.True(double.IsNaN(PerformanceMetrics.SharpePerStep([1, 1, 1])));
    }

    [Fact]
    public void MaxDrawdown_FindsTheLargestPeakToTroughFall()
    {
        double[] equity = [0, 5, 3, 8, 2, 6, 1, 9];
        var dd = PerformanceMetrics.MaxDrawdown(equity);
        Assert.Equal(7.0, dd.Absolute); // 8 -> 1
        Assert.Equal(3, dd.PeakIndex);
        Assert.Equal(6, dd.TroughIndex);
        Assert.Equal(7.0 / 8, dd.Relative, 12);
    }

    [Fact]
    public void RelativeDrawdown_FromANonPositivePeak_IsUndefined_NotInfinite()
    {
        double[] equity = [0, -1, -5, -2];
        var dd = PerformanceMetrics.MaxDrawdown(equity);
        Assert.Equal(5.0, dd.Absolute);
        Assert.True(double.IsNaN(dd.Relative));
    }

    [Fact]
    public void Sortino_UsesOnlyTheDownside()
    {
        double[] changes = [2, -1, 3, -1];
        // mean 0.75, downside rms = sqrt((1 + 1) / 4)
        Assert.Equal(0.75 / Math.Sqrt(0.5), PerformanceMetrics.SortinoPerStep(changes), 12);
    }

    [Fact]
    public void InventoryStats_CountTimeAtTheLimit()
    {
        long[] q = [0, 5, -10, 10, 3];
        var s = InventoryStats.Of(q, 10);
        Assert.Equal(1.6, s.Mean, 12);
        Assert.Equal(5.6, s.MeanAbsolute, 12);
        Assert.Equal(10, s.MaxAbsolute);
        Assert.Equal(0.4, s.ShareAtLimit, 12);
        Assert.Equal(new[] { 0, 5, -10, 10, 3 }.Select(x => (x - 1.6) * (x - 1.6)).Sum() / 5, s.Variance, 12);
    }
}
