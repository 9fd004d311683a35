using System.Runtime.Intrinsics;
using System.Runtime.CompilerServices;

namespace LiquidityLab.Strategies.Optimal;

/// <summary>
/// Avellaneda and Stoikov (2008), finite horizon, for an exponential-utility maker with risk
/// aversion γ facing fills of intensity A·e^(−k·δ):
/// reservation price r = s − q·γ·σ²·(T − t); total spread γ·σ²·(T − t) + (2/γ)·ln(1 + γ/k);
/// quotes r ± spread/2. So the bid sits spread/2 + q·γσ²(T − t) below the mid and the ask
/// spread/2 − q·γσ²(T − t) above it: a long maker lowers both quotes to sell.
/// </summary>
public readonly struct AvellanedaStoikov : IModelQuoting
{
    private readonly double _gamma;
    private readonly double _liquidityTerm; // (2/γ) ln(1 + γ/k), the part of the spread that does not decay

    public AvellanedaStoikov(double gamma, double k)
    {
        if (!(gamma > 0) || !double.IsFinite(gamma)) throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "must be > 0");
        if (!(k > 0) || !double.IsFinite(k)) throw new ArgumentOutOfRangeException(nameof(k), k, "must be > 0");
        _gamma = gamma;
        _liquidityTerm = LiquiditySpread(gamma, k);
    }

    /// <summary>r = s − q·γ·σ²·(T − t).</summary>
    public static double ReservationPrice(double mid, double inventory, double gamma, double sigma, double timeLeft) =>
        mid - inventory * gamma * sigma * sigma * timeLeft;

    /// <summary>δa + δb = γ·σ²·(T − t) + (2/γ)·ln(1 + γ/k); independent of the inventory.</summary>
    public static double Spread(double gamma, double k, double sigma, double timeLeft) =>
        gamma * sigma * sigma * timeLeft + LiquiditySpread(gamma, k);

    /// <summary>(2/γ)·ln(1 + γ/k): the spread left at the horizon, 2/k in the limit γ → 0.</summary>
    public static double LiquiditySpread(double gamma, double k) => 2 / gamma * Math.Log(1 + gamma / k);

    /// <summary>
    /// The time average of <see cref="Spread"/> over a simulation that quotes at t = 0, dt, …, T − dt
    /// (n = T/dt steps): (T − t) averages (n + 1)·dt/2. This is the paper's "average spread" and the
    /// constant spread its symmetric benchmark quotes.
    /// </summary>
    public static double AverageSpread(double gamma, double k, double sigma, double horizon, int steps) =>
        gamma * sigma * sigma * (steps + 1) * (horizon / steps) / 2 + LiquiditySpread(gamma, k);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Quote(double timeLeft, Vector512<double> inventory, Vector512<double> sigma,
        out Vector512<double> bidDistance, out Vector512<double> askDistance)
    {
        var risk = Vector512.Create<double>(_gamma * timeLeft) * sigma * sigma;     // γσ²(T − t)
        var half = (risk + Vector512.Create<double>(_liquidityTerm)) * 0.5;
        var shift = inventory * risk;                                        // s − r
        bidDistance = half + shift;
        askDistance = half - shift;
    }
}
