using LiquidityLab.Core.Domain;
using LiquidityLab.Core.Randomness;
using LiquidityLab.OrderBook.Events;
using LiquidityLab.OrderBook.Matching;
using LiquidityLab.OrderBook.Orders;
using LiquidityLab.OrderDriven.Agents;
using LiquidityLab.OrderDriven.Kernel;
using LiquidityLab.OrderDriven.Network;
using LiquidityLab.OrderDriven.Tests.Support;
using static LiquidityLab.OrderDriven.Tests.Support.Markets;

namespace LiquidityLab.OrderDriven.Tests.Kernel;

public class MarketKernelTests
{
    [Theory]
    [InlineData(11UL)]
    [InlineData(12UL)]
    [InlineData(13UL)]
    public void ZeroLatencyOneAgent_TradesAndBook_EqualADirectRunOfTheEngine(ulong seed)
    {
        var rng = new RandomStream(seed);
        var script = new List<ScriptStep>();
        for (var i = 0; i < 3000; i++)
        {
            var t = i * 1_000_000L;
            var side = rng.Bernoulli(0.5) ? Side.Buy : Side.Sell;
            var u = rng.NextDouble();
            if (u < 0.2 && i > 0) script.Add(new ScriptStep(t, side, OrderType.Limit, 0, 0, CancelStep: (int)rng.NextLong(0, i - 1)));
            else if (u < 0.3) script.Add(new ScriptStep(t, side, OrderType.Market, 0, rng.NextLong(1, 30)));
            else script.Add(new ScriptStep(t, side, OrderType.Limit, 10_000 + rng.NextLong(-20, 20), rng.NextLong(1, 30)));
        }
        var agent = new ScriptedAgent("solo", script);
        var observer = new RecordingObserver();
        var kernel = new MarketKernel(Setup(10), [agent], observer);
        kernel.Run();

        // the same requests, in order, straight into a book (ids 1, 2, … in submission order, as the kernel gives them)
        var book = new LimitOrderBook<CollectingSink>(new BookOptions(5_000, 15_000), new CollectingSink());
        var ids = new long[script.Count];
        long next = 1;
        for (var i = 0; i < script.Count; i++)
        {
            var s = script[i];
            if (s.CancelStep >= 0) { book.Cancel(ids[s.CancelStep]); continue; }
            ids[i] = next++;
            book.Submit(new OrderRequest(ids[i], 0, s.Side, s.Type, s.Type == OrderType.Market ? 0 : s.Price, s.Quantity));
        }
        var direct = book.Sink.Events.Where(e => e.Kind == BookEventKind.Trade).ToArray();
        Assert.Equal(direct.Length, observer.Trades.Count);
        for (var i = 0; i < direct.Length; i++)
            Assert.Equal((direct[i].Price, direct[i].Quantity, direct[i].OrderId, direct[i].OtherOrderId),
                (observer.Trades[i].Price, observer.Trades[i].Quantity, observer.Trades[i].AggressorOrderId, observer.Trades[i].RestingOrderId));
        Assert.Equal(book.Orders(Side.Buy), kernel.Book.Orders(Side.Buy));
        Assert.Equal(book.Orders(Side.Sell), kernel.Book.Orders(Side.Sell));
    }

    [Fact]
    public void Latency_FasterAgentSendingLater_ArrivesFirstAndTakesTheOnlyLot()
    {
        var seller = new ScriptedAgent("seller", [new ScriptStep(0, Side.Sell, OrderType.Limit, 10_010, 1)]);
        // both decide at 1 s; the slow one is scheduled first, yet the fast one's order reaches the book first
        var slow = new ScriptedAgent("slow", [new ScriptStep(S, Side.Buy, OrderType.Market, 0, 1)]) { Latency = Latency(5_000, 100) };
        var fast = new ScriptedAgent("fast", [new ScriptStep(S, Side.Buy, OrderType.Market, 0, 1)]) { Latency = Latency(1_000, 100) };
        var observer = new RecordingObserver();
        var kernel = new MarketKernel(Setup(5), [seller, slow, fast], observer);
        kernel.Run();
        var trade = Assert.Single(observer.Trades);
        Assert.Equal(fast.Id, trade.Aggressor);
        Assert.Equal(S + 1_000_000, trade.Time); // 1 s + 1 ms order entry
        // the slow one's market order found nothing and was cancelled; it learns it 5 ms + 100 µs after deciding
        var cancelled = Assert.Single(slow.Reports, r => r.Kind == ReportKind.Cancelled);
        Assert.Equal(S + 5_000_000, cancelled.ExchangeTime);
    }

