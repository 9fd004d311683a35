using LiquidityLab.OrderDriven.Kernel;
using LiquidityLab.Scenarios.Running;

namespace LiquidityLab.Scenarios.OrderDriven;

/// <summary>The contents of an order-driven run's summary.json (deterministic: no wall-clock figures). Undefined ratios are null.</summary>
public sealed record OrderDrivenSummary(
    string Scenario,
    string Kind,
    long Seed,
    double OpenS,
    double CloseS,
    int AgentCount,
    KernelSummary Kernel,
    MarketSummaryOd Market,
    IReadOnlyList<MakerSummaryOd> Makers,
    IReadOnlyList<string> Notes)
{
    public IReadOnlyList<RunMetric> Metrics()
    {
        var m = new RunMetricList
        {
            { "market.events", Kernel.Events },
            { "market.messages", Kernel.Messages },
            { "market.orders", Kernel.Orders },
            { "market.cancels", Kernel.Cancels },
            { "market.trades", Kernel.Trades },
            { "market.volume", Kernel.TradedVolume },
            { "market.final_mid", Market.FinalMid },
            { "market.mean_spread", Market.MeanSpread },
            { "market.return_excess_kurtosis", Market.Facts.ExcessKurtosis },
            { "market.return_autocorrelation", Market.Facts.ReturnAutocorrelation },
            { "market.impact_exponent", Market.Impact.Immediate.PowerLawExponent },
            { "market.abs_return_autocorrelation", Market.Facts.AbsReturnAutocorrelation },
        };
        foreach (var k in Makers)
        {
            void Add(string key, double? value) => m.Add($"{k.Name}.{key}", value);
            Add("total_pnl", (double)k.Pnl.Total);
            Add("realized_pnl", (double)k.Pnl.Realized);
            Add("unrealized_pnl", (double)k.Pnl.Unrealized);
            Add("spread_capture", (double)k.Pnl.SpreadCapture);
            Add("inventory_pnl", (double)k.Pnl.InventoryPnl);
            Add("fees", (double)k.Pnl.Fees);
            Add("final_inventory", k.Inventory.Final);
            Add("max_abs_inventory", k.Inventory.MaxAbs);
            Add("inventory_variance", k.Inventory.Variance);
            Add("fill_ratio", k.Activity.FillRatio);
            Add("market_share", k.Activity.MarketShare);
            Add("time_at_touch", k.Activity.TimeAtTouch);
            Add("max_drawdown", k.Risk.MaxDrawdown);
            Add("sharpe_annualised", k.Risk.SharpeAnnualised);
            for (var h = 0; h < k.Markouts.Count; h++) Add($"markout_{k.Markouts[h].HorizonS:0.###}s", k.Markouts[h].PerLot);
        }
        return m;
    }
}

public sealed record KernelSummary(long Events, long Messages, long Wakes, long Orders, long Cancels, long Trades, long TradedVolume, long Rejections,
    long MarketDataUpdates, int PeakPendingEvents, int PeakRestingOrders);

public sealed record MarketSummaryOd(double? FinalMid, double? FinalLatentValue, double? MeanSpread, double? MeanBidDepth, double? MeanAskDepth,
    decimal CashConservationResidual, long SharesConservationResidual, decimal FeesCollected, StylizedFacts Facts, StylizedFacts ReferenceFacts,
    ImpactSummary Impact);

public sealed record MakerSummaryOd(string Name, string Kind, long InventoryLimit, long OrderSize, MakerPnl Pnl, MakerInventory Inventory, MakerActivity Activity,
    MakerRisk Risk, IReadOnlyList<MarkoutSummary> Markouts);

/// <summary>Currency. total = spread capture + inventory PnL − fees = realized + unrealized; the residuals are those identities' misses (0).</summary>
public sealed record MakerPnl(decimal Total, decimal Realized, decimal Unrealized, decimal SpreadCapture, decimal InventoryPnl, decimal Fees,
    decimal AttributionResidual, decimal RealizedResidual);

