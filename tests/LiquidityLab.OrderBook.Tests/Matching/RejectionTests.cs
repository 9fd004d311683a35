using LiquidityLab.Core.Domain;
using LiquidityLab.OrderBook.Events;
using LiquidityLab.OrderBook.Matching;
using LiquidityLab.OrderBook.Orders;

namespace LiquidityLab.OrderBook.Tests.Matching;

/// <summary>Each rejection reason: the request yields exactly one Rejected event and the book is unchanged.</summary>
public class RejectionTests
{
    private static (LimitOrderBook<CollectingSink> Book, CollectingSink Sink) NewBook(PostOnlyMode postOnly = PostOnlyMode.Reject)
    {
        var sink = new CollectingSink();
        var book = new LimitOrderBook<CollectingSink>(new BookOptions(100, 200, tickSize: 5) { PostOnly = postOnly }, sink);
        book.Submit(OrderRequest.Limit(1, Side.Buy, 140, 10, owner: 7));
        book.Submit(OrderRequest.Limit(2, Side.Sell, 160, 10, owner: 8));
        sink.Events.Clear();
        return (book, sink);
    }

    private static void AssertRejectedAndUnchanged(LimitOrderBook<CollectingSink> book, CollectingSink sink, Action act, long id, RequestKind kind, RejectReason reason, int owner = 0)
    {
        var before = book.Snapshot();
        act();
        var e = Assert.Single(sink.Events);
        Assert.Equal(BookEvent.From(new OrderRejected(id, owner, kind, reason)), e);
        var after = book.Snapshot();
        Assert.Equal(before.Bids, after.Bids);
        Assert.Equal(before.Asks, after.Asks);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Submit_ZeroOrNegativeQuantity_IsRejected(long qty)
    {
        var (book, sink) = NewBook();
        AssertRejectedAndUnchanged(book, sink, () => book.Submit(OrderRequest.Limit(3, Side.Buy, 150, qty, owner: 9)), 3, RequestKind.Submit, RejectReason.NonPositiveQuantity, 9);
    }

    [Fact]
    public void Submit_PriceOffTheTickGrid_IsRejected()
    {
        var (book, sink) = NewBook();
        AssertRejectedAndUnchanged(book, sink, () => book.Submit(OrderRequest.Limit(3, Side.Buy, 152, 1, owner: 9)), 3, RequestKind.Submit, RejectReason.OffTickGrid, 9);
    }

    [Theory]
    [InlineData(95)]
    [InlineData(205)]
    public void Submit_PriceOutsideTheBand_IsRejected(long price)
    {
        var (book, sink) = NewBook();
        AssertRejectedAndUnchanged(book, sink, () => book.Submit(OrderRequest.Limit(3, Side.Sell, price, 1, owner: 9)), 3, RequestKind.Submit, RejectReason.OutsidePriceBand, 9);
    }

    [Fact]
    public void Submit_IdOfARestingOrder_IsRejectedAsDuplicate()
    {
        var (book, sink) = NewBook();
        AssertRejectedAndUnchanged(book, sink, () => book.Submit(OrderRequest.Limit(2, Side.Buy, 150, 1, owner: 9)), 2, RequestKind.Submit, RejectReason.DuplicateOrderId, 9);
    }

    [Fact]
    public void Submit_IdOfAnOrderThatHasLeftTheBook_IsAccepted()
    {
        var (book, sink) = NewBook();
        book.Cancel(2);
        sink.Events.Clear();
        book.Submit(OrderRequest.Limit(2, Side.Buy, 150, 1));
        Assert.Equal(BookEventKind.Accepted, sink.Events[0].Kind);
    }

    [Fact]
    public void Submit_UnknownOrderType_IsRejected()
    {
        var (book, sink) = NewBook();
        AssertRejectedAndUnchanged(book, sink, () => book.Submit(new OrderRequest(3, 9, Side.Buy, (OrderType)42, 150, 1)), 3, RequestKind.Submit, RejectReason.InvalidOrderType, 9);
    }

    [Fact]
    public void Submit_PostOnlyThatWouldCross_IsRejectedWhenTheBookRejects()
    {
        var (book, sink) = NewBook(PostOnlyMode.Reject);
        AssertRejectedAndUnchanged(book, sink, () => book.Submit(OrderRequest.PostOnly(3, Side.Buy, 160, 1, owner: 9)), 3, RequestKind.Submit, RejectReason.PostOnlyWouldCross, 9);
    }

    [Fact]
    public void Submit_PostOnlyRepricedOutsideTheBand_IsRejected()
    {
        var sink = new CollectingSink();
        var book = new LimitOrderBook<CollectingSink>(new BookOptions(100, 200, 5) { PostOnly = PostOnlyMode.Reprice }, sink);
        book.Submit(OrderRequest.Limit(1, Side.Sell, 100, 5));
        sink.Events.Clear();
        AssertRejectedAndUnchanged(book, sink, () => book.Submit(OrderRequest.PostOnly(3, Side.Buy, 120, 1)), 3, RequestKind.Submit, RejectReason.OutsidePriceBand);
    }

    [Fact]
    public void BandInInstrumentTicks_AcceptsItsEdges_RejectsOneTickOutside()
    {
        var sink = new CollectingSink();
        var book = new LimitOrderBook<CollectingSink>(BookOptions.ForTicks(new Price(9_000), new Price(11_000)), sink);
        book.Submit(OrderRequest.Limit(1, Side.Buy, 9_000, 1));
        book.Submit(OrderRequest.Limit(2, Side.Sell, 11_000, 1));
        book.Submit(OrderRequest.Limit(3, Side.Sell, 11_001, 1));
        Assert.Equal(2, book.OrderCount);
        Assert.Equal((byte)RejectReason.OutsidePriceBand, sink.Events[^1].Detail);
    }

    [Fact]
    public void Cancel_UnknownId_IsRejected()
    {
        var (book, sink) = NewBook();
        AssertRejectedAndUnchanged(book, sink, () => book.Cancel(99), 99, RequestKind.Cancel, RejectReason.UnknownOrderId);
    }

    [Fact]
    public void Modify_UnknownId_IsRejected()
    {
        var (book, sink) = NewBook();
        AssertRejectedAndUnchanged(book, sink, () => book.Modify(99, 150, 1), 99, RequestKind.Modify, RejectReason.UnknownOrderId);
    }

    [Fact]
    public void Modify_ToZeroQuantity_IsRejected()
    {
        var (book, sink) = NewBook();
        AssertRejectedAndUnchanged(book, sink, () => book.Modify(1, 140, 0), 1, RequestKind.Modify, RejectReason.NonPositiveQuantity, 7);
    }

    [Fact]
    public void Modify_ToPriceOffTheGridOrOutsideTheBand_IsRejected()
    {
        var (book, sink) = NewBook();
        AssertRejectedAndUnchanged(book, sink, () => book.Modify(1, 141, 5), 1, RequestKind.Modify, RejectReason.OffTickGrid, 7);
        sink.Events.Clear();
        AssertRejectedAndUnchanged(book, sink, () => book.Modify(1, 300, 5), 1, RequestKind.Modify, RejectReason.OutsidePriceBand, 7);
    }
}
