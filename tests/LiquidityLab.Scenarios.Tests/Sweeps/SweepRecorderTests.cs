using System.Collections.Concurrent;
using LiquidityLab.Scenarios.Running;
using LiquidityLab.Scenarios.Sweeps;

namespace LiquidityLab.Scenarios.Tests.Sweeps;

/// <summary>The sweep tells its recorder of every case: started then done, failed or cancelled, or reused.</summary>
public class SweepRecorderTests
{
    private sealed class Log : ISweepRecorder
    {
        public ConcurrentQueue<string> Events { get; } = new();
        public ISweepCaseRecord Started(SweepCase c) { Events.Enqueue("start " + c.Id); return new Record(this, c.Id); }
        public void Reused(SweepCase c, string folder, IReadOnlyList<RunMetric> metrics) => Events.Enqueue($"reused {c.Id} {metrics.Count > 0}");

        private sealed class Record(Log log, string id) : ISweepCaseRecord
        {
            public void Done(RunOutcome outcome) => log.Events.Enqueue($"done {id} {Path.GetFileName(outcome.Folder)}");
            public void Ended(bool cancelled, string message) => log.Events.Enqueue($"{(cancelled ? "cancelled" : "failed")} {id}");
        }
    }

    [Fact]
    public void AParallelSweep_StartsAndFinishesEveryCaseOnce_ThenAResumeReportsThemReused()
    {
        using var dir = new TempDir();
        var sweep = SweepLoader.Parse(SweepFiles.With(SweepFiles.Grid2x3), "test.yaml");
        var log = new Log();
        SweepRunner.Run(sweep, new SweepRunOptions(dir["sweep"], Parallel: 3, Recorder: log));
        var events = log.Events.ToArray();
        Assert.Equal(12, events.Length);
        foreach (var c in sweep.Cases)
        {
            var start = Array.IndexOf(events, "start " + c.Id);
            var done = Array.IndexOf(events, $"done {c.Id} {c.Id}");
            Assert.True(start >= 0 && done > start, $"case {c.Id}: {string.Join(", ", events)}");
        }

        var again = new Log();
        SweepRunner.Run(sweep, new SweepRunOptions(dir["sweep"], Parallel: 2, Recorder: again));
        Assert.Equal(sweep.Cases.Select(c => $"reused {c.Id} True").Order(), again.Events.Order());
    }

    [Fact]
    public void AFailingCase_IsRecordedAsFailed()
    {
        using var dir = new TempDir();
        var sweep = SweepLoader.Parse(SweepFiles.With(SweepFiles.Grid2x3), "test.yaml");
        // a file where the first case's folder should go makes that case fail
        Directory.CreateDirectory(Path.Combine(dir["sweep"], "cases"));
        File.WriteAllText(Path.Combine(dir["sweep"], "cases", sweep.Cases[0].Id), "in the way");
        var log = new Log();
        Assert.ThrowsAny<IOException>(() => SweepRunner.Run(sweep, new SweepRunOptions(dir["sweep"], Parallel: 1, Recorder: log)));
        Assert.Equal(["start " + sweep.Cases[0].Id, "failed " + sweep.Cases[0].Id], log.Events.Take(2));
    }

    [Fact]
    public void ACancelledSweep_RecordsNoCaseAsDone_AfterTheCancel()
    {
        using var dir = new TempDir();
        var sweep = SweepLoader.Parse(SweepFiles.With(SweepFiles.Grid2x3), "test.yaml");
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var log = new Log();
        Assert.ThrowsAny<OperationCanceledException>(() => SweepRunner.Run(sweep, new SweepRunOptions(dir["sweep"], Parallel: 2, Cancel: cts.Token, Recorder: log)));
        Assert.DoesNotContain(log.Events, e => e.StartsWith("done", StringComparison.Ordinal));
    }
}
