using LiquidityLab.Analytics.Metrics;
using LiquidityLab.Core.Domain;
using LiquidityLab.Scenarios.Running;
using LiquidityLab.Simulation.Alpha;

namespace LiquidityLab.Scenarios.Alpha;

/// <summary>The contents of an alpha run's summary.json. Undefined numbers are null.</summary>
/// <param name="Annualisation">How per-bar ratios were annualised, in words.</param>
public sealed record AlphaSummary(
    string Scenario,
    string Kind,
    long Seed,
    string Data,
    int Bars,
    double BarsPerDay,
    double DaysPerYear,
    string Annualisation,
    AlphaPnl Pnl,
    AlphaInventory Inventory,
    AlphaTrading Trading,
    IReadOnlyList<SignalIc> SignalIc,
    IReadOnlyList<InterventionCount> Interventions,
    int SkippedRows,
    IReadOnlyList<string> Notes)
{
    /// <summary>The headline metrics under stable keys (what sweeps, the store and the optimiser read).</summary>
    public IReadOnlyList<RunMetric> Metrics()
    {
        var m = new RunMetricList
        {
            { "total_pnl", Pnl.Total },
            { "sharpe", Pnl.SharpeAnnualised },
            { "sortino", Pnl.SortinoAnnualised },
            { "sharpe_per_bar", Pnl.SharpePerBar },
            { "max_drawdown", Pnl.MaxDrawdown },
            { "max_drawdown_relative", Pnl.MaxDrawdownRelative },
            { "mean_abs_inventory", Inventory.MeanAbs },
            { "max_abs_inventory", Inventory.MaxAbs },
            { "time_at_limit", Inventory.TimeAtLimit },
            { "maker_fills", Trading.MakerFills },
            { "hit_rate", Trading.HitRate },
            { "spread_captured_per_lot", Trading.SpreadCapturedPerLot },
            { "profitable_round_trips", Trading.ProfitableRoundTrips },
            { "mean_quote_distance", Trading.MeanQuoteDistance },
            { "slippage_cost", Trading.SlippageCost },
            { "latency_cost", Trading.LatencyCost },
            { "interventions", Interventions.Sum(i => i.Count) },
        };
        foreach (var ic in SignalIc.Where(i => i.Signal == AlphaAnalysis.BlendName)) m.Add($"ic_{ic.Horizon}", ic.Ic);
        return m;
    }
}

/// <param name="SharpePerBar">Mean over standard deviation of the per-bar PnL changes.</param>
/// <param name="SharpeAnnualised">SharpePerBar × √(bars per day × days per year).</param>
/// <param name="MaxDrawdownRelative">The drawdown over its peak of capital + PnL, null when that peak was not positive.</param>
public sealed record AlphaPnl(double Total, double Final, double? SharpePerBar, double? SharpeAnnualised, double? SortinoPerBar, double? SortinoAnnualised,
    double MaxDrawdown, double? MaxDrawdownRelative, double MakerEdge, double MarketOrderCost);

/// <param name="TimeAtLimit">Share of bars with |inventory| at the position limit; null without a limit.</param>
public sealed record AlphaInventory(double MeanAbs, double Mean, long MaxAbs, double? TimeAtLimit, long Final);

/// <param name="HitRate">Maker fills over quoted sides (each live side on each bar is one quote).</param>
/// <param name="SpreadCapturedPerLot">Mean edge of maker fills against the mid at fill time, per lot.</param>
/// <param name="MeanQuoteDistance">Mean distance of the sent quotes from the mid, price units (aggressiveness: smaller is more aggressive).</param>
/// <param name="SlippageCost">Total slippage paid by market orders beyond the half-spread.</param>
/// <param name="LatencyCost">Total edge lost between quote decision and fill, Σ lots × (edge at decision − edge at fill).</param>
public sealed record AlphaTrading(int MakerFills, long MakerLots, int MarketOrders, long MarketLots, long QuotedSides, double? HitRate,
    double? SpreadCapturedPerLot, double? SpreadCapturedPerTrade, int RoundTrips, double? ProfitableRoundTrips,
    double? MeanQuoteDistance, double? MeanQuoteDistanceBps, double SlippageCost, double LatencyCost);

/// <summary>Information coefficient of one signal (or the blend) against forward log returns at one horizon.</summary>
public sealed record SignalIc(string Signal, int Horizon, double? Ic, double? RankIc);

public sealed record InterventionCount(string Action, int Count);

/// <summary>Computes the analyzer's numbers from one run.</summary>
public static class AlphaAnalysis
{
    public const string BlendName = "blend";

