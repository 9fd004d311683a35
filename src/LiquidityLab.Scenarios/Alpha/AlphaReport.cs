using System.Globalization;
using LiquidityLab.Analytics.Metrics;
using LiquidityLab.Analytics.Reports;
using LiquidityLab.Scenarios.Schema.Alpha;
using LiquidityLab.Simulation.Alpha;

namespace LiquidityLab.Scenarios.Alpha;

/// <summary>The alpha report: results, equity with interventions, inventory, quotes, signal vs forward return with IC, quote distances, interventions.</summary>
internal static class AlphaReport
{
    private const int MaxPoints = 4000;
    private const int MaxScatter = 3000;
    private const int HistogramBins = 30;

    public static Analytics.Reports.TableBlock Headline(AlphaSummary s) =>
        new($"Results ({s.Annualisation})",
            ["total PnL", "Sharpe (ann.)", "Sortino (ann.)", "max DD", "max DD %", "maker fills", "hit rate", "edge/lot", "profitable RTs", "mean |q|", "max |q|", "interventions"],
            [[
                F(s.Pnl.Total, 6), F(s.Pnl.SharpeAnnualised, 4), F(s.Pnl.SortinoAnnualised, 4), F(s.Pnl.MaxDrawdown, 5), P(s.Pnl.MaxDrawdownRelative),
                s.Trading.MakerFills.ToString("N0", CultureInfo.InvariantCulture), P(s.Trading.HitRate), F(s.Trading.SpreadCapturedPerLot, 4),
                P(s.Trading.ProfitableRoundTrips), F(s.Inventory.MeanAbs, 4), s.Inventory.MaxAbs.ToString(CultureInfo.InvariantCulture),
                s.Interventions.Sum(i => i.Count).ToString(CultureInfo.InvariantCulture),
            ]]);

    public static ReportDocument Build(AlphaScenario sc, AlphaSummary s, AlphaRunResult r)
    {
        var every = Math.Max(1, (r.Bars.Count + MaxPoints - 1) / MaxPoints);
        var shown = r.Bars.Where((_, i) => i % every == 0 || i == r.Bars.Count - 1).ToArray();
        var x = shown.Select(b => (double)b.Bar).ToArray();
        var sections = new List<ReportSection>
        {
            Overview(sc, s),
            new("Results", [Headline(s), Details(s)],
                $"Sharpe and Sortino are of the per-bar PnL changes, annualised: {s.Annualisation}. Drawdown is from the running peak of PnL; " +
                "its percentage is shown only when the peak was positive. Edge is a maker fill's distance from the mid at fill time; the hit rate is maker fills over quoted sides (one per live side per bar)."),
            Equity(r, shown, x),
            new("Inventory", [new LineChart("Inventory", "bar", "lots", x, [new Series("inventory", shown.Select(b => (double?)b.Inventory).ToArray(), Step: true)],
                sc.Risk.PositionLimit is { } l ? [new ReferenceLine("+limit", l), new ReferenceLine("−limit", -l)] : null)]),
            new("Quotes", [new LineChart("Quotes around the mid", "bar", "price", x,
            [
                new Series("mid", shown.Select(b => (double?)b.Mid).ToArray()),
                new Series("bid", shown.Select(b => double.IsNaN(b.Bid) ? null : (double?)b.Bid).ToArray(), Step: true, Dashed: true),
                new Series("ask", shown.Select(b => double.IsNaN(b.Ask) ? null : (double?)b.Ask).ToArray(), Step: true, Dashed: true),
            ])]),
            Signals(sc, s, r),
            QuoteDistance(r),
            Interventions(r),
        };
        var subtitle = $"alpha market making · seed {sc.Seed} · {s.Data} · {s.Bars:N0} bars";
        return new ReportDocument($"LiquidityLab: {sc.Name}", subtitle, sections);
    }

