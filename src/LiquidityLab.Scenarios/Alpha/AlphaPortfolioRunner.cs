using System.Globalization;
using System.Text.Json;
using LiquidityLab.Analytics.Metrics;
using LiquidityLab.Analytics.Reports;
using LiquidityLab.Core.Domain;
using LiquidityLab.Core.Randomness;
using LiquidityLab.Scenarios.Dealer;
using LiquidityLab.Scenarios.Running;
using LiquidityLab.Scenarios.Schema.Alpha;
using LiquidityLab.Simulation.Alpha;
using LiquidityLab.Strategies.Alpha;

namespace LiquidityLab.Scenarios.Alpha;

/// <summary>summary.json of a multi-asset alpha run.</summary>
public sealed record PortfolioSummary(string Scenario, string Kind, long Seed, int Bars, string Annualisation, double TotalPnl, double? SharpeAnnualised,
    double? SortinoAnnualised, double MaxDrawdown, double MeanAbsNetExposure, double MaxAbsNetExposure, int Hedges, long HedgedLots, double HedgeCost,
    IReadOnlyList<PortfolioLeg> Instruments, IReadOnlyList<IReadOnlyList<double?>> RealisedCorrelation, int Interventions)
{
    public IReadOnlyList<RunMetric> Metrics()
    {
        var m = new RunMetricList
        {
            { "total_pnl", TotalPnl }, { "sharpe", SharpeAnnualised }, { "sortino", SortinoAnnualised }, { "max_drawdown", MaxDrawdown },
            { "mean_abs_net_exposure", MeanAbsNetExposure }, { "hedges", Hedges }, { "hedge_cost", HedgeCost },
        };
        foreach (var l in Instruments)
        {
            m.Add($"{l.Symbol}.total_pnl", l.TotalPnl);
            m.Add($"{l.Symbol}.maker_fills", l.MakerFills);
            m.Add($"{l.Symbol}.mean_abs_inventory", l.MeanAbsInventory);
        }
        return m;
    }
}

public sealed record PortfolioLeg(string Symbol, double HedgeRatio, double TotalPnl, int MakerFills, double MeanAbsInventory, long MaxAbsInventory);

/// <summary>Runs an alpha_multi scenario: correlated GBM bars, the portfolio loop, files and report.</summary>
public static class AlphaPortfolioRunner
{
    public static IReadOnlyList<MarketBar>[] Bars(AlphaPortfolioScenario s)
    {
        var m = s.Instruments.Count;
        var n = s.BarsPerDay * s.Days;
        var normals = new CorrelatedNormals(s.Matrix());
        var rng = RandomStream.Create((ulong)s.Seed, "alpha.mids");
        var bars = Enumerable.Range(0, m).Select(_ => new MarketBar[n]).ToArray();
        var mid = s.Instruments.Select(i => i.Initial).ToArray();
        var z = new double[m];
        var dt = 1.0 / s.BarsPerDay;
        var barNanos = (long)Math.Round(23_400.0 / s.BarsPerDay * 1e9);
        for (var t = 0; t < n; t++)
        {
            if (t > 0)
            {
                normals.Next(rng, z);
                for (var i = 0; i < m; i++)
                {
                    var c = s.Instruments[i];
                    mid[i] *= Math.Exp((c.Drift - 0.5 * c.Volatility * c.Volatility) * dt + c.Volatility * Math.Sqrt(dt) * z[i]);
                }
            }
            var day = t / s.BarsPerDay;
            for (var i = 0; i < m; i++) bars[i][t] = new MarketBar(day * 86_400_000_000_000L + (t % s.BarsPerDay) * barNanos, day, mid[i]);
        }
        return bars;
    }

    public static PortfolioSetup ToSetup(AlphaPortfolioScenario s)
    {
        var bars = Bars(s);
        var q = s.Quoting;
        return new PortfolioSetup(
            s.Instruments.Select((c, i) => new PortfolioInstrument(new Instrument(c.Symbol, c.TickSize), bars[i], c.HedgeRatio)).ToArray(),
            () => new SignalBlend(s.Signals.Select(x => new BlendMember(x.Build(), x.Weight,
                new SignalConfidence(s.Confidence.Mode, s.Confidence.Window, s.Confidence.Horizon, s.Confidence.Minimum, s.Confidence.Prior))).ToArray(), s.NormalisationWindow),
            new AlphaQuoterSettings(q.HalfSpread, q.InventorySkew, q.RiskWeighted, q.AlphaSkew, q.HighVolatilityRatio ?? double.PositiveInfinity,
                q.HighVolatilityWidening, q.BaseSize, q.SizeScale, q.MinSize, q.MaxSize),
            s.Fills.ToModel(),
            new ExecutionSettings((long)Math.Round(s.Execution.LatencyMs * 1e6), s.Execution.PartialFills, s.Execution.Slippage, s.Execution.SlippageBps, s.Execution.TakerHalfSpread),
            s.Risk.ToSettings(), s.Portfolio.Skew, s.Instruments.FindIndex(i => i.Symbol == s.Portfolio.HedgeWith), s.Portfolio.HedgeThreshold,
            s.Portfolio.CovarianceHalfLife, s.Volatility.FastHalfLife, s.Volatility.SlowHalfLife);
    }

