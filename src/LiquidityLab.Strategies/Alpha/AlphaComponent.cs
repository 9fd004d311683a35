using LiquidityLab.Strategies.Signals;

namespace LiquidityLab.Strategies.Alpha;

/// <summary>
/// One bar of market data as the alpha model sees it: the mid and, where the data has one, the top of
/// book; and, for bars built from book events, the bar's summed order-flow contributions and mean depth.
/// </summary>
public readonly record struct AlphaObservation(double Mid, TopOfBook? Quote, double OrderFlow = double.NaN, double Depth = double.NaN);

/// <summary>
/// A forecaster inside a <see cref="SignalBlend"/>: a price signal, or the order-flow imbalance that needs
/// the top of book. Like <see cref="ISignal"/>, its value at t depends only on observations up to t.
/// </summary>
public interface IAlphaComponent
{
    string Name { get; }
    bool IsReady { get; }

    /// <summary>The raw directional score (positive: expects the price to rise); NaN until ready.</summary>
    double Value { get; }

    void Update(in AlphaObservation observation);
}

/// <summary>Any price signal as a blend component.</summary>
public sealed class PriceSignalComponent(ISignal signal) : IAlphaComponent
{
    public string Name => signal.Name;
    public bool IsReady => signal.IsReady;
    public double Value => signal.Value;
    public void Update(in AlphaObservation observation) => signal.Update(observation.Mid);
}

/// <summary>
/// Order-flow imbalance as a blend component: from each bar's aggregated flow when the bars carry one
/// (every book update counted), else from the bars' top-of-book snapshots; never ready without a book.
/// </summary>
public sealed class OrderFlowComponent(OrderFlowImbalanceSignal signal) : IAlphaComponent
{
    public string Name => signal.Name;
    public bool IsReady => signal.IsReady;
    public double Value => signal.Value;

    public void Update(in AlphaObservation observation)
    {
        if (!double.IsNaN(observation.OrderFlow)) signal.AddInterval(observation.OrderFlow, observation.Depth);
        else if (observation.Quote is { } quote) signal.Update(quote);
    }
}
