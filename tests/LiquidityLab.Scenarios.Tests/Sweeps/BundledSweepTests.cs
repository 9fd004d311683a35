using LiquidityLab.Scenarios.Sweeps;

namespace LiquidityLab.Scenarios.Tests.Sweeps;

public class BundledSweepTests
{
    public static TheoryData<string> Sweeps => new(BundledScenarios.Names.Where(n => SweepLoader.IsSweep(BundledScenarios.Read(n), n)));

    [Fact]
    public void TheSpreadSweep_IsBundled()
    {
        Assert.Contains("dealer-spread-sweep", BundledScenarios.Names);
        Assert.Equal(9, SweepLoader.Load("dealer-spread-sweep").Cases.Count);
    }

    [Theory]
    [MemberData(nameof(Sweeps))]
    public void BundledSweep_RunsEndToEnd_AndItsSweepYamlLoadsAgainToTheSameCases(string name)
    {
        using var dir = new TempDir();
        var sweep = SweepLoader.Load(name);
        var outcome = SweepRunner.Run(sweep, new SweepRunOptions(dir["sweep"], Parallel: 2));
        Assert.Equal(sweep.Cases.Count, outcome.Cases.Count);
        Assert.All(outcome.Cases, r => Assert.NotEmpty(r.Metrics));
        var again = SweepLoader.Load(Path.Combine(dir["sweep"], SweepRunner.SweepYamlFile));
        Assert.Equal(sweep.Cases.Select(c => c.Scenario.ResolvedYaml), again.Cases.Select(c => c.Scenario.ResolvedYaml));
    }
}
