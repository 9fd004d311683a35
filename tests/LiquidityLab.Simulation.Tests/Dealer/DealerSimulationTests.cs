using LiquidityLab.Core.Domain;
using LiquidityLab.Core.Processes;
using LiquidityLab.Core.Randomness;
using LiquidityLab.Simulation.Dealer;
using LiquidityLab.Strategies.Hedging;
using LiquidityLab.Strategies.Quoting;

namespace LiquidityLab.Simulation.Tests.Dealer;

public class DealerSimulationTests
{
    private static readonly Instrument Xyz = new("XYZ", 0.01m);

    private sealed class Log : IDealerRunObserver
    {
        public List<DealerTradeRecord> Trades { get; } = [];
        public List<DealerStepRecord> Steps { get; } = [];
        public void OnTrade(in DealerTradeRecord trade) => Trades.Add(trade);
        public void OnStep(in DealerStepRecord step) => Steps.Add(step);
    }

    private static DealerMarketSetup Setup(IReadOnlyList<MakerSetup> makers, long clients = 500, SizeDistribution? sizes = null,
        double volatility = 0.3, double buyProbability = 0.5) =>
        new(Xyz, 100, new ArithmeticRandomWalk(0, volatility), clients, 1.0, buyProbability, sizes ?? new UniformSize(1, 5), makers, 1);

    private static MakerSetup Maker(string name, double spread = 0.05, long? limit = 20, HedgeSetup? hedge = null, double skew = 0) =>
        new(name, skew > 0 ? new InventorySkewQuoting(spread, skew) : new FixedSpreadQuoting(spread), limit, hedge);

    /// <summary>Random set-ups: 1–4 makers with random spreads, limits, skews and hedges.</summary>
    private static DealerMarketSetup RandomSetup(RandomStream rng)
    {
        var makers = new List<MakerSetup>();
        var count = 1 + rng.NextInt(4);
        for (var i = 0; i < count; i++)
        {
            long? limit = rng.Bernoulli(0.8) ? rng.NextLong(3, 30) : null;
            HedgeSetup? hedge = null;
            if (rng.Bernoulli(0.5))
            {
                var threshold = rng.NextLong(0, limit ?? 30);
                var rule = rng.Bernoulli(0.5) ? new ThresholdHedger(threshold) : new ThresholdHedger(threshold, HedgeTarget.Level, rng.NextLong(0, threshold));
                hedge = new HedgeSetup(rule, 0.01m * rng.NextLong(0, 3), 0.001m * rng.NextLong(0, 2));
            }
            makers.Add(Maker($"M{i}", 0.01 * rng.NextLong(1, 10), limit, hedge, rng.Bernoulli(0.5) ? 0.001 * rng.NextLong(1, 5) : 0));
        }
        return Setup(makers, 400, new UniformSize(1, rng.NextLong(1, 12)), 0.1 + rng.NextDouble(), 0.3 + 0.4 * rng.NextDouble());
    }

    [Fact]
    public void NoTrade_EverTakesAMakerPastItsLimit_OnRandomScenarios()
    {
        for (var seed = 1; seed <= 60; seed++)
        {
            var setup = RandomSetup(new RandomStream((ulong)seed));
            var log = new Log();
            var result = new DealerSimulation(setup).Run((ulong)seed, log);
            foreach (var m in result.Makers)
            {
                if (m.Setup.InventoryLimit is not { } limit) continue;
                for (var step = 0; step < m.Inventory.Length; step++)
                    Assert.True(Math.Abs(m.Inventory[step]) <= limit, $"seed {seed}: {m.Name} at {m.Inventory[step]} past limit {limit} at step {step}");
            }
            foreach (var fill in log.Trades.Where(t => t.Kind == DealerEventKind.Fill))
            {
                var limit = setup.Makers.Single(x => x.Name == fill.Maker).InventoryLimit;
                Assert.True(limit is null || Math.Abs(fill.InventoryAfter) <= limit, $"seed {seed}: fill {fill} breaches {limit}");
            }
        }
    }

