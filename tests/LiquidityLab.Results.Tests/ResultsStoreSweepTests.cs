namespace LiquidityLab.Results.Tests;

/// <summary>Sweep cases in the store: their swept values, the latest run of each case, the list of sweeps.</summary>
public class ResultsStoreSweepTests
{
    private static RunStart Case(string sweep, string name, params (string Key, string Value)[] parameters) =>
        Runs.Start() with { SweepId = sweep, CaseName = name, Parameters = parameters.Select(p => new RunParameter(p.Key, p.Value)).ToArray() };

    [Fact]
    public void ACase_KeepsItsSweptValues_InOrder()
    {
        using var dir = new TempDir();
        using var store = ResultsStore.Open(dir.File("s.db"));
        var id = store.RecordStart(Case("sw", "001-spread=0.1", ("spread", "0.1"), ("case", "calm")));
        Assert.Equal([new RunParameter("spread", "0.1"), new RunParameter("case", "calm")], store.Parameters(id));
        Assert.Empty(store.Parameters(store.RecordStart(Runs.Start())));
    }

    [Fact]
    public void ARepeatedParameterKey_IsRefused()
    {
        using var dir = new TempDir();
        using var store = ResultsStore.Open(dir.File("s.db"));
        Assert.Throws<ArgumentException>(() => store.RecordStart(Case("sw", "001", ("a", "1"), ("a", "2"))));
        Assert.Empty(store.List());
    }

    [Fact]
    public void SweepCases_ReturnTheLatestRunOfEachCase_InCaseOrder_WithMetrics()
    {
        using var dir = new TempDir();
        using var store = ResultsStore.Open(dir.File("s.db"));
        var failed = store.RecordStart(Case("sw", "002", ("x", "2")));
        store.RecordEnded(failed, RunStatus.Failed, "boom");
        var first = store.RecordStart(Case("sw", "001", ("x", "1")));
        store.RecordDone(first, Runs.Done(dir.File("c1"), ("pnl", 1.5)));
        var retried = store.RecordStart(Case("sw", "002", ("x", "2")));
        store.RecordDone(retried, Runs.Done(dir.File("c2"), ("pnl", -2)));
        store.RecordStart(Case("other", "001", ("y", "a")));

        var cases = store.SweepCases("sw");
        Assert.Equal(["001", "002"], cases.Select(c => c.Run.CaseName));
        Assert.Equal([first, retried], cases.Select(c => c.Run.Id));
        Assert.Equal(-2, cases[1].Metrics.Single().Value);
        Assert.Equal("2", cases[1].Parameters.Single().Value);

        var sweeps = store.Sweeps();
        Assert.Equal(["other", "sw"], sweeps.Select(s => s.SweepId));
        Assert.Equal((2, 2), (sweeps[1].Cases, sweeps[1].Done));
        Assert.Equal((1, 0), (sweeps[0].Cases, sweeps[0].Done));
        Assert.Equal(["x"], sweeps[1].Parameters);
        Assert.Equal(retried, store.FindCase("sw", "002")!.Id);
        Assert.Null(store.FindCase("sw", "003"));
        Assert.Throws<StoreInputException>(() => store.SweepCases("nope"));
    }

    [Fact]
    public void DeletingACase_RemovesItsParameters()
    {
        using var dir = new TempDir();
        using var store = ResultsStore.Open(dir.File("s.db"));
        var id = store.RecordStart(Case("sw", "001", ("x", "1")));
        store.RecordEnded(id, RunStatus.Failed, "boom");
        store.Delete([id], files: false);
        Assert.Empty(store.Parameters(id));
        Assert.Empty(store.Sweeps());
    }
}
