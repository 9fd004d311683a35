using System.Text.Json.Serialization;
using LiquidityLab.Analytics.Metrics;
using LiquidityLab.Scenarios.Running;
using LiquidityLab.Simulation.Dealer;

namespace LiquidityLab.Scenarios.Dealer;

/// <summary>The contents of a dealer run's summary.json. Undefined ratios are null, never NaN.</summary>
public sealed record DealerSummary(
    string Scenario,
    string Kind,
    long Seed,
    long Steps,
    double TimeEnd,
    MarketSummary Market,
    IReadOnlyList<MakerSummary> Makers,
    IReadOnlyList<string> Notes)
{
    public static DealerSummary Compute(string scenario, long seed, DealerMarketSetup setup, DealerRunResult result)
    {
        var market = new MarketSummary(result.Steps, result.ClientsServed, result.ClientsUnserved, result.ClientLots,
            result.Mid[0], result.Mid[^1]);
        var makers = result.Makers.Select(m => MakerSummary.Compute(m, result)).ToArray();
        return new DealerSummary(scenario, "dealer", seed, result.Steps, result.Time[^1], market, makers, SetupNotes(setup));
    }

    /// <summary>The headline numbers under flat keys <c>MAKER.metric</c> (and <c>market.*</c>), for sweeps and the results store.</summary>
    public static IReadOnlyList<RunMetric> Metrics(DealerSummary summary)
    {
        var metrics = new RunMetricList
        {
            { "market.clients_served", summary.Market.Served },
            { "market.clients_unserved", summary.Market.Unserved },
        };
        foreach (var m in summary.Makers)
        {
            void Add(string key, double? value) => metrics.Add($"{m.Name}.{key}", value);
            Add("total_pnl", (double)m.Pnl.Total);
            Add("spread_capture", (double)m.Pnl.SpreadCapture);
            Add("inventory_pnl", (double)m.Pnl.Inventory);
            Add("hedge_cost", (double)m.Pnl.HedgeCost);
            Add("sharpe_per_step", m.Risk.SharpePerStep);
            Add("max_drawdown", m.Risk.MaxDrawdown);
            Add("var_95", m.Risk.VaR95);
            Add("cvar_95", m.Risk.CVaR95);
            Add("var_99", m.Risk.VaR99);
            Add("cvar_99", m.Risk.CVaR99);
            Add("fills", m.Trading.Fills);
            Add("rejections", m.Trading.Rejections);
            Add("market_share", m.Trading.MarketShare);
            Add("hedged_lots", m.Trading.HedgedLots);
            Add("inventory_final", m.Inventory.Final);
            Add("inventory_variance", m.Inventory.Variance);
            Add("inventory_max_abs", m.Inventory.MaxAbsolute);
        }
        return metrics;
    }

    /// <summary>Things the reader should know about the set-up, e.g. a limit that hedging makes unreachable.</summary>
    private static IReadOnlyList<string> SetupNotes(DealerMarketSetup setup)
    {
        var notes = new List<string>();
        foreach (var maker in setup.Makers)
        {
            if (maker.Hedge is not { } hedge || maker.InventoryLimit is not { } limit) continue;
            var reach = hedge.Rule.Threshold + setup.ClientSizes.MaxLots;
            if (reach <= limit)
                notes.Add($"{maker.Name}: hedging at {hedge.Rule.Threshold} keeps |inventory| <= {hedge.Rule.Threshold} + largest client {setup.ClientSizes.MaxLots} = {reach}, below the limit {limit}: the limit can never bind, so it is not an active control in this run.");
        }
        return notes;
    }
}

public sealed record MarketSummary(long Clients, long Served, long Unserved, long ClientLots, double MidStart, double MidEnd);

public sealed record MakerSummary(
    string Name,
    PnlSummary Pnl,
    RiskSummary Risk,
    InventorySummary Inventory,
    TradingSummary Trading)
{
    public static MakerSummary Compute(MakerResult m, DealerRunResult run)
    {
        var changes = PerformanceMetrics.Changes(m.TotalPnl);
        var (var95, cvar95) = RiskMetrics.Both(changes, 0.95);
        var (var99, cvar99) = RiskMetrics.Both(changes, 0.99);
        var dd = PerformanceMetrics.MaxDrawdown(m.TotalPnl);
        var inv = InventoryStats.Of(m.Inventory.AsSpan(1), m.Setup.InventoryLimit);
        var attribution = m.SpreadCapture + m.InventoryPnl - m.HedgeCost;
        return new MakerSummary(
            m.Name,
            new PnlSummary(m.Total, m.Realized, m.Unrealized, m.Cash, m.SpreadCapture, m.InventoryPnl, m.HedgeCost, m.Total - attribution),
            new RiskSummary(N(PerformanceMetrics.SharpePerStep(changes)), N(PerformanceMetrics.SortinoPerStep(changes)), dd.Absolute,
                N(dd.Relative), N(var95), N(cvar95), N(var99), N(cvar99)),
            new InventorySummary(m.FinalInventory, inv.Mean, inv.MeanAbsolute, inv.Variance, inv.MaxAbsolute, inv.ShareAtLimit,
                m.Setup.InventoryLimit, m.Setup.Hedge?.Rule.Threshold),
            new TradingSummary(m.Fills, m.FilledLots, m.Rejections,
                run.ClientsServed > 0 ? m.Fills / (double)run.ClientsServed : 0, m.Hedges, m.HedgedLots));
    }

    private static double? N(double x) => RunMetricList.OrNull(x);
}

/// <param name="AttributionResidual">Total − (spread capture + inventory − hedge cost): exactly zero, kept as evidence.</param>
public sealed record PnlSummary(decimal Total, decimal Realized, decimal Unrealized, decimal Cash, decimal SpreadCapture,
    decimal Inventory, decimal HedgeCost, decimal AttributionResidual);

/// <summary>Risk of the per-step (per client arrival) PnL changes; Sharpe and Sortino are per step, not annualised.</summary>
public sealed record RiskSummary(
    double? SharpePerStep,
    double? SortinoPerStep,
    double MaxDrawdown,
    double? MaxDrawdownRelative,
    [property: JsonPropertyName("var_95")] double? VaR95,
    [property: JsonPropertyName("cvar_95")] double? CVaR95,
    [property: JsonPropertyName("var_99")] double? VaR99,
    [property: JsonPropertyName("cvar_99")] double? CVaR99);

public sealed record InventorySummary(long Final, double Mean, double MeanAbsolute, double Variance, long MaxAbsolute,
    double ShareOfStepsAtLimit, long? Limit, long? HedgeThreshold);

/// <param name="MarketShare">Share of served clients this maker filled.</param>
public sealed record TradingSummary(long Fills, long FilledLots, long Rejections, double MarketShare, long Hedges, long HedgedLots);
