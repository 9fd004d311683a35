namespace LiquidityLab.Analytics.Microstructure;

/// <summary>
/// Sampling of an event-time series (a mid that changes at irregular times) on a regular clock, so that
/// returns over equal intervals can be compared between a simulated day and a real one.
/// </summary>
public static class TimeGrid
{
    /// <summary>
    /// The value in force at start, start + interval, …, up to end: the last observation at or before each
    /// grid time. Grid times before the first observation are skipped. Times must be non-decreasing.
    /// </summary>
    public static double[] LastAt(ReadOnlySpan<double> times, ReadOnlySpan<double> values, double start, double end, double interval)
    {
        if (times.Length != values.Length) throw new ArgumentException($"times ({times.Length}) and values ({values.Length}) must have the same length");
        if (!(interval > 0)) throw new ArgumentOutOfRangeException(nameof(interval), interval, "the interval must be > 0");
        var result = new List<double>();
        var i = -1;
        var count = (long)Math.Floor((end - start) / interval + 1e-9);
        for (long g = 0; g <= count; g++)
        {
            var t = start + g * interval;
            while (i + 1 < times.Length && times[i + 1] <= t)
            {
                i++;
                if (i > 0 && times[i] < times[i - 1])
                    throw new ArgumentException($"times must be non-decreasing; time {i} ({times[i]}) is before time {i - 1} ({times[i - 1]})", nameof(times));
            }
            if (i >= 0) result.Add(values[i]);
        }
        return result.ToArray();
    }
}
