namespace LiquidityLab.Strategies.Signals;

/// <summary>
/// Exponential moving average with α = 2 / (span + 1), seeded with the simple mean of the first
/// <c>span</c> values (the charting convention, so values match published MACD tables).
/// </summary>
public sealed class ExponentialAverage
{
    private readonly double _alpha;
    private double _seedSum;
    private int _count;

    public ExponentialAverage(int span)
    {
        if (span < 1) throw new ArgumentOutOfRangeException(nameof(span), span, "must be >= 1");
        Span = span;
        _alpha = 2.0 / (span + 1);
    }

    public int Span { get; }
    public bool IsReady => _count >= Span;
    public double Value { get; private set; } = double.NaN;

    public void Add(double x)
    {
        _count++;
        if (_count < Span)
        {
            _seedSum += x;
            return;
        }
        Value = _count == Span ? (_seedSum + x) / Span : Value + _alpha * (x - Value);
    }
}
