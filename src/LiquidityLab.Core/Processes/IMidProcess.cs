using LiquidityLab.Core.Randomness;

namespace LiquidityLab.Core.Processes;

/// <summary>
/// A stochastic process for a mid price in continuous time. <see cref="Step"/> samples the exact
/// transition over an interval dt (not an Euler step), so results do not depend on how finely a
/// simulation slices time. An instance may hold state (a regime), so each path owns its own.
/// </summary>
public interface IMidProcess
{
    /// <summary>Short name for reports ("abm", "gbm", "ou", "regime").</summary>
    string Kind { get; }

    /// <summary>The mid after a further <paramref name="dt"/> units of time.</summary>
    double Step(double mid, double dt, RandomStream rng);

    /// <summary>Absolute volatility of the mid (price units per √time) at the current state.</summary>
    double Volatility(double mid);

    /// <summary>A fresh instance with the same parameters and initial state: one per path.</summary>
    IMidProcess Fresh();
}
