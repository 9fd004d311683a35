using LiquidityLab.Strategies.Signals;

namespace LiquidityLab.Strategies.Alpha;

/// <summary>How a signal's track record scales its weight in the blend.</summary>
public enum ConfidenceMode
{
    /// <summary>Always 1: the weight alone decides.</summary>
    None,

    /// <summary>Rolling hit rate h of the signal's sign against the next move: confidence max(0, 2h − 1), 0 at a coin flip.</summary>
    HitRate,

    /// <summary>Rolling information coefficient (Pearson correlation of score and next return): confidence max(0, IC).</summary>
    InformationCoefficient,
}

/// <summary>
/// A signal's rolling track record against the return over the following <c>horizon</c> bars. At bar t
/// only scores from bars s ≤ t − horizon are judged (their outcome is known at t), so the confidence at t
/// never uses data after t. Until <c>minimum</c> outcomes are known the confidence is <see cref="Prior"/>.
/// </summary>
public sealed class SignalConfidence
{
    private readonly ConfidenceMode _mode;
    private readonly int _horizon, _minimum;
    private readonly double[] _pendingScore, _pendingPrice;
    private int _seen;
    private readonly RollingWindow _hits, _x, _y, _xy;

    public SignalConfidence(ConfidenceMode mode, int window, int horizon = 1, int minimum = 20, double prior = 0.5)
    {
        if (window < 2) throw new ArgumentOutOfRangeException(nameof(window), window, "must be >= 2");
        if (horizon < 1) throw new ArgumentOutOfRangeException(nameof(horizon), horizon, "must be >= 1");
        _mode = mode;
        _horizon = horizon;
        _minimum = Math.Clamp(minimum, 2, window);
        Prior = prior;
        _pendingScore = new double[horizon];
        _pendingPrice = new double[horizon];
        _hits = new RollingWindow(window);
        _x = new RollingWindow(window);
        _y = new RollingWindow(window);
        _xy = new RollingWindow(window);
    }

    /// <summary>The confidence before enough outcomes are known.</summary>
    public double Prior { get; }

    /// <summary>Outcomes judged so far within the window.</summary>
    public int Judged => _hits.Count;

    /// <summary>Rolling share of scores whose sign matched the move (zero scores and flat moves count as misses).</summary>
    public double HitRate => _hits.Count > 0 ? _hits.Mean : double.NaN;

    /// <summary>Rolling Pearson correlation of score and forward log return.</summary>
    public double Ic
    {
        get
        {
            if (_x.Count < 2) return double.NaN;
            var n = _x.Count;
            var cov = _xy.Mean - _x.Mean * _y.Mean;
            var sx = _x.StdDev * Math.Sqrt((n - 1.0) / n);
            var sy = _y.StdDev * Math.Sqrt((n - 1.0) / n);
            return sx > 0 && sy > 0 ? Math.Clamp(cov / (sx * sy), -1, 1) : 0;
        }
    }

    /// <summary>The multiplier in [0, 1] applied to the signal's weight.</summary>
    public double Value => _mode switch
    {
        ConfidenceMode.None => 1,
        _ when _hits.Count < _minimum => Prior,
        ConfidenceMode.HitRate => Math.Max(0, 2 * HitRate - 1),
        _ => Math.Max(0, Ic),
    };

    /// <summary>Records bar t: the price now and the signal's score now (NaN while it warms up).</summary>
    public void Update(double price, double score)
    {
        var slot = _seen % _horizon;
        if (_seen >= _horizon)
        {
            // the score from horizon bars ago meets its outcome
            var past = _pendingScore[slot];
            if (!double.IsNaN(past))
            {
                var move = Math.Log(price / _pendingPrice[slot]);
                _hits.Add(past * move > 0 ? 1 : 0);
                _x.Add(past);
                _y.Add(move);
                _xy.Add(past * move);
            }
        }
        _pendingScore[slot] = score;
        _pendingPrice[slot] = price;
        _seen++;
    }
}
