using LiquidityLab.Strategies.Signals;

namespace LiquidityLab.Strategies.Tests.Signals;

public class OrderFlowImbalanceTests
{
    private static readonly TopOfBook Start = new(99, 10, 101, 10);

    [Fact]
    public void BidSizeGrowingAtTheSamePrice_IsBuyingPressure()
    {
        Assert.Equal(5, OrderFlowImbalanceSignal.Contribution(Start, Start with { BidSize = 15 }));
    }

    [Fact]
    public void BidPriceImproving_CountsTheWholeNewBid()
    {
        Assert.Equal(4, OrderFlowImbalanceSignal.Contribution(Start, Start with { BidPrice = 100, BidSize = 4 }));
    }

    [Fact]
    public void BidPriceFalling_RemovesTheWholeOldBid()
    {
        Assert.Equal(-10, OrderFlowImbalanceSignal.Contribution(Start, Start with { BidPrice = 98, BidSize = 30 }));
    }

    [Fact]
    public void AskSide_MirrorsTheBid()
    {
        Assert.Equal(-6, OrderFlowImbalanceSignal.Contribution(Start, Start with { AskPrice = 100, AskSize = 6 }));
        Assert.Equal(10, OrderFlowImbalanceSignal.Contribution(Start, Start with { AskPrice = 102, AskSize = 3 }));
        Assert.Equal(4, OrderFlowImbalanceSignal.Contribution(Start, Start with { AskSize = 6 }));
    }

    [Fact]
    public void Signal_SumsTheWindow_OverMeanDepth()
    {
        var ofi = new OrderFlowImbalanceSignal(2);
        ofi.Update(Start);
        ofi.Update(Start with { BidSize = 15 });           // +5, depth 12.5
        Assert.False(ofi.IsReady);
        ofi.Update(Start with { BidSize = 15, AskSize = 5 }); // +5, depth 10
        Assert.Equal(10, ofi.Imbalance, 12);
        Assert.Equal(10 / 11.25, ofi.Value, 12);
    }
}
