namespace LiquidityLab.Analytics.Metrics;

/// <summary>Return and drawdown measures of an equity (cumulative PnL) path.</summary>
public static class PerformanceMetrics
{
    /// <summary>
    /// Sharpe ratio of the per-step PnL changes: mean / sample standard deviation, per step and
    /// not annualised (multiply by √(steps per year) to annualise). NaN when the changes do not vary.
    /// </summary>
    public static double SharpePerStep(ReadOnlySpan<double> changes)
    {
        var (mean, sd) = MeanAndStdDev(changes);
        return sd > 0 ? mean / sd : double.NaN;
    }

    /// <summary>Sortino ratio per step: mean over the downside deviation (root mean square of negative changes).</summary>
    public static double SortinoPerStep(ReadOnlySpan<double> changes)
    {
        if (changes.Length < 2) return double.NaN;
        double sum = 0, downside = 0;
        foreach (var c in changes)
        {
            sum += c;
            if (c < 0) downside += c * c;
        }
        var dd = Math.Sqrt(downside / changes.Length);
        return dd > 0 ? sum / changes.Length / dd : double.NaN;
    }

    /// <summary>Mean and sample standard deviation (n − 1), two-pass for accuracy.</summary>
    public static (double Mean, double StdDev) MeanAndStdDev(ReadOnlySpan<double> xs)
    {
        if (xs.Length == 0) return (double.NaN, double.NaN);
        double sum = 0;
        foreach (var x in xs) sum += x;
        var mean = sum / xs.Length;
        if (xs.Length < 2) return (mean, double.NaN);
        double ss = 0;
        foreach (var x in xs) ss += (x - mean) * (x - mean);
        return (mean, Math.Sqrt(ss / (xs.Length - 1)));
    }

    /// <summary>
    /// Largest fall of equity from a running peak. The absolute drawdown is always defined; the
    /// relative one only while the peak is positive (a percentage of a zero or negative peak means
    /// nothing), and is NaN when no positive peak preceded the worst fall.
    /// </summary>
    public static Drawdown MaxDrawdown(ReadOnlySpan<double> equity)
    {
        if (equity.Length == 0) return new Drawdown(0, double.NaN, -1, -1);
        var peak = equity[0];
        var peakIndex = 0;
        double maxDd = 0, relative = double.NaN;
        int fromIndex = -1, toIndex = -1;
        for (var i = 1; i < equity.Length; i++)
        {
            if (equity[i] > peak)
            {
                peak = equity[i];
                peakIndex = i;
                continue;
            }
            var dd = peak - equity[i];
            if (dd > maxDd)
            {
                maxDd = dd;
                fromIndex = peakIndex;
                toIndex = i;
                relative = peak > 0 ? dd / peak : double.NaN;
            }
        }
        return new Drawdown(maxDd, relative, fromIndex, toIndex);
    }

    /// <summary>Per-step changes of a path: changes[i] = path[i + 1] − path[i].</summary>
    public static double[] Changes(ReadOnlySpan<double> path)
    {
        if (path.Length < 2) return [];
        var changes = new double[path.Length - 1];
        for (var i = 1; i < path.Length; i++) changes[i - 1] = path[i] - path[i - 1];
        return changes;
    }
}

/// <summary>A maximum drawdown: its size, its size relative to the peak (NaN if the peak was not positive), and where it ran.</summary>
public readonly record struct Drawdown(double Absolute, double Relative, int PeakIndex, int TroughIndex);
