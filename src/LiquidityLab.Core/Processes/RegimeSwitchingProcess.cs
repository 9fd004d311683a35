using LiquidityLab.Core.Randomness;

namespace LiquidityLab.Core.Processes;

/// <summary>One state of a regime switch: a name and the process that drives the mid while in it.</summary>
public sealed record Regime(string Name, IMidProcess Process);

/// <summary>
/// A continuous-time Markov chain over regimes, each driving the mid with its own process.
/// <c>SwitchRates[i][j]</c> is the rate (per unit time) of jumping from regime i to j; the time
/// spent in regime i is exponential with rate Σ_j rates[i][j]. A step crosses as many switches as
/// fall inside it, advancing the mid with each regime's process for its share of the interval.
/// </summary>
public sealed class RegimeSwitchingProcess : IMidProcess
{
    private readonly Regime[] _regimes;
    private readonly double[][] _rates;
    private readonly double[] _exitRates;
    private readonly int _initial;
    private double _timeToSwitch = double.NaN; // drawn lazily so construction consumes no randomness

    public RegimeSwitchingProcess(IReadOnlyList<Regime> regimes, double[][] switchRates, int initialRegime = 0)
    {
        if (regimes.Count == 0) throw new ArgumentException("at least one regime is required", nameof(regimes));
        if (switchRates.Length != regimes.Count || switchRates.Any(r => r.Length != regimes.Count))
            throw new ArgumentException($"switch rates must be a {regimes.Count}x{regimes.Count} matrix", nameof(switchRates));
        if (initialRegime < 0 || initialRegime >= regimes.Count)
            throw new ArgumentOutOfRangeException(nameof(initialRegime), initialRegime, $"must be in [0, {regimes.Count - 1}]");
        _regimes = regimes.ToArray();
        _rates = switchRates.Select(r => r.ToArray()).ToArray();
        _exitRates = new double[_regimes.Length];
        for (var i = 0; i < _regimes.Length; i++)
        {
            for (var j = 0; j < _regimes.Length; j++)
            {
                if (i == j) continue;
                ProcessGuard.NonNegative(_rates[i][j], $"switchRates[{i}][{j}]");
                _exitRates[i] += _rates[i][j];
            }
        }
        _initial = initialRegime;
        Current = initialRegime;
    }

    public string Kind => "regime";
    public IReadOnlyList<Regime> Regimes => _regimes;

    /// <summary>Index of the regime the process is in now.</summary>
    public int Current { get; private set; }

    public Regime CurrentRegime => _regimes[Current];

    public double Step(double mid, double dt, RandomStream rng)
    {
        var remaining = dt;
        while (remaining > 0)
        {
            if (double.IsNaN(_timeToSwitch)) _timeToSwitch = DrawHoldingTime(rng);
            if (_timeToSwitch > remaining)
            {
                mid = _regimes[Current].Process.Step(mid, remaining, rng);
                _timeToSwitch -= remaining;
                break;
            }
            mid = _regimes[Current].Process.Step(mid, _timeToSwitch, rng);
            remaining -= _timeToSwitch;
            Current = DrawNextRegime(rng);
            _timeToSwitch = double.NaN;
        }
        return mid;
    }

    public double Volatility(double mid) => _regimes[Current].Process.Volatility(mid);

    public IMidProcess Fresh() =>
        new RegimeSwitchingProcess(_regimes.Select(r => r with { Process = r.Process.Fresh() }).ToArray(), _rates, _initial);

    private double DrawHoldingTime(RandomStream rng) =>
        _exitRates[Current] > 0 ? rng.Exponential(_exitRates[Current]) : double.PositiveInfinity;

    private int DrawNextRegime(RandomStream rng)
    {
        var u = rng.NextDouble() * _exitRates[Current];
        var last = -1;
        for (var j = 0; j < _regimes.Length; j++)
        {
            if (j == Current || _rates[Current][j] <= 0) continue;
            last = j;
            u -= _rates[Current][j];
            if (u < 0) return j;
        }
        return last; // rounding left u a hair above zero
    }
}
