using LiquidityLab.Core.Domain;
using LiquidityLab.Core.Randomness;
using LiquidityLab.OrderDriven.Accounting;

namespace LiquidityLab.OrderDriven.Tests.Accounting;

public class MakerAccountTests
{
    [Fact]
    public void Fills_HandComputed_SpreadCaptureInventoryAndRealizedPnl()
    {
        var a = new MakerAccount("MM", 0, 100, 0.01m);
        a.OnFill(Side.Buy, 9_999, 10, 0.01m, 10_000m);   // buys 10 at 99.99, mid 100: capture 0.10, fee 0.01
        a.Mark(10_002m);                                  // mid 100.02: inventory +0.20
        a.OnFill(Side.Sell, 10_003, 4, -0.004m, 10_002m); // sells 4 at 100.03 against mid 100.02: capture 0.04, rebate
        Assert.Equal(0.14m, a.SpreadCapture);
        Assert.Equal(0.20m, a.InventoryPnl);
        Assert.Equal(0.006m, a.Fees);
        Assert.Equal(6, a.Position);
        Assert.Equal(4 * (100.03m - 99.99m) - 0.006m, a.RealizedPnl);
        Assert.Equal(a.SpreadCapture + a.InventoryPnl - a.Fees, a.Total(10_002m));
        Assert.Equal(a.RealizedPnl + a.Unrealized(10_002m), a.Total(10_002m));
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    public void RandomFills_AttributionAndRealizedSplit_AddUpToTheTotalAtEveryMark(ulong seed)
    {
        var rng = new RandomStream(seed);
        var a = new MakerAccount("MM", 0, 1000, 0.01m);
        decimal mid = 10_000;
        for (var i = 0; i < 5000; i++)
        {
            mid += rng.NextLong(-2, 2) / 2m; // half ticks, like a book's mid
            var side = rng.Bernoulli(0.5) ? Side.Buy : Side.Sell;
            var price = (long)mid + (side == Side.Buy ? -rng.NextLong(0, 3) : rng.NextLong(1, 4));
            a.OnFill(side, price, rng.NextLong(1, 20), rng.NextLong(-2, 3) * 0.001m, mid);
            if (i % 7 == 0) a.Mark(mid);
            Assert.Equal(a.Total(mid) - a.InventoryPnl, a.SpreadCapture - a.Fees + a.Position * (mid * 0.01m) - a.Position * (mid * 0.01m) + (a.Total(mid) - a.InventoryPnl - a.SpreadCapture + a.Fees));
            a.Mark(mid);
            Assert.Equal(a.Total(mid), a.SpreadCapture + a.InventoryPnl - a.Fees);
            Assert.True(Math.Abs(a.Total(mid) - (a.RealizedPnl + a.Unrealized(mid))) < 1e-12m);
        }
    }
}
