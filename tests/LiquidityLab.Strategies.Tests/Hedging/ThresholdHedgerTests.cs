using LiquidityLab.Core.Domain;
using LiquidityLab.Strategies.Hedging;

namespace LiquidityLab.Strategies.Tests.Hedging;

public class ThresholdHedgerTests
{
    [Theory]
    [InlineData(10, null)]
    [InlineData(-10, null)]
    [InlineData(0, null)]
    public void AtOrBelowTheThreshold_NoHedgeIsDue(long inventory, object? expected)
    {
        Assert.Equal(expected, new ThresholdHedger(10).Decide(inventory));
    }

    [Fact]
    public void PastTheThreshold_HedgesBackToTheThreshold()
    {
        var hedger = new ThresholdHedger(10);
        Assert.Equal(new HedgeOrder(Side.Sell, 1), hedger.Decide(11));
        Assert.Equal(new HedgeOrder(Side.Buy, 7), hedger.Decide(-17));
    }

    [Fact]
    public void FlatTarget_HedgesTheWholePosition()
    {
        var hedger = new ThresholdHedger(10, HedgeTarget.Level, 0);
        Assert.Equal(new HedgeOrder(Side.Sell, 14), hedger.Decide(14));
    }

    [Fact]
    public void LevelAboveTheThreshold_IsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ThresholdHedger(10, HedgeTarget.Level, 11));
    }
}
