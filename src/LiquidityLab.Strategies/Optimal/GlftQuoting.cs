using System.Runtime.Intrinsics;
using System.Runtime.CompilerServices;

namespace LiquidityLab.Strategies.Optimal;

/// <summary>
/// Guéant, Lehalle and Fernandez-Tapia (2013), the closed-form asymptotic (infinite-horizon)
/// approximation of the optimal quotes for intensity A·e^(−k·δ) and risk aversion γ:
/// δb(q) = (1/γ)·ln(1 + γ/k) + (2q + 1)/2 · ω and δa(q) = (1/γ)·ln(1 + γ/k) − (2q − 1)/2 · ω, with
/// ω = √( σ²γ / (2kA) · (1 + γ/k)^(1 + k/γ) ). Quotes do not depend on time; the spread is
/// (2/γ)·ln(1 + γ/k) + ω whatever the inventory, and each unit of inventory shifts both quotes by ω.
/// Inventory bounds are applied by the engine: at its bound the maker stops quoting that side.
/// </summary>
public readonly struct GlftQuoting : IModelQuoting
{
    private readonly double _base;       // (1/γ) ln(1 + γ/k)
    private readonly double _omegaOverSigma;

    public GlftQuoting(double gamma, double k, double a)
    {
        if (!(gamma > 0) || !double.IsFinite(gamma)) throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "must be > 0");
        if (!(k > 0) || !double.IsFinite(k)) throw new ArgumentOutOfRangeException(nameof(k), k, "must be > 0");
        if (!(a > 0) || !double.IsFinite(a)) throw new ArgumentOutOfRangeException(nameof(a), a, "must be > 0");
        _base = Math.Log(1 + gamma / k) / gamma;
        _omegaOverSigma = Omega(gamma, k, a, 1);
    }

    /// <summary>ω = √( σ²γ / (2kA) · (1 + γ/k)^(1 + k/γ) ): the quote shift per unit of inventory.</summary>
    public static double Omega(double gamma, double k, double a, double sigma) =>
        Math.Sqrt(sigma * sigma * gamma / (2 * k * a) * Math.Pow(1 + gamma / k, 1 + k / gamma));

    /// <summary>δb(q) of the closed form.</summary>
    public static double BidDistance(double gamma, double k, double a, double sigma, double inventory) =>
        Math.Log(1 + gamma / k) / gamma + (2 * inventory + 1) / 2 * Omega(gamma, k, a, sigma);

    /// <summary>δa(q) of the closed form.</summary>
    public static double AskDistance(double gamma, double k, double a, double sigma, double inventory) =>
        Math.Log(1 + gamma / k) / gamma - (2 * inventory - 1) / 2 * Omega(gamma, k, a, sigma);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Quote(double timeLeft, Vector512<double> inventory, Vector512<double> sigma,
        out Vector512<double> bidDistance, out Vector512<double> askDistance)
    {
        var omega = sigma * _omegaOverSigma;
        var baseline = Vector512.Create<double>(_base);
        var half = omega * 0.5;
        var shift = inventory * omega;
        bidDistance = baseline + half + shift;
        askDistance = baseline + half - shift;
    }
}
