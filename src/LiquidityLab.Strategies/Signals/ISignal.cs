namespace LiquidityLab.Strategies.Signals;

/// <summary>
/// A streaming forecast of short-term returns, fed one observation (a bar close or a mid) at a time.
/// <see cref="Value"/> is a directional score, positive when the signal expects the price to rise,
/// and NaN until <see cref="WarmUp"/> observations have been seen. A signal at time t depends only on
/// observations up to t: feeding later data never changes an earlier value.
/// </summary>
public interface ISignal
{
    string Name { get; }

    /// <summary>Observations needed before the first value.</summary>
    int WarmUp { get; }

    bool IsReady { get; }

    double Value { get; }

    void Update(double price);
}