    [Fact]
    public void CashAndInventory_AreConservedBetweenMakersClientsAndTheHedgeVenue()
    {
        for (var seed = 1; seed <= 40; seed++)
        {
            var setup = RandomSetup(new RandomStream((ulong)seed + 1000));
            var log = new Log();
            var result = new DealerSimulation(setup).Run((ulong)seed, log);

            decimal clientCash = 0, venueCash = 0;
            long clientLots = 0, venueLots = 0;
            foreach (var t in log.Trades)
            {
                var sign = t.MakerSide.Sign();
                if (t.Kind == DealerEventKind.Fill)
                {
                    clientCash += sign * t.Lots * t.Price; // the client's side is the opposite of the maker's
                    clientLots -= sign * t.Lots;
                }
                else if (t.Kind == DealerEventKind.Hedge)
                {
                    venueCash += sign * t.Lots * t.Price;
                    venueLots -= sign * t.Lots;
                }
            }
            var makerCash = result.Makers.Sum(m => m.Cash);
            var makerLots = result.Makers.Sum(m => m.FinalInventory);
            Assert.Equal(0m, makerCash + clientCash + venueCash);
            Assert.Equal(0, makerLots + clientLots + venueLots);
        }
    }

    [Fact]
    public void PnlAttribution_AddsUpToTheTotalExactly()
    {
        for (var seed = 1; seed <= 40; seed++)
        {
            var result = new DealerSimulation(RandomSetup(new RandomStream((ulong)seed + 2000))).Run((ulong)seed);
            foreach (var m in result.Makers)
            {
                Assert.Equal(m.Total, m.SpreadCapture + m.InventoryPnl - m.HedgeCost);
                Assert.Equal(m.Total, m.Realized + m.Unrealized);
            }
        }
    }

    [Fact]
    public void Hedge_TriggersExactlyWhenTheThresholdIsPassed_AndRestoresTheTarget()
    {
        var hedge = new HedgeSetup(new ThresholdHedger(10), 0.01m, 0m);
        var setup = Setup([Maker("MM1", limit: 20, hedge: hedge)], clients: 2000);
        var log = new Log();
        new DealerSimulation(setup).Run(5, log);
        var trades = log.Trades;
        var hedges = 0;
        for (var i = 0; i < trades.Count; i++)
        {
            if (trades[i].Kind != DealerEventKind.Fill) continue;
            var passed = Math.Abs(trades[i].InventoryAfter) > 10;
            var next = i + 1 < trades.Count ? trades[i + 1] : default;
            var hedged = next.Kind == DealerEventKind.Hedge && next.Step == trades[i].Step;
            Assert.Equal(passed, hedged);
            if (hedged)
            {
                hedges++;
                Assert.Equal(10, Math.Abs(next.InventoryAfter));
                Assert.Equal(Math.Abs(trades[i].InventoryAfter) - 10, next.Lots);
            }
        }
        Assert.True(hedges > 10, $"only {hedges} hedges: the test did not exercise the rule");
    }

    [Fact]
    public void BestMakerAtItsLimit_Declines_AndTheNextBestPriceServesTheClient()
    {
        // 'tight' quotes the best price but can never take a 2-lot trade with a limit of 1.
        var setup = Setup([Maker("tight", spread: 0.02, limit: 1), Maker("wide", spread: 0.10, limit: null)], clients: 200, sizes: new FixedSize(2));
        var log = new Log();
        var result = new DealerSimulation(setup).Run(3, log);
        Assert.Equal(200, result.Makers[0].Rejections);
        Assert.Equal(0, result.Makers[0].Fills);
        Assert.Equal(200, result.Makers[1].Fills);
        Assert.Equal(200, result.ClientsServed);
        // every rejection is followed by the fill at the worse price, for the same client
        var byClient = log.Trades.GroupBy(t => t.ClientId);
        Assert.All(byClient, g => Assert.Equal([DealerEventKind.Rejected, DealerEventKind.Fill], g.Select(t => t.Kind)));
    }

