using LiquidityLab.OrderDriven.Accounting;
using LiquidityLab.OrderDriven.Market;

namespace LiquidityLab.OrderDriven.Kernel;

/// <summary>
/// The venue and the recording of one run. Prices are ticks inside [MinPrice, MaxPrice]; times are
/// nanoseconds (of the day, so 09:30 is 34,200 s). Samples of the market and the makers are taken every
/// <see cref="SampleEveryNs"/>; the heatmap bins are <see cref="HeatmapBinNs"/> wide.
/// </summary>
public sealed record MarketSetup
{
    public required long StartNs { get; init; }
    public required long EndNs { get; init; }
    public decimal TickSize { get; init; } = 0.01m;
    public long MinPrice { get; init; } = 1;
    public long MaxPrice { get; init; } = 1_000_000;
    public FeeSchedule Fees { get; init; } = FeeSchedule.None;
    public long SampleEveryNs { get; init; } = 1_000_000_000;
    public long HeatmapBinNs { get; init; } = 60_000_000_000;
    public int DepthLevels { get; init; } = 5;
    public int HeatmapLevels { get; init; } = 20;
    public IReadOnlyList<double> MarkoutHorizonsSeconds { get; init; } = [1, 10, 60];
    public double ImpactHorizonSeconds { get; init; } = 10;
    public LatentValue? Value { get; init; }
    public ulong Seed { get; init; } = 1;
}

/// <summary>What the kernel did: events processed, messages sent over the network, orders, cancels and fills.</summary>
public sealed class KernelCounters
{
    public long Events;
    public long Messages;
    public long Wakes;
    public long Orders;
    public long Cancels;
    public long Trades;
    public long TradedVolume;
    public long Rejections;
    public long MarketDataUpdates;
    public int PeakPendingEvents;
    public int PeakRestingOrders;
}