    [Fact]
    public void Latency_OneAgentsMessages_NeverOvertakeEachOtherWhateverTheJitter()
    {
        var rng = new RandomStream(3);
        var script = Enumerable.Range(0, 500).Select(i => new ScriptStep(i * 10_000L, Side.Buy, OrderType.Limit, 9_000 + i, 1)).ToList();
        var agent = new ScriptedAgent("jittery", script) { Latency = Latency(10, 10, jitterUs: 500) };
        var kernel = new MarketKernel(Setup(5), [agent]);
        kernel.Run();
        var accepted = agent.Reports.Where(r => r.Kind == ReportKind.Accepted).ToArray();
        Assert.Equal(500, accepted.Length);
        Assert.Equal(agent.Ids.Order(), accepted.Select(r => r.OrderId));          // arrival order = sending order
        Assert.True(accepted.Zip(accepted.Skip(1)).All(p => p.First.ExchangeTime <= p.Second.ExchangeTime));
    }

    [Fact]
    public void Reports_ArriveAfterTheMarketDataLatency_AndTheViewLagsTheTruePosition()
    {
        var seller = new ScriptedAgent("seller", [new ScriptStep(0, Side.Sell, OrderType.Limit, 10_010, 5)]);
        var buyer = new ScriptedAgent("buyer", [new ScriptStep(S, Side.Buy, OrderType.Market, 0, 5)]) { Latency = Latency(100, 2_000) };
        var seen = new List<(long Now, long True, long Seen)>();
        var kernel = new MarketKernel(Setup(5), [seller, buyer]);
        kernel.Run();
        var fill = Assert.Single(buyer.Reports, r => r.Kind == ReportKind.Filled);
        Assert.Equal(S + 100_000, fill.ExchangeTime);
        Assert.Equal(5, kernel.Ledger.Shares(buyer.Id));
        Assert.Equal(5, buyer.Orders.Position);
        Assert.Equal(-5, kernel.Ledger.Shares(seller.Id));
    }

    [Fact]
    public void Run_SameSetupAndSeed_GivesTheSameTradesAndDifferentSeedsDiffer()
    {
        List<(long, long, long, int)> Run(ulong seed)
        {
            var observer = new RecordingObserver();
            var agents = Crowd(10, Latency(200, 100, jitterUs: 50));
            agents.Add(new InventorySkewMaker("MM", 20, 5, 4, 0.3, S, S / 20) { Latency = Latency(20, 10) });
            new MarketKernel(Setup(120, seed), agents, observer).Run();
            return observer.Trades.Select(t => (t.Time, t.Price, t.Quantity, t.Aggressor)).ToList();
        }
        var a = Run(7);
        Assert.NotEmpty(a);
        Assert.Equal(a, Run(7));
        Assert.NotEqual(a, Run(8));
    }
}

public class MarketDataTests
{
    private sealed class DepthWatcher(int levels) : Agent("watcher")
    {
        public List<(long BestSeen, long[] Bids, long BookBestNow)> Seen { get; } = [];
        public override bool SubscribesToMarketData => true;
        public override int MarketDepthLevels => levels;

        protected internal override void OnMarketData(MarketKernel kernel, in MarketUpdate update) =>
            Seen.Add((update.Bid, kernel.UpdateBids.ToArray().Select(l => l.Price).ToArray(), kernel.Book.BestBid?.Price ?? 0));
    }

    [Fact]
    public void L2Subscriber_ReceivesTheDepthAsPublished_AfterItsLatency_NotTheBookAsItIsNow()
    {
        // a bid every 100 µs, one tick higher each time; the watcher sees each update 1 ms later
        var bids = new ScriptedAgent("bidder", Enumerable.Range(0, 50).Select(i => new ScriptStep(i * 100_000L, Side.Buy, OrderType.Limit, 9_000 + i, 1)).ToList());
        var watcher = new DepthWatcher(3) { Latency = Latency(0, 1_000) };
        new MarketKernel(Setup(1), [bids, watcher]).Run();
        Assert.Equal(50, watcher.Seen.Count);
        for (var i = 0; i < 50; i++)
        {
            var (best, levels, bookNow) = watcher.Seen[i];
            Assert.Equal(9_000 + i, best);
            Assert.Equal(Enumerable.Range(0, Math.Min(3, i + 1)).Select(k => 9_000L + i - k), levels);
            // nine more bids arrived while it travelled; the tenth is due at the same nanosecond but was scheduled later
            if (i < 40) Assert.Equal(9_000 + i + 9, bookNow);
        }
    }
}
