namespace LiquidityLab.Analytics.Microstructure;

/// <summary>One cell of a price × time heatmap.</summary>
/// <param name="RestingQuantity">The mean resting quantity at the price over the snapshots taken in the bin.</param>
/// <param name="TradedQuantity">The quantity traded at the price during the bin.</param>
public readonly record struct HeatmapCell(double TimeStart, long PriceTicks, double RestingQuantity, long TradedQuantity);

/// <summary>
/// Accumulates resting volume (from book snapshots) and traded volume by time bin and price level, for the
/// heatmaps of an order-driven run. Memory grows with the occupied (bin, level) cells, not with the events.
/// </summary>
public sealed class PriceTimeHeatmap
{
    private readonly double _start;
    private readonly Dictionary<(long Bin, long Price), (long Resting, long Traded)> _cells = new();
    private readonly Dictionary<long, int> _snapshotsPerBin = new();

    public PriceTimeHeatmap(double start, double binWidth)
    {
        if (!(binWidth > 0)) throw new ArgumentOutOfRangeException(nameof(binWidth), binWidth, "the bin width must be > 0");
        _start = start;
        BinWidth = binWidth;
    }

    public double BinWidth { get; }

    private long BinOf(double time) => (long)Math.Floor((time - _start) / BinWidth);

    /// <summary>Counts one book snapshot at <paramref name="time"/>: call it once, then <see cref="AddResting"/> per level.</summary>
    public void BeginSnapshot(double time)
    {
        var bin = BinOf(time);
        _snapshotsPerBin[bin] = _snapshotsPerBin.GetValueOrDefault(bin) + 1;
    }

    /// <summary>Adds a level's resting quantity to the snapshot begun at <paramref name="time"/>.</summary>
    public void AddResting(double time, long priceTicks, long quantity)
    {
        ref var cell = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_cells, (BinOf(time), priceTicks), out _);
        cell.Resting += quantity;
    }

    public void AddTrade(double time, long priceTicks, long quantity)
    {
        ref var cell = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_cells, (BinOf(time), priceTicks), out _);
        cell.Traded += quantity;
    }

    /// <summary>The non-empty cells, ordered by time then price.</summary>
    public HeatmapCell[] Cells()
    {
        var result = new List<HeatmapCell>(_cells.Count);
        foreach (var ((bin, price), (resting, traded)) in _cells)
        {
            var snapshots = _snapshotsPerBin.GetValueOrDefault(bin);
            var meanResting = snapshots > 0 ? (double)resting / snapshots : 0;
            if (meanResting == 0 && traded == 0) continue;
            result.Add(new HeatmapCell(_start + bin * BinWidth, price, meanResting, traded));
        }
        result.Sort((a, b) => a.TimeStart != b.TimeStart ? a.TimeStart.CompareTo(b.TimeStart) : a.PriceTicks.CompareTo(b.PriceTicks));
        return result.ToArray();
    }
}
