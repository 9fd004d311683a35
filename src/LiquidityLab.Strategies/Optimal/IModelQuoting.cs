using System.Runtime.Intrinsics;

namespace LiquidityLab.Strategies.Optimal;

/// <summary>
/// A quoting rule of the model-based market-making lab: given the time left to the horizon, the
/// maker's inventory and the volatility it believes in, the distances of its bid below and its ask
/// above the mid. Evaluated for <see cref="System.Runtime.Intrinsics.Vector512{T}.Count"/> (eight) Monte Carlo paths at once (one per
/// lane); implementations are small structs so the engine, generic over them, inlines the call.
/// A distance may be negative (an ask below the mid when the maker is very long): the fill model
/// then caps the fill probability at one.
/// </summary>
public interface IModelQuoting
{
    /// <param name="timeLeft">T − t, in model time units (≥ 0).</param>
    /// <param name="inventory">Signed inventory per lane, in units.</param>
    /// <param name="sigma">Absolute volatility of the mid per lane (price units per √time).</param>
    void Quote(double timeLeft, Vector512<double> inventory, Vector512<double> sigma,
        out Vector512<double> bidDistance, out Vector512<double> askDistance);
}
