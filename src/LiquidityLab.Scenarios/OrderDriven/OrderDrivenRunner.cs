using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using LiquidityLab.Analytics.Reports;
using LiquidityLab.OrderDriven.Agents;
using LiquidityLab.OrderDriven.Kernel;
using LiquidityLab.OrderDriven.Market;
using LiquidityLab.Scenarios.Dealer;
using LiquidityLab.Scenarios.Running;
using LiquidityLab.Scenarios.Schema.OrderDriven;

namespace LiquidityLab.Scenarios.OrderDriven;

/// <summary>Runs an order-driven scenario: builds the agents, runs the kernel with the CSV observer, writes summary.json and report.html.</summary>
internal static class OrderDrivenRunner
{
    public static RunResult Run(OrderDrivenScenario scenario, RunFolder folder, RunOptions options)
    {
        var clock = Stopwatch.StartNew();
        var setup = OrderDrivenBuilder.Setup(scenario);
        var agents = OrderDrivenBuilder.Agents(scenario);
        var makerConfigs = scenario.Makers.ToArray();
        var built = clock.Elapsed;
        MarketKernel kernel;
        OrderDrivenCsvObserver observer;
        using (observer = new OrderDrivenCsvObserver(folder, setup, agents.Select(a => a.Name).ToArray(), makerConfigs.Select(m => m.Name).ToArray(), scenario.Output.Trades))
        {
            IMarketObserver watched = observer;
            if (options.Live is { } live)
            {
                live.Started(new LiveRunInfo(scenario.Name, "order_driven", scenario.Seed, (setup.EndNs - setup.StartNs) / 1e9, "seconds since the open"));
                watched = new OrderDrivenLiveObserver(observer, live, setup, agents, makerConfigs.Select(m => m.Name).ToArray());
            }
            kernel = new MarketKernel(setup, agents, watched);
            kernel.Run(options.Cancel);
        }
        var simulated = clock.Elapsed;
        var summary = Summarize(scenario, kernel, observer, makerConfigs);
        File.WriteAllText(folder.PathOf("summary.json"), JsonSerializer.Serialize(summary, OrderDrivenJson.SummaryOptions) + "\n");
        var summarized = clock.Elapsed;
        ReportFiles.Write(folder, OrderDrivenReport.Build(scenario, summary, observer));
        options.Progress?.Report(1);
        var total = clock.Elapsed;
        var c = kernel.Counters;
        var notes = new List<string>(summary.Notes)
        {
            string.Create(CultureInfo.InvariantCulture,
                $"speed: wall {total.TotalSeconds:0.000} s (setup {built.TotalSeconds:0.000} s, kernel and streamed CSVs {(simulated - built).TotalSeconds:0.000} s, summary {(summarized - simulated).TotalSeconds:0.000} s, report {(total - summarized).TotalSeconds:0.000} s); " +
                $"{c.Events:N0} kernel events ({c.Events / Math.Max(1e-9, (simulated - built).TotalSeconds):N0} events/s), {c.Messages:N0} messages, {c.Orders:N0} orders, {c.Cancels:N0} cancels, {c.Trades:N0} trades"),
        };
        return new RunResult(OrderDrivenReport.Headline(summary), notes, summary.Metrics());
    }

