using System.Globalization;
using LiquidityLab.Analytics.Microstructure;
using LiquidityLab.Analytics.Reports;
using LiquidityLab.Scenarios.Running;
using LiquidityLab.Scenarios.Schema.OrderDriven;

namespace LiquidityLab.Scenarios.OrderDriven;

/// <summary>Builds the order-driven report: makers' PnL and attribution, inventory, the market's mid, spread and depth, impact with its fitted curve, heatmap and stylized facts.</summary>
internal static class OrderDrivenReport
{
    private const int ChartPoints = 2000;

    public static TableBlock Headline(OrderDrivenSummary s) =>
        new("Market makers (currency; PnL marked to the final mid)",
            ["maker", "kind", "total PnL", "spread capture", "inventory PnL", "fees", "final q", "max |q| / limit", "fill ratio", "share", "at touch", "max DD", "Sharpe (ann.)"],
            s.Makers.Select(m => (IReadOnlyList<string>)
            [
                m.Name, m.Kind, Format.Money(m.Pnl.Total), Format.Money(m.Pnl.SpreadCapture), Format.Money(m.Pnl.InventoryPnl), Format.Money(m.Pnl.Fees),
                Format.Integer(m.Inventory.Final), $"{m.Inventory.MaxAbs} / {m.InventoryLimit}", Format.Percent(m.Activity.FillRatio),
                Format.Percent(m.Activity.MarketShare), Format.Percent(m.Activity.TimeAtTouch), Format.Number(m.Risk.MaxDrawdown, 5), Format.Number(m.Risk.SharpeAnnualised, 3),
            ]).ToArray());

    public static ReportDocument Build(OrderDrivenScenario sc, OrderDrivenSummary s, OrderDrivenCsvObserver o)
    {
        var k = s.Kernel;
        var sections = new List<ReportSection>
        {
            new("Overview", [
                new TableBlock("Agents", ["name", "kind", "count", "order entry", "market data"],
                    sc.Agents.Select(a => (IReadOnlyList<string>)[a.Name, Yaml.ScenarioNaming.KindOf(a.GetType()), Format.Integer(a.Count),
                        Describe((a.Latency ?? sc.Latency).OrderEntry), Describe((a.Latency ?? sc.Latency).MarketData)]).ToArray()),
                new TableBlock("Kernel", ["events", "messages", "wakes", "orders", "cancels", "trades", "volume", "rejections", "peak pending events", "peak resting orders"],
                    [[Format.Integer(k.Events), Format.Integer(k.Messages), Format.Integer(k.Wakes), Format.Integer(k.Orders), Format.Integer(k.Cancels),
                      Format.Integer(k.Trades), Format.Integer(k.TradedVolume), Format.Integer(k.Rejections), Format.Integer(k.PeakPendingEvents), Format.Integer(k.PeakRestingOrders)]]),
                .. s.Notes.Select(n => (ReportBlock)new NoteBlock(n, Warning: true)),
            ], sc.Description.Length > 0 ? sc.Description : null),
            new("Market makers", [Headline(s), Attribution(s), Markouts(s)],
                "Spread capture is Σ signed quantity × (mid − fill price), the mid taken just before the order that hit the maker arrived; inventory PnL is position × mid change; " +
                "total = spread capture + inventory PnL − fees = realized + unrealized (average cost). Sharpe is the mean over the standard deviation of total-PnL changes per sample interval, " +
                $"annualised by √(samples per session × 252); a sample every {F(sc.Recording.SampleEveryS)} s. Max drawdown is the largest fall of total PnL from its running peak, in currency. " +
                "Time at the touch is the share of samples with an acknowledged quote at the best bid or ask."),
            MakerCharts(sc, s, o),
            MarketCharts(sc, o),
            ImpactSection(sc, s, o),
            HeatmapSection(sc, o),
            new("Stylized facts", [Facts(s)],
                "One-minute log returns of the mid (the sampled two-sided mids, last value per minute), beside those of the real LOBSTER AMZN day bundled with LiquidityLab. " +
                "Real markets show fat tails (excess kurtosis > 0, tail index around 3), returns without autocorrelation, and volatility clustering (absolute returns positively autocorrelated). " +
                "The simulated spread is sampled once per sample interval; LOBSTER's once per book change."),
        };
        var subtitle = $"order-driven market · seed {sc.Seed} · {s.AgentCount:N0} agents · {F(sc.Session.OpenS)}–{F(sc.Session.CloseS)} s · {k.Orders:N0} orders, {k.Trades:N0} trades";
        return new ReportDocument($"LiquidityLab: {sc.Name}", subtitle, sections);
    }

    private static string Describe(DelayConfig d) =>
        d.Jitter == JitterDistribution.None ? $"{F(d.FixedUs)} µs" : $"{F(d.FixedUs)} µs + {Yaml.ScenarioNaming.EnumName(d.Jitter)}({F(d.JitterUs)} µs)";

