namespace LiquidityLab.Analytics.Metrics;

/// <summary>A maker's fill: the step it happened at, whether the maker bought, and its price.</summary>
public readonly record struct MakerFill(int Step, bool MakerBought, double Price);

/// <summary>
/// Markouts: the value of each fill marked to the mid h steps later, per unit, from the maker's side:
/// mid(t + h) − price for a buy, price − mid(t + h) for a sell. At h = 0 it is the half-spread the fill
/// captured; it falls as the mid moves against the fills, and a negative markout means the move
/// against the maker (adverse selection) was larger than the spread it earned.
/// </summary>
public static class Markouts
{
    /// <param name="mids">mids[t] is the mid at step t (the fill at step t was priced off mids[t]).</param>
    /// <returns>For each horizon, the markouts of the fills that have a mid h steps later, in fill order.</returns>
    public static double[][] Compute(ReadOnlySpan<double> mids, IReadOnlyList<MakerFill> fills, IReadOnlyList<int> horizons)
    {
        var result = new double[horizons.Count][];
        for (var h = 0; h < horizons.Count; h++)
        {
            var horizon = horizons[h];
            if (horizon < 0) throw new ArgumentOutOfRangeException(nameof(horizons), horizon, "horizons must be >= 0 steps");
            var values = new List<double>(fills.Count);
            foreach (var f in fills)
            {
                var later = f.Step + horizon;
                if (f.Step < 0 || later >= mids.Length) continue;
                values.Add(f.MakerBought ? mids[later] - f.Price : f.Price - mids[later]);
            }
            result[h] = values.ToArray();
        }
        return result;
    }
}
