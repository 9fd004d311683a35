using System.Text.Json;
using LiquidityLab.Scenarios.Sweeps;

namespace LiquidityLab.Scenarios.Tests.Sweeps;

public class SweepRunnerTests
{
    private static readonly string[] TableFiles = [SweepRunner.TableCsvFile, SweepRunner.TableJsonFile, SweepRunner.SweepYamlFile, SweepRunner.ReportFile];

    private static LoadedSweep Grid() => SweepLoader.Parse(SweepFiles.With(SweepFiles.Grid2x3), "test.yaml");

    private static string[] Column(string csvFile, string column)
    {
        var lines = File.ReadAllLines(csvFile);
        var index = Array.IndexOf(lines[0].Split(','), column);
        Assert.True(index >= 0, $"no column {column}");
        return lines.Skip(1).Select(l => l.Split(',')[index]).ToArray();
    }

    [Fact]
    public void Run_WritesEveryCaseFolder_AndOneRowPerCaseInCaseOrder()
    {
        using var dir = new TempDir();
        var sweep = Grid();
        var outcome = SweepRunner.Run(sweep, new SweepRunOptions(dir["sweep"], Parallel: 2));

        Assert.Equal(0, outcome.Reused);
        foreach (var c in sweep.Cases)
        {
            var folder = Path.Combine(dir["sweep"], "cases", c.Id);
            Assert.Equal(c.Scenario.ResolvedYaml, File.ReadAllText(Path.Combine(folder, "scenario.yaml")));
            Assert.True(File.Exists(Path.Combine(folder, "summary.json")));
            Assert.True(File.Exists(Path.Combine(folder, CaseMetrics.FileName)));
        }
        foreach (var f in TableFiles) Assert.True(new FileInfo(Path.Combine(dir["sweep"], f)).Length > 0, $"{f} is missing");

        var csv = Path.Combine(dir["sweep"], SweepRunner.TableCsvFile);
        Assert.Equal(sweep.Cases.Select(c => c.Id), Column(csv, "case"));
        Assert.Equal(["0.02", "0.02", "0.02", "0.05", "0.05", "0.05"], Column(csv, "makers[0].quoting.spread"));
        Assert.Equal(["0.1", "0.3", "1.0", "0.1", "0.3", "1.0"], Column(csv, "mid.process.volatility"));
        Assert.Equal(outcome.Cases.Select(r => SweepTable.Number(r.Metrics.First(m => m.Key == "MM1.total_pnl").Value)), Column(csv, "MM1.total_pnl"));

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir["sweep"], SweepRunner.TableJsonFile)));
        var rows = json.RootElement.GetProperty("cases").EnumerateArray().ToArray();
        Assert.Equal(6, rows.Length);
        Assert.Equal(0.05, rows[3].GetProperty("parameters").GetProperty("makers[0].quoting.spread").GetDouble());
        Assert.True(rows[3].GetProperty("metrics").TryGetProperty("MM1.sharpe_per_step", out _));

        var html = File.ReadAllText(Path.Combine(dir["sweep"], SweepRunner.ReportFile));
        Assert.Contains("\"type\":\"heatmap\"", html);
        Assert.Contains("\"type\":\"bar\"", html);
        Assert.Contains("006-spread=0.05-volatility=1.0", html);
        Assert.DoesNotContain(Directory.GetFileSystemEntries(dir["sweep"], "*", SearchOption.AllDirectories), p => Path.GetFileName(p).StartsWith('.'));
    }

    [Fact]
    public void CasesDifferingOnlyInTheSpread_SeeTheSameMidPath_CommonRandomNumbers()
    {
        using var dir = new TempDir();
        var sweep = Grid();
        SweepRunner.Run(sweep, new SweepRunOptions(dir["sweep"], Parallel: 2));
        string[] Mid(string id) => Column(Path.Combine(dir["sweep"], "cases", id, "timeseries.csv"), "mid");

        // cases 1 and 4: spread 0.02 and 0.05, both at volatility 0.1
        var a = Mid(sweep.Cases[0].Id);
        Assert.Equal(a, Mid(sweep.Cases[3].Id));
        Assert.True(a.Distinct().Count() > 10, "the mid should move");
        Assert.NotEqual(a, Mid(sweep.Cases[1].Id)); // another volatility: another path
    }

    [Fact]
    public void Tables_AreByteIdentical_WhateverTheParallelism()
    {
        using var dir = new TempDir();
        var sweep = Grid();
        SweepRunner.Run(sweep, new SweepRunOptions(dir["p1"], Parallel: 1));
        SweepRunner.Run(sweep, new SweepRunOptions(dir["p2"], Parallel: 2));
        foreach (var f in TableFiles)
            Assert.Equal(File.ReadAllBytes(Path.Combine(dir["p1"], f)), File.ReadAllBytes(Path.Combine(dir["p2"], f)));
        foreach (var c in sweep.Cases)
            Assert.Equal(File.ReadAllBytes(Path.Combine(dir["p1"], "cases", c.Id, "summary.json")), File.ReadAllBytes(Path.Combine(dir["p2"], "cases", c.Id, "summary.json")));
    }

    [Fact]
    public void Rerun_ReusesFinishedCases_AndRunsOnlyTheMissingOne_WithIdenticalTables()
    {
        using var dir = new TempDir();
        var sweep = Grid();
        SweepRunner.Run(sweep, new SweepRunOptions(dir["sweep"], Parallel: 2));
        var before = TableFiles.Select(f => File.ReadAllBytes(Path.Combine(dir["sweep"], f))).ToArray();
        var kept = Path.Combine(dir["sweep"], "cases", sweep.Cases[0].Id, "summary.json");
        File.WriteAllText(kept, "marker: a reused case is not run again");
        Directory.Delete(Path.Combine(dir["sweep"], "cases", sweep.Cases[2].Id), recursive: true);

        var outcome = SweepRunner.Run(Grid(), new SweepRunOptions(dir["sweep"], Parallel: 2));

        Assert.Equal(5, outcome.Reused);
        Assert.Equal([sweep.Cases[2].Id], outcome.Cases.Where(r => !r.Reused).Select(r => r.Case.Id));
        Assert.Equal("marker: a reused case is not run again", File.ReadAllText(kept));
        Assert.True(File.Exists(Path.Combine(dir["sweep"], "cases", sweep.Cases[2].Id, "summary.json")));
        for (var i = 0; i < TableFiles.Length; i++)
            Assert.Equal(before[i], File.ReadAllBytes(Path.Combine(dir["sweep"], TableFiles[i])));
    }

    [Fact]
    public void Rerun_RunsAgainTheCasesWhoseScenarioChanged_OrWhoseMetricsAreUnreadable()
    {
        using var dir = new TempDir();
        SweepRunner.Run(Grid(), new SweepRunOptions(dir["sweep"], Parallel: 1));
        var sweep = Grid();
        File.WriteAllText(Path.Combine(dir["sweep"], "cases", sweep.Cases[1].Id, CaseMetrics.FileName), "{ not json");

        var changed = SweepLoader.Parse(SweepFiles.With(SweepFiles.Grid2x3), "test.yaml", ["clients.count=150"]);
        var outcome = SweepRunner.Run(changed, new SweepRunOptions(dir["sweep"], Parallel: 1));
        Assert.Equal(0, outcome.Reused);
        Assert.Contains("count: 150", File.ReadAllText(Path.Combine(dir["sweep"], "cases", sweep.Cases[0].Id, "scenario.yaml")));

        SweepRunner.Run(sweep, new SweepRunOptions(dir["sweep"], Parallel: 1));
        File.WriteAllText(Path.Combine(dir["sweep"], "cases", sweep.Cases[1].Id, CaseMetrics.FileName), "{ not json");
        var again = SweepRunner.Run(sweep, new SweepRunOptions(dir["sweep"], Parallel: 1));
        Assert.Equal([sweep.Cases[1].Id], again.Cases.Where(r => !r.Reused).Select(r => r.Case.Id));
    }

    [Fact]
    public void CancelledSweep_KeepsFinishedCases_AndWritesNoTables()
    {
        using var dir = new TempDir();
        var sweep = Grid();
        using var cts = new CancellationTokenSource();
        var progress = new CancelAfter(2, cts);
        Assert.ThrowsAny<OperationCanceledException>(() => SweepRunner.Run(sweep, new SweepRunOptions(dir["sweep"], 1, progress, cts.Token)));
        Assert.False(File.Exists(Path.Combine(dir["sweep"], SweepRunner.TableCsvFile)));
        var finished = Directory.GetDirectories(Path.Combine(dir["sweep"], "cases")).Select(Path.GetFileName).ToArray();
        Assert.Equal([sweep.Cases[0].Id, sweep.Cases[1].Id], finished.Order(StringComparer.Ordinal));

        var outcome = SweepRunner.Run(sweep, new SweepRunOptions(dir["sweep"], Parallel: 1));
        Assert.Equal(2, outcome.Reused);
    }

    [Fact]
    public void Fraction_RisesToOne_CountingEveryCase()
    {
        using var dir = new TempDir();
        var seen = new List<double>();
        var fraction = new Record(seen);
        SweepRunner.Run(Grid(), new SweepRunOptions(dir["sweep"], Parallel: 1, Fraction: fraction));
        Assert.Equal(1.0, seen[^1]);
        Assert.Equal(seen.Order(), seen); // one case at a time: never goes back
        Assert.Contains(seen, f => f is > 0.5 and < 0.67); // inside the fourth of six cases, not only at case ends
    }

    private sealed class Record(List<double> seen) : IProgress<double>
    {
        public void Report(double value) => seen.Add(value);
    }

    private sealed class CancelAfter(int cases, CancellationTokenSource cts) : IProgress<SweepProgress>
    {
        public void Report(SweepProgress value)
        {
            if (value.Done >= cases) cts.Cancel();
        }
    }
}
