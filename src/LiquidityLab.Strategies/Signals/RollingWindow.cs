namespace LiquidityLab.Strategies.Signals;

/// <summary>The last N values in a ring buffer, with O(1) sum and sum of squares (recomputed periodically against drift).</summary>
public sealed class RollingWindow
{
    private readonly double[] _values;
    private int _next;
    private int _sinceRecompute;
    private double _sum, _sumSq;

    public RollingWindow(int capacity)
    {
        if (capacity <= 0) throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "must be > 0");
        _values = new double[capacity];
    }

    public int Capacity => _values.Length;
    public int Count { get; private set; }
    public bool IsFull => Count == _values.Length;

    public void Add(double value)
    {
        if (IsFull)
        {
            var old = _values[_next];
            _sum -= old;
            _sumSq -= old * old;
        }
        else Count++;
        _values[_next] = value;
        _sum += value;
        _sumSq += value * value;
        _next = (_next + 1) % _values.Length;
        if (++_sinceRecompute >= 4096) Recompute();
    }

    /// <summary>The i-th most recent value: 0 is the newest.</summary>
    public double Back(int i)
    {
        if (i < 0 || i >= Count) throw new ArgumentOutOfRangeException(nameof(i), i, $"must be in [0, {Count - 1}]");
        var index = _next - 1 - i;
        if (index < 0) index += _values.Length;
        return _values[index];
    }

    public double Mean => Count > 0 ? _sum / Count : double.NaN;

    /// <summary>Sample standard deviation (n − 1).</summary>
    public double StdDev
    {
        get
        {
            if (Count < 2) return double.NaN;
            var mean = _sum / Count;
            return Math.Sqrt(Math.Max(0, (_sumSq - Count * mean * mean) / (Count - 1)));
        }
    }

    public double Max()
    {
        var max = double.NegativeInfinity;
        for (var i = 0; i < Count; i++) max = Math.Max(max, _values[i]);
        return max;
    }

    public double Min()
    {
        var min = double.PositiveInfinity;
        for (var i = 0; i < Count; i++) min = Math.Min(min, _values[i]);
        return min;
    }

    private void Recompute()
    {
        _sinceRecompute = 0;
        _sum = 0;
        _sumSq = 0;
        for (var i = 0; i < Count; i++)
        {
            _sum += _values[i];
            _sumSq += _values[i] * _values[i];
        }
    }
}
