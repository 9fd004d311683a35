using LiquidityLab.Core.Domain;
using LiquidityLab.Core.Randomness;
using LiquidityLab.OrderBook.Orders;
using LiquidityLab.OrderDriven.Agents;
using LiquidityLab.OrderDriven.Kernel;
using LiquidityLab.OrderDriven.Tests.Support;
using static LiquidityLab.OrderDriven.Tests.Support.Markets;

namespace LiquidityLab.OrderDriven.Tests.Agents;

public class LiquidityShockTests
{
    [Theory]
    [InlineData(Side.Sell, Side.Sell)] // someone sells into the maker: it gets long, the shock sells too
    [InlineData(Side.Buy, Side.Buy)]   // someone buys from it: it gets short, the shock buys
    public void Shock_TargetBeyondThreshold_LeansAgainstItsInventory(Side pushSide, Side expectedShockSide)
    {
        var maker = new InventorySkewMaker("MM", 1_000, 20, 2, 0, S / 2, -1);
        var pusher = new ScriptedAgent("pusher", Enumerable.Range(0, 10).Select(i => new ScriptStep((5 + i) * S, pushSide, OrderType.Market, 0, 5)).ToList());
        var liquidity = new ScriptedAgent("liquidity", Enumerable.Range(0, 40)
            .Select(i => new ScriptStep(S + i, i % 2 == 0 ? Side.Buy : Side.Sell, OrderType.Limit, i % 2 == 0 ? 9_900 - i : 10_100 + i, 50)).ToList());
        var shock = new LiquidityShock("shock", 30 * S, 3, 3, new FixedSize(5), S / 10, targetMaker: 0, threshold: 10);
        var observer = new RecordingObserver();
        var kernel = new MarketKernel(Setup(100), [maker, pusher, liquidity, shock], observer);
        kernel.Run();
        Assert.True(Math.Abs(kernel.MakerAccounts[0].Position) > 10);
        var shockTrades = observer.Trades.Where(t => t.Aggressor == shock.Id).ToArray();
        Assert.NotEmpty(shockTrades);
        Assert.All(shockTrades, t => Assert.Equal(expectedShockSide, t.AggressorSide));
        Assert.Equal(shock.Bursts, shock.BurstsAgainstTarget);
    }

    [Fact]
    public void Shock_WithoutTarget_GoesBothWaysAtRandom()
    {
        var liquidity = new ScriptedAgent("liquidity", Enumerable.Range(0, 400)
            .Select(i => new ScriptStep(1 + i, i % 2 == 0 ? Side.Buy : Side.Sell, OrderType.Limit, i % 2 == 0 ? 9_990 - i / 2 : 10_010 + i / 2, 100)).ToList());
        var shock = new LiquidityShock("shock", 5 * S, 1, 1, new FixedSize(1), S, -1, 0);
        var observer = new RecordingObserver();
        new MarketKernel(Setup(400), [liquidity, shock], observer).Run();
        var sides = observer.Trades.Where(t => t.Aggressor == shock.Id).GroupBy(t => t.AggressorSide).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(sides.GetValueOrDefault(Side.Buy) > 20 && sides.GetValueOrDefault(Side.Sell) > 20, $"buys {sides.GetValueOrDefault(Side.Buy)}, sells {sides.GetValueOrDefault(Side.Sell)}");
        Assert.Equal(0, shock.BurstsAgainstTarget);
    }
}
