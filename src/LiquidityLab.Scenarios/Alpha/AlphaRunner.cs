using System.Globalization;
using System.Text.Json;
using CsvHelper;
using LiquidityLab.Scenarios.Alpha.Data;
using LiquidityLab.Scenarios.Dealer;
using LiquidityLab.Scenarios.Running;
using LiquidityLab.Scenarios.Schema.Alpha;
using LiquidityLab.Simulation.Alpha;
using LiquidityLab.Strategies.Alpha;

namespace LiquidityLab.Scenarios.Alpha;

/// <summary>Loads an alpha scenario's market data, runs the bar loop and writes the run folder's files.</summary>
public static class AlphaRunner
{
    public static MarketData LoadData(AlphaScenario s, bool skipBadRows) => s.MarketData switch
    {
        SyntheticDataConfig syn => SyntheticBars.Generate(syn, (ulong)s.Seed),
        CsvDataConfig csv => CsvBars.Load(DataPaths.Resolve(csv.Path), csv.BarsPerDay, skipBadRows),
        LobsterDataConfig lob => LobsterBars.Load(DataPaths.Resolve(lob.Message), DataPaths.Resolve(lob.Orderbook), lob.BarSeconds, lob.PriceScale, lob.SessionSeconds, skipBadRows),
        _ => throw new NotSupportedException($"market data kind {s.MarketData?.GetType().Name} has no loader"),
    };

    public static AlphaSetup ToSetup(AlphaScenario s, IReadOnlyList<MarketBar> bars)
    {
        var q = s.Quoting;
        return new AlphaSetup(s.Instrument.ToInstrument(), bars, () => BuildBlend(s),
            new AlphaQuoterSettings(q.HalfSpread, q.InventorySkew, q.RiskWeighted, q.AlphaSkew, q.HighVolatilityRatio ?? double.PositiveInfinity,
                q.HighVolatilityWidening, q.BaseSize, q.SizeScale, q.MinSize, q.MaxSize),
            s.Fills.ToModel(),
            new ExecutionSettings((long)Math.Round(s.Execution.LatencyMs * 1e6), s.Execution.PartialFills, s.Execution.Slippage, s.Execution.SlippageBps,
                s.Execution.TakerHalfSpread),
            s.Risk.ToSettings(), s.Volatility.FastHalfLife, s.Volatility.SlowHalfLife);
    }

    public static SignalBlend BuildBlend(AlphaScenario s) =>
        new(s.Signals.Select(x => new BlendMember(x.Build(), x.Weight,
            new SignalConfidence(s.Confidence.Mode, s.Confidence.Window, s.Confidence.Horizon, s.Confidence.Minimum, s.Confidence.Prior))).ToArray(),
            s.NormalisationWindow);

    /// <summary>Runs the scenario on some bars (a fold of the data, or all of it) and summarises, writing nothing.</summary>
    public static (AlphaRunResult Result, AlphaSummary Summary) Evaluate(AlphaScenario s, MarketData data, IReadOnlyList<MarketBar> bars, CancellationToken cancel = default,
        IAlphaBarObserver? observer = null)
    {
        var result = AlphaSimulation.Run(ToSetup(s, bars), (ulong)s.Seed, cancel, observer);
        var notes = Notes(s, data, result);
        return (result, AlphaAnalysis.Summarise(s, data.Description, data.BarsPerDay, data.SkippedRows, result, notes));
    }