    private static OrderDrivenSummary Summarize(OrderDrivenScenario s, MarketKernel kernel, OrderDrivenCsvObserver observer, MakerAgentConfig[] configs)
    {
        var c = kernel.Counters;
        var tick = s.Venue.TickSize;
        var mid = kernel.Mid;
        var midTicks = double.IsNaN(mid) ? 0m : (decimal)mid;
        var (cashResidual, sharesResidual) = kernel.Ledger.Conservation();
        var spreads = observer.SampleSpread.Where(double.IsFinite).ToArray();
        double? meanSpread = spreads.Length > 0 ? spreads.Average() : null;
        // the same clock as the bundled LOBSTER reference (one-minute returns), from the sampled two-sided mids
        var valid = Enumerable.Range(0, observer.SampleMid.Count).Where(i => observer.SampleMid[i] > 0 && double.IsFinite(observer.SampleSpread[i])).ToArray();
        var interval = Math.Max(Microstructure.LobsterFacts.ReferenceIntervalSeconds, s.Recording.SampleEveryS);
        var marketFacts = Analytics.Microstructure.MarketFacts.Compute($"simulated: {s.Name}", valid.Select(i => observer.SampleTime[i]).ToArray(),
            valid.Select(i => observer.SampleMid[i]).ToArray(), valid.Select(i => (long)Math.Round(observer.SampleSpread[i] / (double)tick)),
            observer.TradeSizes.Select(x => (double)x), interval);
        var facts = StylizedFacts.From(marketFacts);
        var reference = StylizedFacts.From(Microstructure.LobsterFacts.Reference);
        var im = observer.Impact;
        var impact = new ImpactSummary(im.Orders, im.Stride, ImpactFitSummary.From(im.ImmediateFit),
            ImpactFitSummary.From(im.AfterHorizonFit), s.Recording.ImpactHorizonS);
        var market = new MarketSummaryOd(double.IsNaN(mid) ? null : (double)(midTicks * tick), kernel.Value is { } v ? v.At(kernel.Setup.EndNs) * (double)tick : null,
            meanSpread, observer.SampleBidDepth.Count > 0 ? observer.SampleBidDepth.Average() : null,
            observer.SampleAskDepth.Count > 0 ? observer.SampleAskDepth.Average() : null, cashResidual, sharesResidual, kernel.Ledger.FeesCollected, facts, reference, impact);

        var sampleS = s.Recording.SampleEveryS;
        var samplesPerSession = (s.Session.CloseS - s.Session.OpenS) / sampleS;
        var makers = new List<MakerSummaryOd>();
        var notes = new List<string>();
        for (var i = 0; i < kernel.Makers.Count; i++)
        {
            var a = kernel.MakerAccounts[i];
            var st = kernel.MakerStatistics[i];
            var agent = kernel.Makers[i];
            if (!double.IsNaN(mid)) a.Mark(midTicks); // never a two-sided book: nothing to mark to
            var total = a.Total(midTicks);
            var unrealized = a.Unrealized(midTicks);
            // the attribution is exact in decimal; the average-cost split divides, so it may miss by ~1e-20
            var pnl = new MakerPnl(total, a.RealizedPnl, unrealized, a.SpreadCapture, a.InventoryPnl, a.Fees,
                total - (a.SpreadCapture + a.InventoryPnl - a.Fees), decimal.Round(total - (a.RealizedPnl + unrealized), 12));
            var breached = a.MaxAbsPosition > a.InventoryLimit;
            if (breached) notes.Add($"{a.Name} exceeded its inventory limit ({a.MaxAbsPosition} > {a.InventoryLimit}): please report this.");
            if (pnl.AttributionResidual != 0 || Math.Abs(pnl.RealizedResidual) > 1e-9m) notes.Add($"{a.Name}: PnL attribution residual {pnl.AttributionResidual} / {pnl.RealizedResidual}: please report this.");
            var inventory = new MakerInventory(a.Position, agent.Orders.Position, a.MaxAbsPosition, Num(st.InventoryMean), Num(st.InventoryVariance), breached);
            var activity = new MakerActivity(a.OrdersSent, a.CancelsSent, a.SubmittedQuantity, a.Volume, a.Fills,
                a.SubmittedQuantity > 0 ? (double)a.Volume / a.SubmittedQuantity : null, c.TradedVolume > 0 ? (double)a.Volume / c.TradedVolume : null,
                st.Samples > 0 ? (double)st.SamplesAtEitherTouch / st.Samples : null, st.Samples > 0 ? (double)st.SamplesAtBid / st.Samples : null,
                st.Samples > 0 ? (double)st.SamplesAtAsk / st.Samples : null);
            var sharpe = Num(st.SharpePerSample);
            var risk = new MakerRisk(st.MaxDrawdown, sharpe, sharpe * Math.Sqrt(samplesPerSession * 252), sampleS);
            var markouts = s.Recording.MarkoutHorizonsS.Select((h, k) => new MarkoutSummary(h,
                st.MarkoutQuantity[k] > 0 ? st.MarkoutSum[k] / st.MarkoutQuantity[k] * (double)tick : null, st.MarkoutQuantity[k])).ToArray();
            makers.Add(new MakerSummaryOd(a.Name, Yaml.ScenarioNaming.KindOf(configs[i].GetType()), a.InventoryLimit, configs[i].OrderSize, pnl, inventory, activity, risk, markouts));
        }
        if (cashResidual != 0 || sharesResidual != 0) notes.Add($"cash or shares not conserved (residuals {cashResidual}, {sharesResidual}): please report this.");
        var kernelSummary = new KernelSummary(c.Events, c.Messages, c.Wakes, c.Orders, c.Cancels, c.Trades, c.TradedVolume, c.Rejections, c.MarketDataUpdates,
            c.PeakPendingEvents, c.PeakRestingOrders);
        return new OrderDrivenSummary(s.Name, "order_driven", s.Seed, s.Session.OpenS, s.Session.CloseS, kernel.Agents.Count, kernelSummary, market, makers, notes);
    }

    private static double? Num(double x) => double.IsFinite(x) ? x : null;
}
