using LiquidityLab.Core.Randomness;

namespace LiquidityLab.Core.Processes;

/// <summary>Geometric Brownian motion dS = μ S dt + σ S dW, sampled exactly in log space.</summary>
public sealed class GeometricBrownianMotion : IMidProcess
{
    public GeometricBrownianMotion(double drift, double volatility)
    {
        ProcessGuard.Finite(drift, nameof(drift));
        ProcessGuard.NonNegative(volatility, nameof(volatility));
        Drift = drift;
        Sigma = volatility;
    }

    public double Drift { get; }
    public double Sigma { get; }
    public string Kind => "gbm";

    public double Step(double mid, double dt, RandomStream rng) =>
        dt <= 0 ? mid : mid * Math.Exp((Drift - 0.5 * Sigma * Sigma) * dt + Sigma * Math.Sqrt(dt) * rng.Normal());

    public double Volatility(double mid) => Sigma * mid;
    public IMidProcess Fresh() => this;
}