    [Fact]
    public void ClientWithNoWillingMaker_GoesUnserved_AndIsRecorded()
    {
        var setup = Setup([Maker("small", limit: 1)], clients: 50, sizes: new FixedSize(2));
        var log = new Log();
        var result = new DealerSimulation(setup).Run(3, log);
        Assert.Equal(50, result.ClientsUnserved);
        Assert.Equal(50, log.Trades.Count(t => t.Kind == DealerEventKind.Unserved));
        Assert.All(result.Makers[0].Inventory, q => Assert.Equal(0, q));
    }

    [Fact]
    public void RejectedTrade_StillMarksToMarket()
    {
        var setup = Setup([Maker("small", limit: 3)], clients: 300, sizes: new FixedSize(3));
        var result = new DealerSimulation(setup).Run(11, null);
        var m = result.Makers[0];
        Assert.True(m.Rejections > 0);
        // with inventory held and the mid moving, the PnL changes on steps where the trade was rejected
        Assert.NotEqual(0m, m.InventoryPnl);
    }

    [Fact]
    public void InventorySkew_MovesTheQuotesAgainstInventory_InAFullRun()
    {
        var setup = Setup([Maker("skew", spread: 0.04, limit: 40, skew: 0.01)], clients: 3000, buyProbability: 0.5);
        var log = new Log();
        new DealerSimulation(setup).Run(8, log);
        // a step's row shows the quotes the client at that step saw: priced from the inventory the maker held before it
        var checkedRows = 0;
        for (var i = 1; i < log.Steps.Count; i++)
        {
            var before = log.Steps[i - 1].Inventory;
            if (Math.Abs(before) < 3) continue;
            var r = log.Steps[i];
            var center = (r.Bid + r.Ask) / 2;
            Assert.Equal(-Math.Sign(before), Math.Sign(center - r.Mid));
            checkedRows++;
        }
        Assert.True(checkedRows > 100, $"only {checkedRows} rows with inventory: the test did not exercise the skew");
    }

    [Fact]
    public void MakerQuotes_AreNeverLockedOrCrossed_AndBracketTheMid()
    {
        var log = new Log();
        new DealerSimulation(Setup([Maker("a", spread: 0.001), Maker("b", spread: 0.05)], clients: 1000)).Run(2, log);
        Assert.All(log.Steps, r =>
        {
            Assert.True(r.Bid < r.Ask);
            Assert.True(r.Bid <= r.Mid && r.Mid <= r.Ask, $"{r.Bid} {r.Mid} {r.Ask}");
        });
    }

    [Fact]
    public void SameSeed_GivesTheSameRun_DifferentSeeds_Differ()
    {
        var setup = RandomSetup(new RandomStream(77));
        var a = new DealerSimulation(setup).Run(1);
        var b = new DealerSimulation(setup).Run(1);
        var c = new DealerSimulation(setup).Run(2);
        Assert.Equal(a.Mid, b.Mid);
        Assert.Equal(a.Makers[0].TotalPnl, b.Makers[0].TotalPnl);
        Assert.NotEqual(a.Mid, c.Mid);
    }

    [Fact]
    public void AddingAMaker_DoesNotChangeTheMidOrTheClientFlow()
    {
        var one = new DealerSimulation(Setup([Maker("a", limit: null)])).Run(4);
        var two = new DealerSimulation(Setup([Maker("a", limit: null), Maker("b", limit: null)])).Run(4);
        Assert.Equal(one.Mid, two.Mid);
        Assert.Equal(one.Time, two.Time);
        Assert.Equal(one.ClientLots, two.ClientLots);
    }

    [Fact]
    public void SymmetricSetUp_ShowsNoSideBias()
    {
        // balanced flow, one unconstrained fixed-spread maker: the maker buys as much as it sells on average
        const int runs = 200;
        double sum = 0, sumSq = 0;
        for (var seed = 1; seed <= runs; seed++)
        {
            var q = (double)new DealerSimulation(Setup([Maker("m", limit: null)], clients: 400)).Run((ulong)seed).Makers[0].FinalInventory;
            sum += q;
            sumSq += q * q;
        }
        var mean = sum / runs;
        var standardError = Math.Sqrt((sumSq / runs - mean * mean) / runs);
        Assert.True(Math.Abs(mean) < 4 * standardError, $"mean final inventory {mean} vs standard error {standardError}");
    }
}
