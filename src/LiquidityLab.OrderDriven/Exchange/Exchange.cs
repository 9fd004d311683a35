using System.Runtime.CompilerServices;
using LiquidityLab.Core.Domain;
using LiquidityLab.OrderBook.Events;
using LiquidityLab.OrderBook.Matching;
using LiquidityLab.OrderBook.Orders;
using LiquidityLab.OrderDriven.Accounting;
using LiquidityLab.OrderDriven.Kernel;
using LiquidityLab.OrderDriven.Market;

namespace LiquidityLab.OrderDriven.Exchange;

/// <summary>
/// The venue: one matching engine (<see cref="LimitOrderBook{TSink}"/>), the ledger of true positions,
/// and the publisher. Each arriving request is one exchange action: the book's events are turned into
/// execution reports for their owners, fills are booked at once (cash, shares, fees, maker accounts),
/// and after the action one L1 update, with the action's trades, goes to every subscriber if the top
/// changed or anything traded. Single-threaded, like the book.
/// </summary>
internal sealed class Exchange
{
    private readonly MarketKernel _kernel;
    private readonly LimitOrderBook<ExchangeSink> _book;
    private readonly MarketRecorder _recorder;
    private readonly int[] _makerOf; // agent id -> maker index, or -1

    // the action being applied
    private int _actionAgent;
    private bool _actionIsCancel;
    private long _actionVolume;
    private long _actionLast;
    private double _actionReach;
    private double _midBefore;
    private ulong _actionMakers;

    private double _lastMid;
    private MarketUpdate _top;

    public Exchange(MarketKernel kernel, MarketSetup setup, Ledger ledger, int[] makerOf, MarketRecorder recorder)
    {
        _kernel = kernel;
        Ledger = ledger;
        _makerOf = makerOf;
        _recorder = recorder;
        _book = new LimitOrderBook<ExchangeSink>(new BookOptions(setup.MinPrice, setup.MaxPrice) { InitialOrderCapacity = 4096 }, new ExchangeSink(this));
        _lastMid = double.NaN;
    }

    public Ledger Ledger { get; }
    public LimitOrderBook<ExchangeSink> Book => _book;

    /// <summary>L1 now, as a poll would return it (with the last action's trades).</summary>
    public MarketUpdate Top => _top;

    /// <summary>(best bid + best ask) / 2 in ticks; the last such value while a side is empty (NaN before any).</summary>
    public double Mid => _lastMid;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Submit(in OrderRequest request)
    {
        Begin(request.Owner, cancel: false);
        _kernel.Counters.Orders++;
        _book.Submit(request);
        End(request);
    }

    public void Cancel(int agent, long orderId)
    {
        Begin(agent, cancel: true);
        _kernel.Counters.Cancels++;
        _book.Cancel(orderId);
        End(default);
    }