    public static AlphaSummary Summarise(Schema.Alpha.AlphaScenario s, string data, double barsPerDay, int skipped, AlphaRunResult r, IReadOnlyList<string> notes)
    {
        var bars = r.Bars;
        var n = bars.Count;
        var equity = new double[n + 1];
        for (var i = 0; i < n; i++) equity[i + 1] = bars[i].Pnl;
        var changes = PerformanceMetrics.Changes(equity);
        var annual = new Annualisation(barsPerDay, s.DaysPerYear);
        var sharpe = PerformanceMetrics.SharpePerStep(changes);
        var sortino = PerformanceMetrics.SortinoPerStep(changes);
        var dd = PerformanceMetrics.MaxDrawdown(equity.Select(e => s.Capital + e).ToArray());
        var maker = r.Executions.Where(e => e.Maker).ToArray();
        var market = r.Executions.Where(e => !e.Maker).ToArray();
        var pnl = new AlphaPnl(equity[^1], equity[^1], N(sharpe), N(annual.Annualise(sharpe)), N(sortino), N(annual.Annualise(sortino)),
            dd.Absolute, N(dd.Relative), maker.Sum(e => e.Edge * e.Lots), market.Sum(e => -e.Edge * e.Lots));

        var limit = s.Risk.PositionLimit;
        var inventory = new AlphaInventory(
            n > 0 ? bars.Average(b => Math.Abs((double)b.Inventory)) : 0, n > 0 ? bars.Average(b => (double)b.Inventory) : 0,
            n > 0 ? bars.Max(b => Math.Abs(b.Inventory)) : 0,
            limit is { } l && n > 0 ? bars.Count(b => Math.Abs(b.Inventory) >= l) / (double)n : null, n > 0 ? bars[^1].Inventory : 0);

        var quoted = bars.Sum(b => (long)b.SidesQuoted);
        var makerLots = maker.Sum(e => e.Lots);
        var trips = RoundTrips.Match(r.Executions.Select(e => new SignedTrade(e.Side.Sign() * e.Lots, e.Price)));
        var distances = QuoteDistances(bars);
        var trading = new AlphaTrading(maker.Length, makerLots, market.Length, market.Sum(e => e.Lots), quoted,
            quoted > 0 ? maker.Length / (double)quoted : null,
            makerLots > 0 ? maker.Sum(e => e.Edge * e.Lots) / makerLots : null,
            maker.Length > 0 ? maker.Sum(e => e.Edge * e.Lots) / maker.Length : null,
            trips.Count, N(RoundTrips.ProfitableShare(trips)),
            distances.Count > 0 ? distances.Average(d => d.Distance) : null,
            distances.Count > 0 ? distances.Average(d => d.Distance / d.Mid * 1e4) : null,
            market.Sum(e => e.Slippage * e.Lots), maker.Sum(e => e.LatencyCost * e.Lots));

        var mids = bars.Select(b => b.Mid).ToArray();
        var ics = new List<SignalIc>();
        var strength = bars.Select(b => b.Strength).ToArray();
        foreach (var h in s.IcHorizons)
        {
            var fwd = InformationCoefficient.ForwardReturns(mids, h);
            ics.Add(new SignalIc(BlendName, h, N(InformationCoefficient.Pearson(strength, fwd)), N(InformationCoefficient.Spearman(strength, fwd))));
            for (var c = 0; c < r.ComponentNames.Count; c++)
                ics.Add(new SignalIc(r.ComponentNames[c], h, N(InformationCoefficient.Pearson(r.ComponentScores[c], fwd)),
                    N(InformationCoefficient.Spearman(r.ComponentScores[c], fwd))));
        }
        var interventions = r.RiskEvents.GroupBy(e => e.Action).OrderBy(g => g.Key)
            .Select(g => new InterventionCount(Yaml.ScenarioNaming.EnumName(g.Key), g.Count())).ToArray();
        return new AlphaSummary(s.Name, "alpha", s.Seed, data, n, barsPerDay, s.DaysPerYear, annual.ToString(), pnl, inventory, trading, ics, interventions, skipped, notes);
    }

    /// <summary>Distance of every sent quote side from the bar's mid.</summary>
    public static List<(double Distance, double Mid)> QuoteDistances(IReadOnlyList<AlphaBar> bars)
    {
        var list = new List<(double, double)>();
        foreach (var b in bars)
        {
            if (!double.IsNaN(b.Bid)) list.Add((b.Mid - b.Bid, b.Mid));
            if (!double.IsNaN(b.Ask)) list.Add((b.Ask - b.Mid, b.Mid));
        }
        return list;
    }

    private static double? N(double x) => RunMetricList.OrNull(x);
}
