using System.Text.Json;
using LiquidityLab.Results;

namespace LiquidityLab.Cli.Tests.Commands;

/// <summary><c>liqlab sweep</c> records every case in the results store, like <c>liqlab run</c> records a run.</summary>
public class SweepStoreTests
{
    private static CliRunner.Result Sweep(TempDir dir, string outName, params string[] extra) =>
        CliRunner.Run(dir.Path, ["sweep", "dealer-spread-sweep", "--set", "clients.count=100", "--out", Path.Combine(dir.Path, outName),
            "--store", Path.Combine(dir.Path, "s.db"), .. extra]);

    private static ResultsStore Open(TempDir dir) => ResultsStore.Open(Path.Combine(dir.Path, "s.db"));

    [Fact]
    public void Sweep_RecordsEveryCaseAsADoneRun_WithItsSweptValuesAndMetrics_AndAResumeAddsNoDuplicate()
    {
        using var dir = new TempDir();
        var r = Sweep(dir, "sw", "--parallel", "2");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("recorded the cases as sweep sw in", r.Stdout);

        using (var store = Open(dir))
        {
            var sweep = Assert.Single(store.Sweeps());
            Assert.Equal("sw", sweep.SweepId);
            Assert.Equal((9, 9), (sweep.Cases, sweep.Done));
            Assert.Equal(["makers[0].quoting.spread", "mid.process.volatility"], sweep.Parameters);

            var cases = store.SweepCases("sw");
            using var table = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.Path, "sw", "sweep.json")));
            var rows = table.RootElement.GetProperty("cases").EnumerateArray().ToArray();
            Assert.Equal(rows.Select(x => x.GetProperty("case").GetString()), cases.Select(c => c.Run.CaseName));
            for (var i = 0; i < rows.Length; i++)
            {
                var c = cases[i];
                Assert.Equal(RunStatus.Done, c.Run.Status);
                Assert.Equal("sw", c.Run.SweepId);
                Assert.Equal(Path.Combine(dir.Path, "sw", "cases", c.Run.CaseName!), c.Run.Folder);
                Assert.Contains("report.html", c.Run.Files);
                var spread = rows[i].GetProperty("parameters").GetProperty("makers[0].quoting.spread").GetDouble();
                Assert.Equal(spread, double.Parse(c.Parameters.Single(p => p.Key == "makers[0].quoting.spread").Value, System.Globalization.CultureInfo.InvariantCulture));
                Assert.Equal(rows[i].GetProperty("metrics").GetProperty("MM1.total_pnl").GetDouble(), c.Metrics.Single(m => m.Key == "MM1.total_pnl").Value);
            }
        }

        var show = CliRunner.Run(dir.Path, "runs", "show", "1", "--store", Path.Combine(dir.Path, "s.db"));
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("swept makers[0].quoting.spread", show.Stdout);
        Assert.Contains("swept mid.process.volatility", show.Stdout);

        var again = Sweep(dir, "sw", "--parallel", "1");
        Assert.Contains("9 cases: 0 run, 9 reused", again.Stdout);
        using (var store = Open(dir)) Assert.Equal(9, store.List().Count);
    }

    [Fact]
    public void TwoParallelSweeps_WritingOneStoreAtOnce_RecordEveryCaseOnce()
    {
        using var dir = new TempDir();
        string[] Args(string name) => ["sweep", "dealer-spread-sweep", "--set", "clients.count=300", "--out", Path.Combine(dir.Path, name),
            "--store", Path.Combine(dir.Path, "s.db"), "--parallel", "3"];
        using var a = CliRunner.Start(dir.Path, Args("a"));
        using var b = CliRunner.Start(dir.Path, Args("b"));
        var ra = CliRunner.Finish(a);
        var rb = CliRunner.Finish(b);
        Assert.True(ra.ExitCode == 0, ra.Stderr);
        Assert.True(rb.ExitCode == 0, rb.Stderr);

        using var store = Open(dir);
        var runs = store.List();
        Assert.Equal(18, runs.Count);
        Assert.All(runs, run => Assert.Equal(RunStatus.Done, run.Status));
        Assert.Equal(18, runs.Select(x => x.Id).Distinct().Count());
        Assert.Equal(["a", "b"], store.Sweeps().Select(s => s.SweepId).Order());
        // common random numbers: the same case in both sweeps has the same metrics
        var inA = store.SweepCases("a");
        var inB = store.SweepCases("b");
        Assert.Equal(inA.Select(c => c.Metrics), inB.Select(c => c.Metrics));
    }

    [Fact]
    public void AKilledSweep_LeavesItsRunningCasesIncomplete_NeverDone()
    {
        using var dir = new TempDir();
        using var process = CliRunner.Start(dir.Path, "sweep", "dealer-spread-sweep", "--set", "clients.count=3000000",
            "--out", Path.Combine(dir.Path, "big"), "--store", Path.Combine(dir.Path, "s.db"), "--parallel", "2");
        var deadline = DateTime.UtcNow.AddMinutes(2);
        var cases = Path.Combine(dir.Path, "big", "cases");
        while (!(Directory.Exists(cases) && Directory.EnumerateDirectories(cases).Any(d => Path.GetFileName(d).Contains(".partial-", StringComparison.Ordinal))))
        {
            if (process.HasExited) Assert.Fail("the sweep ended before it could be killed: " + process.StandardError.ReadToEnd());
            Assert.True(DateTime.UtcNow < deadline, "the sweep never started a case");
            Thread.Sleep(50);
        }
        process.Kill(entireProcessTree: true);
        process.WaitForExit();

        using var store = Open(dir);
        var runs = store.List();
        Assert.NotEmpty(runs);
        Assert.Contains(runs, r => r.Status == RunStatus.Incomplete);
        Assert.All(runs.Where(r => r.Status != RunStatus.Done), r =>
        {
            Assert.Equal(RunStatus.Incomplete, r.Status);
            Assert.Null(r.Folder);
            Assert.Empty(store.Metrics(r.Id));
        });
        Assert.All(runs.Where(r => r.Status == RunStatus.Done), r => Assert.True(Directory.Exists(r.Folder)));
    }
}
