using LiquidityLab.Core.Domain;

namespace LiquidityLab.OrderDriven.Accounting;

/// <summary>
/// A market maker's exact PnL as the exchange books it, with its attribution. Every fill adds its
/// spread capture, signed quantity × (mid − price) for a buy and (price − mid) for a sell, against the
/// mid just before the order that hit it arrived; inventory PnL is position × mid change between marks
/// (every fill and every sample); fees are what the exchange charged (negative = rebates earned). So at
/// every mark: total = cash + position × mid = spread capture + inventory PnL − fees, and
/// total = realized + unrealized (average-cost method, fees in realized). Decimal throughout: exact.
/// </summary>
public sealed class MakerAccount(string name, int agentId, long inventoryLimit, decimal tickSize)
{
    private decimal _lastMark;
    private bool _marked;
    private decimal _avgCost;

    public string Name { get; } = name;
    public int AgentId { get; } = agentId;
    public long InventoryLimit { get; } = inventoryLimit;

    public decimal Cash { get; private set; }
    public long Position { get; private set; }
    public decimal SpreadCapture { get; private set; }
    public decimal InventoryPnl { get; private set; }
    public decimal Fees { get; private set; }
    public decimal RealizedPnl { get; private set; }
    public long Volume { get; private set; }
    public long Fills { get; private set; }
    public long SubmittedQuantity { get; internal set; }
    public long OrdersSent { get; internal set; }
    public long CancelsSent { get; internal set; }
    public long MaxAbsPosition { get; private set; }

    /// <summary>Cash + position × mid, in currency.</summary>
    public decimal Total(decimal midTicks) => Cash + Position * midTicks * tickSize;

    public decimal Unrealized(decimal midTicks) => Position * (midTicks * tickSize - _avgCost);

    /// <summary>Mark-to-mid: accrue position × (mid − last mark).</summary>
    public void Mark(decimal midTicks)
    {
        var mid = midTicks * tickSize;
        if (_marked) InventoryPnl += Position * (mid - _lastMark);
        _lastMark = mid;
        _marked = true;
    }

    public void OnFill(Side side, long priceTicks, long quantity, decimal fee, decimal midTicks)
    {
        Mark(midTicks);
        var price = priceTicks * tickSize;
        var mid = midTicks * tickSize;
        var signed = side == Side.Buy ? quantity : -quantity;
        SpreadCapture += signed * (mid - price);
        Fees += fee;
        Cash -= signed * price + fee;
        RealizedPnl -= fee;
        // average cost: a fill that reduces the position realizes against the average; one that adds re-averages
        var before = Position;
        var after = before + signed;
        if (before == 0 || Math.Sign(before) == Math.Sign(signed))
            _avgCost = (Math.Abs(before) * _avgCost + quantity * price) / Math.Abs(after);
        else
        {
            var closed = Math.Min(Math.Abs(before), quantity);
            RealizedPnl += closed * (price - _avgCost) * Math.Sign(before);
            if (Math.Abs(signed) > Math.Abs(before)) _avgCost = price; // flipped through zero
            else if (after == 0) _avgCost = 0;
        }
        Position = after;
        Volume += quantity;
        Fills++;
        MaxAbsPosition = Math.Max(MaxAbsPosition, Math.Abs(Position));
    }
}
