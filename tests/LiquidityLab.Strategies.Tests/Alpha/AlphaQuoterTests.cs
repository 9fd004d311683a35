using LiquidityLab.Strategies.Alpha;

namespace LiquidityLab.Strategies.Tests.Alpha;

public class AlphaQuoterTests
{
    private static AlphaQuote Q(AlphaQuoterSettings s, long q = 0, double strength = 0, double vol = 0.1, double ratio = 1) =>
        new AlphaQuoter(s).Quote(new AlphaQuoteInput(100, q, strength, vol, ratio));

    [Fact]
    public void Flat_NoSignal_QuotesSymmetricallyAroundTheMid()
    {
        var quote = Q(new AlphaQuoterSettings(0.05));
        Assert.Equal(99.95, quote.Bid, 12);
        Assert.Equal(100.05, quote.Ask, 12);
    }

    [Fact]
    public void InventorySkew_LeansBothQuotesAgainstTheInventory()
    {
        var s = new AlphaQuoterSettings(0.05, InventorySkew: 0.01);
        Assert.Equal(100 - 0.03, Q(s, q: 3).Reservation, 12);
        Assert.Equal(100 + 0.03, Q(s, q: -3).Reservation, 12);
    }

    [Fact]
    public void RiskWeightedSkew_IsInventoryTimesVolatility()
    {
        var s = new AlphaQuoterSettings(0.05, InventorySkew: 0.5, RiskWeighted: true);
        Assert.Equal(100 - 0.5 * 4 * 0.2, Q(s, q: 4, vol: 0.2).Reservation, 12);
        Assert.Equal(100 - 0.5 * 4 * 0.4, Q(s, q: 4, vol: 0.4).Reservation, 12);
    }

    [Fact]
    public void AlphaSkew_ScalesWithStrength()
    {
        var s = new AlphaQuoterSettings(0.05, AlphaSkew: 0.04);
        Assert.Equal(100.02, Q(s, strength: 0.5).Reservation, 12);
        Assert.Equal(99.96, Q(s, strength: -1).Reservation, 12);
    }

    [Fact]
    public void Spread_WidensFromTheHighVolatilityRatioOn()
    {
        var s = new AlphaQuoterSettings(0.05, HighVolatilityRatio: 2, HighVolatilityWidening: 3);
        Assert.Equal(0.05, Q(s, ratio: 1.999).HalfSpread, 12);
        var at = Q(s, ratio: 2);
        Assert.True(at.Widened);
        Assert.Equal(0.15, at.HalfSpread, 12);
    }

    [Fact]
    public void Size_LeansWithTheSignal_WithinLimits()
    {
        var s = new AlphaQuoterSettings(0.05, BaseSize: 4, SizeScale: 0.5, MinSize: 1, MaxSize: 5);
        var up = Q(s, strength: 1);
        Assert.Equal((5L, 2L), (up.BidSize, up.AskSize)); // 4 + 2 capped at 5; 4 − 2
        var down = Q(s, strength: -0.5);
        Assert.Equal((3L, 5L), (down.BidSize, down.AskSize));
        var flat = Q(s);
        Assert.Equal((4L, 4L), (flat.BidSize, flat.AskSize));
    }
}
