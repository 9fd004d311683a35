using LiquidityLab.Core.Domain;
using LiquidityLab.Core.Processes;
using LiquidityLab.Core.Randomness;
using LiquidityLab.Strategies.Hedging;
using LiquidityLab.Strategies.Quoting;

namespace LiquidityLab.Simulation.Dealer;

/// <summary>How a maker hedges: the rule, and the price it pays over the mid per unit.</summary>
/// <param name="CostPerUnit">Fixed cost per unit hedged (money per unit).</param>
/// <param name="SlippagePerUnit">Extra price concession per lot of hedge size: a hedge of n lots pays
/// CostPerUnit + SlippagePerUnit × n per unit, a linear impact.</param>
public sealed record HedgeSetup(ThresholdHedger Rule, decimal CostPerUnit, decimal SlippagePerUnit);

/// <summary>One market maker: its quoting policy, its hard inventory limit (null = none) and its hedging (null = none).</summary>
public sealed record MakerSetup(string Name, IQuotingPolicy Quoting, long? InventoryLimit, HedgeSetup? Hedge);

/// <summary>Everything a dealer-market run needs, already validated.</summary>
public sealed record DealerMarketSetup(
    Instrument Instrument,
    double InitialMid,
    IMidProcess MidProcess,
    long ClientCount,
    double ClientRate,
    double BuyProbability,
    SizeDistribution ClientSizes,
    IReadOnlyList<MakerSetup> Makers,
    int RecordEvery);