    private void Begin(int agent, bool cancel)
    {
        _actionAgent = agent;
        _actionIsCancel = cancel;
        _actionVolume = 0;
        _actionLast = 0;
        _actionReach = 0;
        _actionMakers = 0;
        _midBefore = _lastMid;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void End(in OrderRequest request)
    {
        var before = _top;
        var bbo = _book.BestBidOffer;
        var bid = bbo.Bid ?? default;
        var ask = bbo.Ask ?? default;
        if (bbo.Bid.HasValue && bbo.Ask.HasValue) _lastMid = (bid.Price + ask.Price) / 2.0;
        var buys = _actionVolume > 0 && request.Side == Side.Buy ? 1 : 0;
        var sells = _actionVolume > 0 && request.Side == Side.Sell ? 1 : 0;
        _top = new MarketUpdate(_kernel.Now, bid.Price, bid.Quantity, ask.Price, ask.Quantity, buys, sells, _actionVolume,
            _actionVolume > 0 ? _actionLast : before.LastPrice, _actionReach);
        var peak = _book.OrderCount;
        if (peak > _kernel.Counters.PeakRestingOrders) _kernel.Counters.PeakRestingOrders = peak;
        if (_actionVolume > 0 && !_actionIsCancel)
            _recorder.Aggressive(_kernel.Now, request.Owner, request.Side, request.Quantity, _actionVolume, _midBefore, _lastMid, _actionMakers);
        if (_actionVolume > 0 || bid.Price != before.Bid || bid.Quantity != before.BidQuantity || ask.Price != before.Ask || ask.Quantity != before.AskQuantity)
            _kernel.Publish(_top);
    }

    internal void OnAccepted(in OrderAccepted e) =>
        _kernel.SendReport(e.Owner, new OrderReport(ReportKind.Accepted, e.OrderId, e.Side, e.Price, e.Quantity, false, _kernel.Now));

    internal void OnRejected(in OrderRejected e)
    {
        _kernel.Counters.Rejections++;
        _kernel.SendReport(_actionAgent, new OrderReport(ReportKind.Rejected, e.OrderId, default, 0, 0, e.Request == RequestKind.Cancel, _kernel.Now));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void OnTrade(in Trade t)
    {
        var c = _kernel.Counters;
        c.Trades++;
        c.TradedVolume += t.Quantity;
        Ledger.Book(t.AggressorSide, t.AggressorOwner, t.RestingOwner, t.Price, t.Quantity, out var aggressorFee, out var restingFee);
        var restingSide = t.AggressorSide.Opposite();
        // the reference mid of an action is the one before it arrived (on an empty side, the last one seen)
        var mid = double.IsNaN(_midBefore) ? t.Price : _midBefore;
        var midTicks = (decimal)mid;
        if (_makerOf[t.RestingOwner] is var m and >= 0)
        {
            _kernel.MakerAccounts[m].OnFill(restingSide, t.Price, t.Quantity, restingFee, midTicks);
            _recorder.MakerFill(m, _kernel.Now, restingSide, t.Price, t.Quantity);
            if (m < 64) _actionMakers |= 1UL << m;
        }
        if (_makerOf[t.AggressorOwner] is var a and >= 0)
        {
            _kernel.MakerAccounts[a].OnFill(t.AggressorSide, t.Price, t.Quantity, aggressorFee, midTicks);
            _recorder.MakerFill(a, _kernel.Now, t.AggressorSide, t.Price, t.Quantity);
        }
        _actionVolume += t.Quantity;
        _actionLast = t.Price;
        if (!double.IsNaN(_midBefore)) _actionReach = Math.Max(_actionReach, Math.Abs(t.Price - _midBefore));
        _recorder.Trade(new TradePrint(_kernel.Now, t.AggressorSide, t.Price, t.Quantity, t.AggressorOwner, t.RestingOwner, t.AggressorOrderId, t.RestingOrderId));
        _kernel.SendReport(t.RestingOwner, new OrderReport(ReportKind.Filled, t.RestingOrderId, restingSide, t.Price, t.Quantity, false, _kernel.Now));
        _kernel.SendReport(t.AggressorOwner, new OrderReport(ReportKind.Filled, t.AggressorOrderId, t.AggressorSide, t.Price, t.Quantity, false, _kernel.Now));
    }

    internal void OnCancelled(in OrderCancelled e) =>
        _kernel.SendReport(e.Owner, new OrderReport(ReportKind.Cancelled, e.OrderId, e.Side, e.Price, e.Quantity, false, _kernel.Now));
}

/// <summary>Forwards the book's events to the exchange (a struct: the book's calls are devirtualised).</summary>
public readonly struct ExchangeSink : IBookEventSink
{
    private readonly Exchange _exchange;

    internal ExchangeSink(Exchange exchange) => _exchange = exchange;

    public void OnAccepted(in OrderAccepted e) => _exchange.OnAccepted(e);
    public void OnRejected(in OrderRejected e) => _exchange.OnRejected(e);
    public void OnTrade(in Trade e) => _exchange.OnTrade(e);
    public void OnCancelled(in OrderCancelled e) => _exchange.OnCancelled(e);
    public void OnModified(in OrderModified e) { }
    public void OnBookChanged(in BookLevelChanged e) { }
}
