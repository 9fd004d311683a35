using LiquidityLab.Results.Processes;

namespace LiquidityLab.Results.Tests;

public class ResultsStoreTests
{
    private readonly ManualClock _clock = new(Runs.T0);
    private readonly FakeProcesses _processes = new(new RunnerProcess("lab-1", 4242, Runs.T0.AddHours(-1)));

    private ResultsStore Open(TempDir dir) =>
        ResultsStore.Open(dir.File("s.db"), new ResultsStoreOptions { Clock = _clock, Processes = _processes });

    [Fact]
    public void RecordStart_StoresARunningRow_WithEverythingKnownBeforeTheRun()
    {
        using var dir = new TempDir();
        using var store = Open(dir);
        var id = store.RecordStart(Runs.Start("dealer-hedging", 11, "baseline", "v2", "baseline") with { SweepId = "sw-1", CaseName = "spread=0.1" });

        var run = store.Get(id);
        Assert.Equal(RunStatus.Running, run.Status);
        Assert.Equal(("dealer-hedging", "dealer", "bundled:dealer-hedging", 11L), (run.Scenario, run.Kind, run.Source, run.Seed));
        Assert.Equal("name: dealer-hedging\nseed: 11\n", run.ResolvedYaml);
        Assert.Equal(["baseline", "v2"], run.Tags);
        Assert.Equal(("sw-1", "spread=0.1"), (run.SweepId, run.CaseName));
        Assert.Equal(Runs.T0, run.StartedAt);
        Assert.Null(run.FinishedAt);
        Assert.Null(run.Folder);
        Assert.Empty(run.Files);
        Assert.Equal(("lab-1", 4242), (run.Host, run.ProcessId));
        Assert.Empty(store.Metrics(id));
    }

    [Fact]
    public void RecordDone_StoresFolderFilesTimingsAndMetrics_InTheRunnersOrder()
    {
        using var dir = new TempDir();
        using var store = Open(dir);
        var id = store.RecordStart(Runs.Start());
        _clock.Advance(TimeSpan.FromMilliseconds(2_345));
        store.RecordDone(id, Runs.Done(dir.File("runs/x"), ("MM1.total_pnl", 12.5), ("MM1.fills", 88), ("MM1.sharpe", double.NaN), ("A.first", -1e-9)));

        var run = store.Get(id);
        Assert.Equal(RunStatus.Done, run.Status);
        Assert.Equal(Runs.T0.AddMilliseconds(2_345), run.FinishedAt);
        Assert.Equal(2.345, run.WallSeconds!.Value, 9);
        Assert.Equal(Path.GetFullPath(dir.File("runs/x")), run.Folder);
        Assert.Equal(["report.html", "summary.json"], run.Files);
        Assert.Null(run.Error);
        var metrics = store.Metrics(id);
        Assert.Equal(["MM1.total_pnl", "MM1.fills", "MM1.sharpe", "A.first"], metrics.Select(m => m.Key));
        Assert.Equal(12.5, metrics[0].Value);
        Assert.Equal(88, metrics[1].Value);
        Assert.True(double.IsNaN(metrics[2].Value));
        Assert.Equal(-1e-9, metrics[3].Value);
    }

    [Fact]
    public void ARunEndsOnce_AndAnUnknownIdIsBadInput()
    {
        using var dir = new TempDir();
        using var store = Open(dir);
        var id = store.RecordStart(Runs.Start());
        store.RecordEnded(id, RunStatus.Failed, "disk full");
        var again = Assert.Throws<StoreInputException>(() => store.RecordDone(id, Runs.Done(dir.File("x"), ("a", 1))));
        Assert.Contains("already ended (failed)", again.Message);
        Assert.Empty(store.Metrics(id));
        Assert.Equal(("disk full", RunStatus.Failed), (store.Get(id).Error, store.Get(id).Status));

        var unknown = Assert.Throws<StoreInputException>(() => store.Get(99));
        Assert.Contains("has no run 99", unknown.Message);
        Assert.Throws<StoreInputException>(() => store.RecordEnded(99, RunStatus.Cancelled, "x"));
    }

    [Fact]
    public void RecordEnded_Cancelled_KeepsTheMessageAndTheTime()
    {
        using var dir = new TempDir();
        using var store = Open(dir);
        var id = store.RecordStart(Runs.Start());
        _clock.Advance(TimeSpan.FromSeconds(1));
        store.RecordEnded(id, RunStatus.Cancelled, "interrupted");
        var run = store.Get(id);
        Assert.Equal((RunStatus.Cancelled, "interrupted", 1.0), (run.Status, run.Error, run.WallSeconds));
        Assert.Throws<ArgumentOutOfRangeException>(() => store.RecordEnded(id, RunStatus.Done, "no"));
    }

    [Fact]
    public void RecordDone_WithADuplicateMetricKey_ChangesNothing()
    {
        using var dir = new TempDir();
        using var store = Open(dir);
        var id = store.RecordStart(Runs.Start());
        Assert.Throws<ArgumentException>(() => store.RecordDone(id, Runs.Done(dir.File("x"), ("a", 1), ("a", 2))));
        Assert.Equal(RunStatus.Running, store.Get(id).Status);
        Assert.Empty(store.Metrics(id));
    }

