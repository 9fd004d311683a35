using LiquidityLab.Strategies.Quoting;

namespace LiquidityLab.Strategies.Tests.Quoting;

public class QuotingPolicyTests
{
    [Fact]
    public void FixedSpread_QuotesSymmetricallyAroundTheMid_WhateverTheInventory()
    {
        var policy = new FixedSpreadQuoting(0.05);
        var flat = policy.Quote(new QuoteContext(100, 0, 0.3, 0));
        var longQuote = policy.Quote(new QuoteContext(100, 15, 0.3, 0));
        Assert.Equal(99.975, flat.Bid, 12);
        Assert.Equal(100.025, flat.Ask, 12);
        Assert.Equal(flat, longQuote);
    }

    [Fact]
    public void InventorySkew_ShiftsBothQuotesAgainstTheInventory()
    {
        var policy = new InventorySkewQuoting(0.10, 0.01);
        var flat = policy.Quote(new QuoteContext(100, 0, 0, 0));
        var longQuote = policy.Quote(new QuoteContext(100, 5, 0, 0));
        var shortQuote = policy.Quote(new QuoteContext(100, -5, 0, 0));
        Assert.Equal(100.0, flat.Center, 12);
        Assert.Equal(99.95, longQuote.Center, 12); // long: lower prices to sell
        Assert.Equal(100.05, shortQuote.Center, 12); // short: higher prices to buy
        Assert.Equal(0.10, longQuote.Spread, 12);
    }

    [Fact]
    public void InventorySkew_WidensWithVolatility()
    {
        var policy = new InventorySkewQuoting(0.10, 0, volatilityWidening: 0.5);
        var quote = policy.Quote(new QuoteContext(100, 0, 0.2, 0));
        Assert.Equal(0.10 + 2 * 0.5 * 0.2, quote.Spread, 12);
    }

    [Fact]
    public void NonPositiveSpread_IsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FixedSpreadQuoting(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new InventorySkewQuoting(0.1, -1));
    }
}