    private static TableBlock Attribution(OrderDrivenSummary s) =>
        new("PnL attribution and activity", ["maker", "realized", "unrealized", "residual (attr. / real.)", "orders", "cancels", "quoted lots", "filled lots", "fills", "at bid", "at ask", "inventory var."],
            s.Makers.Select(m => (IReadOnlyList<string>)
            [
                m.Name, Format.Money(m.Pnl.Realized), Format.Money(m.Pnl.Unrealized), $"{m.Pnl.AttributionResidual} / {m.Pnl.RealizedResidual}",
                Format.Integer(m.Activity.OrdersSent), Format.Integer(m.Activity.CancelsSent), Format.Integer(m.Activity.QuotedLots), Format.Integer(m.Activity.FilledLots),
                Format.Integer(m.Activity.Fills), Format.Percent(m.Activity.TimeAtBid), Format.Percent(m.Activity.TimeAtAsk), Format.Number(m.Inventory.Variance, 4),
            ]).ToArray());

    private static TableBlock Markouts(OrderDrivenSummary s)
    {
        var horizons = s.Makers.FirstOrDefault()?.Markouts.Select(h => $"{F(h.HorizonS)} s").ToArray() ?? [];
        return new TableBlock("Markouts: mean (mid at the horizon − fill price) × side, currency per lot (negative = adverse selection)", ["maker", .. horizons],
            s.Makers.Select(m => (IReadOnlyList<string>)[m.Name, .. m.Markouts.Select(h => Format.Number(h.PerLot, 4))]).ToArray());
    }

    private static ReportSection MakerCharts(OrderDrivenScenario sc, OrderDrivenSummary s, OrderDrivenCsvObserver o)
    {
        var idx = Thin(o.SampleTime.Count);
        var x = idx.Select(i => o.SampleTime[i]).ToArray();
        var blocks = new List<ReportBlock>
        {
            new LineChart("Inventory (true position, lots)", "time (s)", "lots", x,
                o.Makers.Select((m, i) => new Series(s.Makers[i].Name, idx.Select(j => (double?)m.Position[j]).ToArray(), Step: true)).ToArray(),
                s.Makers.SelectMany(m => new[] { new ReferenceLine($"{m.Name} limit", m.InventoryLimit), new ReferenceLine($"{m.Name} −limit", -m.InventoryLimit) }).ToArray()),
        };
        for (var i = 0; i < o.Makers.Length; i++)
        {
            var m = o.Makers[i];
            blocks.Add(new LineChart($"{s.Makers[i].Name}: PnL and its components", "time (s)", "currency", x,
            [
                new Series("total", idx.Select(j => (double?)m.Total[j]).ToArray()),
                new Series("spread capture", idx.Select(j => (double?)m.SpreadCapture[j]).ToArray(), Dashed: true),
                new Series("inventory PnL", idx.Select(j => (double?)m.InventoryPnl[j]).ToArray(), Dashed: true),
                new Series("− fees", idx.Select(j => (double?)(-m.Fees[j])).ToArray(), Dashed: true),
            ]));
        }
        return new ReportSection("Makers over time", blocks);
    }

    private static ReportSection MarketCharts(OrderDrivenScenario sc, OrderDrivenCsvObserver o)
    {
        var idx = Thin(o.SampleTime.Count);
        var x = idx.Select(i => o.SampleTime[i]).ToArray();
        double? N(double v) => double.IsFinite(v) ? v : null;
        return new ReportSection("The market", [
            new LineChart("Mid and latent value", "time (s)", "price", x,
            [
                new Series("mid", idx.Select(i => N(o.SampleMid[i])).ToArray()),
                new Series("latent value", idx.Select(i => N(o.SampleValue[i])).ToArray(), Dashed: true),
            ]),
            new LineChart("Quoted spread", "time (s)", "currency", x, [new Series("spread", idx.Select(i => N(o.SampleSpread[i])).ToArray(), Step: true)]),
            new LineChart($"Depth of the top {sc.Recording.DepthLevels} levels", "time (s)", "lots", x,
            [
                new Series("bid depth", idx.Select(i => N(o.SampleBidDepth[i])).ToArray(), Step: true),
                new Series("ask depth", idx.Select(i => N(o.SampleAskDepth[i])).ToArray(), Step: true),
            ]),
        ]);
    }

