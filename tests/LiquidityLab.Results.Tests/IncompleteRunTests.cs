using System.Diagnostics;
using LiquidityLab.Results.Processes;

namespace LiquidityLab.Results.Tests;

/// <summary>A run whose process died before it ended: it must never read as done, and reads as incomplete once noticed.</summary>
public class IncompleteRunTests
{
    [Fact]
    public void ARunningRowWhoseProcessDied_IsMarkedIncompleteByTheNextOpen()
    {
        using var dir = new TempDir();
        var runner = new FakeProcesses(new RunnerProcess("lab-1", 100, null));
        long killed, alive, elsewhere;
        using (var store = ResultsStore.Open(dir.File("s.db"), new ResultsStoreOptions { Processes = runner }))
        {
            killed = store.RecordStart(Runs.Start(seed: 1));
            runner.Current = new RunnerProcess("lab-1", 200, null);
            runner.Alive.Add(200);
            alive = store.RecordStart(Runs.Start(seed: 2));
            runner.Current = new RunnerProcess("lab-2", 300, null);
            elsewhere = store.RecordStart(Runs.Start(seed: 3));
        }

        // process 100 is gone; 200 still runs; 300 is on a machine this one cannot see
        var viewer = new FakeProcesses(new RunnerProcess("lab-1", 999, null));
        viewer.Alive.Add(200);
        using var reopened = ResultsStore.Open(dir.File("s.db"), new ResultsStoreOptions { Processes = viewer });
        var k = reopened.Get(killed);
        Assert.Equal(RunStatus.Incomplete, k.Status);
        Assert.Contains("its process (100 on lab-1) ended without finishing the run", k.Error);
        Assert.Null(k.FinishedAt);
        Assert.Empty(reopened.Metrics(killed));
        Assert.Equal(RunStatus.Running, reopened.Get(alive).Status);
        Assert.Equal(RunStatus.Running, reopened.Get(elsewhere).Status);
        Assert.Equal([killed], reopened.List(new RunFilter(Status: RunStatus.Incomplete)).Select(r => r.Id));
    }

    [Fact]
    public void ARunsOwnProcess_NeverMarksItIncomplete()
    {
        using var dir = new TempDir();
        using var store = ResultsStore.Open(dir.File("s.db"));
        var id = store.RecordStart(Runs.Start());
        using var second = ResultsStore.Open(dir.File("s.db")); // same live process
        Assert.Equal(RunStatus.Running, second.Get(id).Status);
    }

    [Fact]
    public void LocalProcessTable_SeesItself_AndNotAnExitedChild_NorAReusedPid()
    {
        var table = LocalProcessTable.Instance;
        Assert.Equal(Environment.ProcessId, table.Current.ProcessId);
        Assert.True(table.MayBeAlive(table.Current));
        Assert.False(table.MayBeAlive(table.Current with { StartedAt = table.Current.StartedAt!.Value.AddHours(-1) }));
        Assert.True(table.MayBeAlive(table.Current with { Host = "some-other-machine" }));

        using var child = Process.Start(new ProcessStartInfo("dotnet", "--version") { RedirectStandardOutput = true })!;
        child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        Assert.False(table.MayBeAlive(new RunnerProcess(table.Current.Host, child.Id, null)));
    }

    [Fact]
    public void AStoreRowOfAProcessThatReallyDied_IsIncompleteOnOpen()
    {
        using var dir = new TempDir();
        using var child = Process.Start(new ProcessStartInfo("dotnet", "--version") { RedirectStandardOutput = true })!;
        child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        // record the run as the child would have: its pid, this machine
        var asChild = new FakeProcesses(new RunnerProcess(Environment.MachineName, child.Id, null));
        long id;
        using (var store = ResultsStore.Open(dir.File("s.db"), new ResultsStoreOptions { Processes = asChild }))
            id = store.RecordStart(Runs.Start());

        using var real = ResultsStore.Open(dir.File("s.db"));
        Assert.Equal(RunStatus.Incomplete, real.Get(id).Status);
    }
}
