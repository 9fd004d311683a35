namespace LiquidityLab.Analytics.Microstructure;

/// <summary>How often an integer value occurs (a spread in ticks, a trade size in lots), and its share of all.</summary>
public readonly record struct Frequency(long Value, long Count, double Share);

public static class Distributions
{
    /// <summary>
    /// Equal-width histogram counts: bar i holds the values in [lo + i·width, lo + (i + 1)·width), and the
    /// last bar also everything above it. Values must be ≥ <paramref name="lo"/>.
    /// </summary>
    public static double?[] Counts(IEnumerable<double> values, double lo, double width, int bins)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        var counts = new double?[bins];
        for (var i = 0; i < bins; i++) counts[i] = 0;
        foreach (var v in values) counts[Math.Min(bins - 1, (int)((v - lo) / width))]++;
        return counts;
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
