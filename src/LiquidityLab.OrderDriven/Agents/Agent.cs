using LiquidityLab.Core.Randomness;
using LiquidityLab.OrderDriven.Kernel;
using LiquidityLab.OrderDriven.Network;

namespace LiquidityLab.OrderDriven.Agents;

/// <summary>
/// A trader in the order-driven market. It acts only inside its callbacks, on its own timers
/// (<see cref="MarketKernel.WakeAt"/>), on market data if it subscribes, and on its execution reports;
/// it reaches the exchange only through the kernel, so every order pays the agent's order-entry latency
/// and every report and update its market-data latency. Its random numbers come from its own stream.
/// </summary>
public abstract class Agent(string name)
{
    public string Name { get; } = name;

    /// <summary>Index in the kernel's agent table, and the owner id of its orders on the book.</summary>
    public int Id { get; internal set; } = -1;

    public LatencyModel Latency { get; init; } = LatencyModel.Zero;

    /// <summary>Receives an L1 update (with the trades) after every exchange action that changes the top or trades.</summary>
    public virtual bool SubscribesToMarketData => false;

    /// <summary>
    /// Levels per side of L2 a subscriber wants with each update (0 = L1 only): the book's depth at the
    /// moment the exchange published, readable through <see cref="MarketKernel.UpdateBids"/> and
    /// <see cref="MarketKernel.UpdateAsks"/> during <see cref="OnMarketData"/>.
    /// </summary>
    public virtual int MarketDepthLevels => 0;

    /// <summary>The agent's view of its own orders and position, updated by its reports only.</summary>
    public OrderTracker Orders { get; } = new();

    protected internal RandomStream Rng { get; internal set; } = null!;

    protected internal virtual void OnStart(MarketKernel kernel) { }
    protected internal virtual void OnWake(MarketKernel kernel, int tag) { }
    protected internal virtual void OnMarketData(MarketKernel kernel, in MarketUpdate update) { }
    protected internal virtual void OnReport(MarketKernel kernel, in OrderReport report) { }

    internal void DeliverReport(MarketKernel kernel, in OrderReport report)
    {
        Orders.Apply(report);
        OnReport(kernel, report);
    }
}
