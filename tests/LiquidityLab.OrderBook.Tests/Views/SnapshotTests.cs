using LiquidityLab.Core.Domain;
using LiquidityLab.OrderBook.Events;
using LiquidityLab.OrderBook.Matching;
using LiquidityLab.OrderBook.Orders;
using LiquidityLab.OrderBook.Tests.Reference;
using LiquidityLab.OrderBook.Views;

namespace LiquidityLab.OrderBook.Tests.Views;

public class SnapshotTests
{
    [Theory]
    [InlineData(21UL)]
    [InlineData(22UL)]
    [InlineData(23UL)]
    public void SnapshotSavedRestoredAndContinued_GivesTheSameEventsAsNeverStopping(ulong seed)
    {
        var options = RandomOps.OptionsFor(seed);
        var sink = new CollectingSink();
        var original = new LimitOrderBook<CollectingSink>(options, sink);
        var ops = new RandomOps(seed, options);
        var live = new List<long>();
        LiveIds(original, live);
        for (var i = 0; i < 5_000; i++) { ops.Next(live).ApplyTo(original); LiveIds(original, live); }

        var text = new StringWriter();
        original.Snapshot().WriteTo(text);
        var restoredSink = new CollectingSink();
        var restored = LimitOrderBook<CollectingSink>.Restore(BookSnapshot.ReadFrom(new StringReader(text.ToString())), restoredSink);
        Assert.Equal(original.Orders(Side.Buy), restored.Orders(Side.Buy));
        Assert.Equal(original.Orders(Side.Sell), restored.Orders(Side.Sell));

        sink.Events.Clear();
        for (var i = 0; i < 5_000; i++)
        {
            var op = ops.Next(live);
            op.ApplyTo(original);
            op.ApplyTo(restored);
            LiveIds(original, live);
        }
        Assert.True(sink.Events.Count > 5_000);
        Assert.Equal(sink.Events, restoredSink.Events);
    }

    private static void LiveIds<T>(LimitOrderBook<T> book, List<long> live) where T : IBookEventSink
    {
        live.Clear();
        live.AddRange(book.Orders(Side.Buy).Select(o => o.OrderId));
        live.AddRange(book.Orders(Side.Sell).Select(o => o.OrderId));
    }

    [Fact]
    public void Restore_CrossedSnapshot_IsRefused()
    {
        var snap = new BookSnapshot(new BookOptions(0, 100),
            new[] { new RestingOrder(1, 0, Side.Buy, 50, 1) },
            new[] { new RestingOrder(2, 0, Side.Sell, 50, 1) });
        Assert.Throws<InvalidDataException>(() => LimitOrderBook<NullSink>.Restore(snap, default));
    }
}

public class ViewTests
{
    [Fact]
    public void Depth_ListsLevelsBestFirst_WithTotalsAndCounts()
    {
        var book = new LimitOrderBook<NullSink>(new BookOptions(0, 1000), default);
        book.Submit(OrderRequest.Limit(1, Side.Buy, 100, 2));
        book.Submit(OrderRequest.Limit(2, Side.Buy, 100, 3));
        book.Submit(OrderRequest.Limit(3, Side.Buy, 98, 1));
        book.Submit(OrderRequest.Limit(4, Side.Buy, 99, 4));
        book.Submit(OrderRequest.Limit(5, Side.Sell, 103, 7));
        Assert.Equal(new[] { new LevelView(100, 5, 2), new LevelView(99, 4, 1) }, book.Depth(Side.Buy, 2));
        Assert.Equal(new[] { new LevelView(103, 7, 1) }, book.Depth(Side.Sell, 10));
        Assert.Equal(3, book.BestBidOffer.Spread);
        Assert.Equal(new long[] { 1, 2, 4, 3 }, book.Orders(Side.Buy).Select(o => o.OrderId));
    }

    [Fact]
    public void QueuePosition_CountsOrdersAndQuantityAhead()
    {
        var book = new LimitOrderBook<NullSink>(new BookOptions(0, 1000), default);
        book.Submit(OrderRequest.Limit(1, Side.Sell, 100, 2));
        book.Submit(OrderRequest.Limit(2, Side.Sell, 100, 3));
        book.Submit(OrderRequest.Limit(3, Side.Sell, 100, 4));
        Assert.Equal(new QueuePosition(3, 100, 2, 5, 4, 3, 9), book.GetQueuePosition(3));
        Assert.Null(book.GetQueuePosition(42));
    }
}