    [Fact]
    public void RecordsSurviveReopening()
    {
        using var dir = new TempDir();
        long id;
        using (var store = Open(dir))
        {
            id = store.RecordStart(Runs.Start(tags: "t"));
            store.RecordDone(id, Runs.Done(dir.File("x"), ("k", 3)));
        }
        using var again = Open(dir);
        Assert.Equal(RunStatus.Done, again.Get(id).Status);
        Assert.Equal([new StoredMetric("k", 3)], again.Metrics(id));
    }

    [Fact]
    public void List_FiltersByScenarioTagTimeStatusAndSweep_NewestFirst()
    {
        using var dir = new TempDir();
        using var store = Open(dir);
        var a = store.RecordStart(Runs.Start("dealer-single", 1, "nightly"));                 // 12:00
        _clock.Advance(TimeSpan.FromDays(1));
        var b = store.RecordStart(Runs.Start("dealer-hedging", 2, "nightly", "wide"));        // +1 day
        _clock.Advance(TimeSpan.FromDays(1));
        var c = store.RecordStart(Runs.Start("dealer-single", 3) with { SweepId = "s1", CaseName = "c1" }); // +2 days
        store.RecordDone(c, Runs.Done(dir.File("c")));
        store.RecordEnded(a, RunStatus.Failed, "boom");

        long[] Ids(RunFilter f) => store.List(f).Select(r => r.Id).ToArray();
        Assert.Equal([c, b, a], Ids(new RunFilter()));
        Assert.Equal([c, a], Ids(new RunFilter(Scenario: "dealer-single")));
        Assert.Equal([b, a], Ids(new RunFilter(Tag: "nightly")));
        Assert.Equal([b], Ids(new RunFilter(Tag: "wide")));
        Assert.Empty(Ids(new RunFilter(Tag: "nothing")));
        Assert.Equal([c, b], Ids(new RunFilter(Since: Runs.T0.AddDays(1))));
        Assert.Equal([a], Ids(new RunFilter(Until: Runs.T0.AddDays(1))));
        Assert.Equal([b], Ids(new RunFilter(Since: StoreTime.ParseBound("2025-06-02", false), Until: StoreTime.ParseBound("2025-06-02", true))));
        Assert.Equal([a], Ids(new RunFilter(Status: RunStatus.Failed)));
        Assert.Equal([c], Ids(new RunFilter(Status: RunStatus.Done, SweepId: "s1")));
        Assert.Equal([c, b], Ids(new RunFilter(Limit: 2)));
        Assert.Equal([c], Ids(new RunFilter(Scenario: "dealer-single", Limit: 1)));
        Assert.Throws<StoreInputException>(() => store.List(new RunFilter(Limit: -1)));
    }

    [Fact]
    public void Tags_AreTrimmed_Deduplicated_AndNeverEmpty()
    {
        using var dir = new TempDir();
        using var store = Open(dir);
        var id = store.RecordStart(Runs.Start(tags: [" a ", "b", "a"]));
        Assert.Equal(["a", "b"], store.Get(id).Tags);
        Assert.Throws<StoreInputException>(() => store.RecordStart(Runs.Start(tags: " ")));
    }

    [Fact]
    public void ParseStatusArgument_AcceptsEveryStatusName_AndNamesThemOnError()
    {
        foreach (var s in Enum.GetValues<RunStatus>()) Assert.Equal(s, ResultsStore.ParseStatusArgument(ResultsStore.Text(s).ToUpperInvariant()));
        var e = Assert.Throws<StoreInputException>(() => ResultsStore.ParseStatusArgument("finished"));
        Assert.Contains("running, done, failed, cancelled, incomplete", e.Message);
    }

    [Fact]
    public void DefaultPathFor_IsTheStoreInTheRunFoldersParent()
    {
        Assert.Equal(Path.GetFullPath(Path.Combine("runs", "liqlab.db")), ResultsStore.DefaultPathFor(Path.Combine("runs", "dealer-single-seed7")));
        Assert.Equal(Path.GetFullPath(Path.Combine("out", "liqlab.db")), ResultsStore.DefaultPathFor(Path.Combine("out", "a") + "/"));
    }

    [Fact]
    public void Open_WithoutCreate_RefusesAMissingStore_AndAFolder()
    {
        using var dir = new TempDir();
        var missing = Assert.Throws<StoreInputException>(() => ResultsStore.Open(dir.File("none.db"), new ResultsStoreOptions { CreateIfMissing = false }));
        Assert.Contains("no results store at", missing.Message);
        Assert.False(File.Exists(dir.File("none.db")));
        Assert.Throws<StoreInputException>(() => ResultsStore.Open(dir.Path));
    }

    [Fact]
    public void Open_RefusesAFileThatIsNotAStore()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("notes.db"), "these are not the tables you are looking for, at least not in SQLite's format at all.\n");
        var e = Assert.Throws<StoreInputException>(() => ResultsStore.Open(dir.File("notes.db")));
        Assert.Contains("not a liqlab results store", e.Message);
    }
}
