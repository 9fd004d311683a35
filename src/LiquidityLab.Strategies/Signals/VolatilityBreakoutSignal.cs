namespace LiquidityLab.Strategies.Signals;

/// <summary>
/// Volatility breakout: +1 when the price closes above the highest of the previous n prices, −1 below
/// the lowest, 0 inside the range. Ready after n + 1 prices.
/// </summary>
public sealed class VolatilityBreakoutSignal : ISignal
{
    private readonly RollingWindow _previous;

    public VolatilityBreakoutSignal(int periods)
    {
        if (periods < 1) throw new ArgumentOutOfRangeException(nameof(periods), periods, "must be >= 1");
        Periods = periods;
        _previous = new RollingWindow(periods);
    }

    public int Periods { get; }
    public string Name => $"breakout({Periods})";
    public int WarmUp => Periods + 1;
    public bool IsReady { get; private set; }
    public double Value { get; private set; } = double.NaN;

    public void Update(double price)
    {
        if (_previous.IsFull)
        {
            IsReady = true;
            Value = price > _previous.Max() ? 1 : price < _previous.Min() ? -1 : 0;
        }
        _previous.Add(price);
    }
}
