using System.Diagnostics;

namespace LiquidityLab.Scenarios.Running;

/// <summary>
/// Where a running simulation publishes what a browser should see while it runs (<c>liqlab run --live</c>).
/// <para>
/// Contract for runners: call <see cref="Started"/> once, then on the simulation thread check
/// <see cref="Due"/> (one timestamp read: cheap enough per step) and build and <see cref="Publish"/> a
/// frame only when it says so, so the feed costs nothing between frames and frames never outpace
/// <see cref="ThrottledLiveFeed.MaxFramesPerSecond"/>. Whole curves known at once (a finished Monte
/// Carlo case) go through <see cref="PublishCurve"/>. Call <see cref="Finished"/> once at the end.
/// Charts are named by the runner; the dashboard draws one line chart per chart name with one line per
/// series name. Conventional chart names: <c>price</c> (mid and quotes), <c>inventory</c>, <c>pnl</c>.
/// Nothing published reaches a run folder: a run with a feed writes the same bytes as one without.
/// </para>
/// </summary>
public interface ILiveFeed
{
    /// <summary>The run has started: what it is and how long it will be in simulated time.</summary>
    void Started(LiveRunInfo info);

    /// <summary>True when a frame may be published now (throttled by wall time; never changes the simulation).</summary>
    bool Due();

    void Publish(LiveFrame frame);

    /// <summary>A whole curve at once; replaces any earlier curve of the same chart and series.</summary>
    void PublishCurve(LiveCurve curve);

    /// <summary>The run ended: <c>done</c>, <c>failed</c> or <c>cancelled</c>.</summary>
    void Finished(string status, string? message = null);
}

/// <param name="Horizon">The simulated time the run ends at (the x axis' end), in the runner's time unit.</param>
public sealed record LiveRunInfo(string Scenario, string Kind, long Seed, double Horizon, string TimeLabel);

/// <summary>A snapshot at simulated time <see cref="Time"/>: one value per (chart, series), and the fills since the last frame.</summary>
/// <param name="Progress">Share of the run done, 0 to 1.</param>
/// <param name="Fills">A few fills since the previous frame (a sample, not the log: trades.csv has every one).</param>
/// <param name="FillCount">Fills so far in the whole run.</param>
public sealed record LiveFrame(double Time, double Progress, IReadOnlyList<LiveValue> Values, IReadOnlyList<LiveFill> Fills, long FillCount);

public readonly record struct LiveValue(string Chart, string Series, double Value);

/// <param name="Side">The maker's side: <c>buy</c> or <c>sell</c>.</param>
public readonly record struct LiveFill(double Time, string Maker, string Side, long Lots, double Price);

/// <summary>A curve known whole (e.g. a Monte Carlo case's mean PnL over time), decimated by the runner.</summary>
public sealed record LiveCurve(string Chart, string Series, IReadOnlyList<double> X, IReadOnlyList<double> Y, double Progress);

/// <summary>
/// An <see cref="ILiveFeed"/> whose <see cref="Due"/> lets at most <see cref="MaxFramesPerSecond"/>
/// frames through (the first immediately). Subclasses deliver what is published.
/// </summary>
public abstract class ThrottledLiveFeed(double maxFramesPerSecond = 15) : ILiveFeed
{
    private readonly long _interval = (long)(Stopwatch.Frequency / maxFramesPerSecond);
    private long _next;

    public double MaxFramesPerSecond { get; } = maxFramesPerSecond;

    public bool Due()
    {
        var now = Stopwatch.GetTimestamp();
        if (now < Volatile.Read(ref _next)) return false;
        Volatile.Write(ref _next, now + _interval);
        return true;
    }

    public abstract void Started(LiveRunInfo info);
    public abstract void Publish(LiveFrame frame);
    public abstract void PublishCurve(LiveCurve curve);
    public abstract void Finished(string status, string? message = null);
}
