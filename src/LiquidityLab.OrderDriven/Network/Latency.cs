using LiquidityLab.Core.Randomness;

namespace LiquidityLab.OrderDriven.Network;

/// <summary>How the random part of a one-way delay is drawn.</summary>
public enum JitterKind : byte
{
    None,
    /// <summary>Uniform on [0, A] ns.</summary>
    Uniform,
    /// <summary>Exponential with mean A ns.</summary>
    Exponential,
    /// <summary>Log-normal with median A ns and log-volatility B.</summary>
    LogNormal,
}

/// <summary>A one-way delay: fixed nanoseconds plus a random jitter, never negative.</summary>
public readonly record struct Delay(long FixedNs, JitterKind Jitter = JitterKind.None, double A = 0, double B = 0)
{
    public static readonly Delay Zero = new(0);

    public long Sample(RandomStream rng) => FixedNs + Jitter switch
    {
        JitterKind.None => 0,
        JitterKind.Uniform => (long)(rng.NextDouble() * A),
        JitterKind.Exponential => A > 0 ? (long)rng.Exponential(1.0 / A) : 0,
        JitterKind.LogNormal => A > 0 ? (long)rng.LogNormal(Math.Log(A), B) : 0,
        _ => 0,
    };
}

/// <summary>
/// An agent's network: order entry (agent → exchange) and market data (exchange → agent, also used
/// for its execution reports). Each direction is FIFO per agent, as on one connection: a later
/// message never overtakes an earlier one, whatever the jitter (so a cancel never arrives before its order).
/// </summary>
public sealed class LatencyModel(Delay orderEntry, Delay marketData)
{
    public static LatencyModel Zero { get; } = new(Delay.Zero, Delay.Zero);

    public Delay OrderEntry { get; } = orderEntry;
    public Delay MarketData { get; } = marketData;
}

/// <summary>One agent's two FIFO links and the random stream of its jitter.</summary>
internal sealed class AgentLink(LatencyModel model, RandomStream rng)
{
    private long _lastInbound = long.MinValue;
    private long _lastOutbound = long.MinValue;

    public LatencyModel Model { get; } = model;

    /// <summary>When a message sent now reaches the exchange.</summary>
    public long ToExchange(long now) => _lastInbound = Math.Max(now + Model.OrderEntry.Sample(rng), _lastInbound);

    /// <summary>When a message the exchange sends now reaches the agent.</summary>
    public long ToAgent(long now) => _lastOutbound = Math.Max(now + Model.MarketData.Sample(rng), _lastOutbound);
}
