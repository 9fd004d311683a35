using LiquidityLab.Core.Processes;
using LiquidityLab.Core.Randomness;

namespace LiquidityLab.OrderDriven.Market;

/// <summary>Occasional jumps of the latent value ("megashocks"): Poisson arrivals, normal size, random sign.</summary>
public readonly record struct ValueShocks(double RatePerSecond, double Mean, double StdDev);

/// <summary>
/// The latent (fundamental) value of the asset, simulated in currency (the process's units) and kept in ticks, on a grid of <c>dt</c> seconds from the
/// session start to its end plus a look-ahead (so an informed trader can read the future). Each step is
/// the process's exact transition (OU, a drifting walk, or a regime switch between them) plus the
/// jumps. Read as a step function: the value at time t is the grid point at or before t.
/// Memory is one double per grid point (23,400 for a 6.5-hour day at 1 s).
/// </summary>
public sealed class LatentValue
{
    private readonly double[] _path;
    private readonly long _start;
    private readonly long _stepNs;

    public LatentValue(IMidProcess process, double initial, long startNs, long endNs, double dtSeconds, ValueShocks? shocks, RandomStream rng, double tickSize = 1)
    {
        if (!(dtSeconds > 0)) throw new ArgumentOutOfRangeException(nameof(dtSeconds), dtSeconds, "must be > 0");
        _start = startNs;
        _stepNs = Math.Max(1, (long)Math.Round(dtSeconds * 1e9));
        var n = checked((int)((endNs - startNs) / _stepNs + 2));
        _path = new double[n];
        var p = process.Fresh();
        var v = initial;
        _path[0] = v / tickSize;
        for (var i = 1; i < n; i++)
        {
            v = p.Step(v, dtSeconds, rng);
            if (shocks is { RatePerSecond: > 0 } s)
            {
                var jumps = rng.Poisson(s.RatePerSecond * dtSeconds);
                for (var j = 0; j < jumps; j++) v += (rng.Bernoulli(0.5) ? 1 : -1) * rng.Normal(s.Mean, s.StdDev);
            }
            _path[i] = v / tickSize;
        }
    }

    /// <summary>The value (ticks) at time <paramref name="timeNs"/>, clamped to the grid.</summary>
    public double At(long timeNs)
    {
        var i = (timeNs - _start) / _stepNs;
        return _path[(int)Math.Clamp(i, 0, _path.Length - 1)];
    }

    public int GridPoints => _path.Length;
}
