using LiquidityLab.Core.Domain;
using LiquidityLab.OrderBook.Events;
using LiquidityLab.OrderBook.Matching;
using LiquidityLab.OrderBook.Orders;

namespace LiquidityLab.OrderBook.Tests.Matching;

/// <summary>Hand-worked scenarios for each order type, cancel, modify and self-trade prevention.</summary>
public class MatchingTests
{
    private readonly CollectingSink _sink = new();
    private readonly LimitOrderBook<CollectingSink> _book;

    public MatchingTests() => _book = new LimitOrderBook<CollectingSink>(new BookOptions(1, 1000) { PostOnly = PostOnlyMode.Reprice }, _sink);

    private void Rest(long id, Side side, long price, long qty, int owner = 0)
    {
        _book.Submit(OrderRequest.Limit(id, side, price, qty, owner));
        _sink.Events.Clear();
    }

    private List<BookEvent> Of(BookEventKind kind) => _sink.Events.Where(e => e.Kind == kind).ToList();

    [Fact]
    public void Limit_CrossingSeveralLevels_FillsBestPriceFirstThenTimeOrder_AndRestsRemainder()
    {
        Rest(1, Side.Sell, 101, 5);
        Rest(2, Side.Sell, 100, 3);
        Rest(3, Side.Sell, 100, 4);
        _book.Submit(OrderRequest.Limit(9, Side.Buy, 101, 20, owner: 4));

        var trades = Of(BookEventKind.Trade);
        Assert.Equal(new[] { (2L, 100L, 3L), (3L, 100L, 4L), (1L, 101L, 5L) }, trades.Select(t => (t.OtherOrderId, t.Price, t.Quantity)));
        Assert.All(trades, t => Assert.Equal(Side.Buy, t.Side));
        Assert.Equal(new LiquidityLab.OrderBook.Views.LevelView(101, 8, 1), _book.BestBid);
        Assert.Null(_book.BestAsk);
        Assert.Equal(BookEventKind.Accepted, _sink.Events[0].Kind);
        Assert.Equal(BookEvent.From(new BookLevelChanged(Side.Buy, 101, 8, 1)), _sink.Events[^1]);
    }

    [Fact]
    public void Trade_ReportsAggressorSideBothIdsAndOwnersAndRestingPrice()
    {
        Rest(1, Side.Buy, 100, 5, owner: 11);
        _book.Submit(OrderRequest.Limit(2, Side.Sell, 90, 2, owner: 22));
        var t = Assert.Single(Of(BookEventKind.Trade));
        Assert.Equal(BookEvent.From(new Trade(Side.Sell, 100, 2, 2, 22, 1, 11, 3)), t);
    }

    [Fact]
    public void Market_SweepsUntilTheSideIsEmpty_AndCancelsTheRemainder()
    {
        Rest(1, Side.Sell, 100, 3);
        Rest(2, Side.Sell, 500, 3);
        _book.Submit(OrderRequest.Market(9, Side.Buy, 10));
        Assert.Equal(6, Of(BookEventKind.Trade).Sum(t => t.Quantity));
        var c = Assert.Single(Of(BookEventKind.Cancelled));
        Assert.Equal((4L, (byte)CancelReason.MarketRemainder), (c.Quantity, c.Detail));
        Assert.Equal(0, _book.OrderCount);
    }

    [Fact]
    public void ImmediateOrCancel_TradesWithinItsLimit_CancelsTheRest_NeverRests()
    {
        Rest(1, Side.Sell, 100, 3);
        Rest(2, Side.Sell, 102, 3);
        _book.Submit(OrderRequest.ImmediateOrCancel(9, Side.Buy, 101, 10));
        Assert.Equal(3, Of(BookEventKind.Trade).Sum(t => t.Quantity));
        Assert.Equal((byte)CancelReason.ImmediateOrCancelRemainder, Assert.Single(Of(BookEventKind.Cancelled)).Detail);
        Assert.Null(_book.BestBid);
    }

    [Fact]
    public void FillOrKill_NotFullyFillable_TradesNothing()
    {
        Rest(1, Side.Sell, 100, 3);
        Rest(2, Side.Sell, 102, 3);
        _book.Submit(OrderRequest.FillOrKill(9, Side.Buy, 101, 4));
        Assert.Empty(Of(BookEventKind.Trade));
        Assert.Equal((byte)CancelReason.FillOrKillUnfilled, Assert.Single(Of(BookEventKind.Cancelled)).Detail);
        Assert.Equal(2, _book.OrderCount);
    }

    [Fact]
    public void FillOrKill_Fillable_TradesEverything()
    {
        Rest(1, Side.Sell, 100, 3);
        Rest(2, Side.Sell, 102, 3);
        _book.Submit(OrderRequest.FillOrKill(9, Side.Buy, 102, 5));
        Assert.Equal(5, Of(BookEventKind.Trade).Sum(t => t.Quantity));
        Assert.Empty(Of(BookEventKind.Cancelled));
    }

    [Fact]
    public void PostOnly_WouldCross_IsRepricedOneTickBehindTheOppositeBest()
    {
        Rest(1, Side.Sell, 100, 3);
        _book.Submit(OrderRequest.PostOnly(9, Side.Buy, 105, 2));
        var a = Assert.Single(Of(BookEventKind.Accepted));
        Assert.Equal((99L, (byte)1), (a.Price, a.Detail));
        Assert.Empty(Of(BookEventKind.Trade));
        Assert.Equal(99, _book.BestBid!.Value.Price);
    }

