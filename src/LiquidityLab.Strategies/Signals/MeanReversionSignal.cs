namespace LiquidityLab.Strategies.Signals;

/// <summary>
/// Mean reversion: minus the z-score of the price against its n-period mean, −(p − mean) / sd, so the
/// score is positive when the price sits below its mean and is expected to come back up. Ready after n prices.
/// </summary>
public sealed class MeanReversionSignal : ISignal
{
    private readonly RollingWindow _prices;

    public MeanReversionSignal(int periods)
    {
        if (periods < 2) throw new ArgumentOutOfRangeException(nameof(periods), periods, "must be >= 2");
        Periods = periods;
        _prices = new RollingWindow(periods);
    }

    public int Periods { get; }
    public string Name => $"mean_reversion({Periods})";
    public int WarmUp => Periods;
    public bool IsReady => _prices.IsFull;
    public double Value { get; private set; } = double.NaN;

    /// <summary>The z-score itself, (p − mean) / sd.</summary>
    public double ZScore => -Value;

    public void Update(double price)
    {
        _prices.Add(price);
        if (!IsReady) return;
        var sd = _prices.StdDev;
        Value = sd > 0 ? -(price - _prices.Mean) / sd : 0;
    }
}
