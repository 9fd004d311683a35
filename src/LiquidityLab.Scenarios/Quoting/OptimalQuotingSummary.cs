using System.Text.Json.Serialization;
using LiquidityLab.Analytics.Metrics;
using LiquidityLab.Scenarios.Running;
using LiquidityLab.Simulation.MonteCarlo;

namespace LiquidityLab.Scenarios.Quoting;

/// <summary>The contents of an optimal-quoting run's summary.json: one entry per (market, strategy). Undefined numbers are null.</summary>
public sealed record OptimalQuotingSummary(
    string Scenario,
    string Kind,
    long Seed,
    int Paths,
    int Steps,
    double Horizon,
    double Dt,
    IReadOnlyList<int> MarkoutHorizons,
    IReadOnlyList<CaseSummary> Cases,
    IReadOnlyList<string> Notes)
{
    public IReadOnlyList<RunMetric> Metrics()
    {
        var metrics = new RunMetricList();
        foreach (var c in Cases)
        {
            var prefix = $"{c.Market}/{c.Strategy}.";
            void Add(string key, double? value) => metrics.Add(prefix + key, value);
            Add("pnl_mean", c.Pnl.Mean);
            Add("pnl_std", c.Pnl.StdDev);
            Add("sharpe", c.Pnl.Sharpe);
            Add("var_95", c.Risk.VaR95);
            Add("cvar_95", c.Risk.CVaR95);
            Add("var_99", c.Risk.VaR99);
            Add("cvar_99", c.Risk.CVaR99);
            Add("final_inventory_std", c.Inventory.FinalStdDev);
            Add("average_spread", c.Quoting.AverageSpread);
            Add("fills_mean", c.Quoting.FillsMean);
        }
        return metrics;
    }
}

/// <param name="Pnl">Terminal PnL across paths: X_T + q_T·S_T − q0·S0.</param>
/// <param name="Risk">Historical VaR and CVaR of the terminal PnL across paths (losses positive).</param>
public sealed record CaseSummary(
    string Market,
    string Strategy,
    double? Gamma,
    PnlStats Pnl,
    CaseRisk Risk,
    CaseInventory Inventory,
    CaseQuoting Quoting,
    CaseAttribution Attribution,
    IReadOnlyList<MarkoutStats> Markouts)
{
    public static CaseSummary Compute(string market, string strategy, double? gamma, MonteCarloResult r, IReadOnlyList<int> horizons)
    {
        var pnl = PnlStats.Of(r.FinalPnl);
        var (var95, cvar95) = RiskMetrics.Both(r.FinalPnl, 0.95);
        var (var99, cvar99) = RiskMetrics.Both(r.FinalPnl, 0.99);
        var (qMean, qSd) = PerformanceMetrics.MeanAndStdDev(r.FinalInventory);
        double residual = 0;
        for (var p = 0; p < r.FinalPnl.Length; p++)
        {
            var total = r.FinalPnl[p];
            residual = Math.Max(residual, Math.Abs(total - r.SpreadCapture[p] - r.InventoryPnl[p]) / Math.Max(1, Math.Abs(total)));
        }
        var fills = new double[r.FinalPnl.Length];
        for (var p = 0; p < fills.Length; p++) fills[p] = r.BidFills[p] + r.AskFills[p];
        return new CaseSummary(market, strategy, gamma, pnl,
            new CaseRisk(N(var95), N(cvar95), N(var99), N(cvar99)),
            new CaseInventory(qMean, N(qSd), r.MaxAbsInventory.Average(), r.MaxAbsInventory.Max()),
            new CaseQuoting(r.MeanQuotedSpread.Average(), fills.Average(), r.BidFills.Average(), r.AskFills.Average()),
            new CaseAttribution(r.SpreadCapture.Average(), r.InventoryPnl.Average(), residual),
            MarkoutStats.Of(r, horizons));
    }

    internal static double? N(double x) => RunMetricList.OrNull(x);
}

/// <param name="Sharpe">Mean over standard deviation of the terminal PnL across paths: per horizon T, not annualised.</param>
/// <param name="MeanCi95">Half-width of the 95% confidence interval of the mean: 1.96·sd/√paths.</param>
public sealed record PnlStats(double Mean, double? StdDev, double? Sharpe, double? MeanCi95, double Median)
{
    public static PnlStats Of(double[] xs)
    {
        var (mean, sd) = PerformanceMetrics.MeanAndStdDev(xs);
        return new PnlStats(mean, CaseSummary.N(sd), CaseSummary.N(sd > 0 ? mean / sd : double.NaN),
            CaseSummary.N(1.96 * sd / Math.Sqrt(xs.Length)), Quantiles.OfSorted(Quantiles.Sorted(xs), 0.5));
    }
}

public sealed record CaseRisk(
    [property: JsonPropertyName("var_95")] double? VaR95,
    [property: JsonPropertyName("cvar_95")] double? CVaR95,
    [property: JsonPropertyName("var_99")] double? VaR99,
    [property: JsonPropertyName("cvar_99")] double? CVaR99);

public sealed record CaseInventory(double FinalMean, double? FinalStdDev, double MaxAbsMean, double MaxAbs);

/// <param name="AverageSpread">δb + δa averaged over every step of every path.</param>
public sealed record CaseQuoting(double AverageSpread, double FillsMean, double BidFillsMean, double AskFillsMean);

/// <param name="MaxRelativeResidual">Largest |total − spread capture − inventory PnL| / max(1, |total|) over paths.</param>
public sealed record CaseAttribution(double SpreadCaptureMean, double InventoryPnlMean, double MaxRelativeResidual);

/// <summary>Markouts of the sample paths' fills at one horizon; negative means the mid moved against the fill by more than its spread.</summary>
public sealed record MarkoutStats(int HorizonSteps, int Fills, double? Mean, double? P05, double? P25, double? Median, double? P75, double? P95)
{
    public static IReadOnlyList<MarkoutStats> Of(MonteCarloResult r, IReadOnlyList<int> horizons)
    {
        var pooled = Pool(r, horizons);
        return horizons.Select((h, i) =>
        {
            var x = Quantiles.Sorted(pooled[i]);
            double? Q(double q) => x.Length == 0 ? null : Quantiles.OfSorted(x, q);
            return new MarkoutStats(h, x.Length, x.Length == 0 ? null : x.Average(), Q(0.05), Q(0.25), Q(0.5), Q(0.75), Q(0.95));
        }).ToArray();
    }

    /// <summary>Every sample path's markouts per horizon, paths in order.</summary>
    public static double[][] Pool(MonteCarloResult r, IReadOnlyList<int> horizons)
    {
        var pooled = horizons.Select(_ => new List<double>()).ToArray();
        foreach (var path in r.Samples)
        {
            var fills = new List<MakerFill>();
            for (var t = 0; t < path.Bid.Length; t++)
            {
                if (path.BidFilled[t]) fills.Add(new MakerFill(t, true, path.Bid[t]));
                if (path.AskFilled[t]) fills.Add(new MakerFill(t, false, path.Ask[t]));
            }
            var m = Markouts.Compute(path.Mid, fills, horizons);
            for (var h = 0; h < horizons.Count; h++) pooled[h].AddRange(m[h]);
        }
        return pooled.Select(l => l.ToArray()).ToArray();
    }
}