    internal static RunResult Run(AlphaScenario s, RunFolder folder, RunOptions options)
    {
        var data = LoadData(s, options.SkipBadRows);
        options.Progress?.Report(0.2);
        AlphaLiveObserver? live = null;
        if (options.Live is { } feed)
        {
            var lastBar = Math.Max(0, data.Bars.Count - 1);
            feed.Started(new LiveRunInfo(s.Name, "alpha", s.Seed, lastBar, "bar"));
            live = new AlphaLiveObserver(feed, lastBar);
        }
        var (result, summary) = Evaluate(s, data, data.Bars, options.Cancel, live);
        options.Progress?.Report(0.7);
        File.WriteAllText(folder.PathOf("summary.json"), JsonSerializer.Serialize(summary, DealerRunner.SummaryJson) + "\n");
        WriteTimeseries(folder.PathOf("timeseries.csv"), result);
        if (s.Output.Trades) WriteTrades(folder.PathOf("trades.csv"), result);
        WriteRiskEvents(folder.PathOf("risk_events.csv"), result);
        ReportFiles.Write(folder, AlphaReport.Build(s, summary, result));
        options.Progress?.Report(1);
        return new RunResult(AlphaReport.Headline(summary), summary.Notes, summary.Metrics());
    }

    private static List<string> Notes(AlphaScenario s, MarketData data, AlphaRunResult r)
    {
        var notes = new List<string>();
        if (data.SkippedRows > 0) notes.Add($"skipped {data.SkippedRows:N0} bad row(s) of the market data (--skip-bad-rows); the first: {data.FirstSkipped}");
        if (s.Signals.Any(x => x is OrderFlowConfig) && data.Bars.All(b => b.Quote is null))
            notes.Add("the ofi signal needs a top of book, which this data has not: it never became ready and contributed nothing");
        for (var c = 0; c < r.ComponentNames.Count; c++)
            if (r.ComponentScores[c].All(double.IsNaN))
                notes.Add($"signal {r.ComponentNames[c]} never finished warming up in {r.Bars.Count:N0} bars");
        return notes;
    }

    private static void WriteTimeseries(string path, AlphaRunResult r)
    {
        using var w = CsvFiles.Open(path);
        w.WriteHeader(["bar", "time_s", "day", "mid", "strength", "confidence", "volatility", "volatility_ratio", "bid", "ask", "bid_size", "ask_size",
            "widened", "sides_quoted", "fills", "inventory", "cash", "pnl"]);
        foreach (var b in r.Bars)
        {
            w.WriteField(b.Bar);
            Num(w, b.TimeNanos / 1e9);
            w.WriteField(b.Day);
            foreach (var v in new[] { b.Mid, b.Strength, b.Confidence, b.Volatility, b.VolatilityRatio, b.Bid, b.Ask }) Num(w, v);
            w.WriteField(b.BidSize);
            w.WriteField(b.AskSize);
            w.WriteField(b.Widened ? 1 : 0);
            w.WriteField(b.SidesQuoted);
            w.WriteField(b.Fills);
            w.WriteField(b.Inventory);
            Num(w, b.Cash);
            Num(w, b.Pnl);
            w.EndRecord();
        }
    }

    private static void WriteTrades(string path, AlphaRunResult r)
    {
        using var w = CsvFiles.Open(path);
        w.WriteHeader(["time_s", "side", "lots", "price", "mid", "type", "edge_per_lot", "latency_cost_per_lot", "slippage_per_lot"]);
        foreach (var e in r.Executions)
        {
            Num(w, e.TimeNanos / 1e9);
            w.WriteField(e.Side == Core.Domain.Side.Buy ? "buy" : "sell");
            w.WriteField(e.Lots);
            Num(w, e.Price);
            Num(w, e.Mid);
            w.WriteField(e.Maker ? "maker" : "market");
            Num(w, e.Edge);
            Num(w, e.LatencyCost);
            Num(w, e.Slippage);
            w.EndRecord();
        }
    }

    private static void WriteRiskEvents(string path, AlphaRunResult r)
    {
        using var w = CsvFiles.Open(path);
        w.WriteHeader(["bar", "time_s", "action", "reason", "value", "threshold"]);
        foreach (var e in r.RiskEvents)
        {
            w.WriteField(e.Bar);
            Num(w, e.TimeNanos / 1e9);
            w.WriteField(Yaml.ScenarioNaming.EnumName(e.Action));
            w.WriteField(e.Reason);
            Num(w, e.Value);
            Num(w, e.Threshold);
            w.EndRecord();
        }
    }

    private static void Num(CsvWriter w, double v) => w.WriteField(double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : "");
}
