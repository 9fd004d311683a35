using LiquidityLab.Core.Domain;
using LiquidityLab.Core.Randomness;
using LiquidityLab.OrderBook.Events;
using LiquidityLab.OrderBook.Matching;
using LiquidityLab.OrderBook.Orders;

namespace LiquidityLab.OrderBook.Tests.Reference;

/// <summary>One request to a book, replayable against any implementation.</summary>
internal abstract record BookOp
{
    public sealed record Submit(OrderRequest Request) : BookOp
    {
        public override string ToString() => $"submit {Request}";
    }

    public sealed record Cancel(long OrderId) : BookOp
    {
        public override string ToString() => $"cancel #{OrderId}";
    }

    public sealed record Modify(long OrderId, long Price, long Quantity) : BookOp
    {
        public override string ToString() => $"modify #{OrderId} -> {Quantity}@{Price}";
    }

    public void ApplyTo<TSink>(LimitOrderBook<TSink> book) where TSink : IBookEventSink
    {
        switch (this)
        {
            case Submit s: book.Submit(s.Request); break;
            case Cancel c: book.Cancel(c.OrderId); break;
            case Modify m: book.Modify(m.OrderId, m.Price, m.Quantity); break;
        }
    }

    public void ApplyTo(ReferenceBook book)
    {
        switch (this)
        {
            case Submit s: book.Submit(s.Request); break;
            case Cancel c: book.Cancel(c.OrderId); break;
            case Modify m: book.Modify(m.OrderId, m.Price, m.Quantity); break;
        }
    }
}

/// <summary>
/// Random requests covering every order type, self-trade setting and rejection, around a mid price
/// of a small band, so that books stay shallow enough to compare in full after every step.
/// </summary>
internal sealed class RandomOps
{
    private readonly RandomStream _rng;
    private readonly BookOptions _opt;
    private long _nextId = 1;

    public RandomOps(ulong seed, BookOptions options)
    {
        _rng = RandomStream.Create(seed, "orderbook-random-ops");
        _opt = options;
    }

    public static BookOptions OptionsFor(ulong seed)
    {
        var rng = RandomStream.Create(seed, "orderbook-random-options");
        var tick = rng.Bernoulli(0.5) ? 1 : 5;
        return new BookOptions(1000 * tick, 1060 * tick, tick)
        {
            PostOnly = rng.Bernoulli(0.5) ? PostOnlyMode.Reject : PostOnlyMode.Reprice,
            InitialOrderCapacity = 16,
        };
    }

    private long GridPrice(int offset) => _opt.MinPrice + offset * _opt.TickSize;

    private long RandomPrice(Side side)
    {
        var roll = _rng.NextDouble();
        if (roll < 0.01) return _opt.MinPrice - _opt.TickSize;                 // below the band
        if (roll < 0.02) return _opt.MaxPrice + _opt.TickSize;                 // above the band
        if (roll < 0.03 && _opt.TickSize > 1) return GridPrice(30) + 1;       // off the grid
        if (roll < 0.05) return _rng.Bernoulli(0.5) ? _opt.MinPrice : _opt.MaxPrice; // at the edges
        var away = (int)_rng.NextLong(-3, 10); // mostly passive: a book builds up around the middle
        return GridPrice(side == Side.Buy ? 30 - away : 30 + away);
    }

    private long RandomQuantity() => _rng.NextDouble() < 0.02 ? -_rng.NextLong(0, 2) : _rng.NextLong(1, 12);

    /// <param name="live">ids of the orders currently resting (from either book).</param>
    public BookOp Next(IReadOnlyList<long> live)
    {
        var roll = _rng.NextDouble();
        if (roll < 0.18 && live.Count > 0 || roll < 0.02)
        {
            var id = live.Count > 0 && _rng.NextDouble() < 0.9 ? live[_rng.NextInt(live.Count)] : _nextId + 1000 + _rng.NextInt(5);
            return new BookOp.Cancel(id);
        }
        if (roll < 0.30 && live.Count > 0)
        {
            var id = live[_rng.NextInt(live.Count)];
            if (_rng.NextDouble() < 0.03) id = -id - 1; // unknown
            return new BookOp.Modify(id, RandomPrice(_rng.Bernoulli(0.5) ? Side.Buy : Side.Sell), RandomQuantity());
        }
        var side = _rng.Bernoulli(0.5) ? Side.Buy : Side.Sell;
        var t = _rng.NextDouble();
        var type = t < 0.55 ? OrderType.Limit : t < 0.65 ? OrderType.Market : t < 0.77 ? OrderType.ImmediateOrCancel : t < 0.87 ? OrderType.FillOrKill : OrderType.PostOnly;
        var owner = 1 + _rng.NextInt(3);
        var stpRoll = _rng.NextDouble();
        var stp = stpRoll < 0.6 ? SelfTradePrevention.Allow : stpRoll < 0.8 ? SelfTradePrevention.CancelResting : SelfTradePrevention.CancelIncoming;
        var orderId = live.Count > 0 && _rng.NextDouble() < 0.01 ? live[_rng.NextInt(live.Count)] : _nextId++;
        if (_rng.NextDouble() < 0.002) type = (OrderType)9;
        var price = type == OrderType.Market ? 0 : RandomPrice(side);
        return new BookOp.Submit(new OrderRequest(orderId, owner, side, type, price, RandomQuantity(), stp));
    }
}
