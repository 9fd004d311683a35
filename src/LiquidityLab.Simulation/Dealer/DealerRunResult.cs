namespace LiquidityLab.Simulation.Dealer;

/// <summary>
/// What a dealer run leaves for analysis: per-step paths for every step (index 0 is the start,
/// before the first client), and each maker's final books and counters.
/// </summary>
public sealed record DealerRunResult(
    long Steps,
    double[] Time,
    double[] Mid,
    IReadOnlyList<MakerResult> Makers,
    long ClientsServed,
    long ClientsUnserved,
    long ClientLots);

public sealed record MakerResult(
    MakerSetup Setup,
    double[] TotalPnl,
    long[] Inventory,
    decimal Total,
    decimal Realized,
    decimal Unrealized,
    decimal Cash,
    decimal SpreadCapture,
    decimal InventoryPnl,
    decimal HedgeCost,
    long Fills,
    long FilledLots,
    long Rejections,
    long Hedges,
    long HedgedLots,
    long FinalInventory)
{
    public string Name => Setup.Name;
}
