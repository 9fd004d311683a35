namespace LiquidityLab.Strategies.Signals;

/// <summary>A top-of-book observation: best bid and ask prices and the sizes resting there.</summary>
public readonly record struct TopOfBook(double BidPrice, double BidSize, double AskPrice, double AskSize);

/// <summary>
/// Order-flow imbalance of Cont, Kukanov and Stoikov (2014, "The price impact of order book events"):
/// each top-of-book update contributes
/// e = q^B·1{P^B ≥ P^B₋} − q^B₋·1{P^B ≤ P^B₋} − q^A·1{P^A ≤ P^A₋} + q^A₋·1{P^A ≥ P^A₋},
/// positive when bids grow or asks shrink. The score is the sum of e over the last n updates divided
/// by the mean depth (q^B + q^A)/2 over them. Ready after n + 1 updates.
/// </summary>
public sealed class OrderFlowImbalanceSignal
{
    private readonly RollingWindow _contributions;
    private readonly RollingWindow _depth;
    private TopOfBook? _previous;

    public OrderFlowImbalanceSignal(int updates)
    {
        if (updates < 1) throw new ArgumentOutOfRangeException(nameof(updates), updates, "must be >= 1");
        _contributions = new RollingWindow(updates);
        _depth = new RollingWindow(updates);
    }

    public string Name => $"ofi({_contributions.Capacity})";
    public bool IsReady => _contributions.IsFull;

    /// <summary>The raw imbalance Σe over the window, in size units.</summary>
    public double Imbalance => _contributions.IsFull ? _contributions.Mean * _contributions.Count : double.NaN;

    public double Value => IsReady && _depth.Mean > 0 ? Imbalance / _depth.Mean : double.NaN;

    /// <summary>One update's contribution e_n (exposed for tests and analysis).</summary>
    public static double Contribution(in TopOfBook previous, in TopOfBook current) =>
        (current.BidPrice >= previous.BidPrice ? current.BidSize : 0)
        - (current.BidPrice <= previous.BidPrice ? previous.BidSize : 0)
        - (current.AskPrice <= previous.AskPrice ? current.AskSize : 0)
        + (current.AskPrice >= previous.AskPrice ? previous.AskSize : 0);

    /// <summary>
    /// Adds one interval's aggregated flow instead of a snapshot: the sum of e over every book update in
    /// the interval and the interval's mean depth (bars built from event data use this, so no update is lost).
    /// </summary>
    public void AddInterval(double contribution, double depth)
    {
        _contributions.Add(contribution);
        _depth.Add(depth);
    }

    public void Update(in TopOfBook quote)
    {
        if (_previous is { } prev)
        {
            _contributions.Add(Contribution(prev, quote));
            _depth.Add((quote.BidSize + quote.AskSize) / 2);
        }
        _previous = quote;
    }
}
