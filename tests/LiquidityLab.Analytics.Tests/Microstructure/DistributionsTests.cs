using LiquidityLab.Analytics.Microstructure;

namespace LiquidityLab.Analytics.Tests.Microstructure;

public class DistributionsTests
{
    [Fact]
    public void Counts_PutEachValueInItsBar_TheMaximumInTheLast()
    {
        Assert.Equal([1, 2, 1, 1], Distributions.Counts([0, 1, 1.5, 2, 4], lo: 0, width: 1, bins: 4));
        Assert.Equal([0, 0, 3], Distributions.Counts([7, 9, 100], lo: 0, width: 1, bins: 3)); // above the range: the last bar
        Assert.Equal([0, 0], Distributions.Counts([], lo: 0, width: 1, bins: 2));
    }

    [Fact]
    public void Frequencies_AreSortedByValueWithShares()
    {
        var f = Distributions.Frequencies([3, 1, 3, 3]);
        Assert.Equal([new Frequency(1, 1, 0.25), new Frequency(3, 3, 0.75)], f);
    }
}