    private static ReportSection Overview(AlphaScenario sc, AlphaSummary s)
    {
        var q = sc.Quoting;
        var blocks = new List<ReportBlock>
        {
            new TableBlock("Signals", ["signal", "weight", "smoothing"],
                sc.Signals.Select(x => (IReadOnlyList<string>)[Yaml.ScenarioNaming.KindOf(x.GetType()), F(x.Weight, 4), x.Smoothing > 0 ? $"EMA {x.Smoothing}" : "none"]).ToArray()),
            new TableBlock("Quoting, fills and risk", ["setting", "value"],
            [
                ["half-spread", F(q.HalfSpread, 6)],
                ["inventory skew", $"{F(q.InventorySkew, 6)} per lot{(q.RiskWeighted ? " × σ per bar (risk-weighted)" : "")}"],
                ["alpha skew", $"{F(q.AlphaSkew, 6)} at full strength; confidence {Yaml.ScenarioNaming.EnumName(sc.Confidence.Mode)} over {sc.Confidence.Window} bars"],
                ["high-volatility widening", q.HighVolatilityRatio is { } h ? $"× {F(q.HighVolatilityWidening, 4)} from σ ratio {F(h, 4)}" : "off"],
                ["size", $"{q.BaseSize} lots, lean {F(q.SizeScale, 4)}, within [{q.MinSize}, {q.MaxSize}]"],
                ["fills", sc.Fills.ToModel().Describe()],
                ["latency", $"{F(sc.Execution.LatencyMs, 6)} ms{(sc.Execution.PartialFills ? ", partial fills" : "")}"],
                ["market orders", $"half-spread (book, else {F(sc.Execution.TakerHalfSpread, 4)}) + {F(sc.Execution.Slippage, 4)} + {F(sc.Execution.SlippageBps, 4)} bp slippage"],
                ["position limit", sc.Risk.PositionLimit?.ToString(CultureInfo.InvariantCulture) ?? "none"],
                ["stop-loss", sc.Risk.StopLoss is { } sl ? F(-sl, 6) : "none"],
                ["drawdown pause", sc.Risk.MaxDrawdown is { } md ? $"{F(md, 6)} for {sc.Risk.PauseBars} bars" : "none"],
                ["inventory pause", sc.Risk.InventoryPause?.ToString(CultureInfo.InvariantCulture) ?? "none"],
                ["end-of-day flatten", sc.Risk.FlattenAtClose ? "yes" : "no"],
                ["circuit breaker", sc.Risk.VolatilityHalt is { } vh ? $"σ ratio {F(vh, 4)} for {sc.Risk.HaltBars} bars" : "none"],
            ]),
        };
        blocks.AddRange(s.Notes.Select(n => new NoteBlock(n, Warning: true)));
        return new ReportSection("Overview", blocks, sc.Description.Length > 0 ? sc.Description : null);
    }

    private static Analytics.Reports.TableBlock Details(AlphaSummary s)
    {
        var t = s.Trading;
        return new Analytics.Reports.TableBlock("Trading", ["measure", "value"],
        [
            ["maker fills (lots)", $"{t.MakerFills:N0} ({t.MakerLots:N0})"],
            ["market orders (lots)", $"{t.MarketOrders:N0} ({t.MarketLots:N0})"],
            ["spread captured per trade / per lot", $"{F(t.SpreadCapturedPerTrade, 5)} / {F(t.SpreadCapturedPerLot, 5)}"],
            ["maker edge total / market-order cost", $"{F(s.Pnl.MakerEdge, 6)} / {F(s.Pnl.MarketOrderCost, 6)}"],
            ["round trips (profitable)", $"{t.RoundTrips:N0} ({P(t.ProfitableRoundTrips)})"],
            ["mean quote distance", $"{F(t.MeanQuoteDistance, 5)} ({F(t.MeanQuoteDistanceBps, 4)} bp)"],
            ["slippage cost", F(t.SlippageCost, 6)],
            ["latency cost", F(t.LatencyCost, 6)],
            ["inventory mean / mean |q| / max |q|", $"{F(s.Inventory.Mean, 4)} / {F(s.Inventory.MeanAbs, 4)} / {s.Inventory.MaxAbs}"],
            ["time at the position limit", P(s.Inventory.TimeAtLimit)],
            ["Sharpe / Sortino per bar", $"{F(s.Pnl.SharpePerBar, 4)} / {F(s.Pnl.SortinoPerBar, 4)}"],
        ]);
    }

