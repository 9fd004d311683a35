using LiquidityLab.Analytics.Microstructure;

namespace LiquidityLab.Analytics.Tests.Microstructure;

public class DistributionsTests
{
    [Fact]
    public void Histogram_CountsEveryValueOnce_TheMaximumInTheLastBar()
    {
        var bins = Distributions.Histogram([0, 1, 1.5, 2, 4, double.NaN], 4);
        Assert.Equal([new HistogramBin(0, 1, 1), new HistogramBin(1, 2, 2), new HistogramBin(2, 3, 1), new HistogramBin(3, 4, 1)], bins);
        Assert.Empty(Distributions.Histogram([], 3));
        Assert.Equal([new HistogramBin(5, 6, 2)], Distributions.Histogram([5, 5], 3));
    }

    [Fact]
    public void Frequencies_AreSortedByValueWithShares()
    {
        var f = Distributions.Frequencies([3, 1, 3, 3]);
        Assert.Equal([new Frequency(1, 1, 0.25), new Frequency(3, 3, 0.75)], f);
    }
}
