using LiquidityLab.Analytics.Metrics;

namespace LiquidityLab.Analytics.Microstructure;

/// <summary>A few quantiles of a positive sample (trade sizes in lots or shares).</summary>
public sealed record SizeSummary(int Count, double Mean, double Median, double P90, double P99, double Max);

/// <summary>
/// The stylized facts of one market day, the same way for a simulated market and for real data, so the
/// two can stand side by side: returns of the mid sampled on a regular clock, the quoted spread's
/// distribution in ticks (one observation per book change) and the trade sizes.
/// </summary>
public sealed record MarketFacts(
    string Source,
    double IntervalSeconds,
    ReturnFacts Returns,
    IReadOnlyList<Frequency> SpreadTicks,
    double MeanSpreadTicks,
    SizeSummary TradeSizes)
{
    /// <param name="times">Event times in seconds (non-decreasing), one per mid.</param>
    /// <param name="mids">The mid after each event (positive).</param>
    /// <param name="intervalSeconds">The sampling interval of the returns (e.g. 60 for one-minute returns).</param>
    public static MarketFacts Compute(string source, ReadOnlySpan<double> times, ReadOnlySpan<double> mids,
        IEnumerable<long> spreadTicks, IEnumerable<double> tradeSizes, double intervalSeconds, int maxLag = 10)
    {
        var sampled = times.Length == 0 ? [] : TimeGrid.LastAt(times, mids, times[0], times[^1], intervalSeconds);
        var returns = StylizedFacts.Of(StylizedFacts.LogReturns(sampled), maxLag);
        var spreads = Distributions.Frequencies(spreadTicks);
        var meanSpread = spreads.Sum(f => f.Count) is var n and > 0 ? spreads.Sum(f => (double)f.Value * f.Count) / n : double.NaN;
        var sizes = Quantiles.Sorted(tradeSizes.ToArray());
        var summary = new SizeSummary(sizes.Length, sizes.Length > 0 ? sizes.Average() : double.NaN,
            Quantiles.OfSorted(sizes, 0.5), Quantiles.OfSorted(sizes, 0.9), Quantiles.OfSorted(sizes, 0.99), sizes.Length > 0 ? sizes[^1] : double.NaN);
        return new MarketFacts(source, intervalSeconds, returns, spreads, meanSpread, summary);
    }
}
