namespace LiquidityLab.OrderDriven.Market;

/// <summary>
/// A maker's risk and quality statistics, accumulated online at every sample (so memory does not grow
/// with the day): PnL changes per sample interval (mean, variance: Sharpe), the largest fall of total PnL
/// from its running peak (currency, so a zero or negative peak is no problem), inventory mean and
/// variance, the share of samples with a quote at the best bid or ask, and markouts per horizon.
/// </summary>
public sealed class MakerStatistics(int horizons)
{
    private long _n;
    private double _meanChange, _m2Change;
    private double _lastTotal;
    private double _peak = double.NegativeInfinity;
    private long _inventoryN;
    private double _inventoryMean, _inventoryM2;

    public double MaxDrawdown { get; private set; }
    public long Samples => _inventoryN;
    public long SamplesAtBid { get; private set; }
    public long SamplesAtAsk { get; private set; }
    public long SamplesAtEitherTouch { get; private set; }

    /// <summary>Σ over fills of signed quantity × (mid at the horizon − price), ticks × lots, per horizon.</summary>
    public double[] MarkoutSum { get; } = new double[horizons];
    /// <summary>Lots whose markout at that horizon is known.</summary>
    public long[] MarkoutQuantity { get; } = new long[horizons];

    public double MeanChange => _meanChange;
    public double StdDevChange => _n > 1 ? Math.Sqrt(_m2Change / (_n - 1)) : double.NaN;
    public double SharpePerSample => StdDevChange > 0 ? _meanChange / StdDevChange : double.NaN;
    public double InventoryMean => _inventoryMean;
    public double InventoryVariance => _inventoryN > 1 ? _inventoryM2 / (_inventoryN - 1) : double.NaN;

    internal void Sample(double total, long inventory, bool atBid, bool atAsk)
    {
        if (_inventoryN > 0)
        {
            var change = total - _lastTotal;
            _n++;
            var d = change - _meanChange;
            _meanChange += d / _n;
            _m2Change += d * (change - _meanChange);
        }
        _lastTotal = total;
        _peak = Math.Max(_peak, total);
        MaxDrawdown = Math.Max(MaxDrawdown, _peak - total);
        _inventoryN++;
        var di = inventory - _inventoryMean;
        _inventoryMean += di / _inventoryN;
        _inventoryM2 += di * (inventory - _inventoryMean);
        if (atBid) SamplesAtBid++;
        if (atAsk) SamplesAtAsk++;
        if (atBid || atAsk) SamplesAtEitherTouch++;
    }

    internal void Markout(int horizon, double signedTicksTimesLots, long quantity)
    {
        MarkoutSum[horizon] += signedTicksTimesLots;
        MarkoutQuantity[horizon] += quantity;
    }
}
