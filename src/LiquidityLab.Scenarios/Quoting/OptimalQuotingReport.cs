using System.Globalization;
using LiquidityLab.Analytics.Reports;
using LiquidityLab.Scenarios.Running;
using LiquidityLab.Scenarios.Schema.Quoting;

namespace LiquidityLab.Scenarios.Quoting;

/// <summary>Builds the optimal-quoting report: result tables, the paper's sample-path figure, bands, PnL, inventory, risk, markouts and heatmaps.</summary>
internal static class OptimalQuotingReport
{
    private const int HistogramBins = 30;

    public static TableBlock Headline(OptimalQuotingSummary summary) =>
        new("Results per market and strategy (terminal PnL over paths; ± is the 95% CI of the mean)",
            ["market", "strategy", "avg spread", "profit mean", "profit sd", "final q mean", "final q sd", "Sharpe (per T)", "VaR95", "CVaR95", "VaR99"],
            summary.Cases.Select(c => (IReadOnlyList<string>)
            [
                c.Market, c.Strategy, F(c.Quoting.AverageSpread, 4), $"{F(c.Pnl.Mean, 4)} ± {F(c.Pnl.MeanCi95, 2)}", F(c.Pnl.StdDev, 4),
                F(c.Inventory.FinalMean, 3), F(c.Inventory.FinalStdDev, 3), F(c.Pnl.Sharpe, 3), F(c.Risk.VaR95, 4), F(c.Risk.CVaR95, 4), F(c.Risk.VaR99, 4),
            ]).ToArray());

    public static ReportDocument Build(OptimalQuotingScenario s, OptimalQuotingSummary summary, IReadOnlyList<StudyCase> cases)
    {
        var sections = new List<ReportSection>
        {
            Overview(s, summary),
            new("Results", [Headline(summary), Attribution(summary)],
                "Profit is the terminal PnL X_T + q_T·S_T − q0·S0 of each path. Sharpe is its mean over its standard deviation across paths, for the horizon T (not annualised). " +
                "VaR and CVaR are historical, of the terminal PnL across paths, losses positive. The average spread is δb + δa over every step of every path."),
        };
        if (s.Published.Count > 0) sections.Add(Published(s, summary));
        var first = s.Markets[0].Name;
        sections.Add(SamplePath(s, cases.Where(c => c.Market.Name == first).ToArray()));
        foreach (var market in s.Markets)
        {
            var inMarket = cases.Where(c => c.Market.Name == market.Name).ToArray();
            sections.Add(MarketSection(s, market, inMarket));
        }
        if (s.Markets.Count > 1 && s.Strategies.Count > 0) sections.Add(Heatmaps(s, summary));
        sections.Add(Markouts(s, summary));
        sections.Add(new ReportSection($"Distribution of terminal profit ({first})", [ProfitHistogram(cases.Where(c => c.Market.Name == first).ToArray())]));

        var subtitle = $"optimal quoting · seed {s.Seed} · {s.Paths:N0} paths × {s.Steps:N0} steps (T = {F(s.Horizon, 6)}, dt = {F(s.Dt, 6)}) · " +
                       $"{s.Markets.Count} market(s) × {s.Strategies.Count} strateg{(s.Strategies.Count == 1 ? "y" : "ies")}, common random numbers";
        return new ReportDocument($"LiquidityLab: {s.Name}", subtitle, sections);
    }

