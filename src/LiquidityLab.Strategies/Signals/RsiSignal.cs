namespace LiquidityLab.Strategies.Signals;

/// <summary>
/// Wilder's relative strength index over n periods. The first average gain and loss are the plain
/// means of the first n changes; after that each is smoothed as (previous × (n − 1) + current) / n.
/// RSI = 100 − 100 / (1 + avgGain / avgLoss), 100 when there were no losses and 50 when the price did not
/// move at all (no gains either: neither overbought nor oversold). Read contrarian:
/// the score (50 − RSI) / 50 is positive when oversold. Ready after n + 1 prices.
/// </summary>
public sealed class RsiSignal : ISignal
{
    private double _previous = double.NaN;
    private double _avgGain, _avgLoss;
    private int _changes;

    public RsiSignal(int periods = 14)
    {
        if (periods < 2) throw new ArgumentOutOfRangeException(nameof(periods), periods, "must be >= 2");
        Periods = periods;
    }

    public int Periods { get; }
    public string Name => $"rsi({Periods})";
    public int WarmUp => Periods + 1;
    public bool IsReady => _changes >= Periods;

    /// <summary>The RSI in [0, 100]; NaN until ready.</summary>
    public double Rsi { get; private set; } = double.NaN;

    public double Value => IsReady ? (50 - Rsi) / 50 : double.NaN;

    public void Update(double price)
    {
        if (double.IsNaN(_previous))
        {
            _previous = price;
            return;
        }
        var change = price - _previous;
        _previous = price;
        var gain = Math.Max(change, 0);
        var loss = Math.Max(-change, 0);
        _changes++;
        if (_changes <= Periods)
        {
            _avgGain += gain / Periods;
            _avgLoss += loss / Periods;
        }
        else
        {
            _avgGain = (_avgGain * (Periods - 1) + gain) / Periods;
            _avgLoss = (_avgLoss * (Periods - 1) + loss) / Periods;
        }
        if (IsReady) Rsi = _avgLoss == 0 ? (_avgGain == 0 ? 50 : 100) : 100 - 100 / (1 + _avgGain / _avgLoss);
    }
}