    private static ReportSection ImpactSection(OrderDrivenScenario sc, OrderDrivenSummary s, OrderDrivenCsvObserver o)
    {
        var im = o.Impact;
        var now = im.ImmediateFit;
        var later = im.AfterHorizonFit;
        var horizon = F(sc.Recording.ImpactHorizonS);
        var blocks = new List<ReportBlock>
        {
            new TableBlock("Fitted impact curves (moves in currency, in the order's direction)",
                ["move", "observations", "power law c", "exponent β", "R² (log bins)", "square root c", "R²"],
                [Row("immediate", now), Row($"after {horizon} s", later)]),
            new TableBlock("Size buckets (immediate move)", ["mean filled lots", "orders", "mean move"],
                now.Bins.Select(b => (IReadOnlyList<string>)[Format.Number(b.MeanSize, 4), Format.Integer(b.Count), Format.Number(b.MeanMove, 4)]).ToArray()),
        };
        var step = Math.Max(1, im.Immediate.Count / 3000);
        var scatter = im.Immediate.Where((_, i) => i % step == 0).ToArray();
        var curveX = now.Bins.Select(b => b.MeanSize).ToArray();
        var series = new List<ScatterSeries>
        {
            new("aggressive orders (thinned)", scatter.Select(p => p.Size).ToArray(), scatter.Select(p => p.Move).ToArray()),
            new("bucket means", curveX, now.Bins.Select(b => b.MeanMove).ToArray()),
        };
        if (double.IsFinite(now.PowerLawCoefficient))
            series.Add(new ScatterSeries($"power law {now.PowerLawCoefficient:G3}·size^{now.PowerLawExponent:0.###}", curveX, curveX.Select(now.PowerLaw).ToArray()));
        if (double.IsFinite(now.SquareRootCoefficient))
            series.Add(new ScatterSeries($"square root {now.SquareRootCoefficient:G3}·√size", curveX, curveX.Select(now.SquareRoot).ToArray()));
        blocks.Add(new ScatterChart("Immediate move against filled size", "filled lots", "move (currency)", series));
        var sample = im.Stride > 1 ? $" (fitted on every {im.Stride}th)" : "";
        return new ReportSection("Market impact", blocks,
            $"{im.Orders:N0} aggressive orders{sample}; every one is in market_impact.csv, and those that hit maker k in MMk_market_impact.csv. " +
            "The power law is fitted by count-weighted least squares on the logs of size-bucket means (buckets with a positive mean move), the square-root law on every observation (Analytics.Microstructure.MarketImpact).");

        static IReadOnlyList<string> Row(string name, ImpactCurve c) =>
            [name, Format.Integer(c.Observations), Format.Number(c.PowerLawCoefficient, 4), Format.Number(c.PowerLawExponent, 3), Format.Number(c.PowerLawRSquared, 3),
             Format.Number(c.SquareRootCoefficient, 4), Format.Number(c.SquareRootRSquared, 3)];
    }

    private static ReportSection HeatmapSection(OrderDrivenScenario sc, OrderDrivenCsvObserver o)
    {
        if (o.TradedHeat.Count == 0) return new ReportSection("Traded volume heatmap", [new NoteBlock("No trades.")]);
        var tick = (double)sc.Venue.TickSize;
        var bins = o.TradedHeat.Keys.Select(k => k.Bin).Distinct().Order().ToArray();
        var prices = o.TradedHeat.Keys.Select(k => k.Price).ToArray();
        long lo = prices.Min(), hi = prices.Max();
        const int Rows = 40, Cols = 120;
        var rowWidth = Math.Max(1, (hi - lo + Rows) / Rows);
        var colWidth = Math.Max(1, (bins[^1] - bins[0] + Cols) / Cols);
        var nRows = (int)((hi - lo) / rowWidth + 1);
        var nCols = (int)((bins[^1] - bins[0]) / colWidth + 1);
        var values = new double?[nRows][];
        for (var r = 0; r < nRows; r++) values[r] = new double?[nCols];
        foreach (var ((bin, price), q) in o.TradedHeat)
        {
            ref var cell = ref values[(price - lo) / rowWidth][(bin - bins[0]) / colWidth];
            cell = (cell ?? 0) + q;
        }
        var binS = o.HeatmapBinSeconds;
        var xs = Enumerable.Range(0, nCols).Select(c => F(sc.Session.OpenS + (bins[0] + c * colWidth) * binS)).ToArray();
        var ys = Enumerable.Range(0, nRows).Select(r => ((lo + r * rowWidth) * tick).ToString("0.####", CultureInfo.InvariantCulture)).ToArray();
        return new ReportSection("Traded volume heatmap", [new HeatmapChart("Traded lots by price level and time", "time (s)", "price", xs, ys, values, "lots")],
            "book_heatmap.csv holds every (bin, price) cell with resting (at the bin's end, top levels) or traded quantity.");
    }

    private static TableBlock Facts(OrderDrivenSummary s) =>
        new(null, ["source", "interval (s)", "returns", "sd", "excess kurtosis", "tail index", "autocorr. r (lag 1)", "autocorr. |r| (lag 1)", "mean spread (ticks)", "trade size mean / median"],
            new[] { s.Market.Facts, s.Market.ReferenceFacts }.Select(f => (IReadOnlyList<string>)
            [
                f.Source, F(f.IntervalS), Format.Integer(f.Returns), Format.Number(f.StdDev, 4), Format.Number(f.ExcessKurtosis, 4), Format.Number(f.TailIndex, 3),
                Format.Number(f.ReturnAutocorrelation, 3), Format.Number(f.AbsReturnAutocorrelation, 3), Format.Number(f.MeanSpreadTicks, 4),
                $"{Format.Number(f.MeanTradeSize, 4)} / {Format.Number(f.MedianTradeSize, 4)}",
            ]).ToArray());

    private static int[] Thin(int n)
    {
        var step = Math.Max(1, (n + ChartPoints - 1) / ChartPoints);
        return Enumerable.Range(0, (n + step - 1) / step).Select(i => i * step).ToArray();
    }

    private static string F(double v) => v.ToString("0.######", CultureInfo.InvariantCulture);
}

