namespace LiquidityLab.Strategies.Signals;

/// <summary>
/// Momentum: the n-period log return, normalised by the volatility of one-period log returns over the
/// same n periods scaled to n periods, ln(p_t / p_{t−n}) / (σ₁ √n). A z-score of the recent move;
/// positive after a rise. Ready after n + 1 prices.
/// </summary>
public sealed class MomentumSignal : ISignal
{
    private readonly RollingWindow _prices;
    private readonly RollingWindow _returns;

    public MomentumSignal(int periods)
    {
        if (periods < 2) throw new ArgumentOutOfRangeException(nameof(periods), periods, "must be >= 2");
        Periods = periods;
        _prices = new RollingWindow(periods + 1);
        _returns = new RollingWindow(periods);
    }

    public int Periods { get; }
    public string Name => $"momentum({Periods})";
    public int WarmUp => Periods + 1;
    public bool IsReady => _prices.IsFull;
    public double Value { get; private set; } = double.NaN;

    public void Update(double price)
    {
        if (!(price > 0)) throw new ArgumentOutOfRangeException(nameof(price), price, "must be > 0");
        if (_prices.Count > 0) _returns.Add(Math.Log(price / _prices.Back(0)));
        _prices.Add(price);
        if (!IsReady) return;
        var move = Math.Log(price / _prices.Back(Periods));
        var sd = _returns.StdDev;
        Value = sd > 0 ? move / (sd * Math.Sqrt(Periods)) : 0;
    }
}