    public static (PortfolioRunResult Result, PortfolioSummary Summary) Evaluate(AlphaPortfolioScenario s, CancellationToken cancel = default,
        IPortfolioBarObserver? observer = null)
    {
        var r = PortfolioSimulation.Run(ToSetup(s), (ulong)s.Seed, cancel, observer);
        return (r, Summarise(s, r));
    }

    public static PortfolioSummary Summarise(AlphaPortfolioScenario s, PortfolioRunResult r)
    {
        var n = r.Bars;
        var m = r.Instruments;
        var equity = new double[n + 1];
        r.TotalPnl.CopyTo(equity, 1);
        var changes = PerformanceMetrics.Changes(equity);
        var annual = new Annualisation(s.BarsPerDay, s.DaysPerYear);
        var legs = s.Instruments.Select((c, i) => new PortfolioLeg(c.Symbol, c.HedgeRatio, r.Pnl[(n - 1) * m + i],
            r.Executions.Count(e => e.Instrument == i && e.Execution.Maker),
            Enumerable.Range(0, n).Average(t => Math.Abs((double)r.Inventory[t * m + i])),
            Enumerable.Range(0, n).Max(t => Math.Abs(r.Inventory[t * m + i])))).ToArray();
        var moves = Enumerable.Range(0, m).Select(i => Enumerable.Range(1, n - 1).Select(t => Math.Log(r.Mid[t * m + i] / r.Mid[(t - 1) * m + i])).ToArray()).ToArray();
        var correlation = Enumerable.Range(0, m).Select(i => (IReadOnlyList<double?>)Enumerable.Range(0, m)
            .Select(j => RunMetricList.OrNull(InformationCoefficient.Pearson(moves[i], moves[j]))).ToArray()).ToArray();
        return new PortfolioSummary(s.Name, "alpha_multi", s.Seed, n, annual.ToString(), equity[^1],
            RunMetricList.OrNull(annual.Annualise(PerformanceMetrics.SharpePerStep(changes))), RunMetricList.OrNull(annual.Annualise(PerformanceMetrics.SortinoPerStep(changes))),
            PerformanceMetrics.MaxDrawdown(equity).Absolute, r.NetExposure.Average(Math.Abs), r.NetExposure.Max(Math.Abs), r.Hedges, r.HedgedLots, r.HedgeCost,
            legs, correlation, r.RiskEvents.Count);
    }

    internal static RunResult Run(AlphaPortfolioScenario s, RunFolder folder, RunOptions options)
    {
        PortfolioLiveObserver? live = null;
        if (options.Live is { } feed)
        {
            var lastBar = Math.Max(0, s.BarsPerDay * s.Days - 1);
            feed.Started(new LiveRunInfo(s.Name, "alpha_multi", s.Seed, lastBar, "bar"));
            live = new PortfolioLiveObserver(feed, s.Instruments.Select(i => i.Symbol).ToArray(), lastBar);
        }
        var (r, summary) = Evaluate(s, options.Cancel, live);
        File.WriteAllText(folder.PathOf("summary.json"), JsonSerializer.Serialize(summary, DealerRunner.SummaryJson) + "\n");
        using (var w = CsvFiles.Open(folder.PathOf("timeseries.csv")))
        {
            w.WriteHeader(["bar", "instrument", "mid", "bid", "ask", "inventory", "pnl", "net_exposure", "portfolio_pnl"]);
            for (var t = 0; t < r.Bars; t++)
            for (var i = 0; i < r.Instruments; i++)
            {
                var k = t * r.Instruments + i;
                w.WriteField(t);
                w.WriteField(s.Instruments[i].Symbol);
                foreach (var v in new[] { r.Mid[k], r.Bid[k], r.Ask[k] }) w.WriteField(double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : "");
                w.WriteField(r.Inventory[k]);
                foreach (var v in new[] { r.Pnl[k], r.NetExposure[t], r.TotalPnl[t] }) w.WriteField(v.ToString("R", CultureInfo.InvariantCulture));
                w.EndRecord();
            }
        }
        using (var w = CsvFiles.Open(folder.PathOf("trades.csv")))
        {
            w.WriteHeader(["time_s", "instrument", "side", "lots", "price", "mid", "type"]);
            foreach (var (i, e) in r.Executions)
            {
                w.WriteField((e.TimeNanos / 1e9).ToString("R", CultureInfo.InvariantCulture));
                w.WriteField(s.Instruments[i].Symbol);
                w.WriteField(e.Side == Side.Buy ? "buy" : "sell");
                w.WriteField(e.Lots);
                w.WriteField(e.Price.ToString("R", CultureInfo.InvariantCulture));
                w.WriteField(e.Mid.ToString("R", CultureInfo.InvariantCulture));
                w.WriteField(e.Maker ? "maker" : "market");
                w.EndRecord();
            }
        }
        ReportFiles.Write(folder, Report(s, summary, r));
        return new RunResult(Headline(summary), [], summary.Metrics());
    }

