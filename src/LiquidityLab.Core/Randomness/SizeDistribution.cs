namespace LiquidityLab.Core.Randomness;

/// <summary>
/// A distribution of order sizes in whole lots. Every sample is at least one lot and at most
/// <see cref="MaxLots"/>, so a size can always be booked.
/// </summary>
public abstract record SizeDistribution
{
    /// <summary>Largest size this distribution can draw, in lots.</summary>
    public abstract long MaxLots { get; }

    public abstract long Sample(RandomStream rng);

    protected static long Clamp(double size, long max) => Math.Clamp((long)Math.Round(size, MidpointRounding.AwayFromZero), 1, max);
}

/// <summary>Always the same size.</summary>
public sealed record FixedSize(long Lots) : SizeDistribution
{
    public override long MaxLots => Lots;
    public override long Sample(RandomStream rng) => Lots;
}

/// <summary>Uniform on the integers [Min, Max].</summary>
public sealed record UniformSize(long Min, long Max) : SizeDistribution
{
    public override long MaxLots => Max;
    public override long Sample(RandomStream rng) => rng.NextLong(Min, Max);
}

/// <summary>1 + Poisson(Mean − 1): mean <see cref="Mean"/>, never zero; capped at <see cref="Max"/>.</summary>
public sealed record PoissonSize(double Mean, long Max) : SizeDistribution
{
    public override long MaxLots => Max;
    public override long Sample(RandomStream rng) => Math.Min(Max, 1 + rng.Poisson(Mean - 1));
}

/// <summary>Exponential with the given mean, rounded to lots, at least 1, capped at <see cref="Max"/>.</summary>
public sealed record ExponentialSize(double Mean, long Max) : SizeDistribution
{
    public override long MaxLots => Max;
    public override long Sample(RandomStream rng) => Clamp(rng.Exponential(1.0 / Mean), Max);
}

/// <summary>Log-normal with median <see cref="Median"/> and log-volatility <see cref="Sigma"/>, rounded, capped.</summary>
public sealed record LogNormalSize(double Median, double Sigma, long Max) : SizeDistribution
{
    public override long MaxLots => Max;
    public override long Sample(RandomStream rng) => Clamp(rng.LogNormal(Math.Log(Median), Sigma), Max);
}

/// <summary>A mixture: one component drawn by weight (weights need not sum to one), then a size from it.</summary>
public sealed record MixtureSize(IReadOnlyList<(double Weight, SizeDistribution Size)> Components) : SizeDistribution
{
    private readonly double _total = Components.Sum(c => c.Weight);

    public override long MaxLots => Components.Max(c => c.Size.MaxLots);

    public override long Sample(RandomStream rng)
    {
        var u = rng.NextDouble() * _total;
        foreach (var (weight, size) in Components)
        {
            if (u < weight) return size.Sample(rng);
            u -= weight;
        }
        return Components[^1].Size.Sample(rng);
    }
}
