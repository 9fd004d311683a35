using LiquidityLab.Core.Domain;

namespace LiquidityLab.Core.Accounting;

/// <summary>
/// One trader's books: cash, inventory, and PnL marked to a reference price (the mid), kept in
/// <see cref="decimal"/> so that every identity below holds exactly, not just approximately.
/// <list type="bullet">
/// <item>Total PnL = Cash + Inventory × Mark = Realized + Unrealized (FIFO lots).</item>
/// <item>Total PnL = SpreadCapture + InventoryPnl − HedgeCost: the attribution. A trade earns its
/// distance from the mark at trade time (a maker buys at its bid, below the mid: positive); holding
/// inventory earns Inventory × ΔMark between trades; a hedge pays its cost over the mid.</item>
/// </list>
/// Call <see cref="MarkTo"/> with the current mid before booking trades at that time.
/// </summary>
public sealed class TradingAccount
{
    private readonly decimal _lotSize;
    private readonly List<OpenLot> _openLots = [];
    private int _head;

    public TradingAccount(decimal lotSize = 1m, decimal initialMark = 0m)
    {
        if (lotSize <= 0) throw new ArgumentOutOfRangeException(nameof(lotSize), lotSize, "must be > 0");
        _lotSize = lotSize;
        Mark = initialMark;
    }

    /// <summary>Signed position in lots: positive long, negative short.</summary>
    public long Inventory { get; private set; }

    public decimal Cash { get; private set; }

    /// <summary>The reference price the position is valued at.</summary>
    public decimal Mark { get; private set; }

    public decimal SpreadCapture { get; private set; }
    public decimal InventoryPnl { get; private set; }

    /// <summary>Total paid for hedges above the mid (costs and slippage), a positive number.</summary>
    public decimal HedgeCost { get; private set; }

    /// <summary>PnL locked in by closing positions (FIFO), hedges included.</summary>
    public decimal Realized { get; private set; }

    public long TradeCount { get; private set; }
    public long TradedLots { get; private set; }
    public long HedgeCount { get; private set; }
    public long HedgedLots { get; private set; }

    public decimal Total => Cash + Inventory * Mark * _lotSize;
    public decimal Unrealized => Total - Realized;

    /// <summary>Revalues the position at a new mark; the change is inventory PnL.</summary>
    public void MarkTo(decimal mark)
    {
        InventoryPnl += Inventory * (mark - Mark) * _lotSize;
        Mark = mark;
    }

    /// <summary>Books a trade on this account's side at <paramref name="price"/> (money per unit).</summary>
    public void Trade(Side side, long lots, decimal price)
    {
        Book(side, lots, price);
        SpreadCapture += side.Sign() * lots * (Mark - price) * _lotSize;
        TradeCount++;
        TradedLots += lots;
    }

    /// <summary>
    /// Books a hedge: a trade at the mark plus <paramref name="costPerUnit"/> against us
    /// (a hedge buy pays mark + cost, a hedge sell receives mark − cost).
    /// </summary>
    public void Hedge(Side side, long lots, decimal costPerUnit)
    {
        if (costPerUnit < 0) throw new ArgumentOutOfRangeException(nameof(costPerUnit), costPerUnit, "must be >= 0");
        Book(side, lots, Mark + side.Sign() * costPerUnit);
        HedgeCost += lots * costPerUnit * _lotSize;
        HedgeCount++;
        HedgedLots += lots;
    }

    private void Book(Side side, long lots, decimal price)
    {
        if (lots <= 0) throw new ArgumentOutOfRangeException(nameof(lots), lots, "must be > 0");
        var sign = side.Sign();
        Cash -= sign * lots * price * _lotSize;
        RealizeFifo(sign, lots, price);
        Inventory = checked(Inventory + sign * lots);
    }

    // Closing trades realise against the oldest open lots first; the rest opens a new lot.
    // Open lots all have the same sign (the position's); they live in a list consumed from _head.
    private void RealizeFifo(int sign, long lots, decimal price)
    {
        var remaining = lots;
        while (remaining > 0 && _head < _openLots.Count && Math.Sign(_openLots[_head].SignedLots) == -sign)
        {
            var lot = _openLots[_head];
            var closable = Math.Min(remaining, Math.Abs(lot.SignedLots));
            // closing a long (we sell, sign −1) realises price − entry; closing a short realises entry − price
            Realized += -sign * closable * (price - lot.Price) * _lotSize;
            remaining -= closable;
            var left = Math.Abs(lot.SignedLots) - closable;
            if (left > 0) _openLots[_head] = lot with { SignedLots = Math.Sign(lot.SignedLots) * left };
            else _head++;
        }
        if (_head == _openLots.Count)
        {
            _openLots.Clear();
            _head = 0;
        }
        else if (_head > 64 && _head * 2 > _openLots.Count)
        {
            _openLots.RemoveRange(0, _head);
            _head = 0;
        }
        if (remaining > 0) _openLots.Add(new OpenLot(sign * remaining, price));
    }

    private readonly record struct OpenLot(long SignedLots, decimal Price);
}
