namespace LiquidityLab.Analytics.Microstructure;

/// <summary>
/// The stylized facts of a return series that real markets show and a simulated market should too:
/// fat tails (positive excess kurtosis, a tail index of a few), no linear autocorrelation of returns,
/// and volatility clustering (positive, slowly decaying autocorrelation of absolute returns).
/// </summary>
/// <param name="TailIndex">The Hill estimate of the tail exponent of |r| from its largest 5% (at least 2 values); smaller is fatter.</param>
/// <param name="ReturnAutocorrelation">Lags 1, 2, … of the returns.</param>
/// <param name="AbsoluteReturnAutocorrelation">Lags 1, 2, … of the absolute returns.</param>
public sealed record ReturnFacts(
    int Count,
    double Mean,
    double StandardDeviation,
    double Skewness,
    double ExcessKurtosis,
    double TailIndex,
    IReadOnlyList<double> ReturnAutocorrelation,
    IReadOnlyList<double> AbsoluteReturnAutocorrelation);

public static class StylizedFacts
{
    /// <summary>Log returns of consecutive prices (all must be positive).</summary>
    public static double[] LogReturns(ReadOnlySpan<double> prices)
    {
        if (prices.Length < 2) return [];
        var r = new double[prices.Length - 1];
        for (var i = 0; i < prices.Length; i++)
            if (!(prices[i] > 0)) throw new ArgumentException($"log returns need positive prices; price {i} is {prices[i]}", nameof(prices));
        for (var i = 1; i < prices.Length; i++) r[i - 1] = Math.Log(prices[i] / prices[i - 1]);
        return r;
    }

    /// <summary>The stylized facts of <paramref name="returns"/>, with autocorrelations up to <paramref name="maxLag"/>.</summary>
    public static ReturnFacts Of(ReadOnlySpan<double> returns, int maxLag = 10)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxLag);
        var n = returns.Length;
        double mean = 0;
        foreach (var r in returns) mean += r;
        mean = n > 0 ? mean / n : double.NaN;
        double m2 = 0, m3 = 0, m4 = 0;
        foreach (var r in returns)
        {
            var d = r - mean; var d2 = d * d;
            m2 += d2; m3 += d2 * d; m4 += d2 * d2;
        }
        var sd = n > 1 ? Math.Sqrt(m2 / (n - 1)) : double.NaN;
        // Moment ratios from the population moments (m_k / n): the textbook g1 and g2 - 3.
        var skew = n > 2 && m2 > 0 ? m3 / n / Math.Pow(m2 / n, 1.5) : double.NaN;
        var kurt = n > 3 && m2 > 0 ? m4 / n / Math.Pow(m2 / n, 2) - 3 : double.NaN;

        var abs = new double[n];
        for (var i = 0; i < n; i++) abs[i] = Math.Abs(returns[i]);
        var acf = new double[maxLag];
        var absAcf = new double[maxLag];
        for (var lag = 1; lag <= maxLag; lag++)
        {
            acf[lag - 1] = Autocorrelation(returns, lag);
            absAcf[lag - 1] = Autocorrelation(abs, lag);
        }
        var tailCount = Math.Max(2, (int)(0.05 * n));
        return new ReturnFacts(n, mean, sd, skew, kurt, HillTailIndex(abs, tailCount), acf, absAcf);
    }

    /// <summary>
    /// The sample autocorrelation at <paramref name="lag"/>: Σ (x_t − x̄)(x_{t+lag} − x̄) / Σ (x_t − x̄)², the
    /// standard estimator (biased towards 0, always within [−1, 1]); NaN when the series is constant or too short.
    /// </summary>
    public static double Autocorrelation(ReadOnlySpan<double> x, int lag)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lag, 1);
        if (x.Length <= lag) return double.NaN;
        double mean = 0;
        foreach (var v in x) mean += v;
        mean /= x.Length;
        double num = 0, den = 0;
        for (var t = 0; t < x.Length; t++)
        {
            var d = x[t] - mean;
            den += d * d;
            if (t + lag < x.Length) num += d * (x[t + lag] - mean);
        }
        return den > 0 ? num / den : double.NaN;
    }

    /// <summary>
    /// Hill's estimator of the tail index from the k largest of <paramref name="values"/> (magnitudes):
    /// α = k / Σ_{i≤k} ln(X_(i) / X_(k+1)), with X_(1) ≥ X_(2) ≥ …. NaN when there are not k + 1 positive values.
    /// </summary>
    public static double HillTailIndex(ReadOnlySpan<double> values, int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var positive = new List<double>(values.Length);
        foreach (var v in values) if (v > 0) positive.Add(v);
        if (positive.Count <= k) return double.NaN;
        positive.Sort((a, b) => b.CompareTo(a));
        var threshold = positive[k];
        double sum = 0;
        for (var i = 0; i < k; i++) sum += Math.Log(positive[i] / threshold);
        return sum > 0 ? k / sum : double.NaN;
    }
}
