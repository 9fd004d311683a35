using System.Globalization;
using System.Text.Json;
using CsvHelper;
using LiquidityLab.Scenarios.Dealer;
using LiquidityLab.Scenarios.Running;
using LiquidityLab.Scenarios.Schema.Quoting;
using LiquidityLab.Simulation.MonteCarlo;
using LiquidityLab.Strategies.Optimal;

namespace LiquidityLab.Scenarios.Quoting;

/// <summary>One (market, strategy) of a study and its Monte Carlo result.</summary>
internal sealed record StudyCase(MarketConfig Market, StrategyConfig Strategy, MonteCarloResult Result, CaseSummary Summary);

/// <summary>Runs every strategy of an optimal-quoting scenario in every market, and writes the run folder's files.</summary>
internal static class OptimalQuotingRunner
{
    private const int MaxPathRows = 1_000_000;

    public static MonteCarloSetup ToSetup(OptimalQuotingScenario s, MarketConfig market) =>
        new(market.ToSpec(), s.Fills.ToSpec(), s.Horizon, s.Steps, s.Paths, s.InitialInventory,
            s.VolatilityEstimate is { } v ? new VolatilityEstimateSpec(v.HalfLifeSteps) : null,
            SamplePaths: Math.Max(s.SamplePaths, 1));

    /// <summary>Runs one strategy on one market's paths (the same paths for every strategy: common random numbers).</summary>
    public static MonteCarloResult RunCase(OptimalQuotingScenario s, MarketConfig market, StrategyConfig strategy,
        IProgress<double>? progress = null, CancellationToken cancel = default)
    {
        var setup = ToSetup(s, market);
        var seed = (ulong)s.Seed;
        var k = s.Fills.K;
        MonteCarloResult With<TQuoting>(TQuoting quoting) where TQuoting : struct, IModelQuoting =>
            QuotingMonteCarlo.Run(setup, quoting, seed, s.Threads, progress, cancel);
        return strategy switch
        {
            AvellanedaStoikovConfig a => With(new AvellanedaStoikov(a.Gamma, k)),
            SymmetricConfig y => With(new FixedSpreadModel(AvellanedaStoikov.AverageSpread(y.Gamma, k, market.NominalSigma(), s.Horizon, s.Steps))),
            GlftConfig g => With(new GlftQuoting(g.Gamma, k, s.Fills.A)),
            FixedSpreadConfig f => With(new FixedSpreadModel(f.Spread)),
            LinearSkewConfig l => With(new FixedSpreadModel(l.Spread, l.SkewPerUnit)),
            _ => throw new NotSupportedException($"strategy kind {strategy.GetType().Name} has no runner"),
        };
    }

    public static RunResult Run(OptimalQuotingScenario scenario, RunFolder folder, RunOptions options)
    {
        var pairs = scenario.Markets.SelectMany(m => scenario.Strategies.Select(s => (Market: m, Strategy: s))).ToArray();
        var cases = new List<StudyCase>(pairs.Length);
        options.Live?.Started(new LiveRunInfo(scenario.Name, "optimal_quoting", scenario.Seed, scenario.Horizon, "time"));
        for (var i = 0; i < pairs.Length; i++)
        {
            var (market, strategy) = pairs[i];
            var index = i;
            var progress = options.Progress is { } p ? new Progress(p, index, pairs.Length) : null;
            var result = RunCase(scenario, market, strategy, progress, options.Cancel);
            cases.Add(new StudyCase(market, strategy, result,
                CaseSummary.Compute(market.Name, strategy.Name, strategy.RiskAversion, result, scenario.MarkoutHorizons)));
            if (options.Live is { } live) PublishCase(live, scenario, market.Name + " / " + strategy.Name, result, (i + 1.0) / pairs.Length);
        }

        var notes = Notes(scenario, cases);
        var summary = new OptimalQuotingSummary(scenario.Name, "optimal_quoting", scenario.Seed, scenario.Paths, scenario.Steps, scenario.Horizon,
            scenario.Dt, scenario.MarkoutHorizons, cases.Select(c => c.Summary).ToArray(), notes);
        File.WriteAllText(folder.PathOf("summary.json"), JsonSerializer.Serialize(summary, DealerRunner.SummaryJson) + "\n");
        WriteCases(folder.PathOf("cases.csv"), cases);
        WriteTimeseries(folder.PathOf("timeseries.csv"), scenario, cases);
        WriteSamplePaths(folder.PathOf("sample_paths.csv"), scenario, cases);
        if ((long)scenario.Paths * cases.Count <= MaxPathRows) WritePaths(folder.PathOf("paths.csv"), cases);
        ReportFiles.Write(folder, OptimalQuotingReport.Build(scenario, summary, cases));
        return new RunResult(OptimalQuotingReport.Headline(summary), notes, summary.Metrics());
    }

