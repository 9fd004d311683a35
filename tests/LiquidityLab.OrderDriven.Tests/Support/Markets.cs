using LiquidityLab.Core.Processes;
using LiquidityLab.Core.Randomness;
using LiquidityLab.OrderDriven.Accounting;
using LiquidityLab.OrderDriven.Agents;
using LiquidityLab.OrderDriven.Kernel;
using LiquidityLab.OrderDriven.Market;
using LiquidityLab.OrderDriven.Network;

namespace LiquidityLab.OrderDriven.Tests.Support;

/// <summary>Small markets for the tests: prices around 10,000 ticks, sessions of minutes.</summary>
public static class Markets
{
    public const long S = 1_000_000_000;

    public static MarketSetup Setup(long seconds, ulong seed = 1, FeeSchedule? fees = null, double volatility = 0.5) => new()
    {
        StartNs = 0,
        EndNs = seconds * S,
        TickSize = 0.01m,
        MinPrice = 5_000,
        MaxPrice = 15_000,
        Fees = fees ?? FeeSchedule.None,
        SampleEveryNs = S,
        HeatmapBinNs = 60 * S,
        Value = new LatentValue(new OrnsteinUhlenbeck(0.01, 10_000, volatility), 10_000, 0, (seconds + 60) * S, 1, null, RandomStream.Create(seed, "value")),
        Seed = seed,
    };

    public static LatencyModel Latency(double entryUs, double dataUs, double jitterUs = 0) =>
        new(new Delay((long)(entryUs * 1000), jitterUs > 0 ? JitterKind.Exponential : JitterKind.None, jitterUs * 1000),
            new Delay((long)(dataUs * 1000), jitterUs > 0 ? JitterKind.Exponential : JitterKind.None, jitterUs * 1000));

    /// <summary>A busy crowd: noise traders, value traders, momentum and an informed trader.</summary>
    public static List<Agent> Crowd(int noise, LatencyModel latency, double marketFraction = 0.3)
    {
        var agents = new List<Agent>();
        var a = new Arrivals(1.0 / 2, false, 0, long.MaxValue);
        for (var i = 0; i < noise; i++)
            agents.Add(new NoiseTrader($"noise-{i}", a, marketFraction, new UniformSize(1, 20), 5, 1, 30 * S) { Latency = latency });
        for (var i = 0; i < 3; i++)
            agents.Add(new ValueTrader($"value-{i}", new Arrivals(0.2, false, 0, long.MaxValue), new UniformSize(1, 10), 2, 0.25, 10_000, 0.01, 0.3, 2) { Latency = latency });
        agents.Add(new MomentumTrader("momentum", new Arrivals(0.5, false, 0, long.MaxValue), new UniformSize(1, 5), 3, 8) { Latency = latency });
        agents.Add(new InformedTrader("informed", new Arrivals(0.3, false, 0, long.MaxValue), new FixedSize(5), 20, 1) { Latency = latency });
        return agents;
    }
}