    private static ReportSection Equity(AlphaRunResult r, AlphaBar[] shown, double[] x)
    {
        var markers = r.RiskEvents.Take(500).Select(e => new ChartMarker(
            $"{Yaml.ScenarioNaming.EnumName(e.Action)}: {e.Reason}", e.Bar, r.Bars[e.Bar].Pnl)).ToArray();
        return new ReportSection("Equity", [new LineChart("PnL (cash + inventory × mid) with risk interventions", "bar", "PnL", x,
            [new Series("PnL", shown.Select(b => (double?)b.Pnl).ToArray())], Markers: markers)],
            r.RiskEvents.Count > 500 ? $"{r.RiskEvents.Count:N0} interventions; the first 500 are marked." : null);
    }

    private static ReportSection Signals(AlphaScenario sc, AlphaSummary s, AlphaRunResult r)
    {
        var h = sc.IcHorizons[0];
        var mids = r.Bars.Select(b => b.Mid).ToArray();
        var fwd = InformationCoefficient.ForwardReturns(mids, h);
        var pts = Enumerable.Range(0, r.Bars.Count).Where(i => double.IsFinite(fwd[i]) && r.Bars[i].Strength != 0).ToArray();
        var step = Math.Max(1, (pts.Length + MaxScatter - 1) / MaxScatter);
        pts = pts.Where((_, i) => i % step == 0).ToArray();
        var ic = s.SignalIc.FirstOrDefault(i => i.Signal == AlphaAnalysis.BlendName && i.Horizon == h)?.Ic;
        var scatter = new ScatterChart($"Blended strength vs {h}-bar forward log return (IC {F(ic, 3)})", "strength", $"ln(mid[t+{h}] / mid[t])",
            [new ScatterSeries("bars", pts.Select(i => r.Bars[i].Strength).ToArray(), pts.Select(i => fwd[i]).ToArray())]);
        var names = s.SignalIc.Select(i => i.Signal).Distinct().ToArray();
        var table = new Analytics.Reports.TableBlock("Information coefficient (Pearson; Spearman in brackets) by horizon in bars",
            ["signal", .. sc.IcHorizons.Select(x => $"h = {x}")],
            names.Select(n => (IReadOnlyList<string>)[n, .. sc.IcHorizons.Select(x =>
            {
                var e = s.SignalIc.First(i => i.Signal == n && i.Horizon == x);
                return $"{F(e.Ic, 3)} ({F(e.RankIc, 3)})";
            })]).ToArray());
        return new ReportSection("Signals", [scatter, table],
            "Each signal's score at bar t against the log return from t to t + h; the blend is the strength the quotes used (after confidence). Bars with strength 0 (warm-up) are left out of the scatter.");
    }

    private static ReportSection QuoteDistance(AlphaRunResult r)
    {
        var d = AlphaAnalysis.QuoteDistances(r.Bars).Select(x => x.Distance).ToArray();
        if (d.Length == 0) return new ReportSection("Quote distance", [new NoteBlock("no quotes were sent")]);
        var lo = d.Min();
        var hi = d.Max();
        var width = hi > lo ? (hi - lo) / HistogramBins : 1;
        var counts = Analytics.Microstructure.Distributions.Counts(d, lo, width, HistogramBins);
        var cats = Enumerable.Range(0, HistogramBins).Select(i => F(lo + (i + 0.5) * width, 4)).ToArray();
        return new ReportSection("Quote distance", [new BarChart("Distance of sent quotes from the mid", "distance (price units)", "quote sides", cats, [new Series("quotes", counts)])],
            "Smaller is more aggressive; negative distances are quotes through the mid (a strong lean).");
    }

    private static ReportSection Interventions(AlphaRunResult r)
    {
        if (r.RiskEvents.Count == 0) return new ReportSection("Risk interventions", [new NoteBlock("none")]);
        var rows = r.RiskEvents.Take(200).Select(e => (IReadOnlyList<string>)
            [e.Bar.ToString(CultureInfo.InvariantCulture), Yaml.ScenarioNaming.EnumName(e.Action), e.Reason, F(e.Value, 6), F(e.Threshold, 6)]).ToArray();
        return new ReportSection("Risk interventions", [new Analytics.Reports.TableBlock(
            r.RiskEvents.Count > 200 ? $"the first 200 of {r.RiskEvents.Count:N0} (all in risk_events.csv)" : "every intervention (also in risk_events.csv)",
            ["bar", "action", "reason", "value", "threshold"], rows)]);
    }

    private static string F(double? v, int sig) => Running.Format.Number(v, sig);
    private static string P(double? v) => Running.Format.Percent(v);
}
