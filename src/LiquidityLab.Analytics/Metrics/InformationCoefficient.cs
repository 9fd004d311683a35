namespace LiquidityLab.Analytics.Metrics;

/// <summary>
/// How well a score forecasts returns: the correlation between the score at t and the log return from
/// t to t + h. Pairs where either side is undefined (a warming-up signal, the last h bars) are skipped.
/// </summary>
public static class InformationCoefficient
{
    /// <summary>Forward log returns ln(p[t + h] / p[t]); NaN for the last h points.</summary>
    public static double[] ForwardReturns(ReadOnlySpan<double> prices, int horizon)
    {
        if (horizon < 1) throw new ArgumentOutOfRangeException(nameof(horizon), horizon, "must be >= 1");
        var r = new double[prices.Length];
        for (var t = 0; t < prices.Length; t++) r[t] = t + horizon < prices.Length ? Math.Log(prices[t + horizon] / prices[t]) : double.NaN;
        return r;
    }

    /// <summary>Pearson correlation over the pairs where both are finite; NaN with fewer than 3 pairs or no variation.</summary>
    public static double Pearson(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length) throw new ArgumentException($"{x.Length} scores but {y.Length} returns");
        double n = 0, mx = 0, my = 0;
        for (var i = 0; i < x.Length; i++)
            if (double.IsFinite(x[i]) && double.IsFinite(y[i])) { n++; mx += x[i]; my += y[i]; }
        if (n < 3) return double.NaN;
        mx /= n;
        my /= n;
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            if (!(double.IsFinite(x[i]) && double.IsFinite(y[i]))) continue;
            var dx = x[i] - mx;
            var dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return sxx > 0 && syy > 0 ? sxy / Math.Sqrt(sxx * syy) : double.NaN;
    }

    /// <summary>Spearman rank correlation (ties share their mean rank) over the finite pairs.</summary>
    public static double Spearman(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length) throw new ArgumentException($"{x.Length} scores but {y.Length} returns");
        var xs = new List<double>();
        var ys = new List<double>();
        for (var i = 0; i < x.Length; i++)
            if (double.IsFinite(x[i]) && double.IsFinite(y[i])) { xs.Add(x[i]); ys.Add(y[i]); }
        return Pearson(Ranks(xs), Ranks(ys));
    }

    /// <summary>IC of <paramref name="scores"/> against the forward returns of <paramref name="prices"/> at horizon h.</summary>
    public static double AtHorizon(ReadOnlySpan<double> scores, ReadOnlySpan<double> prices, int horizon) =>
        Pearson(scores, ForwardReturns(prices, horizon));

    private static double[] Ranks(List<double> values)
    {
        var keys = values.ToArray();
        var order = new int[keys.Length];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(keys, order); // keys sorted ascending, order carried along
        var ranks = new double[keys.Length];
        for (var i = 0; i < keys.Length;)
        {
            var j = i;
            while (j + 1 < keys.Length && keys[j + 1] == keys[i]) j++;
            var mean = (i + j) / 2.0 + 1;
            for (var k = i; k <= j; k++) ranks[order[k]] = mean;
            i = j + 1;
        }
        return ranks;
    }
}