public sealed record MakerInventory(long Final, long Seen, long MaxAbs, double? Mean, double? Variance, bool LimitEverBreached);

/// <summary>Fill ratio = lots filled / lots quoted; market share = its traded lots / all traded lots; time at the touch = share of samples with a quote at the best bid or ask.</summary>
public sealed record MakerActivity(long OrdersSent, long CancelsSent, long QuotedLots, long FilledLots, long Fills, double? FillRatio, double? MarketShare,
    double? TimeAtTouch, double? TimeAtBid, double? TimeAtAsk);

/// <summary>Sharpe of total-PnL changes per sample interval; annualised × √(samples per session × 252 sessions a year).</summary>
public sealed record MakerRisk(double MaxDrawdown, double? SharpePerSample, double? SharpeAnnualised, double SampleSeconds);

/// <summary>Mean over the maker's filled lots of (mid at the horizon − fill price) × side, currency per lot.</summary>
public sealed record MarkoutSummary(double HorizonS, double? PerLot, long Lots);

/// <summary>
/// Stylized facts (Analytics.Microstructure.MarketFacts) in brief: log returns of the mid on a clock of
/// <see cref="IntervalS"/> seconds, their excess kurtosis and Hill tail index, lag-1 autocorrelations of
/// returns and absolute returns, the mean quoted spread in ticks and trade sizes in lots.
/// </summary>
public sealed record StylizedFacts(string Source, double IntervalS, long Returns, double? StdDev, double? ExcessKurtosis, double? TailIndex,
    double? ReturnAutocorrelation, double? AbsReturnAutocorrelation, double? MeanSpreadTicks, double? MeanTradeSize, double? MedianTradeSize)
{
    public static StylizedFacts From(LiquidityLab.Analytics.Microstructure.MarketFacts f)
    {
        static double? N(double x) => double.IsFinite(x) ? x : null;
        var r = f.Returns;
        return new StylizedFacts(f.Source, f.IntervalSeconds, r.Count, N(r.StandardDeviation), N(r.ExcessKurtosis), N(r.TailIndex),
            r.ReturnAutocorrelation.Count > 0 ? N(r.ReturnAutocorrelation[0]) : null, r.AbsoluteReturnAutocorrelation.Count > 0 ? N(r.AbsoluteReturnAutocorrelation[0]) : null,
            N(f.MeanSpreadTicks), N(f.TradeSizes.Mean), N(f.TradeSizes.Median));
    }
}

/// <summary>
/// The impact curves fitted on the aggressive orders (a systematic sample of one in <see cref="Stride"/>):
/// move = c·size^β on size-binned means, and move = c·√size; moves in currency, in the order's direction.
/// </summary>
public sealed record ImpactSummary(long AggressiveOrders, long Stride, ImpactFitSummary Immediate, ImpactFitSummary AfterHorizon, double HorizonS);

public sealed record ImpactFitSummary(int Observations, double? PowerLawCoefficient, double? PowerLawExponent, double? PowerLawRSquared,
    double? SquareRootCoefficient, double? SquareRootRSquared)
{
    public static ImpactFitSummary From(LiquidityLab.Analytics.Microstructure.ImpactCurve c)
    {
        static double? N(double x) => double.IsFinite(x) ? x : null;
        return new ImpactFitSummary(c.Observations, N(c.PowerLawCoefficient), N(c.PowerLawExponent), N(c.PowerLawRSquared), N(c.SquareRootCoefficient), N(c.SquareRootRSquared));
    }
}

/// <summary>Source-generated JSON for summary.json (a cold reflection-based serializer costs a tenth of a second).</summary>
[System.Text.Json.Serialization.JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.SnakeCaseLower)]
[System.Text.Json.Serialization.JsonSerializable(typeof(OrderDrivenSummary))]
internal sealed partial class OrderDrivenJson : System.Text.Json.Serialization.JsonSerializerContext
{
    public static readonly System.Text.Json.JsonSerializerOptions SummaryOptions =
        new(Dealer.DealerRunner.SummaryJson) { TypeInfoResolver = Default };
}