    private static ReportSection Overview(OptimalQuotingScenario s, OptimalQuotingSummary summary)
    {
        var blocks = new List<ReportBlock>
        {
            new TableBlock("Markets", ["market", "mid", "s0", "innovation", "jumps", "clustering"],
                s.Markets.Select(m => (IReadOnlyList<string>)[m.Name, Describe(m.Process!), F(m.Initial, 6), m.Innovation.ToString().ToLowerInvariant(),
                    m.Jumps is { } j ? $"rate {F(j.Rate, 4)}, size N({F(j.Mean, 4)}, {F(j.StdDev, 4)}²)" : "none",
                    m.Garch is { } g ? $"GARCH α {F(g.Alpha, 3)}, β {F(g.Beta, 3)}" : "none"]).ToArray()),
            new TableBlock("Fills and quoting", ["intensity", "fill probability per step", "order size", "inventory bound", "σ in quotes"],
            [[
                $"λ(δ) = {F(s.Fills.A, 6)}·exp(−{F(s.Fills.K, 6)}·δ)",
                s.Fills.Probability == Simulation.MonteCarlo.FillProbability.Linear ? "λ·dt (the paper)" : "1 − exp(−λ·dt)",
                F(s.Fills.OrderSize, 6), s.Fills.InventoryBound is { } b ? $"±{F(b, 6)}" : "none",
                s.VolatilityEstimate is { } v ? $"EWMA estimate, half-life {F(v.HalfLifeSteps, 4)} steps" : "true σ",
            ]]),
            new TableBlock("Strategies", ["strategy", "rule"], s.Strategies.Select(x => (IReadOnlyList<string>)[x.Name, Describe(s, x)]).ToArray()),
        };
        blocks.AddRange(summary.Notes.Select(n => new NoteBlock(n, Warning: true)));
        return new ReportSection("Overview", blocks, s.Description.Length > 0 ? s.Description : null);
    }

    private static TableBlock Attribution(OptimalQuotingSummary summary) =>
        new("PnL attribution (means over paths) and activity",
            ["market", "strategy", "spread capture", "inventory PnL", "total", "max residual (rel.)", "fills (bid / ask)", "mean max |q|"],
            summary.Cases.Select(c => (IReadOnlyList<string>)
            [
                c.Market, c.Strategy, F(c.Attribution.SpreadCaptureMean, 5), F(c.Attribution.InventoryPnlMean, 5), F(c.Pnl.Mean, 5),
                c.Attribution.MaxRelativeResidual.ToString("0.0e+0", CultureInfo.InvariantCulture),
                $"{F(c.Quoting.BidFillsMean, 4)} / {F(c.Quoting.AskFillsMean, 4)}", F(c.Inventory.MaxAbsMean, 3),
            ]).ToArray());

