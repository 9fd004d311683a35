using LiquidityLab.Core.Domain;
using LiquidityLab.Core.Randomness;
using LiquidityLab.OrderBook.Orders;
using LiquidityLab.OrderDriven.Agents;
using LiquidityLab.OrderDriven.Kernel;
using LiquidityLab.OrderDriven.Tests.Support;
using static LiquidityLab.OrderDriven.Tests.Support.Markets;

namespace LiquidityLab.OrderDriven.Tests.Agents;

public class MarketMakerTests
{
    /// <summary>
    /// Property on random configurations: slow makers with small limits, big sizes, heavy one-sided flow
    /// and shocks leaning against them; after every single fill, no maker's true position exceeds its limit.
    /// </summary>
    [Theory]
    [InlineData(101UL)]
    [InlineData(102UL)]
    [InlineData(103UL)]
    [InlineData(104UL)]
    [InlineData(105UL)]
    [InlineData(106UL)]
    public void InventoryLimit_CountingOrdersInFlight_IsNeverExceededEvenByFillsNotYetSeen(ulong seed)
    {
        var rng = new RandomStream(seed);
        for (var round = 0; round < 4; round++)
        {
            var latency = Latency(rng.Uniform(10, 3_000), rng.Uniform(10, 3_000), jitterUs: rng.Uniform(0, 2_000));
            var agents = Crowd((int)rng.NextLong(5, 25), Latency(100, 100, 50), marketFraction: rng.Uniform(0.2, 0.8));
            var makers = new MarketMaker[]
            {
                new FlowSkewMaker("MM1", rng.NextLong(1, 30), rng.NextLong(1, 12), rng.Uniform(1, 6), rng.Uniform(-1, 1), 10 * S, S / 2, S / 50) { Latency = latency },
                new InventorySkewMaker("MM2", rng.NextLong(1, 30), rng.NextLong(1, 12), rng.Uniform(1, 6), rng.Uniform(0, 1), S / 2, S / 50) { Latency = latency },
                new AvellanedaStoikovMaker("MM3", rng.NextLong(1, 30), rng.NextLong(1, 12), rng.Uniform(0.001, 0.1), 60, 30, 0.5, 0.5, S / 2, S / 50) { Latency = latency },
                new AdaptivePovMaker("MM4", rng.NextLong(5, 60), 0.05, rng.NextLong(1, 5), 5, 2, 5, 0.75, 0, 2) { Latency = latency },
            };
            agents.AddRange(makers);
            agents.Add(new LiquidityShock("shock", 3 * S, 2, 6, new UniformSize(5, 25), S / 100, (int)rng.NextLong(0, 3), 2));
            var observer = new RecordingObserver();
            var kernel = new MarketKernel(Setup(240, seed * 10 + (ulong)round), agents, observer);
            var checkedFills = 0;
            observer.AfterTrade = t =>
            {
                for (var m = 0; m < kernel.Makers.Count; m++)
                {
                    var account = kernel.MakerAccounts[m];
                    Assert.True(Math.Abs(account.Position) <= account.InventoryLimit,
                        $"seed {seed} round {round}: {account.Name} at {account.Position} beyond its limit {account.InventoryLimit} at t = {t.Time} ns");
                }
                checkedFills++;
            };
            kernel.Run();
            Assert.True(checkedFills > 100, $"only {checkedFills} fills: the test did not exercise the makers");
            Assert.Contains(kernel.MakerAccounts, a => a.MaxAbsPosition == a.InventoryLimit); // some limit was actually reached
        }
    }

    [Fact]
    public void Makers_NeverTradeWithThemselves_AndTheirRestingQuotesNeverCross()
    {
        var agents = Crowd(15, Latency(200, 100, 50), marketFraction: 0.5);
        var makers = new MarketMaker[]
        {
            new FlowSkewMaker("MM1", 40, 5, 2, 1.5, 5 * S, S / 4, S / 100) { Latency = Latency(500, 500, 300) },
            new AvellanedaStoikovMaker("MM2", 40, 5, 0.05, 60, 30, 0.5, 0.5, S / 4, S / 100) { Latency = Latency(500, 500, 300) },
        };
        agents.AddRange(makers);
        var observer = new RecordingObserver();
        var kernel = new MarketKernel(Setup(300, 9), agents, observer);
        observer.AfterSample = _ =>
        {
            foreach (var m in makers)
            {
                var own = kernel.Book.Orders(Side.Buy).Where(o => o.Owner == m.Id).Select(o => o.Price).DefaultIfEmpty(long.MinValue).Max();
                var ownAsk = kernel.Book.Orders(Side.Sell).Where(o => o.Owner == m.Id).Select(o => o.Price).DefaultIfEmpty(long.MaxValue).Min();
                Assert.True(own < ownAsk, $"{m.Name} has a bid {own} at or above its ask {ownAsk}");
            }
        };
        kernel.Run();
        Assert.DoesNotContain(observer.Trades, t => t.Aggressor == t.Resting && makers.Any(m => m.Id == t.Aggressor));
        Assert.All(kernel.MakerAccounts, a => Assert.True(a.Fills > 20, $"{a.Name}: {a.Fills} fills"));
    }

    [Fact]
    public void InventorySkewMaker_LongPosition_LowersBothQuotes()
    {
        // a seller hits the maker's bid until it is long; its quotes then sit below the ones it showed flat
        var maker = new InventorySkewMaker("MM", 100, 10, 4, 1.0, S, -1);
        var seller = new ScriptedAgent("seller", Enumerable.Range(0, 6).Select(i => new ScriptStep((10 + i) * S + S / 2, Side.Sell, OrderType.Market, 0, 10)).ToList());
        var quotes = new List<(long Time, long Bid, long Ask)>();
        var observer = new RecordingObserver();
        var kernel = new MarketKernel(Setup(30), [maker, seller], observer);
        observer.AfterSample = s => quotes.Add((s.Time, s.Bid, s.Ask));
        kernel.Run();
        var flat = quotes.First(q => q.Time == 5 * S);
        var loaded = quotes.Last();
        Assert.Equal(60, maker.Orders.Position);
        Assert.True(loaded.Bid < flat.Bid && loaded.Ask < flat.Ask, $"flat {flat}, long {loaded}");
    }
}
