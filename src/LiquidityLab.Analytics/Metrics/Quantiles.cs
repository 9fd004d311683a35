namespace LiquidityLab.Analytics.Metrics;

/// <summary>Sample quantiles by linear interpolation between order statistics (type 7, the R and numpy default).</summary>
public static class Quantiles
{
    /// <summary>A sorted copy of the sample: sort once, then read as many quantiles as needed.</summary>
    public static double[] Sorted(ReadOnlySpan<double> sample)
    {
        var sorted = sample.ToArray();
        Array.Sort(sorted);
        return sorted;
    }

    /// <summary>The q-quantile (0 ≤ q ≤ 1) of an ascending sample; NaN for an empty one.</summary>
    public static double OfSorted(ReadOnlySpan<double> sorted, double q)
    {
        if (sorted.Length == 0) return double.NaN;
        var pos = q * (sorted.Length - 1);
        var lo = (int)Math.Floor(pos);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
