using LiquidityLab.Core.Randomness;
using LiquidityLab.Scenarios.Schema.Alpha;
using LiquidityLab.Simulation.Alpha;

namespace LiquidityLab.Scenarios.Alpha.Data;

/// <summary>Bars of a simulated mid: the process is stepped exactly over 1 / bars_per_day of a trading day per bar, from stream "alpha.mid".</summary>
public static class SyntheticBars
{
    public static MarketData Generate(SyntheticDataConfig c, ulong seed)
    {
        var rng = RandomStream.Create(seed, "alpha.mid");
        var process = c.Process!.ToProcess().Fresh();
        var n = c.BarsPerDay * c.Days;
        var bars = new MarketBar[n];
        var dt = 1.0 / c.BarsPerDay;
        var barNanos = (long)Math.Round(c.SessionSeconds / c.BarsPerDay * 1e9);
        var mid = c.Initial;
        for (var i = 0; i < n; i++)
        {
            if (i > 0) mid = process.Step(mid, dt, rng);
            if (!(mid > 0)) throw new MarketDataException("synthetic", 0, $"the {process.Kind} mid reached {mid} at bar {i}: choose parameters that keep it positive");
            var day = i / c.BarsPerDay;
            bars[i] = new MarketBar(day * 86_400_000_000_000L + (i % c.BarsPerDay) * barNanos, day, mid);
        }
        return new MarketData(bars, c.BarsPerDay, 0, null, $"synthetic {process.Kind}: {c.Days} day(s) × {c.BarsPerDay} bars");
    }
}
