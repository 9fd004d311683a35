namespace LiquidityLab.Strategies.Signals;

/// <summary>
/// MACD (Appel): line = EMA(fast) − EMA(slow) of the price, signal = EMA(signal span) of the line,
/// histogram = line − signal. The score is the histogram relative to the price (positive when the line
/// is above its signal: upward momentum). Ready after slow + signal − 1 prices.
/// </summary>
public sealed class MacdSignal : ISignal
{
    private readonly ExponentialAverage _fast, _slow, _signal;
    private double _lastPrice;

    public MacdSignal(int fast = 12, int slow = 26, int signal = 9)
    {
        if (fast < 1 || slow <= fast) throw new ArgumentOutOfRangeException(nameof(slow), slow, $"must be > fast ({fast}) and fast >= 1");
        _fast = new ExponentialAverage(fast);
        _slow = new ExponentialAverage(slow);
        _signal = new ExponentialAverage(signal);
    }

    public string Name => $"macd({_fast.Span},{_slow.Span},{_signal.Span})";
    public int WarmUp => _slow.Span + _signal.Span - 1;
    public bool IsReady => _signal.IsReady;

    public double Line { get; private set; } = double.NaN;
    public double SignalLine => _signal.Value;
    public double Histogram => Line - SignalLine;

    public double Value => IsReady ? Histogram / _lastPrice : double.NaN;

    public void Update(double price)
    {
        _lastPrice = price;
        _fast.Add(price);
        _slow.Add(price);
        if (!_slow.IsReady) return;
        Line = _fast.Value - _slow.Value;
        _signal.Add(Line);
    }
}
