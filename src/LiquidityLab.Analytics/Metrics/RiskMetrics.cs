namespace LiquidityLab.Analytics.Metrics;

/// <summary>
/// Historical (non-parametric) risk measures of a sample of PnL changes. Losses are reported as
/// positive numbers. With the changes sorted ascending, x(1) ≤ … ≤ x(n), and m = ⌈n(1 − α)⌉:
/// VaR_α = −x(m) and CVaR_α = −mean(x(1), …, x(m)), the average of the m worst outcomes.
/// So with n = 100 and α = 0.95, VaR is minus the 5th worst change and CVaR minus the mean of the 5 worst.
/// </summary>
public static class RiskMetrics
{
    public static double ValueAtRisk(ReadOnlySpan<double> changes, double confidence) =>
        Tail(changes, confidence, out var sorted, out var m) ? -sorted[m - 1] : double.NaN;

    public static double ConditionalValueAtRisk(ReadOnlySpan<double> changes, double confidence)
    {
        if (!Tail(changes, confidence, out var sorted, out var m)) return double.NaN;
        double sum = 0;
        for (var i = 0; i < m; i++) sum += sorted[i];
        return -sum / m;
    }

    /// <summary>VaR and CVaR at once, sorting the sample only once.</summary>
    public static (double VaR, double CVaR) Both(ReadOnlySpan<double> changes, double confidence)
    {
        if (!Tail(changes, confidence, out var sorted, out var m)) return (double.NaN, double.NaN);
        double sum = 0;
        for (var i = 0; i < m; i++) sum += sorted[i];
        return (-sorted[m - 1], -sum / m);
    }

    private static bool Tail(ReadOnlySpan<double> changes, double confidence, out double[] sorted, out int m)
    {
        if (!(confidence > 0 && confidence < 1)) throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "must be in (0, 1)");
        sorted = changes.ToArray();
        m = 0;
        if (sorted.Length == 0) return false;
        Array.Sort(sorted);
        m = Math.Max(1, (int)Math.Ceiling(sorted.Length * (1 - confidence) - 1e-9));
        return true;
    }
}
