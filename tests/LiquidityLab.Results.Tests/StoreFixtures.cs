using LiquidityLab.Results.Processes;

namespace LiquidityLab.Results.Tests;

/// <summary>A folder for one test's stores and run folders, removed afterwards.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir() => Directory.CreateDirectory(Path);
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "liqlab-results-tests", Guid.NewGuid().ToString("N"));
    public string File(string name) => System.IO.Path.Combine(Path, name);
    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { }
    }
}

/// <summary>A wall clock that moves only when told.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;
    public void Advance(TimeSpan by) => Now += by;
    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>A process table where the test decides which processes are alive.</summary>
internal sealed class FakeProcesses(RunnerProcess current) : IProcessTable
{
    public HashSet<int> Alive { get; } = [current.ProcessId];
    public RunnerProcess Current { get; set; } = current;
    public bool MayBeAlive(RunnerProcess process) => process.Host != Current.Host || Alive.Contains(process.ProcessId);
}

internal static class Runs
{
    public static readonly DateTimeOffset T0 = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static RunStart Start(string scenario = "dealer-single", long seed = 7, params string[] tags) =>
        new(scenario, "dealer", $"bundled:{scenario}", seed, $"name: {scenario}\nseed: {seed}\n", tags);

    public static RunCompletion Done(string folder, params (string Key, double Value)[] metrics) =>
        new(folder, ["report.html", "summary.json"], metrics.Select(m => new StoredMetric(m.Key, m.Value)).ToArray());
}
