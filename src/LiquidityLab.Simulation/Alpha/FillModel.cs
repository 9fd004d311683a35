namespace LiquidityLab.Simulation.Alpha;

/// <summary>
/// Probability that a resting quote at distance δ from the mid (price units, positive = away from the
/// mid, on the passive side) is hit during one bar. The same function serves both sides, so a
/// symmetric set-up has no side bias by construction.
/// </summary>
public interface IFillModel
{
    double Probability(double distance);
    string Describe();
}

/// <summary>p(δ) = min(1, A·e^(−k·max(δ, 0))): the Avellaneda–Stoikov intensity per bar, the default.</summary>
public sealed record ExponentialFillModel(double AtMid, double Decay) : IFillModel
{
    public double Probability(double distance) => Math.Min(1, AtMid * Math.Exp(-Decay * Math.Max(distance, 0)));
    public string Describe() => $"p(δ) = min(1, {AtMid:G4}·exp(−{Decay:G4}·δ))";
}

/// <summary>p(δ) = A·max(0, 1 − δ/reach) for δ ≥ 0, A at or through the mid: no fills beyond the reach.</summary>
public sealed record LinearFillModel(double AtMid, double Reach) : IFillModel
{
    public double Probability(double distance) => Math.Min(1, AtMid * Math.Max(0, 1 - Math.Max(distance, 0) / Reach));
    public string Describe() => $"p(δ) = {AtMid:G4}·max(0, 1 − δ/{Reach:G4})";
}
