using LiquidityLab.Simulation.Alpha;

namespace LiquidityLab.Simulation.Tests.Alpha;

public class RiskManagerTests
{
    private static RiskDecision Assess(RiskManager r, int bar = 0, double pnl = 0, long q = 0, long size = 2, double ratio = 1, bool last = false) =>
        r.Assess(bar, bar, pnl, q, size, size, ratio, last);

    [Fact]
    public void PositionLimit_AllowsReachingTheLimit_ButNotPassingIt()
    {
        var r = new RiskManager(new RiskSettings(PositionLimit: 10));
        Assert.True(Assess(r, q: 8).AllowBid);          // 8 + 2 = 10: reaches the limit
        var d = Assess(r, bar: 1, q: 9);                 // 9 + 2 = 11 would pass it
        Assert.False(d.AllowBid);
        Assert.True(d.AllowAsk);
        Assert.True(Assess(r, bar: 2, q: -8).AllowAsk);
        Assert.False(Assess(r, bar: 3, q: -9).AllowAsk);
        Assert.Equal(2, r.Events.Count(e => e.Action == RiskAction.PositionLimit));
    }

    [Fact]
    public void StopLoss_ActsAtTheThreshold_FlattensAndStopsForGood()
    {
        var r = new RiskManager(new RiskSettings(StopLoss: 100));
        Assert.False(Assess(r, pnl: -99.999, q: 3).Flatten);
        var d = Assess(r, bar: 1, pnl: -100, q: 3);
        Assert.True(d.Flatten);
        Assert.False(d.AllowBid || d.AllowAsk);
        Assert.Equal(RiskDecision.None, Assess(r, bar: 2, pnl: 50));
        Assert.Single(r.Events, e => e.Action == RiskAction.StopLoss && e.Bar == 1 && e.Value == -100);
    }

    [Fact]
    public void DrawdownPause_StartsAtTheLimit_LastsItsBars_ThenResumes()
    {
        var r = new RiskManager(new RiskSettings(MaxDrawdown: 5, PauseBars: 3));
        Assert.True(Assess(r, bar: 0, pnl: 10).AllowBid);
        Assert.True(Assess(r, bar: 1, pnl: 5.001).AllowBid);
        Assert.Equal(RiskDecision.None, Assess(r, bar: 2, pnl: 5));   // drawdown exactly 5
        Assert.Equal(RiskDecision.None, Assess(r, bar: 4, pnl: 5));
        Assert.True(Assess(r, bar: 5, pnl: 5).AllowBid);                // resumed; the peak restarts at 5
        Assert.Equal([RiskAction.DrawdownPause, RiskAction.Resume], r.Events.Select(e => e.Action));
    }

    [Fact]
    public void InventoryPause_QuotesOnlyTheReducingSide_FromTheLevelOn()
    {
        var r = new RiskManager(new RiskSettings(InventoryPause: 6));
        var below = Assess(r, q: 5);
        Assert.True(below.AllowBid && below.AllowAsk);
        var at = Assess(r, bar: 1, q: 6);
        Assert.False(at.AllowBid);
        Assert.True(at.AllowAsk);
        var shortSide = Assess(r, bar: 2, q: -7);
        Assert.True(shortSide.AllowBid);
        Assert.False(shortSide.AllowAsk);
        Assert.True(Assess(r, bar: 3, q: 0).AllowBid);
        Assert.Equal([RiskAction.InventoryPause, RiskAction.Resume], r.Events.Select(e => e.Action));
    }

    [Fact]
    public void CircuitBreaker_HaltsFromTheVolatilityRatioOn()
    {
        var r = new RiskManager(new RiskSettings(VolatilityHalt: 3, HaltBars: 2));
        Assert.True(Assess(r, bar: 0, ratio: 2.999).AllowBid);
        Assert.Equal(RiskDecision.None, Assess(r, bar: 1, ratio: 3));
        Assert.Equal(RiskDecision.None, Assess(r, bar: 2, ratio: 1));
        Assert.True(Assess(r, bar: 3, ratio: 1).AllowBid);
        Assert.Equal([RiskAction.CircuitBreaker, RiskAction.Resume], r.Events.Select(e => e.Action));
    }

    [Fact]
    public void EndOfDay_FlattensOnTheLastBar()
    {
        var r = new RiskManager(new RiskSettings(FlattenAtClose: true));
        Assert.False(Assess(r, q: 4).Flatten);
        var d = Assess(r, bar: 1, q: 4, last: true);
        Assert.True(d.Flatten);
        Assert.False(d.AllowBid || d.AllowAsk);
        Assert.True(Assess(r, bar: 2, q: 0).AllowBid); // the next day quotes again
    }
}
