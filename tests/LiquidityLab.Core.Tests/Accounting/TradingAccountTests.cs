using LiquidityLab.Core.Accounting;
using LiquidityLab.Core.Domain;
using LiquidityLab.Core.Randomness;

namespace LiquidityLab.Core.Tests.Accounting;

public class TradingAccountTests
{
    [Fact]
    public void MakerBuyingAtItsBid_EarnsTheDistanceToTheMid_NotPaysIt()
    {
        var account = new TradingAccount(initialMark: 100m);
        account.Trade(Side.Buy, 2, 99.95m); // maker buys at its bid, below the mid
        Assert.Equal(0.10m, account.SpreadCapture);
        Assert.Equal(0.10m, account.Total);
        account.Trade(Side.Sell, 2, 100.05m); // and sells at its ask
        Assert.Equal(0.20m, account.SpreadCapture);
        Assert.Equal(0.20m, account.Realized);
        Assert.Equal(0, account.Inventory);
    }

    [Fact]
    public void MarkToMarket_AppliesEveryStep_EvenWithoutATrade()
    {
        var account = new TradingAccount(initialMark: 100m);
        account.Trade(Side.Buy, 5, 100m);
        account.MarkTo(101m);
        Assert.Equal(5m, account.Total);
        Assert.Equal(5m, account.InventoryPnl);
        Assert.Equal(5m, account.Unrealized);
        account.MarkTo(99m);
        Assert.Equal(-5m, account.Total);
    }

    [Fact]
    public void Hedge_PaysItsCostOverTheMid_AndTheCostReachesThePnl()
    {
        var account = new TradingAccount(initialMark: 100m);
        account.Trade(Side.Buy, 12, 100m);
        account.Hedge(Side.Sell, 2, 0.01m);
        Assert.Equal(10, account.Inventory);
        Assert.Equal(0.02m, account.HedgeCost);
        Assert.Equal(-0.02m, account.Total);
        Assert.Equal(2, account.HedgedLots);
    }

    [Fact]
    public void Realized_FollowsFifoLots()
    {
        var account = new TradingAccount(initialMark: 10m);
        account.Trade(Side.Buy, 3, 10m);
        account.Trade(Side.Buy, 2, 11m);
        account.Trade(Side.Sell, 4, 12m); // closes 3 @10 (+6) and 1 @11 (+1)
        Assert.Equal(7m, account.Realized);
        account.Trade(Side.Sell, 3, 9m); // closes 1 @11 (−2), opens a short of 2 @9
        Assert.Equal(5m, account.Realized);
        Assert.Equal(-2, account.Inventory);
        account.MarkTo(8m);
        Assert.Equal(2m, account.Unrealized);
    }

    [Fact]
    public void LotSize_ScalesMoney()
    {
        var account = new TradingAccount(lotSize: 100m, initialMark: 50m);
        account.Trade(Side.Buy, 1, 49.99m);
        Assert.Equal(1m, account.SpreadCapture);
        Assert.Equal(-4999m, account.Cash);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Attribution_AndRealizedPlusUnrealized_EqualTheTotalExactly_OnRandomTrading(int seed)
    {
        var rng = new RandomStream((ulong)seed);
        var account = new TradingAccount(lotSize: 1m, initialMark: 100m);
        var mark = 100m;
        for (var i = 0; i < 20_000; i++)
        {
            mark = decimal.Round(mark + (decimal)rng.Normal(0, 0.05), 10);
            account.MarkTo(mark);
            var side = rng.Bernoulli(0.5) ? Side.Buy : Side.Sell;
            var lots = rng.NextLong(1, 9);
            if (rng.Bernoulli(0.1)) account.Hedge(side, lots, 0.01m * rng.NextLong(0, 3));
            else account.Trade(side, lots, mark + (side == Side.Buy ? -1 : 1) * 0.01m * rng.NextLong(-1, 4));
            Assert.Equal(account.Total, account.SpreadCapture + account.InventoryPnl - account.HedgeCost);
            Assert.Equal(account.Total, account.Realized + account.Unrealized);
        }
    }

    [Fact]
    public void ZeroLots_IsRejected()
    {
        var account = new TradingAccount();
        Assert.Throws<ArgumentOutOfRangeException>(() => account.Trade(Side.Buy, 0, 1m));
    }
}