    private static ReportSection Published(OptimalQuotingScenario s, OptimalQuotingSummary summary)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var p in s.Published)
        {
            var market = p.Market.Length > 0 ? p.Market : s.Markets[0].Name;
            var c = summary.Cases.First(x => x.Market == market && x.Strategy == p.Strategy);
            rows.Add([p.Strategy, "published", F(p.Spread, 4), F(p.ProfitMean, 4), F(p.ProfitStd, 4), F(p.FinalInventoryMean, 3), F(p.FinalInventoryStd, 3)]);
            rows.Add(["", "simulated", F(c.Quoting.AverageSpread, 4), $"{F(c.Pnl.Mean, 4)} ± {F(c.Pnl.MeanCi95, 2)}", F(c.Pnl.StdDev, 4),
                F(c.Inventory.FinalMean, 3), F(c.Inventory.FinalStdDev, 3)]);
        }
        var sources = string.Join("; ", s.Published.Select(p => p.Source).Where(x => x.Length > 0).Distinct());
        return new ReportSection("Against the published results",
            [new TableBlock(null, ["strategy", "", "spread", "profit mean", "profit sd", "final q mean", "final q sd"], rows)],
            sources.Length > 0 ? "Source: " + sources + "." : null);
    }

    /// <summary>The paper's figure: one path's mid, reservation price (the quotes' centre) and quotes; and its inventory.</summary>
    private static ReportSection SamplePath(OptimalQuotingScenario s, IReadOnlyList<StudyCase> cases)
    {
        var time = Times(s);
        var blocks = new List<ReportBlock>();
        foreach (var c in cases.Take(6))
        {
            var path = c.Result.Samples[0];
            var steps = path.Bid.Length;
            var centre = new double?[steps + 1];
            var bid = new double?[steps + 1];
            var ask = new double?[steps + 1];
            for (var t = 0; t < steps; t++)
            {
                bid[t] = path.Bid[t];
                ask[t] = path.Ask[t];
                centre[t] = (path.Bid[t] + path.Ask[t]) / 2;
            }
            blocks.Add(new LineChart($"{c.Strategy.Name}: path 0", "time", "price", time,
            [
                new Series("mid", path.Mid.Select(x => (double?)x).ToArray()),
                new Series("reservation price (quote centre)", centre, Dashed: true),
                new Series("bid", bid, Step: true),
                new Series("ask", ask, Step: true),
            ]));
        }
        blocks.Add(new LineChart("Inventory on path 0", "time", "inventory", time,
            cases.Select(c => new Series(c.Strategy.Name, c.Result.Samples[0].Inventory.Select(x => (double?)x).ToArray(), Step: true)).ToArray()));
        return new ReportSection($"One sample path ({cases[0].Market.Name})", blocks,
            "Every strategy sees the same mid path and the same fill draws. For Avellaneda–Stoikov the centre of the quotes is the reservation price r = s − qγσ²(T − t).");
    }

    private static ReportSection MarketSection(OptimalQuotingScenario s, MarketConfig market, IReadOnlyList<StudyCase> cases)
    {
        var time = Times(s);
        var path0 = cases[0].Result.Samples[0];
        var bands = new List<Series> { new("mid", path0.Mid.Select(x => (double?)x).ToArray()) };
        foreach (var c in cases)
        {
            var p = c.Result.Samples[0];
            bands.Add(new Series($"{c.Strategy.Name} bid", p.Bid.Select(x => (double?)x).Append(null).ToArray(), Step: true));
            bands.Add(new Series($"{c.Strategy.Name} ask", p.Ask.Select(x => (double?)x).Append(null).ToArray(), Step: true));
        }
        var pointTime = cases[0].Result.PointStep.Select(p => p * s.Dt).ToArray();
        var risk = new[] { ("VaR 95%", (Func<CaseSummary, double?>)(c => c.Risk.VaR95)), ("CVaR 95%", c => c.Risk.CVaR95), ("VaR 99%", c => c.Risk.VaR99), ("CVaR 99%", c => c.Risk.CVaR99) };
        return new ReportSection($"Market: {market.Name}",
        [
            new LineChart("Quote bands against the mid (path 0)", "time", "price", time, bands),
            new LineChart("Mean PnL over time (over paths)", "time", "PnL", pointTime,
                cases.Select(c => new Series(c.Strategy.Name, c.Result.MeanPnl.Select(x => (double?)x).ToArray())).ToArray()),
            new LineChart("PnL dispersion over time (standard deviation over paths)", "time", "sd of PnL", pointTime,
                cases.Select(c => new Series(c.Strategy.Name, c.Result.StdPnl.Select(x => (double?)x).ToArray())).ToArray()),
            new LineChart("Inventory risk over time (standard deviation of q over paths)", "time", "sd of inventory", pointTime,
                cases.Select(c => new Series(c.Strategy.Name, c.Result.StdInventory.Select(x => (double?)x).ToArray())).ToArray()),
            new BarChart("VaR and CVaR of terminal PnL by strategy (historical, losses positive)", "strategy", "loss",
                cases.Select(c => c.Strategy.Name).ToArray(),
                risk.Select(r => new Series(r.Item1, cases.Select(c => r.Item2(c.Summary)).ToArray())).ToArray()),
        ], Describe(market.Process!));
    }

    private static ReportSection Heatmaps(OptimalQuotingScenario s, OptimalQuotingSummary summary)
    {
        var markets = s.Markets.Select(m => m.Name).ToArray();
        var strategies = s.Strategies.Select(x => x.Name).ToArray();
        HeatmapChart Map(string title, Func<CaseSummary, double?> pick) =>
            new(title, "market", "strategy", markets, strategies,
                strategies.Select(st => (IReadOnlyList<double?>)markets.Select(m => pick(summary.Cases.First(c => c.Market == m && c.Strategy == st))).ToArray()).ToArray(),
                title);
        return new ReportSection("Strategy × market",
        [
            Map("mean PnL", c => c.Pnl.Mean),
            Map("PnL standard deviation", c => c.Pnl.StdDev),
            Map("Sharpe (per T)", c => c.Pnl.Sharpe),
            Map("VaR 95%", c => c.Risk.VaR95),
            Map("CVaR 99%", c => c.Risk.CVaR99),
            Map("final inventory sd", c => c.Inventory.FinalStdDev),
        ]);
    }

    private static ReportSection Markouts(OptimalQuotingScenario s, OptimalQuotingSummary summary)
    {
        var blocks = new List<ReportBlock>();
        foreach (var market in s.Markets)
        {
            var inMarket = summary.Cases.Where(c => c.Market == market.Name).ToArray();
            blocks.Add(new BarChart($"{market.Name}: mean markout per fill by horizon", "strategy", "markout (price units)",
                inMarket.Select(c => c.Strategy).ToArray(),
                s.MarkoutHorizons.Select((h, i) => new Series($"{h} step(s)", inMarket.Select(c => c.Markouts[i].Mean).ToArray())).ToArray()));
        }
        blocks.Add(new TableBlock("Markout distribution (sample paths' fills)", ["market", "strategy", "horizon (steps)", "fills", "mean", "p5", "p25", "median", "p75", "p95"],
            summary.Cases.SelectMany(c => c.Markouts.Select(m => (IReadOnlyList<string>)
                [c.Market, c.Strategy, m.HorizonSteps.ToString(CultureInfo.InvariantCulture), m.Fills.ToString(CultureInfo.InvariantCulture),
                 F(m.Mean, 4), F(m.P05, 4), F(m.P25, 4), F(m.Median, 4), F(m.P75, 4), F(m.P95, 4)])).ToArray()));
        return new ReportSection("Markouts", blocks,
            $"For each fill of the {s.SamplePaths} sample paths: mid(t + h) − price for a buy, price − mid(t + h) for a sell, per unit. " +
            "At h = 0 it is the half-spread earned; negative means the mid moved against the fill by more than that (adverse selection).");
    }

    private static BarChart ProfitHistogram(IReadOnlyList<StudyCase> cases)
    {
        var all = cases.SelectMany(c => c.Result.FinalPnl).ToArray();
        double lo = all.Min(), hi = all.Max();
        if (!(hi > lo)) hi = lo + 1;
        var width = (hi - lo) / HistogramBins;
        var categories = Enumerable.Range(0, HistogramBins).Select(b => F(lo + (b + 0.5) * width, 4)).ToArray();
        var series = cases.Select(c => new Series(c.Strategy.Name, Analytics.Microstructure.Distributions.Counts(c.Result.FinalPnl, lo, width, HistogramBins))).ToArray();
        return new BarChart("Terminal profit: paths per bin", "profit (bin centre)", "paths", categories, series);
    }

    private static double[] Times(OptimalQuotingScenario s) => Enumerable.Range(0, s.Steps + 1).Select(t => t * s.Dt).ToArray();

    private static string Describe(OptimalQuotingScenario s, StrategyConfig x) => x switch
    {
        AvellanedaStoikovConfig a => $"Avellaneda–Stoikov, γ = {F(a.Gamma, 6)}",
        SymmetricConfig y => $"symmetric: AS average spread for γ = {F(y.Gamma, 6)} ({F(Strategies.Optimal.AvellanedaStoikov.AverageSpread(y.Gamma, s.Fills.K, s.Markets[0].NominalSigma(), s.Horizon, s.Steps), 5)} in {s.Markets[0].Name}), centred on the mid",
        GlftConfig g => $"GLFT closed form, γ = {F(g.Gamma, 6)}",
        FixedSpreadConfig f => $"fixed spread {F(f.Spread, 6)}",
        LinearSkewConfig l => $"spread {F(l.Spread, 6)}, skew {F(l.SkewPerUnit, 6)} per unit",
        _ => x.GetType().Name,
    };

    internal static string Describe(Schema.ProcessConfig p) => p switch
    {
        Schema.ArithmeticWalkConfig a => $"random walk, drift {F(a.Drift, 6)}, σ {F(a.Volatility, 6)}",
        Schema.GbmConfig g => $"GBM, drift {F(g.Drift, 6)}, σ {F(g.Volatility, 6)} (relative)",
        Schema.OrnsteinUhlenbeckConfig o => $"OU, reversion {F(o.MeanReversion, 6)} to {F(o.Mean, 6)}, σ {F(o.Volatility, 6)}",
        Schema.RegimeSwitchConfig r => "regime switch: " + string.Join("; ", r.Regimes.Select(x => $"{x.Name}: {Describe(x.Process!)}")),
        _ => p.GetType().Name,
    };

    private static string F(double? value, int significant) => Format.Number(value, significant);
}
