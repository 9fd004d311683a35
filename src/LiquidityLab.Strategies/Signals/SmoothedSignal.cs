namespace LiquidityLab.Strategies.Signals;

/// <summary>EMA smoothing of any signal's score, α = 2 / (span + 1), started at the inner signal's first value.</summary>
public sealed class SmoothedSignal(ISignal inner, int span) : ISignal
{
    private readonly double _alpha = span >= 1 ? 2.0 / (span + 1) : throw new ArgumentOutOfRangeException(nameof(span), span, "must be >= 1");

    public string Name => $"ema({inner.Name},{span})";
    public int WarmUp => inner.WarmUp;
    public bool IsReady => inner.IsReady;
    public double Value { get; private set; } = double.NaN;

    public void Update(double price)
    {
        inner.Update(price);
        if (!inner.IsReady) return;
        Value = double.IsNaN(Value) ? inner.Value : Value + _alpha * (inner.Value - Value);
    }
}
