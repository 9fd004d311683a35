namespace LiquidityLab.Analytics.Microstructure;

/// <summary>One bar of a histogram: the values in [Lower, Upper) (the last bar also holds its upper edge).</summary>
public readonly record struct HistogramBin(double Lower, double Upper, int Count);

/// <summary>How often an integer value occurs (a spread in ticks, a trade size in lots), and its share of all.</summary>
public readonly record struct Frequency(long Value, long Count, double Share);

public static class Distributions
{
    /// <summary>An equal-width histogram over the sample's range, NaNs left out; empty for an empty sample.</summary>
    public static HistogramBin[] Histogram(ReadOnlySpan<double> values, int bins)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        foreach (var v in values)
        {
            if (double.IsNaN(v)) continue;
            lo = Math.Min(lo, v); hi = Math.Max(hi, v);
        }
        if (lo > hi) return [];
        if (lo == hi) { hi = lo + 1; bins = 1; }
        var width = (hi - lo) / bins;
        var counts = new int[bins];
        foreach (var v in values)
        {
            if (double.IsNaN(v)) continue;
            counts[Math.Min(bins - 1, (int)((v - lo) / width))]++;
        }
        var result = new HistogramBin[bins];
        for (var i = 0; i < bins; i++)
            result[i] = new HistogramBin(lo + i * width, i == bins - 1 ? hi : lo + (i + 1) * width, counts[i]);
        return result;
    }

    /// <summary>The frequency table of integer values, in ascending order of value.</summary>
    public static Frequency[] Frequencies(IEnumerable<long> values)
    {
        var counts = new SortedDictionary<long, long>();
        long total = 0;
        foreach (var v in values)
        {
            counts[v] = counts.GetValueOrDefault(v) + 1;
            total++;
        }
        return counts.Select(kv => new Frequency(kv.Key, kv.Value, (double)kv.Value / total)).ToArray();
    }
}
