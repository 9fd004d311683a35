using LiquidityLab.Analytics.Metrics;

namespace LiquidityLab.Analytics.Tests.Metrics;

public class MarkoutsTests
{
    // mid by step: 100, 101, 102, 99, 98
    private static readonly double[] Mids = [100, 101, 102, 99, 98];

    [Fact]
    public void ABuyBeforeTheMidRises_HasPositiveMarkouts_ASellBeforeItRises_Negative()
    {
        MakerFill[] fills = [new(0, MakerBought: true, Price: 99.5), new(0, MakerBought: false, Price: 100.5)];
        var m = Markouts.Compute(Mids, fills, [0, 1, 2]);
        Assert.Equal([0.5, 0.5], m[0]);   // at h = 0: the half-spread each fill earned
        Assert.Equal([1.5, -0.5], m[1]);  // mid 101: the buy gained, the sell is under water
        Assert.Equal([2.5, -1.5], m[2]);
    }

    [Fact]
    public void AdverseSelection_ShowsAsNegativeMarkouts_ForBuysBeforeAFall()
    {
        var m = Markouts.Compute(Mids, [new MakerFill(2, true, 101.5)], [1, 2]);
        Assert.Equal(99 - 101.5, m[0][0]);
        Assert.Equal(98 - 101.5, m[1][0]);
    }

    [Fact]
    public void FillsWithoutAMidAtTheHorizon_AreLeftOut()
    {
        var m = Markouts.Compute(Mids, [new MakerFill(3, false, 99.2), new MakerFill(4, true, 97.9)], [0, 1, 5]);
        Assert.Equal(2, m[0].Length);
        Assert.Single(m[1]);
        Assert.Empty(m[2]);
    }
}
