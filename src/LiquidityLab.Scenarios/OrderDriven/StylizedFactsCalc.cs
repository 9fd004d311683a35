namespace LiquidityLab.Scenarios.OrderDriven;

/// <summary>
/// Return statistics of a sampled mid: log returns per interval, their standard deviation, excess kurtosis
/// (fat tails: > 0) and lag-1 autocorrelations of returns (near 0 in real markets) and of absolute returns
/// (> 0: volatility clustering). Non-positive or missing mids are skipped.
/// </summary>
internal static class StylizedFactsCalc
{
    public static StylizedFacts Of(string source, double intervalS, IReadOnlyList<double> mids, double? meanSpread, double? meanTradeSize)
    {
        var r = new List<double>(mids.Count);
        for (var i = 1; i < mids.Count; i++)
            if (mids[i] > 0 && mids[i - 1] > 0 && double.IsFinite(mids[i]) && double.IsFinite(mids[i - 1])) r.Add(Math.Log(mids[i] / mids[i - 1]));
        if (r.Count < 3) return new StylizedFacts(source, intervalS, r.Count, null, null, null, null, meanSpread, meanTradeSize);
        var mean = r.Average();
        double m2 = 0, m4 = 0;
        foreach (var x in r)
        {
            var d = (x - mean) * (x - mean);
            m2 += d;
            m4 += d * d;
        }
        m2 /= r.Count;
        m4 /= r.Count;
        double? kurt = m2 > 0 ? m4 / (m2 * m2) - 3 : null;
        return new StylizedFacts(source, intervalS, r.Count, Finite(Math.Sqrt(m2)), kurt, Autocorrelation(r, x => x), Autocorrelation(r, Math.Abs), meanSpread, meanTradeSize);
    }

    private static double? Autocorrelation(List<double> r, Func<double, double> f)
    {
        var xs = r.Select(f).ToArray();
        var mean = xs.Average();
        double num = 0, den = 0;
        for (var i = 0; i < xs.Length; i++)
        {
            den += (xs[i] - mean) * (xs[i] - mean);
            if (i > 0) num += (xs[i] - mean) * (xs[i - 1] - mean);
        }
        return den > 0 ? num / den : null;
    }

    private static double? Finite(double x) => double.IsFinite(x) ? x : null;
}
