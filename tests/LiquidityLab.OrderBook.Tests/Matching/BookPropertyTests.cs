using LiquidityLab.Core.Domain;
using LiquidityLab.OrderBook.Events;
using LiquidityLab.OrderBook.Matching;
using LiquidityLab.OrderBook.Tests.Reference;

namespace LiquidityLab.OrderBook.Tests.Matching;

/// <summary>Invariants of the engine on long random request streams (seeded; a failure names seed and step).</summary>
public class BookPropertyTests
{
    private const int Steps = 30_000;

    [Theory]
    [InlineData(11UL)]
    [InlineData(12UL)]
    [InlineData(13UL)]
    [InlineData(14UL)]
    public void RandomStream_BookNeverCrossed_QuantityConserved_FifoKept_TradesAtRestingPrice(ulong seed)
    {
        var options = RandomOps.OptionsFor(seed);
        var sink = new CollectingSink();
        var book = new LimitOrderBook<CollectingSink>(options, sink);
        var ops = new RandomOps(seed, options);
        var live = new List<long>();
        var restingPrice = new Dictionary<long, long>();
        var priority = new Dictionary<long, long>(); // id -> step at which it last took its place in a queue
        long submitted = 0, traded = 0, cancelled = 0;

        for (var step = 0; step < Steps; step++)
        {
            var op = ops.Next(live);
            sink.Events.Clear();
            op.ApplyTo(book);
            string Where() => $"seed {seed}, step {step}, request {op}";

            foreach (var e in sink.Events)
            {
                switch (e.Kind)
                {
                    case BookEventKind.Accepted: submitted += e.Quantity; break;
                    case BookEventKind.Modified: submitted += e.Quantity - e.Quantity2; break;
                    case BookEventKind.Cancelled: cancelled += e.Quantity; break;
                    case BookEventKind.Trade:
                        traded += e.Quantity;
                        Assert.True(restingPrice.TryGetValue(e.OtherOrderId, out var p) && p == e.Price,
                            $"trade at {e.Price} but resting order #{e.OtherOrderId} rested at {(restingPrice.TryGetValue(e.OtherOrderId, out var q) ? q : -1)} ({Where()})");
                        break;
                }
            }

            var bbo = book.BestBidOffer;
            if (bbo.Bid is { } bid && bbo.Ask is { } ask)
                Assert.True(bid.Price < ask.Price, $"crossed book: bid {bid.Price} >= ask {ask.Price} ({Where()})");

            long resting = 0;
            live.Clear();
            var seenNow = new HashSet<long>();
            foreach (var side in new[] { Side.Buy, Side.Sell })
            {
                long lastPrice = side == Side.Buy ? long.MaxValue : long.MinValue;
                long lastPriority = -1;
                foreach (var o in book.Orders(side))
                {
                    resting += o.Quantity;
                    live.Add(o.OrderId);
                    seenNow.Add(o.OrderId);
                    if (!restingPrice.TryGetValue(o.OrderId, out var before) || before != o.Price || !priority.ContainsKey(o.OrderId) || LostPriority(sink.Events, o.OrderId))
                        priority[o.OrderId] = step;
                    if (o.Price != lastPrice) lastPriority = -1;
                    Assert.True(priority[o.OrderId] >= lastPriority, $"FIFO broken at {side} {o.Price}: #{o.OrderId} ({Where()})");
                    lastPriority = priority[o.OrderId];
                    lastPrice = o.Price;
                    restingPrice[o.OrderId] = o.Price;
                }
            }
            foreach (var id in restingPrice.Keys.Where(k => !seenNow.Contains(k)).ToList()) { restingPrice.Remove(id); priority.Remove(id); }

            // each trade fills the aggressor and the resting order by its quantity
            Assert.True(submitted == 2 * traded + cancelled + resting,
                $"quantity not conserved: submitted {submitted} != 2×traded {traded} + cancelled {cancelled} + resting {resting} ({Where()})");
        }
        Assert.True(traded > 0);
    }

    private static bool LostPriority(List<BookEvent> events, long id)
        => events.Any(e => e.Kind == BookEventKind.Modified && e.OrderId == id && e.Detail == 0);
}
