using LiquidityLab.Core.Domain;

namespace LiquidityLab.Simulation.Dealer;

public enum DealerEventKind
{
    /// <summary>A maker filled a client.</summary>
    Fill,
    /// <summary>A maker declined a client because the trade would breach its inventory limit.</summary>
    Rejected,
    /// <summary>No maker was willing: the client went unserved.</summary>
    Unserved,
    /// <summary>A maker hedged at the hedge venue.</summary>
    Hedge,
}

/// <summary>One line of the trade log. <see cref="MakerSide"/> is the maker's side (the client's opposite); for an unserved client it is the side a maker would have taken.</summary>
public readonly record struct DealerTradeRecord(
    long Step,
    double Time,
    long ClientId,
    DealerEventKind Kind,
    string? Maker,
    Side MakerSide,
    long Lots,
    decimal Price,
    decimal Mid,
    long InventoryAfter,
    string? Reason);

/// <summary>A maker's state after a step, as recorded in the time series.</summary>
public readonly record struct DealerStepRecord(
    long Step,
    double Time,
    decimal Mid,
    string Maker,
    decimal Bid,
    decimal Ask,
    long Inventory,
    decimal Cash,
    decimal TotalPnl,
    decimal RealizedPnl,
    decimal UnrealizedPnl,
    decimal SpreadCapture,
    decimal InventoryPnl,
    decimal HedgeCost,
    long HedgedLots,
    long Fills,
    long Rejections);

/// <summary>Receives the run's records as they happen, so that logs stream to disk instead of memory.</summary>
public interface IDealerRunObserver
{
    void OnTrade(in DealerTradeRecord trade);
    void OnStep(in DealerStepRecord step);
}