    // A finished case is known whole: its cross-path mean PnL and inventory, and sample path 0's mid and quotes.
    private static void PublishCase(ILiveFeed live, OptimalQuotingScenario s, string name, MonteCarloResult r, double progress)
    {
        var time = r.PointStep.Select(step => step * s.Dt).ToArray();
        live.PublishCurve(new LiveCurve("pnl", name + " mean", time, r.MeanPnl, progress));
        live.PublishCurve(new LiveCurve("inventory", name + " mean", time, r.MeanInventory, progress));
        if (r.Samples.Count == 0) return;
        var path = r.Samples[0];
        var every = Math.Max(1, path.Bid.Length / 500);
        var x = new List<double>();
        var mid = new List<double>();
        var bid = new List<double>();
        var ask = new List<double>();
        for (var k = 0; k < path.Bid.Length; k += every)
        {
            x.Add(k * s.Dt);
            mid.Add(path.Mid[k]);
            bid.Add(path.Bid[k]);
            ask.Add(path.Ask[k]);
        }
        live.PublishCurve(new LiveCurve("price", "mid (path 0)", x, mid, progress));
        live.PublishCurve(new LiveCurve("price", name + " bid (path 0)", x, bid, progress));
        live.PublishCurve(new LiveCurve("price", name + " ask (path 0)", x, ask, progress));
    }

    private static IReadOnlyList<string> Notes(OptimalQuotingScenario s, IReadOnlyList<StudyCase> cases)
    {
        var notes = new List<string>();
        if ((long)s.Paths * cases.Count > MaxPathRows)
            notes.Add($"paths.csv not written: {s.Paths:N0} paths × {cases.Count} cases is more than {MaxPathRows:N0} rows; summary.json and cases.csv hold every path statistic.");
        var worst = cases.Max(c => c.Summary.Attribution.MaxRelativeResidual);
        if (worst > 1e-9) notes.Add($"PnL attribution residual {worst:G3} relative exceeds 1e-9: please report this.");
        return notes;
    }

    private static CsvWriter Open(string path) => CsvFiles.Open(path);

    private static void WriteCases(string path, IReadOnlyList<StudyCase> cases)
    {
        using var w = Open(path);
        w.WriteHeader(["market", "strategy", "gamma", "pnl_mean", "pnl_mean_ci95", "pnl_std", "pnl_median", "sharpe", "var_95", "cvar_95", "var_99", "cvar_99",
            "final_inventory_mean", "final_inventory_std", "max_abs_inventory_mean", "average_spread", "fills_mean", "spread_capture_mean",
            "inventory_pnl_mean", "attribution_max_residual"]);
        foreach (var c in cases)
        {
            var s = c.Summary;
            w.WriteField(s.Market);
            w.WriteField(s.Strategy);
            Num(w, s.Gamma);
            foreach (var v in new[] { s.Pnl.Mean, s.Pnl.MeanCi95, s.Pnl.StdDev, s.Pnl.Median, s.Pnl.Sharpe, s.Risk.VaR95, s.Risk.CVaR95, s.Risk.VaR99, s.Risk.CVaR99,
                         s.Inventory.FinalMean, s.Inventory.FinalStdDev, s.Inventory.MaxAbsMean, s.Quoting.AverageSpread, s.Quoting.FillsMean,
                         s.Attribution.SpreadCaptureMean, s.Attribution.InventoryPnlMean, s.Attribution.MaxRelativeResidual })
                Num(w, v);
            w.EndRecord();
        }
    }