    [Fact]
    public void Cancel_PartiallyFilledOrder_RemovesRemainderAndKeepsQueueOrder()
    {
        Rest(1, Side.Buy, 100, 5);
        Rest(2, Side.Buy, 100, 5);
        Rest(3, Side.Buy, 100, 5);
        _book.Submit(OrderRequest.Market(9, Side.Sell, 2));
        _sink.Events.Clear();
        _book.Cancel(1);
        Assert.Equal(BookEvent.From(new OrderCancelled(1, 0, Side.Buy, 100, 3, CancelReason.Requested)), _sink.Events[0]);
        Assert.Equal(new long[] { 2, 3 }, _book.OrdersAt(Side.Buy, 100).Select(o => o.OrderId));
        Assert.Equal(10, _book.BestBid!.Value.Quantity);
    }

    [Fact]
    public void Modify_ReducingQuantity_KeepsQueuePosition()
    {
        Rest(1, Side.Buy, 100, 5);
        Rest(2, Side.Buy, 100, 5);
        _book.Modify(1, 100, 2);
        Assert.Equal(1, Assert.Single(Of(BookEventKind.Modified)).Detail);
        Assert.Equal(new long[] { 1, 2 }, _book.OrdersAt(Side.Buy, 100).Select(o => o.OrderId));
        Assert.Equal(0, _book.GetQueuePosition(1)!.Value.OrdersAhead);
    }

    [Fact]
    public void Modify_IncreasingQuantity_LosesPriority()
    {
        Rest(1, Side.Buy, 100, 5);
        Rest(2, Side.Buy, 100, 5);
        _book.Modify(1, 100, 6);
        Assert.Equal(0, Assert.Single(Of(BookEventKind.Modified)).Detail);
        Assert.Equal(new long[] { 2, 1 }, _book.OrdersAt(Side.Buy, 100).Select(o => o.OrderId));
        Assert.Equal(new LiquidityLab.OrderBook.Views.QueuePosition(1, 100, 1, 5, 6, 2, 11), _book.GetQueuePosition(1));
    }

    [Fact]
    public void Modify_ChangingPriceAcrossTheSpread_TradesAsAggressor()
    {
        Rest(1, Side.Buy, 100, 5);
        Rest(2, Side.Sell, 105, 3);
        _book.Modify(1, 105, 5);
        var t = Assert.Single(Of(BookEventKind.Trade));
        Assert.Equal((1L, 2L, 105L, 3L), (t.OrderId, t.OtherOrderId, t.Price, t.Quantity));
        Assert.Equal(new LiquidityLab.OrderBook.Views.LevelView(105, 2, 1), _book.BestBid);
    }

    [Fact]
    public void SelfTrade_CancelResting_RemovesOwnOrderAndTradesBehindIt()
    {
        Rest(1, Side.Sell, 100, 3, owner: 5);
        Rest(2, Side.Sell, 100, 3, owner: 6);
        _book.Submit(OrderRequest.Limit(9, Side.Buy, 100, 3, owner: 5, stp: SelfTradePrevention.CancelResting));
        var c = Assert.Single(Of(BookEventKind.Cancelled));
        Assert.Equal((1L, (byte)CancelReason.SelfTradePrevention), (c.OrderId, c.Detail));
        Assert.Equal(2, Assert.Single(Of(BookEventKind.Trade)).OtherOrderId);
        Assert.Equal(0, _book.OrderCount);
    }

    [Fact]
    public void SelfTrade_CancelIncoming_StopsMatchingAndDropsTheRemainder()
    {
        Rest(1, Side.Sell, 100, 3, owner: 6);
        Rest(2, Side.Sell, 100, 3, owner: 5);
        _book.Submit(OrderRequest.Limit(9, Side.Buy, 100, 10, owner: 5, stp: SelfTradePrevention.CancelIncoming));
        Assert.Equal(1, Assert.Single(Of(BookEventKind.Trade)).OtherOrderId);
        var c = Assert.Single(Of(BookEventKind.Cancelled));
        Assert.Equal((9L, 7L, (byte)CancelReason.SelfTradePrevention), (c.OrderId, c.Quantity, c.Detail));
        Assert.Equal(new long[] { 2 }, _book.Orders(Side.Sell).Select(o => o.OrderId));
        Assert.Null(_book.BestBid);
    }

    [Fact]
    public void SelfTrade_Allow_TradesWithOwnOrders()
    {
        Rest(1, Side.Sell, 100, 3, owner: 5);
        _book.Submit(OrderRequest.Limit(9, Side.Buy, 100, 3, owner: 5));
        Assert.Single(Of(BookEventKind.Trade));
    }

    [Fact]
    public void BestPrices_AfterTheBestLevelEmpties_MoveToTheNextLevelFarAway()
    {
        var book = new LimitOrderBook<NullSink>(new BookOptions(0, 100_000), default);
        book.Submit(OrderRequest.Limit(1, Side.Buy, 90_000, 1));
        book.Submit(OrderRequest.Limit(2, Side.Buy, 3, 1));
        book.Submit(OrderRequest.Limit(3, Side.Sell, 90_001, 1));
        book.Submit(OrderRequest.Limit(4, Side.Sell, 99_999, 1));
        book.Cancel(1);
        book.Cancel(3);
        Assert.Equal(3, book.BestBid!.Value.Price);
        Assert.Equal(99_999, book.BestAsk!.Value.Price);
        book.Cancel(2);
        Assert.Null(book.BestBid);
    }
}
