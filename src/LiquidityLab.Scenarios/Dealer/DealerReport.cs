using LiquidityLab.Analytics.Reports;
using LiquidityLab.Scenarios.Running;
using LiquidityLab.Scenarios.Schema.Dealer;
using LiquidityLab.Simulation.Dealer;

namespace LiquidityLab.Scenarios.Dealer;

/// <summary>Builds the dealer run's report: the metrics table and the charts of inventory, PnL, hedging and quotes.</summary>
internal static class DealerReport
{
    public static TableBlock Headline(DealerSummary summary)
    {
        var makers = summary.Makers;
        string[] Row(string metric, Func<MakerSummary, string> cell) => [metric, .. makers.Select(cell)];
        return new TableBlock("Per maker", ["metric", .. makers.Select(m => m.Name)],
        [
            Row("total PnL", m => Format.Money(m.Pnl.Total)),
            Row("  spread capture", m => Format.Money(m.Pnl.SpreadCapture)),
            Row("  inventory (mark-to-market)", m => Format.Money(m.Pnl.Inventory)),
            Row("  hedge cost", m => Format.Money(-m.Pnl.HedgeCost)),
            Row("realized / unrealized", m => $"{Format.Money(m.Pnl.Realized)} / {Format.Money(m.Pnl.Unrealized)}"),
            Row("Sharpe (per step)", m => Format.Number(m.Risk.SharpePerStep, 4)),
            Row("max drawdown", m => Format.Number(m.Risk.MaxDrawdown)),
            Row("VaR / CVaR 95%", m => $"{Format.Number(m.Risk.VaR95)} / {Format.Number(m.Risk.CVaR95)}"),
            Row("VaR / CVaR 99%", m => $"{Format.Number(m.Risk.VaR99)} / {Format.Number(m.Risk.CVaR99)}"),
            Row("fills (lots)", m => $"{Format.Integer(m.Trading.Fills)} ({Format.Integer(m.Trading.FilledLots)})"),
            Row("rejections", m => Format.Integer(m.Trading.Rejections)),
            Row("market share", m => Format.Percent(m.Trading.MarketShare)),
            Row("hedges (lots)", m => $"{Format.Integer(m.Trading.Hedges)} ({Format.Integer(m.Trading.HedgedLots)})"),
            Row("inventory final / mean", m => $"{m.Inventory.Final} / {Format.Number(m.Inventory.Mean, 4)}"),
            Row("inventory mean |q| / var", m => $"{Format.Number(m.Inventory.MeanAbsolute, 4)} / {Format.Number(m.Inventory.Variance, 4)}"),
            Row("inventory max |q| / limit", m => $"{m.Inventory.MaxAbsolute} / {(m.Inventory.Limit?.ToString() ?? "none")}"),
        ]);
    }

