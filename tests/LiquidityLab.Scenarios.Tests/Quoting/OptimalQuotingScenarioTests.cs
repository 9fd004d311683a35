using System.Text.Json;
using LiquidityLab.Scenarios.Running;
using LiquidityLab.Scenarios.Schema.Quoting;

namespace LiquidityLab.Scenarios.Tests.Quoting;

public class OptimalQuotingScenarioTests
{
    private static readonly string[] ExpectedFiles = ["cases.csv", "paths.csv", "report.html", "sample_paths.csv", "scenario.yaml", "summary.json", "timeseries.csv"];

    private const string Small = """
        name: small
        kind: optimal_quoting
        seed: 5
        horizon: 1
        dt: 0.01
        paths: 300
        sample_paths: 5
        markets:
          - { name: calm, process: { kind: abm, volatility: 2 } }
          - { name: wild, process: { kind: abm, volatility: 6 } }
        fills: { a: 140, k: 1.5 }
        strategies:
          - { name: AS, kind: avellaneda_stoikov, gamma: 0.1 }
          - { name: sym, kind: symmetric, gamma: 0.1 }
        """;

    private static ScenarioException Fails(string yaml, params string[] overrides) =>
        Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(yaml, "q.yaml", overrides));

    private static string Message(ScenarioException e) => string.Join("\n", e.Errors.Select(x => x.Format(e.ScenarioSource)));

    [Theory]
    [InlineData("as-paper", 6)]
    [InlineData("gamma-regimes", 20)]
    [InlineData("glft-vs-as", 10)]
    public void BundledStudy_RunsEndToEnd_WithExactAttribution(string name, int cases)
    {
        using var dir = new TempDir();
        var outcome = ScenarioRunner.Run(ScenarioLoader.Load(name), new RunOptions(dir["run"]));
        foreach (var file in ExpectedFiles)
            Assert.True(new FileInfo(Path.Combine(outcome.Folder, file)).Length > 0, $"{file} is missing or empty");
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outcome.Folder, "summary.json")));
        var all = summary.RootElement.GetProperty("cases").EnumerateArray().ToArray();
        Assert.Equal(cases, all.Length);
        foreach (var c in all) Assert.True(c.GetProperty("attribution").GetProperty("max_relative_residual").GetDouble() <= 1e-9);
        Assert.Equal(cases + 1, File.ReadAllLines(Path.Combine(outcome.Folder, "cases.csv")).Length);
        var html = File.ReadAllText(Path.Combine(outcome.Folder, "report.html"));
        Assert.Contains("Quote bands against the mid", html);
        Assert.Contains("Markouts", html);
        Assert.Contains(cases, new[] { outcome.Metrics.Count(m => m.Key.EndsWith(".pnl_mean", StringComparison.Ordinal)) });
    }

    [Fact]
    public void AsPaper_ShowsThePublishedTableBesideTheSimulation_AndReproducesItsShape()
    {
        using var dir = new TempDir();
        var outcome = ScenarioRunner.Run(ScenarioLoader.Load("as-paper"), new RunOptions(dir["run"]));
        Assert.Contains("Against the published results", File.ReadAllText(Path.Combine(outcome.Folder, "report.html")));
        double M(string key) => outcome.Metrics.Single(m => m.Key == "paper/" + key).Value;
        foreach (var g in new[] { "0.1", "0.01", "1" })
        {
            // The paper's finding: the inventory strategy has a far smaller spread of profit and of final inventory.
            Assert.True(M($"inventory γ={g}.pnl_std") < M($"symmetric γ={g}.pnl_std"));
            Assert.True(M($"inventory γ={g}.final_inventory_std") < M($"symmetric γ={g}.final_inventory_std"));
            Assert.Equal(M($"inventory γ={g}.average_spread"), M($"symmetric γ={g}.average_spread"), 9);
        }
        // γ = 0.1, 1,000 paths: within a few standard errors of the long-run values (64.9 and 6.54; see LongRunReferenceTests).
        Assert.InRange(M("inventory γ=0.1.pnl_mean"), 64.9 - 4 * 6.54 / Math.Sqrt(1000), 64.9 + 4 * 6.54 / Math.Sqrt(1000));
    }

    [Fact]
    public void SameSeed_GivesByteIdenticalFolders_WhateverTheThreadCount_DifferentSeedsDiffer()
    {
        using var dir = new TempDir();
        ScenarioRunner.Run(ScenarioLoader.Parse(Small, "q.yaml", ["threads=1"]), new RunOptions(dir["a"]));
        ScenarioRunner.Run(ScenarioLoader.Parse(Small, "q.yaml", ["threads=2"]), new RunOptions(dir["b"]));
        ScenarioRunner.Run(ScenarioLoader.Parse(Small, "q.yaml", ["threads=2"], seed: 6), new RunOptions(dir["c"]));
        foreach (var file in ExpectedFiles.Where(f => f != "scenario.yaml"))
            Assert.Equal(File.ReadAllBytes(Path.Combine(dir["a"], file)), File.ReadAllBytes(Path.Combine(dir["b"], file)));
        Assert.NotEqual(File.ReadAllBytes(Path.Combine(dir["a"], "paths.csv")), File.ReadAllBytes(Path.Combine(dir["c"], "paths.csv")));
    }

    [Fact]
    public void EveryStrategy_SeesTheSameMidPaths_InAMarket()
    {
        using var dir = new TempDir();
        ScenarioRunner.Run(ScenarioLoader.Parse(Small, "q.yaml"), new RunOptions(dir["a"]));
        var rows = File.ReadAllLines(Path.Combine(dir["a"], "sample_paths.csv")).Skip(1).Select(l => l.Split(',')).ToArray();
        string[] Mids(string market, string strategy) => rows.Where(r => r[0] == market && r[1] == strategy).Select(r => r[5]).ToArray();
        Assert.Equal(Mids("calm", "AS"), Mids("calm", "sym"));
        Assert.NotEqual(Mids("calm", "AS"), Mids("wild", "AS"));
    }

    [Fact]
    public void ResolvedScenario_FillsInTheDefaults()
    {
        var loaded = ScenarioLoader.Parse(Small, "q.yaml");
        var s = Assert.IsType<OptimalQuotingScenario>(loaded.Scenario);
        Assert.Equal(100, s.Steps);
        Assert.Contains("probability: linear", loaded.ResolvedYaml);
        Assert.Contains("innovation: normal", loaded.ResolvedYaml);
        Assert.Contains("order_size: 1", loaded.ResolvedYaml);
    }

    [Fact]
    public void AHorizonThatIsNotAWholeNumberOfSteps_IsRejected() =>
        Assert.Contains("q.yaml: dt", Message(Fails(Small, "dt=0.03")));

    [Fact]
    public void ANegativeVolatility_IsRejected_WithItsKeyPath()
    {
        var msg = Message(Fails(Small, "markets[1].process.volatility=-1"));
        Assert.Contains("markets[1].process.volatility", msg);
        Assert.Contains("-1", msg);
        Assert.Contains(">= 0", msg);
    }

    [Fact]
    public void ANonStationaryGarch_IsRejected() =>
        Assert.Contains("alpha + beta = 1.1 must be < 1", Message(Fails(Small, "markets[0].garch={alpha: 0.3, beta: 0.8}")));

    [Fact]
    public void AnExplosiveHawkesFlow_IsRejected() =>
        Assert.Contains("fills.hawkes.decay: value 50: not allowed: (self_excitation + cross_excitation) / decay = 1.2 must be < 1",
            Message(Fails(Small, "fills.hawkes={self_excitation: 40, cross_excitation: 20, decay: 50}")));

    [Fact]
    public void ARegimeSwitchMixingFamilies_IsRejected()
    {
        var msg = Message(Fails(Small, "markets[0].process={kind: regime, regimes: [{name: a, process: {kind: abm, volatility: 1}}, {name: b, process: {kind: gbm, volatility: 0.1}}], switch_rates: [[0, 1], [1, 0]]}"));
        Assert.Contains("markets[0].process", msg);
        Assert.Contains("one family", msg);
    }

    [Fact]
    public void DuplicateStrategyNames_AndUnknownPublishedStrategies_AreRejected()
    {
        Assert.Contains("names must be unique", Message(Fails(Small, "strategies[1].name=AS")));
        Assert.Contains("published[0].strategy", Message(Fails(Small, "published=[{strategy: nope}]")));
    }

    [Fact]
    public void AnUnknownStrategyKind_ListsTheAllowedOnes()
    {
        var msg = Message(Fails(Small, "strategies[0].kind=avellaneda"));
        Assert.Contains("avellaneda_stoikov", msg);
        Assert.Contains("glft", msg);
    }
}
