using System.Text.Json;
using LiquidityLab.Scenarios.Optimization;

namespace LiquidityLab.Scenarios.Tests.Optimization;

public class OptimizeRunnerTests
{
    private static readonly string[] Short = ["market_data.days=2"];

    [Fact]
    public void BundledOptimisation_WritesTrialsWithInAndOutOfSampleScores_AndTheBestScenario()
    {
        using var dir = new TempDir();
        var o = OptimizeLoader.Load("alpha-optimize", Short);
        var outcome = OptimizeRunner.Run(o, new OptimizeRunOptions(dir["opt"], Trials: 12));
        Assert.Equal(["best.yaml", "report.html", "summary.json", "trials.csv", "trials.jsonl"], outcome.Files);
        var rows = File.ReadAllLines(Path.Combine(outcome.Folder, "trials.csv"));
        Assert.Equal(13, rows.Length);
        Assert.StartsWith("trial,quoting.half_spread,quoting.inventory_skew,quoting.alpha_skew,in_sample,out_of_sample,train_0,test_0", rows[0]);
        var best = outcome.Summary.Best!;
        Assert.Equal(outcome.Summary.Top[0], best);
        Assert.NotNull(best.OutOfSample);
        // best.yaml is a runnable alpha scenario holding the best values
        var bestScenario = (Schema.Alpha.AlphaScenario)ScenarioLoader.Load(Path.Combine(outcome.Folder, "best.yaml")).Scenario;
        Assert.Equal(best.Values[0], bestScenario.Quoting.HalfSpread);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outcome.Folder, "summary.json")));
        Assert.Equal("bayesian", summary.RootElement.GetProperty("method").GetString());
    }

    [Fact]
    public void SameSeed_SameTrials_InAFreshFolder()
    {
        using var dir = new TempDir();
        var a = OptimizeRunner.Run(OptimizeLoader.Load("alpha-optimize", Short), new OptimizeRunOptions(dir["a"], Trials: 10));
        var b = OptimizeRunner.Run(OptimizeLoader.Load("alpha-optimize", Short), new OptimizeRunOptions(dir["b"], Trials: 10));
        Assert.Equal(File.ReadAllBytes(Path.Combine(a.Folder, "trials.csv")), File.ReadAllBytes(Path.Combine(b.Folder, "trials.csv")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(a.Folder, "summary.json")), File.ReadAllBytes(Path.Combine(b.Folder, "summary.json")));
    }

    [Fact]
    public void Interrupted_ResumesFromTheJournal_ToTheSameResult()
    {
        using var dir = new TempDir();
        var o = OptimizeLoader.Load("alpha-optimize", Short);
        var first = OptimizeRunner.Run(o, new OptimizeRunOptions(dir["opt"], Trials: 11));
        var csv = File.ReadAllBytes(Path.Combine(first.Folder, "trials.csv"));
        var journal = Path.Combine(first.Folder, OptimizeRunner.Journal);
        var lines = File.ReadAllLines(journal);
        // as if killed after trial 6, in the middle of writing trial 7
        File.WriteAllText(journal, string.Join("\n", lines.Take(1 + 7)) + "\n" + lines[8][..10]);
        var resumed = OptimizeRunner.Run(o, new OptimizeRunOptions(dir["opt"], Trials: 11));
        Assert.Equal(7, resumed.Reused);
        Assert.Equal(csv, File.ReadAllBytes(Path.Combine(resumed.Folder, "trials.csv")));
        var again = OptimizeRunner.Run(o, new OptimizeRunOptions(dir["opt"], Trials: 11));
        Assert.Equal(11, again.Reused);
    }

    [Fact]
    public void AChangedScenario_DoesNotReuseTheJournal()
    {
        using var dir = new TempDir();
        OptimizeRunner.Run(OptimizeLoader.Load("alpha-optimize", Short), new OptimizeRunOptions(dir["opt"], Trials: 9));
        var changed = OptimizeRunner.Run(OptimizeLoader.Load("alpha-optimize", [.. Short, "quoting.base_size=3"]), new OptimizeRunOptions(dir["opt"], Trials: 9));
        Assert.Equal(0, changed.Reused);
        Assert.Contains(changed.Summary.Notes, n => n.Contains("different scenario"));
    }

    [Fact]
    public void WalkForward_ScoresEveryFold()
    {
        using var dir = new TempDir();
        var o = OptimizeLoader.Load("alpha-optimize", [.. Short, "optimize.method=random", "optimize.validation={mode: walk_forward, folds: 3}"]);
        var outcome = OptimizeRunner.Run(o, new OptimizeRunOptions(dir["opt"], Trials: 4));
        Assert.Equal(3, outcome.Summary.Folds.Count);
        Assert.All(outcome.Summary.Top, t => Assert.Equal(3, t.TestScores.Count));
        Assert.All(outcome.Summary.Top, t => Assert.Equal(t.TrainScores.Average(x => x!.Value), t.InSample!.Value, 9));
    }

    [Theory]
    [InlineData("optimize.parameters[0].key=quoting.half_sprad", "optimize.parameters[0].min", "unknown key")]
    [InlineData("optimize.parameters[0].key=market_data.days", "optimize.parameters[0].key", "stay fixed")]
    [InlineData("optimize.parameters[1].min=0", "optimize.parameters[1].min", "log scale")]
    [InlineData("optimize.method=annealing", "optimize.method", "one of: grid, random, bayesian")]
    public void BadOptimizeBlock_NamesTheKey(string set, string path, string message)
    {
        var e = Assert.Throws<ScenarioException>(() => OptimizeLoader.Load("alpha-optimize", [set]));
        Assert.Contains(e.Errors, x => x.Path == path && x.Message.Contains(message));
    }

    [Fact]
    public void ABadKey_IsBlamedOnItsOwnParameterOnly()
    {
        var e = Assert.Throws<ScenarioException>(() => OptimizeLoader.Load("alpha-optimize", ["optimize.parameters[0].key=quoting.nope"]));
        Assert.All(e.Errors, x => Assert.StartsWith("optimize.parameters[0].", x.Path));
        Assert.Equal(2, e.Errors.Count); // its min and its max
    }

    [Fact]
    public void RunningAnOptimisationAsAScenario_PointsToOptimize()
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load("alpha-optimize"));
        Assert.Contains("liqlab optimize", e.Errors[0].Message);
    }
}

public class OptimizeResolvedYamlTests
{
    [Fact]
    public void ResolvedOptimisation_LoadsAgainToTheSameResolvedYaml()
    {
        var first = OptimizeLoader.Load("alpha-optimize");
        var second = OptimizeLoader.Parse(first.ResolvedYaml, "resolved.yaml");
        Assert.Equal(first.ResolvedYaml, second.ResolvedYaml);
    }
}
