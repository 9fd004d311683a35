namespace LiquidityLab.Optimization.Surrogate;

/// <summary>
/// Expected improvement over the best score so far, for maximisation: with z = (μ − best − ξ)/σ,
/// EI = (μ − best − ξ)·Φ(z) + σ·φ(z), and max(0, μ − best − ξ) where σ = 0.
/// </summary>
public static class ExpectedImprovement
{
    public static double Of(double mean, double stdDev, double best, double xi = 0.01)
    {
        var gain = mean - best - xi;
        if (!(stdDev > 0)) return Math.Max(0, gain);
        var z = gain / stdDev;
        return gain * MathNet.Numerics.Distributions.Normal.CDF(0, 1, z) + stdDev * MathNet.Numerics.Distributions.Normal.PDF(0, 1, z);
    }
}
