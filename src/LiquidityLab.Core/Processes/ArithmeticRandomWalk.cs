using LiquidityLab.Core.Randomness;

namespace LiquidityLab.Core.Processes;

/// <summary>Arithmetic Brownian motion dS = μ dt + σ dW: the trend regime when μ ≠ 0.</summary>
public sealed class ArithmeticRandomWalk : IMidProcess
{
    public ArithmeticRandomWalk(double drift, double volatility)
    {
        ProcessGuard.Finite(drift, nameof(drift));
        ProcessGuard.NonNegative(volatility, nameof(volatility));
        Drift = drift;
        Sigma = volatility;
    }

    public double Drift { get; }
    public double Sigma { get; }
    public string Kind => "abm";

    public double Step(double mid, double dt, RandomStream rng) =>
        dt <= 0 ? mid : mid + Drift * dt + Sigma * Math.Sqrt(dt) * rng.Normal();

    public double Volatility(double mid) => Sigma;
    public IMidProcess Fresh() => this;
}
