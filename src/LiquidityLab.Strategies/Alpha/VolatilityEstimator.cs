namespace LiquidityLab.Strategies.Alpha;

/// <summary>
/// Two exponentially weighted estimates of the mid's volatility per bar (price units): a fast one that
/// reacts to the current regime and a slow reference. Their ratio says how turbulent the market is now
/// against its norm. Both start from the first observed change; NaN before it.
/// </summary>
public sealed class VolatilityEstimator
{
    private readonly double _fast, _slow;
    private double _previous = double.NaN;
    private double _fastVar = double.NaN, _slowVar = double.NaN;

    /// <param name="fastHalfLife">Half-life of the fast estimate, in bars.</param>
    /// <param name="slowHalfLife">Half-life of the reference, in bars (longer than the fast one).</param>
    public VolatilityEstimator(double fastHalfLife = 10, double slowHalfLife = 100)
    {
        if (!(fastHalfLife > 0)) throw new ArgumentOutOfRangeException(nameof(fastHalfLife), fastHalfLife, "must be > 0");
        if (!(slowHalfLife >= fastHalfLife)) throw new ArgumentOutOfRangeException(nameof(slowHalfLife), slowHalfLife, "must be >= the fast half-life");
        _fast = 1 - Math.Pow(0.5, 1 / fastHalfLife);
        _slow = 1 - Math.Pow(0.5, 1 / slowHalfLife);
    }

    /// <summary>Current volatility per bar, price units.</summary>
    public double Current => Math.Sqrt(_fastVar);

    /// <summary>Reference volatility per bar, price units.</summary>
    public double Reference => Math.Sqrt(_slowVar);

    /// <summary>Current over reference; 1 before any change was seen or while the reference is 0.</summary>
    public double Ratio => _slowVar > 0 ? Current / Reference : 1;

    public void Update(double mid)
    {
        if (!double.IsNaN(_previous))
        {
            var d = mid - _previous;
            var sq = d * d;
            if (double.IsNaN(_fastVar))
            {
                _fastVar = sq;
                _slowVar = sq;
            }
            else
            {
                _fastVar += _fast * (sq - _fastVar);
                _slowVar += _slow * (sq - _slowVar);
            }
        }
        _previous = mid;
    }
}