    private static TableBlock Headline(PortfolioSummary s) =>
        new($"Portfolio ({s.Annualisation})", ["total PnL", "Sharpe (ann.)", "max DD", "mean |net|", "max |net|", "hedges", "hedge cost", .. s.Instruments.Select(l => $"{l.Symbol} PnL")],
            [[F(s.TotalPnl), F(s.SharpeAnnualised), F(s.MaxDrawdown), F(s.MeanAbsNetExposure), F(s.MaxAbsNetExposure), s.Hedges.ToString(CultureInfo.InvariantCulture),
              F(s.HedgeCost), .. s.Instruments.Select(l => F(l.TotalPnl))]]);

    private static ReportDocument Report(AlphaPortfolioScenario sc, PortfolioSummary s, PortfolioRunResult r)
    {
        var x = Enumerable.Range(0, r.Bars).Select(t => (double)t).ToArray();
        var m = r.Instruments;
        Series PerInstrument(int i, Func<int, double?> f, bool step = false) => new(sc.Instruments[i].Symbol, Enumerable.Range(0, r.Bars).Select(t => f(t * m + i)).ToArray(), step);
        return new ReportDocument($"LiquidityLab: {sc.Name}", $"alpha multi-asset · seed {sc.Seed} · {m} instruments × {r.Bars:N0} bars", new List<ReportSection>
        {
            new("Results", [Headline(s),
                new TableBlock("Instruments", ["symbol", "hedge ratio", "PnL", "maker fills", "mean |q|", "max |q|"],
                    s.Instruments.Select(l => (IReadOnlyList<string>)[l.Symbol, F(l.HedgeRatio), F(l.TotalPnl), l.MakerFills.ToString(CultureInfo.InvariantCulture),
                        F(l.MeanAbsInventory), l.MaxAbsInventory.ToString(CultureInfo.InvariantCulture)]).ToArray()),
                new TableBlock("Realised correlation of one-bar log returns (the target is the correlation key)", ["", .. sc.Instruments.Select(i => i.Symbol)],
                    s.RealisedCorrelation.Select((row, i) => (IReadOnlyList<string>)[sc.Instruments[i].Symbol, .. row.Select(v => F(v))]).ToArray())],
                sc.Description.Length > 0 ? sc.Description : null),
            new("PnL", [new LineChart("Portfolio and instrument PnL", "bar", "PnL", x,
                [new Series("portfolio", r.TotalPnl.Select(v => (double?)v).ToArray()), .. Enumerable.Range(0, m).Select(i => PerInstrument(i, k => r.Pnl[k]))],
                Markers: r.RiskEvents.Take(300).Select(e => new ChartMarker($"{sc.Instruments[e.Instrument].Symbol} {Yaml.ScenarioNaming.EnumName(e.Event.Action)}", e.Event.Bar, r.TotalPnl[e.Event.Bar])).ToArray())]),
            new("Inventory and net exposure", [
                new LineChart("Inventory", "bar", "lots", x, Enumerable.Range(0, m).Select(i => PerInstrument(i, k => r.Inventory[k], step: true)).ToArray()),
                new LineChart("Net exposure Σ hedge_ratio × inventory", "bar", "reference units", x, [new Series("net", r.NetExposure.Select(v => (double?)v).ToArray(), Step: true)],
                    sc.Portfolio.HedgeWith.Length > 0 ? [new ReferenceLine("+hedge threshold", sc.Portfolio.HedgeThreshold), new ReferenceLine("−hedge threshold", -sc.Portfolio.HedgeThreshold)] : null)]),
        });
    }

    private static string F(double? v) => Format.Number(v, 5);
}
