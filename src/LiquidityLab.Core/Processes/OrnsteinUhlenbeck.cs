using LiquidityLab.Core.Randomness;

namespace LiquidityLab.Core.Processes;

/// <summary>
/// Ornstein–Uhlenbeck dS = κ(m − S) dt + σ dW: the mean-reverting regime. Exact transition:
/// S' = m + (S − m)e^(−κdt) + σ √((1 − e^(−2κdt)) / 2κ) Z; the half-life is ln 2 / κ.
/// </summary>
public sealed class OrnsteinUhlenbeck : IMidProcess
{
    public OrnsteinUhlenbeck(double meanReversion, double mean, double volatility)
    {
        ProcessGuard.Positive(meanReversion, nameof(meanReversion));
        ProcessGuard.Finite(mean, nameof(mean));
        ProcessGuard.NonNegative(volatility, nameof(volatility));
        Kappa = meanReversion;
        Mean = mean;
        Sigma = volatility;
    }

    public double Kappa { get; }
    public double Mean { get; }
    public double Sigma { get; }
    public string Kind => "ou";

    public double Step(double mid, double dt, RandomStream rng)
    {
        if (dt <= 0) return mid;
        var decay = Math.Exp(-Kappa * dt);
        var sd = Sigma * Math.Sqrt((1 - decay * decay) / (2 * Kappa));
        return Mean + (mid - Mean) * decay + sd * rng.Normal();
    }

    public double Volatility(double mid) => Sigma;
    public IMidProcess Fresh() => this;
}