    private static void WriteTimeseries(string path, OptimalQuotingScenario scenario, IReadOnlyList<StudyCase> cases)
    {
        using var w = Open(path);
        w.WriteHeader(["market", "strategy", "step", "time", "pnl_mean", "pnl_std", "inventory_mean", "inventory_std", "spread_mean", "mid_mean"]);
        foreach (var c in cases)
        {
            var r = c.Result;
            for (var p = 0; p < r.PointStep.Length; p++)
            {
                w.WriteField(c.Market.Name);
                w.WriteField(c.Strategy.Name);
                w.WriteField(r.PointStep[p]);
                Num(w, r.PointStep[p] * scenario.Dt);
                foreach (var v in new[] { r.MeanPnl[p], r.StdPnl[p], r.MeanInventory[p], r.StdInventory[p], r.MeanSpread[p], r.MeanMid[p] }) Num(w, v);
                w.EndRecord();
            }
        }
    }

    private static void WriteSamplePaths(string path, OptimalQuotingScenario scenario, IReadOnlyList<StudyCase> cases)
    {
        using var w = Open(path);
        w.WriteHeader(["market", "strategy", "path", "step", "time", "mid", "bid", "ask", "bid_filled", "ask_filled", "inventory_after", "pnl_after"]);
        foreach (var c in cases)
            for (var i = 0; i < Math.Min(scenario.SamplePaths, c.Result.Samples.Count); i++)
            {
                var s = c.Result.Samples[i];
                for (var t = 0; t < s.Bid.Length; t++)
                {
                    w.WriteField(c.Market.Name);
                    w.WriteField(c.Strategy.Name);
                    w.WriteField(i);
                    w.WriteField(t);
                    Num(w, t * scenario.Dt);
                    Num(w, s.Mid[t]);
                    Num(w, s.Bid[t]);
                    Num(w, s.Ask[t]);
                    w.WriteField(s.BidFilled[t] ? 1 : 0);
                    w.WriteField(s.AskFilled[t] ? 1 : 0);
                    Num(w, s.Inventory[t + 1]);
                    Num(w, s.Pnl[t + 1]);
                    w.EndRecord();
                }
            }
    }

    private static void WritePaths(string path, IReadOnlyList<StudyCase> cases)
    {
        using var w = Open(path);
        w.WriteHeader(["market", "strategy", "path", "pnl", "final_inventory", "spread_capture", "inventory_pnl", "bid_fills", "ask_fills", "average_spread", "max_abs_inventory"]);
        foreach (var c in cases)
        {
            var r = c.Result;
            for (var p = 0; p < r.FinalPnl.Length; p++)
            {
                w.WriteField(c.Market.Name);
                w.WriteField(c.Strategy.Name);
                w.WriteField(p);
                foreach (var v in new[] { r.FinalPnl[p], r.FinalInventory[p], r.SpreadCapture[p], r.InventoryPnl[p], r.BidFills[p], r.AskFills[p], r.MeanQuotedSpread[p], r.MaxAbsInventory[p] })
                    Num(w, v);
                w.EndRecord();
            }
        }
    }

    private static void Num(CsvWriter w, double? value)
    {
        if (value is { } v && double.IsFinite(v)) w.WriteField(v.ToString("R", CultureInfo.InvariantCulture));
        else w.WriteField("");
    }

    /// <summary>Maps one case's progress into its share of the whole study.</summary>
    private sealed class Progress(IProgress<double> inner, int index, int count) : IProgress<double>
    {
        public void Report(double value) => inner.Report((index + value) / count);
    }
}
