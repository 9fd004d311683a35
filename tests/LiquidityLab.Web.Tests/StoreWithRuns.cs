using LiquidityLab.Results;
using LiquidityLab.Scenarios;
using LiquidityLab.Scenarios.Running;
using LiquidityLab.Scenarios.Sweeps;
using LiquidityLab.Scenarios.Yaml;

namespace LiquidityLab.Web.Tests;

/// <summary>
/// A real results store in a temporary folder holding real runs: a dealer run, an optimal-quoting run,
/// a 2 × 3 sweep, an order-book run made of the fixture files of the book contract, and a run whose
/// folder has only a report.html. Made once per test class.
/// </summary>
public sealed class StoreWithRuns : IDisposable
{
    public StoreWithRuns()
    {
        Directory.CreateDirectory(Root);
        using var store = ResultsStore.Open(StorePath);
        DealerRun = Record(store, ScenarioLoader.Load("dealer-competition", ["clients.count=400"]), Path.Combine(Root, "dealer"), ["web-test"]);
        QuotingRun = Record(store, ScenarioLoader.Load("as-paper", ["paths=200", "dt=0.01"]), Path.Combine(Root, "quoting"), []);
        var sweep = SweepLoader.Parse(SweepYaml, "web-test-sweep.yaml");
        SweepRunner.Run(sweep, new SweepRunOptions(Path.Combine(Root, SweepId), Parallel: 2, Recorder: new Recorder(store, SweepId)));
        SweepCases = store.SweepCases(SweepId);
        BookRun = RecordBookFixture(store);
        HtmlOnlyRun = RecordHtmlOnly(store);
    }

    public const string SweepId = "web-sweep";

    public const string SweepYaml = """
        name: web-sweep
        kind: dealer
        seed: 3
        mid: { process: { kind: abm, volatility: 0.3 } }
        clients: { count: 150 }
        makers:
          - { name: MM1, quoting: { kind: fixed, spread: 0.05 }, inventory_limit: 20 }
        sweep:
          grid:
            makers[0].quoting.spread: [0.02, 0.1]
            mid.process.volatility: [0.1, 0.3, 1.0]
        """;

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "liqlab-web-tests", Guid.NewGuid().ToString("N"));
    public string StorePath => Path.Combine(Root, ResultsStore.FileName);
    public long DealerRun { get; }
    public long QuotingRun { get; }
    public long BookRun { get; }
    public long HtmlOnlyRun { get; }
    public IReadOnlyList<StoredSweepCase> SweepCases { get; }

    /// <summary>Runs a scenario into a folder and records it the way <c>liqlab run</c> does.</summary>
    public static long Record(ResultsStore store, LoadedScenario loaded, string folder, IReadOnlyList<string> tags, ILiveFeed? live = null)
    {
        var s = loaded.Scenario;
        var id = store.RecordStart(new RunStart(s.Name, ScenarioNaming.KindOf(s.GetType()), loaded.Source, s.Seed, loaded.ResolvedYaml, tags));
        var outcome = ScenarioRunner.Run(loaded, new RunOptions(folder, Live: live));
        store.RecordDone(id, new RunCompletion(outcome.Folder, outcome.Files, outcome.Metrics.Select(m => new StoredMetric(m.Key, m.Value)).ToArray()));
        return id;
    }

    public const string DepthCsv = """
        time_s,side,price,quantity
        1.0,bid,99.99,5
        1.0,bid,99.98,7
        1.0,ask,100.01,4
        1.0,ask,100.03,9
        2.0,bid,100.00,3
        2.0,ask,100.02,6
        """;

    public const string HeatmapCsv = """
        time_s,price,resting_quantity,traded_quantity
        0,99.99,5,0
        0,100.01,4,2
        1,99.99,12,0
        1,100.02,6,1
        """;

    // The order-driven market is another engineer's: its folder is built here from the file contract alone.
    private long RecordBookFixture(ResultsStore store)
    {
        var folder = Path.Combine(Root, "book");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "book_depth.csv"), DepthCsv.Replace("\r", "") + "\n");
        File.WriteAllText(Path.Combine(folder, "book_heatmap.csv"), HeatmapCsv.Replace("\r", "") + "\n");
        var id = store.RecordStart(new RunStart("book-fixture", "order_driven", "test", 1, "name: book-fixture\n"));
        store.RecordDone(id, new RunCompletion(folder, ["book_depth.csv", "book_heatmap.csv"], [new StoredMetric("market.trades", 3)]));
        return id;
    }

    private long RecordHtmlOnly(ResultsStore store)
    {
        var folder = Path.Combine(Root, "html-only");
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(Root, "dealer", "report.html"), Path.Combine(folder, "report.html"));
        var id = store.RecordStart(new RunStart("html-only", "dealer", "test", 1, "name: html-only\n"));
        store.RecordDone(id, new RunCompletion(folder, ["report.html"], []));
        return id;
    }

    /// <summary>Records sweep cases with their swept values (what the CLI's recorder does, in a few lines).</summary>
    private sealed class Recorder(ResultsStore store, string sweepId) : ISweepRecorder
    {
        public ISweepCaseRecord Started(SweepCase c) => new Case(store, store.RecordStart(new RunStart(c.Scenario.Scenario.Name, "dealer", "test",
            c.Scenario.Scenario.Seed, c.Scenario.ResolvedYaml, SweepId: sweepId, CaseName: c.Id,
            Parameters: c.Assignments.Select(a => new RunParameter(a.Path, a.Text)).ToArray())));

        public void Reused(SweepCase c, string folder, IReadOnlyList<RunMetric> metrics) { }

        private sealed class Case(ResultsStore store, long id) : ISweepCaseRecord
        {
            public void Done(RunOutcome o) => store.RecordDone(id, new RunCompletion(o.Folder, o.Files, o.Metrics.Select(m => new StoredMetric(m.Key, m.Value)).ToArray()));
            public void Ended(bool cancelled, string message) => store.RecordEnded(id, cancelled ? RunStatus.Cancelled : RunStatus.Failed, message);
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
    }
}

/// <summary>Forwards a runner's feed to a hub, like the CLI's <c>run --live</c>.</summary>
/// <param name="afterFrame">Called on the run's thread after each frame is sent, with the number sent so far;
/// a test can hold the run there until the page has shown the frame, so a fast machine cannot finish first.</param>
internal sealed class HubFeed(LiquidityLab.Web.Live.LiveHub hub, double perSecond = 15, Action<int>? afterFrame = null) : ThrottledLiveFeed(perSecond)
{
    public int Frames;
    public override void Started(LiveRunInfo info) => hub.Send("start", info);
    public override void Publish(LiveFrame frame) { Frames++; hub.Send("frame", frame); afterFrame?.Invoke(Frames); }
    public override void PublishCurve(LiveCurve curve) { Frames++; hub.Send("curve", curve, curve.Chart + "\n" + curve.Series); }
    public override void Finished(string status, string? message = null) => hub.Send("end", new { status, message });
}
