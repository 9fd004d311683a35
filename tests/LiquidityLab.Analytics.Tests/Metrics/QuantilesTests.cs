using LiquidityLab.Analytics.Metrics;

namespace LiquidityLab.Analytics.Tests.Metrics;

public class QuantilesTests
{
    [Fact]
    public void Quantile_InterpolatesBetweenOrderStatistics()
    {
        var x = Quantiles.Sorted([4, 1, 3, 2]);
        Assert.Equal([1, 2, 3, 4], x);
        Assert.Equal(1, Quantiles.OfSorted(x, 0));
        Assert.Equal(2.5, Quantiles.OfSorted(x, 0.5));
        Assert.Equal(4, Quantiles.OfSorted(x, 1));
        Assert.Equal(1.75, Quantiles.OfSorted(x, 0.25));
        Assert.True(double.IsNaN(Quantiles.OfSorted([], 0.5)));
    }
}
