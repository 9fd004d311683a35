using LiquidityLab.Analytics.Microstructure;
using LiquidityLab.Core.Domain;
using LiquidityLab.OrderBook.Orders;
using LiquidityLab.OrderDriven.Kernel;
using LiquidityLab.OrderDriven.Market;
using LiquidityLab.OrderDriven.Tests.Support;
using static LiquidityLab.OrderDriven.Tests.Support.Markets;

namespace LiquidityLab.OrderDriven.Tests.Market;

public class MarketRecorderTests
{
    /// <summary>A ladder of 10 lots per tick on each side around 10,000; one market buy of <paramref name="size"/> at 1 s.</summary>
    private static (ImpactRecord Impact, MarketKernel Kernel) BuyInto(long size, Action<ScriptStep[]>? more = null)
    {
        var ladder = Enumerable.Range(0, 200).SelectMany(i => new[]
        {
            new ScriptStep(0, Side.Sell, OrderType.Limit, 10_001 + i, 10),
            new ScriptStep(0, Side.Buy, OrderType.Limit, 9_999 - i, 10),
        }).ToList();
        var liquidity = new ScriptedAgent("liquidity", ladder);
        var taker = new ScriptedAgent("taker", [new ScriptStep(S, Side.Buy, OrderType.Market, 0, size)]);
        var mover = new ScriptedAgent("mover", [new ScriptStep(5 * S, Side.Sell, OrderType.Market, 0, 25)]); // after the order: the mid falls
        var observer = new RecordingObserver();
        var kernel = new MarketKernel(Setup(30) with { ImpactHorizonSeconds = 10 }, [liquidity, taker, mover], observer);
        kernel.Run();
        return (observer.Impacts.Single(i => i.Agent == taker.Id), kernel);
    }

    [Theory]
    // a buy of 10 takes the 10,001 level: ask 10,002, bid 9,999, mid 10,000.5; at 5 s a sell of 25 takes 9,999, 9,998
    // and half of 9,997: the bid is 9,997 at the 11 s horizon, mid (10,002 + 9,997) / 2
    [InlineData(10, 10_000.5, 9_999.5)]
    [InlineData(40, 10_002.0, 10_001.0)]
    public void Impact_OnALadder_RecordsTheBooksMidBeforeJustAfterAndAtTheHorizon(long size, double after, double horizon)
    {
        var (impact, _) = BuyInto(size);
        Assert.Equal((Side.Buy, size, size), (impact.Side, impact.Size, impact.Filled));
        Assert.Equal(10_000.0, impact.MidBefore);
        Assert.Equal(after, impact.MidAfter);
        Assert.Equal(horizon, impact.MidAtHorizon);
    }

    [Fact]
    public void ImpactFit_OnAConstructedLinearBook_FindsExponentOneAndTheBooksSlope()
    {
        // each 10 lots move the ask one tick, the mid half a tick: move = size / 20 ticks = size × 0.0005 currency
        var observations = new[] { 10L, 20, 40, 80, 160, 320 }
            .Select(size => BuyInto(size).Impact)
            .Select(i => new ImpactObservation(i.Filled, (i.MidAfter - i.MidBefore) * 0.01))
            .ToArray();
        var curve = MarketImpact.Fit(observations);
        Assert.Equal(1.0, curve.PowerLawExponent, 9);
        Assert.Equal(0.0005, curve.PowerLawCoefficient, 9);
        Assert.Equal(1.0, curve.PowerLawRSquared, 9);
    }
}
