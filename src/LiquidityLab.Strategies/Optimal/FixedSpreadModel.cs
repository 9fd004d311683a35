using System.Runtime.Intrinsics;
using System.Runtime.CompilerServices;

namespace LiquidityLab.Strategies.Optimal;

/// <summary>
/// A constant spread, optionally skewed linearly against inventory: the bid sits
/// spread/2 + skew·q below the mid and the ask spread/2 − skew·q above it. With skew 0 it is the
/// paper's symmetric benchmark (quotes centred on the mid whatever the inventory).
/// </summary>
public readonly struct FixedSpreadModel : IModelQuoting
{
    private readonly double _half;
    private readonly double _skew;

    /// <param name="spread">Total spread, price units (≥ 0).</param>
    /// <param name="skewPerUnit">Shift of both quotes per unit of inventory, price units (≥ 0).</param>
    public FixedSpreadModel(double spread, double skewPerUnit = 0)
    {
        if (!(spread >= 0) || !double.IsFinite(spread)) throw new ArgumentOutOfRangeException(nameof(spread), spread, "must be >= 0");
        if (!(skewPerUnit >= 0) || !double.IsFinite(skewPerUnit)) throw new ArgumentOutOfRangeException(nameof(skewPerUnit), skewPerUnit, "must be >= 0");
        _half = spread / 2;
        _skew = skewPerUnit;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Quote(double timeLeft, Vector512<double> inventory, Vector512<double> sigma,
        out Vector512<double> bidDistance, out Vector512<double> askDistance)
    {
        var half = Vector512.Create<double>(_half);
        var shift = inventory * _skew;
        bidDistance = half + shift;
        askDistance = half - shift;
    }
}
