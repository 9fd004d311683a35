using System.Text.Json;
using LiquidityLab.Scenarios.Running;

namespace LiquidityLab.Scenarios.Tests.Running;

public class ScenarioRunnerTests
{
    private static readonly string[] ExpectedFiles = ["report.html", "report.json", "scenario.yaml", "summary.json", "timeseries.csv", "trades.csv"];

    /// <summary>The bundled single dealer scenarios (sweeps run in Sweeps/BundledSweepTests, other kinds in their own tests).</summary>
    public static TheoryData<string> Bundled => new(BundledScenarios.Names.Where(n =>
        !Scenarios.Sweeps.SweepLoader.IsSweep(BundledScenarios.Read(n), n) && !Scenarios.Optimization.OptimizeLoader.IsOptimization(BundledScenarios.Read(n), n)
        && ScenarioLoader.Load(n).Scenario is Schema.Dealer.DealerScenario));

    [Theory]
    [MemberData(nameof(Bundled))]
    public void BundledScenario_RunsEndToEnd_AndWritesItsRunFolder(string name)
    {
        using var dir = new TempDir();
        var loaded = ScenarioLoader.Load(name);
        var outcome = ScenarioRunner.Run(loaded, new RunOptions(dir["run"]));
        Assert.Equal(dir["run"], outcome.Folder);
        foreach (var file in ExpectedFiles.Where(f => f != "trades.csv" || loaded.ResolvedYaml.Contains("trades: true")))
            Assert.True(new FileInfo(Path.Combine(outcome.Folder, file)).Length > 0, $"{file} is missing or empty");
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outcome.Folder, "summary.json")));
        foreach (var maker in summary.RootElement.GetProperty("makers").EnumerateArray())
            Assert.Equal(0m, maker.GetProperty("pnl").GetProperty("attribution_residual").GetDecimal());
        var html = File.ReadAllText(Path.Combine(outcome.Folder, "report.html"));
        Assert.Contains("echarts", html);
        Assert.Contains("Inventory over time", html);
        Assert.DoesNotContain(Directory.GetDirectories(dir.Path), d => Path.GetFileName(d).StartsWith('.'));
    }

    [Fact]
    public void SameScenarioAndSeed_GiveByteIdenticalRunFolders_DifferentSeedsDiffer()
    {
        using var dir = new TempDir();
        ScenarioRunner.Run(ScenarioLoader.Load("dealer-competition"), new RunOptions(dir["a"]));
        ScenarioRunner.Run(ScenarioLoader.Load("dealer-competition"), new RunOptions(dir["b"]));
        ScenarioRunner.Run(ScenarioLoader.Load("dealer-competition", seed: 8), new RunOptions(dir["c"]));
        foreach (var file in ExpectedFiles)
            Assert.Equal(File.ReadAllBytes(Path.Combine(dir["a"], file)), File.ReadAllBytes(Path.Combine(dir["b"], file)));
        Assert.NotEqual(File.ReadAllBytes(Path.Combine(dir["a"], "trades.csv")), File.ReadAllBytes(Path.Combine(dir["c"], "trades.csv")));
    }

    [Fact]
    public void CancelledRun_LeavesNoFolder_AndKeepsAnEarlierCompleteOne()
    {
        using var dir = new TempDir();
        var loaded = ScenarioLoader.Load("dealer-competition");
        ScenarioRunner.Run(loaded, new RunOptions(dir["run"]));
        var before = File.ReadAllBytes(Path.Combine(dir["run"], "summary.json"));

        using var cts = new CancellationTokenSource();
        var progress = new CancelAt(0.5, cts);
        Assert.ThrowsAny<OperationCanceledException>(() =>
            ScenarioRunner.Run(ScenarioLoader.Load("dealer-competition", seed: 3), new RunOptions(dir["run"], progress, cts.Token)));

        Assert.Equal(before, File.ReadAllBytes(Path.Combine(dir["run"], "summary.json")));
        Assert.Equal(["run"], Directory.GetDirectories(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void RerunToTheSameFolder_ReplacesItWhole()
    {
        using var dir = new TempDir();
        ScenarioRunner.Run(ScenarioLoader.Load("dealer-single"), new RunOptions(dir["run"]));
        File.WriteAllText(Path.Combine(dir["run"], "stale.txt"), "old");
        ScenarioRunner.Run(ScenarioLoader.Load("dealer-single"), new RunOptions(dir["run"]));
        Assert.False(File.Exists(Path.Combine(dir["run"], "stale.txt")));
    }

    private sealed class CancelAt(double at, CancellationTokenSource cts) : IProgress<double>
    {
        public void Report(double value)
        {
            if (value >= at) cts.Cancel();
        }
    }
}