    public static ReportDocument Build(DealerScenario scenario, DealerSummary summary, IReadOnlyList<DealerStepRecord> rows)
    {
        var makers = scenario.Makers;
        var steps = rows.Where(r => r.Maker == makers[0].Name).Select(r => (double)r.Step).ToArray();
        double?[] Col(string maker, Func<DealerStepRecord, double> pick) => rows.Where(r => r.Maker == maker).Select(r => (double?)pick(r)).ToArray();

        var sections = new List<ReportSection>();
        var m = summary.Market;
        var overview = new List<ReportBlock>
        {
            new TableBlock("Set-up", ["maker", "quoting", "inventory limit", "hedging"],
                makers.Select(x => (IReadOnlyList<string>)[x.Name, Describe(x.Quoting!), x.InventoryLimit?.ToString() ?? "none",
                    x.Hedge is { } h ? $"above {h.Threshold} to {h.Target.ToString().ToLowerInvariant()}, cost {h.CostPerUnit}/unit" + (h.SlippagePerUnit > 0 ? $" + {h.SlippagePerUnit}/unit per lot" : "") : "none"]).ToArray()),
            new TableBlock("Market", ["clients", "served", "unserved", "client lots", "mid start", "mid end"],
                [[Format.Integer(m.Clients), Format.Integer(m.Served), Format.Integer(m.Unserved), Format.Integer(m.ClientLots), Format.Number(m.MidStart, 6), Format.Number(m.MidEnd, 6)]]),
        };
        overview.AddRange(summary.Notes.Select(n => new NoteBlock(n, Warning: true)));
        sections.Add(new ReportSection("Overview", overview, scenario.Description));
        sections.Add(new ReportSection("Metrics", [Headline(summary)],
            "PnL is cash plus inventory marked to the mid. Spread capture + inventory PnL − hedge cost = total PnL exactly (decimal books). " +
            "Sharpe, VaR and CVaR are of per-step PnL changes (one step per client arrival), not annualised; VaR and CVaR are historical."));

        var reference = new List<ReferenceLine>();
        foreach (var x in makers)
        {
            var prefix = makers.Count > 1 ? x.Name + " " : "";
            if (x.InventoryLimit is { } l) reference.AddRange([new ReferenceLine(prefix + "limit", l), new ReferenceLine(prefix + "−limit", -l)]);
            if (x.Hedge is { } h) reference.AddRange([new ReferenceLine(prefix + "hedge threshold", h.Threshold), new ReferenceLine(prefix + "−hedge threshold", -h.Threshold)]);
        }
        sections.Add(new ReportSection("Inventory",
        [
            new LineChart("Inventory over time", "client arrival", "inventory (lots)", steps,
                makers.Select(x => new Series(x.Name, Col(x.Name, r => r.Inventory), Step: true)).ToArray(), reference),
        ]));

        var pnl = new List<ReportBlock>();
        if (makers.Count > 1)
            pnl.Add(new LineChart("Total PnL by maker", "client arrival", "PnL", steps,
                makers.Select(x => new Series(x.Name, Col(x.Name, r => (double)r.TotalPnl))).ToArray()));
        foreach (var x in makers)
        {
            pnl.Add(new LineChart($"{x.Name}: PnL and its attribution", "client arrival", "PnL", steps,
            [
                new Series("total", Col(x.Name, r => (double)r.TotalPnl)),
                new Series("spread capture", Col(x.Name, r => (double)r.SpreadCapture)),
                new Series("inventory", Col(x.Name, r => (double)r.InventoryPnl)),
                new Series("−hedge cost", Col(x.Name, r => -(double)r.HedgeCost), Dashed: true),
            ]));
        }
        sections.Add(new ReportSection("PnL", pnl));

        sections.Add(new ReportSection("Hedging",
        [
            new LineChart("Cumulative hedge volume", "client arrival", "lots hedged", steps,
                makers.Select(x => new Series(x.Name, Col(x.Name, r => r.HedgedLots), Step: true)).ToArray()),
        ], makers.Any(x => x.Hedge != null) ? null : "No maker hedges in this scenario."));

        var quoteSeries = new List<Series> { new("mid", rows.Where(r => r.Maker == makers[0].Name).Select(r => (double?)(double)r.Mid).ToArray()) };
        foreach (var x in makers)
        {
            quoteSeries.Add(new Series($"{x.Name} bid", Col(x.Name, r => (double)r.Bid), Step: true));
            quoteSeries.Add(new Series($"{x.Name} ask", Col(x.Name, r => (double)r.Ask), Step: true));
        }
        sections.Add(new ReportSection("Quotes", [new LineChart("Quotes against the mid", "client arrival", "price", steps, quoteSeries)],
            "Quotes are on the tick grid: the model's bid is rounded down and its ask up."));

        var subtitle = $"dealer market · seed {summary.Seed} · {Format.Integer(summary.Steps)} client arrivals · {makers.Count} maker(s)";
        return new ReportDocument($"LiquidityLab: {scenario.Name}", subtitle, sections);
    }

    private static string Describe(QuotingConfig quoting) => quoting switch
    {
        FixedQuotingConfig f => $"fixed spread {f.Spread}",
        InventorySkewQuotingConfig s => $"inventory skew: spread {s.Spread}, skew {s.SkewPerLot}/lot" + (s.VolatilityWidening > 0 ? $", widening {s.VolatilityWidening}×σ" : ""),
        _ => quoting.GetType().Name,
    };
}
