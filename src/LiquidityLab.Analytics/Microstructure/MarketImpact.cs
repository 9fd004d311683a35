namespace LiquidityLab.Analytics.Microstructure;

/// <summary>
/// One aggressive order: its size and the mid move it was followed by, signed in the aggressor's
/// direction (positive when a buy pushed the mid up or a sell pushed it down).
/// </summary>
public readonly record struct ImpactObservation(double Size, double Move);

/// <summary>The mean signed move of the aggressive orders of one size bucket.</summary>
public readonly record struct ImpactBin(double MeanSize, double MeanMove, int Count);

/// <summary>
/// A fitted impact curve. The power law move = c·size^β is fitted by least squares on the logs of the
/// bins' means (bins with a positive mean move only: a log needs one), weighted by the bins' counts;
/// the square-root law move = c·√size is fitted by least squares on every observation, through the origin.
/// Coefficients are NaN when there is too little to fit (fewer than two usable bins, or no observations).
/// </summary>
public sealed record ImpactCurve(
    int Observations,
    IReadOnlyList<ImpactBin> Bins,
    double PowerLawCoefficient,
    double PowerLawExponent,
    double PowerLawRSquared,
    double SquareRootCoefficient,
    double SquareRootRSquared)
{
    public double PowerLaw(double size) => PowerLawCoefficient * Math.Pow(size, PowerLawExponent);
    public double SquareRoot(double size) => SquareRootCoefficient * Math.Sqrt(size);
}

/// <summary>Market impact analysis: how far the mid moves after aggressive orders, as a function of their size.</summary>
public static class MarketImpact
{
    /// <summary>Fits the impact curves of <paramref name="observations"/> (sizes must be positive).</summary>
    /// <param name="maxBins">
    /// At most this many size buckets of about equal counts; a run of equal sizes is never split across two
    /// buckets, so integer lot sizes with few distinct values get one bucket per value.
    /// </param>
    public static ImpactCurve Fit(IReadOnlyList<ImpactObservation> observations, int maxBins = 12)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBins, 2);
        foreach (var o in observations)
            if (!(o.Size > 0) || !double.IsFinite(o.Move))
                throw new ArgumentException($"an impact observation needs a positive size and a finite move; got size {o.Size}, move {o.Move}", nameof(observations));

        var bins = Bin(observations, maxBins);
        var (c, beta, r2) = FitPowerLaw(bins);
        var (sqrtC, sqrtR2) = FitSquareRoot(observations);
        return new ImpactCurve(observations.Count, bins, c, beta, r2, sqrtC, sqrtR2);
    }

    private static ImpactBin[] Bin(IReadOnlyList<ImpactObservation> observations, int maxBins)
    {
        var sorted = observations.ToArray();
        Array.Sort(sorted, (a, b) => a.Size.CompareTo(b.Size));
        var target = Math.Max(1, (int)Math.Ceiling(sorted.Length / (double)maxBins));
        var bins = new List<ImpactBin>();
        var start = 0;
        while (start < sorted.Length)
        {
            var end = Math.Min(start + target, sorted.Length);
            while (end < sorted.Length && sorted[end].Size == sorted[end - 1].Size) end++;
            double size = 0, move = 0;
            for (var i = start; i < end; i++) { size += sorted[i].Size; move += sorted[i].Move; }
            var n = end - start;
            bins.Add(new ImpactBin(size / n, move / n, n));
            start = end;
        }
        return bins.ToArray();
    }

    /// <summary>Weighted least squares of ln(move) on ln(size) over the bins with a positive mean move.</summary>
    private static (double Coefficient, double Exponent, double RSquared) FitPowerLaw(IReadOnlyList<ImpactBin> bins)
    {
        double w = 0, sx = 0, sy = 0;
        var usable = 0;
        foreach (var b in bins)
        {
            if (!(b.MeanMove > 0)) continue;
            usable++;
            w += b.Count; sx += b.Count * Math.Log(b.MeanSize); sy += b.Count * Math.Log(b.MeanMove);
        }
        if (usable < 2) return (double.NaN, double.NaN, double.NaN);
        double mx = sx / w, my = sy / w, sxx = 0, sxy = 0, syy = 0;
        foreach (var b in bins)
        {
            if (!(b.MeanMove > 0)) continue;
            double dx = Math.Log(b.MeanSize) - mx, dy = Math.Log(b.MeanMove) - my;
            sxx += b.Count * dx * dx; sxy += b.Count * dx * dy; syy += b.Count * dy * dy;
        }
        if (sxx == 0) return (double.NaN, double.NaN, double.NaN);
        var beta = sxy / sxx;
        var r2 = syy == 0 ? 1 : sxy * sxy / (sxx * syy);
        return (Math.Exp(my - beta * mx), beta, r2);
    }

    /// <summary>Least squares of move on √size through the origin: c = Σ m√s / Σ s.</summary>
    private static (double Coefficient, double RSquared) FitSquareRoot(IReadOnlyList<ImpactObservation> observations)
    {
        if (observations.Count == 0) return (double.NaN, double.NaN);
        double sms = 0, ss = 0, mean = 0;
        foreach (var o in observations) { sms += o.Move * Math.Sqrt(o.Size); ss += o.Size; mean += o.Move; }
        var c = sms / ss;
        mean /= observations.Count;
        double residual = 0, total = 0;
        foreach (var o in observations)
        {
            var e = o.Move - c * Math.Sqrt(o.Size);
            residual += e * e;
            total += (o.Move - mean) * (o.Move - mean);
        }
        return (c, total == 0 ? (residual == 0 ? 1 : 0) : 1 - residual / total);
    }
}
