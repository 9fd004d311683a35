using LiquidityLab.Core.Domain;
using LiquidityLab.Core.Processes;
using LiquidityLab.Core.Randomness;
using LiquidityLab.Simulation.Alpha;
using LiquidityLab.Strategies.Alpha;
using LiquidityLab.Strategies.Signals;

namespace LiquidityLab.Simulation.Tests.Alpha;

public class AlphaSimulationTests
{
    private static MarketBar[] GbmDay(ulong seed, int bars = 390, int days = 1)
    {
        var rng = RandomStream.Create(seed, "mid");
        var gbm = new GeometricBrownianMotion(0, 0.2);
        var result = new MarketBar[bars * days];
        var mid = 100.0;
        for (var i = 0; i < result.Length; i++)
        {
            if (i > 0) mid = gbm.Step(mid, 1.0 / bars, rng);
            result[i] = new MarketBar(i * 60_000_000_000L, i / bars, mid);
        }
        return result;
    }

    private static AlphaSetup Setup(MarketBar[] bars, AlphaQuoterSettings? quoting = null, RiskSettings? risk = null, ExecutionSettings? exec = null) =>
        new(new Instrument("X", 0.01m), bars,
            () => new SignalBlend([new BlendMember(new PriceSignalComponent(new MomentumSignal(10)), 1, new SignalConfidence(ConfidenceMode.None, 50))]),
            quoting ?? new AlphaQuoterSettings(0.1, InventorySkew: 0.02, AlphaSkew: 0.05, BaseSize: 2),
            new ExponentialFillModel(0.8, 10), exec ?? new ExecutionSettings(TakerHalfSpread: 0.02), risk ?? new RiskSettings());

    [Fact]
    public void Pnl_IsCashPlusInventoryAtTheMid_EveryBar_AndTradesAtOwnQuotes()
    {
        var r = AlphaSimulation.Run(Setup(GbmDay(1)), 7);
        long q = 0;
        double cash = 0;
        var byTime = r.Executions.ToLookup(e => e.TimeNanos);
        foreach (var b in r.Bars)
        {
            foreach (var e in byTime[b.TimeNanos])
            {
                q += e.Side.Sign() * e.Lots;
                cash -= e.Side.Sign() * e.Lots * e.Price;
                if (e.Maker && e.Side == Side.Buy) Assert.Equal(b.Bid, e.Price); // a maker buys at its own bid (no latency: this bar's)
                if (e.Maker && e.Side == Side.Sell) Assert.Equal(b.Ask, e.Price);
            }
            Assert.Equal(q, b.Inventory);
            Assert.Equal(cash + q * b.Mid, b.Pnl, 9);
        }
        Assert.True(r.Executions.Count > 50);
    }

    [Fact]
    public void SameSeed_SameRun_DifferentSeed_DifferentFills()
    {
        var bars = GbmDay(1);
        var a = AlphaSimulation.Run(Setup(bars), 7);
        var b = AlphaSimulation.Run(Setup(bars), 7);
        var c = AlphaSimulation.Run(Setup(bars), 8);
        Assert.Equal(a.Bars, b.Bars);
        Assert.NotEqual(a.Bars.Select(x => x.Inventory), c.Bars.Select(x => x.Inventory));
    }

    [Fact]
    public void InventorySkew_MovesTheQuotesWithTheInventory_InAFullRun()
    {
        var r = AlphaSimulation.Run(Setup(GbmDay(2), new AlphaQuoterSettings(0.1, InventorySkew: 0.05, BaseSize: 2)), 3);
        var quoted = r.Bars.Where(b => !double.IsNaN(b.Bid) && !double.IsNaN(b.Ask)).ToArray();
        Assert.Contains(quoted, b => b.Inventory != 0);
        // quotes are priced from the inventory before the bar's fills: the previous bar's inventory
        for (var i = 1; i < r.Bars.Count; i++)
        {
            var b = r.Bars[i];
            if (double.IsNaN(b.Bid) || double.IsNaN(b.Ask)) continue;
            var expectedCentre = b.Mid - 0.05 * r.Bars[i - 1].Inventory;
            Assert.InRange(0.5 * (b.Bid + b.Ask), expectedCentre - 0.011, expectedCentre + 0.011);
        }
    }

    [Fact]
    public void PositionLimit_HoldsInAFullRun_AndTheCloseIsFlat()
    {
        var r = AlphaSimulation.Run(Setup(GbmDay(3, days: 2), risk: new RiskSettings(PositionLimit: 6, FlattenAtClose: true),
            exec: new ExecutionSettings(LatencyNanos: 120_000_000_000L, TakerHalfSpread: 0.02)), 5);
        Assert.All(r.Bars, b => Assert.InRange(b.Inventory, -6, 6));
        Assert.Contains(r.Bars, b => Math.Abs(b.Inventory) == 6);
        Assert.Equal(0, r.Bars[389].Inventory);
        Assert.Equal(0, r.Bars[^1].Inventory);
        Assert.Equal(2, r.RiskEvents.Count(e => e.Action == RiskAction.EndOfDayFlatten));
    }

    [Fact]
    public void StopLoss_InAFullRun_FlattensAtTheFirstBarAtOrBelowTheThreshold()
    {
        var quoting = new AlphaQuoterSettings(0.01, BaseSize: 5);
        var free = AlphaSimulation.Run(Setup(GbmDay(4), quoting), 9);
        var threshold = -free.Bars.Min(b => b.Pnl) / 2;
        Assert.True(threshold > 0);
        var r = AlphaSimulation.Run(Setup(GbmDay(4), quoting, new RiskSettings(StopLoss: threshold)), 9);
        var hit = r.RiskEvents.Single(e => e.Action == RiskAction.StopLoss);
        // identical until then (common random numbers), then flat
        for (var i = 0; i < hit.Bar; i++) Assert.Equal(free.Bars[i].Pnl, r.Bars[i].Pnl);
        var markBefore = free.Bars[hit.Bar - 1].Cash + free.Bars[hit.Bar - 1].Inventory * r.Bars[hit.Bar].Mid;
        Assert.True(markBefore <= -threshold);
        Assert.All(r.Bars.Skip(hit.Bar), b => Assert.Equal(0, b.Inventory));
    }
}
