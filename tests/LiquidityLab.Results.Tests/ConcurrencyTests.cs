namespace LiquidityLab.Results.Tests;

/// <summary>Many writers on one store file, each with its own connection, as a parallel sweep does.</summary>
public class ConcurrencyTests
{
    [Fact]
    public void ParallelWriters_OnSeparateConnections_RecordEveryRunWhole()
    {
        using var dir = new TempDir();
        var path = dir.File("s.db");
        const int writers = 8, runsEach = 20;
        var recorded = new System.Collections.Concurrent.ConcurrentBag<(long Id, int Writer, int Run)>();

        // every writer also opens the fresh file at the same time: creation and migration race too
        Parallel.For(0, writers, new ParallelOptions { MaxDegreeOfParallelism = writers }, w =>
        {
            using var store = ResultsStore.Open(path);
            for (var i = 0; i < runsEach; i++)
            {
                var id = store.RecordStart(Runs.Start($"case-{w}", i, $"writer-{w}") with { SweepId = "sweep", CaseName = $"{w}/{i}" });
                store.RecordDone(id, Runs.Done(dir.File($"runs/{w}-{i}"), ("writer", w), ("run", i), ("product", w * 1000 + i)));
                recorded.Add((id, w, i));
            }
        });

        using var check = ResultsStore.Open(path);
        var all = check.List(new RunFilter(SweepId: "sweep"));
        Assert.Equal(writers * runsEach, all.Count);
        Assert.Equal(writers * runsEach, recorded.Select(r => r.Id).Distinct().Count());
        Assert.All(all, r => Assert.Equal(RunStatus.Done, r.Status));
        foreach (var (id, w, i) in recorded)
        {
            var run = check.Get(id);
            Assert.Equal(($"case-{w}", (long)i, $"{w}/{i}"), (run.Scenario, run.Seed, run.CaseName));
            Assert.Equal([$"writer-{w}"], run.Tags);
            Assert.Equal([new StoredMetric("writer", w), new StoredMetric("run", i), new StoredMetric("product", w * 1000 + i)], check.Metrics(id));
        }
        for (var w = 0; w < writers; w++)
            Assert.Equal(runsEach, check.List(new RunFilter(Tag: $"writer-{w}")).Count);
    }

    [Fact]
    public void OneStore_SharedByThreads_SerialisesItsCalls()
    {
        using var dir = new TempDir();
        using var store = ResultsStore.Open(dir.File("s.db"));
        Parallel.For(0, 40, i =>
        {
            var id = store.RecordStart(Runs.Start(seed: i));
            store.RecordDone(id, Runs.Done(dir.File($"r{i}"), ("seed", i)));
        });
        var runs = store.List();
        Assert.Equal(40, runs.Count);
        Assert.Equal(Enumerable.Range(0, 40).Select(i => (long)i), runs.Select(r => r.Seed).Order());
        Assert.All(runs, r => Assert.Equal(r.Seed, store.Metrics(r.Id).Single().Value));
    }
}
