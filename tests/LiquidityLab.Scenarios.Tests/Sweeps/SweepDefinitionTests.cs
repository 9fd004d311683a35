using LiquidityLab.Scenarios.Schema.Dealer;
using LiquidityLab.Scenarios.Sweeps;

namespace LiquidityLab.Scenarios.Tests.Sweeps;

public class SweepDefinitionTests
{
    private static LoadedSweep Load(string sweep, params string[] overrides) => SweepLoader.Parse(SweepFiles.With(sweep), "test.yaml", overrides);

    private static double Spread(SweepCase c) => ((FixedQuotingConfig)((DealerScenario)c.Scenario.Scenario).Makers[0].Quoting!).Spread;

    private static double Volatility(SweepCase c) => ((Schema.ArithmeticWalkConfig)((DealerScenario)c.Scenario.Scenario).Mid.Process!).Volatility;

    [Fact]
    public void Grid_ExpandsToTheCartesianProduct_FirstParameterOutermost()
    {
        var sweep = Load(SweepFiles.Grid2x3);
        Assert.Equal(6, sweep.Cases.Count);
        Assert.Equal([0.02, 0.02, 0.02, 0.05, 0.05, 0.05], sweep.Cases.Select(Spread));
        Assert.Equal([0.1, 0.3, 1.0, 0.1, 0.3, 1.0], sweep.Cases.Select(Volatility));
        Assert.Equal([1, 2, 3, 4, 5, 6], sweep.Cases.Select(c => c.Number));
        Assert.Equal(["makers[0].quoting.spread", "mid.process.volatility"], sweep.Parameters);
    }

    [Fact]
    public void CaseIds_AreNumbered_Readable_AndUnique()
    {
        var sweep = Load(SweepFiles.Grid2x3);
        Assert.Equal("001-spread=0.02-volatility=0.1", sweep.Cases[0].Id);
        Assert.Equal("006-spread=0.05-volatility=1.0", sweep.Cases[5].Id);
        Assert.Equal(sweep.Cases.Count, sweep.Cases.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public void CaseId_SanitisesValuesThatAreNotSafeInFileNames()
    {
        var sweep = Load("""
            sweep:
              grid:
                clients.size: [{kind: poisson, mean: 4}, {kind: fixed, lots: 2}]
            """);
        Assert.Equal("001-size=kind_poisson_mean_4", sweep.Cases[0].Id);
        Assert.Equal("{kind: poisson, mean: 4}", sweep.Cases[0].ValueOf("clients.size"));
        Assert.DoesNotContain(sweep.Cases, c => c.Id.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || c.Id.Contains(' '));
    }

    [Fact]
    public void NamedCases_AreCrossedWithTheGrid_CasesOutermost()
    {
        var sweep = Load("""
            sweep:
              grid:
                makers[0].quoting.spread: [0.02, 0.05]
              cases:
                - name: calm
                  set: { mid.process.volatility: 0.2 }
                - name: turbulent
                  set: { mid.process.volatility: 1.0, clients.buy_probability: 0.6 }
            """);
        Assert.Equal(
            ["001-calm-spread=0.02", "002-calm-spread=0.05", "003-turbulent-spread=0.02", "004-turbulent-spread=0.05"],
            sweep.Cases.Select(c => c.Id));
        Assert.Equal([0.2, 0.2, 1.0, 1.0], sweep.Cases.Select(Volatility));
        Assert.Equal([0.02, 0.05, 0.02, 0.05], sweep.Cases.Select(Spread));
        Assert.Equal(0.6, ((DealerScenario)sweep.Cases[3].Scenario.Scenario).Clients.BuyProbability);
        Assert.Equal(0.5, ((DealerScenario)sweep.Cases[1].Scenario.Scenario).Clients.BuyProbability);
        Assert.Equal(["makers[0].quoting.spread", "mid.process.volatility", "clients.buy_probability"], sweep.Parameters);
        Assert.Null(sweep.Cases[0].ValueOf("clients.buy_probability"));
    }

    [Fact]
    public void NamedCasesAlone_AreTheCases()
    {
        var sweep = Load("""
            sweep:
              cases:
                - name: base
                - name: wide
                  set:
                    makers[0].quoting.spread: 0.2
            """);
        Assert.Equal(["001-base", "002-wide"], sweep.Cases.Select(c => c.Id));
        Assert.Equal([0.05, 0.2], sweep.Cases.Select(Spread));
    }

    [Fact]
    public void EveryCase_KeepsTheBaseSeed_OrTheSeedGiven()
    {
        Assert.All(Load(SweepFiles.Grid2x3).Cases, c => Assert.Equal(11, c.Scenario.Scenario.Seed));
        Assert.All(SweepLoader.Parse(SweepFiles.With(SweepFiles.Grid2x3), "test.yaml", seed: 5).Cases, c => Assert.Equal(5, c.Scenario.Scenario.Seed));
    }

    [Fact]
    public void SetOverrides_ApplyToTheBase_AndTheCasesOnTopOfIt()
    {
        var sweep = Load(SweepFiles.Grid2x3, "clients.count=50");
        Assert.All(sweep.Cases, c => Assert.Equal(50, ((DealerScenario)c.Scenario.Scenario).Clients.Count));
        Assert.Contains("count: 50", sweep.Base.ResolvedYaml);
    }

    [Fact]
    public void ResolvedYaml_IsTheResolvedBase_FollowedByTheSweepBlock()
    {
        var sweep = Load(SweepFiles.Grid2x3);
        Assert.StartsWith(sweep.Base.ResolvedYaml.TrimEnd('\n'), sweep.ResolvedYaml);
        Assert.Contains("sweep:", sweep.ResolvedYaml);
        Assert.DoesNotContain("sweep", sweep.Base.ResolvedYaml);
        // the written sweep file loads again to the same cases
        var again = SweepLoader.Parse(sweep.ResolvedYaml, "sweep.yaml");
        Assert.Equal(sweep.Cases.Select(c => c.Scenario.ResolvedYaml), again.Cases.Select(c => c.Scenario.ResolvedYaml));
    }

    [Fact]
    public void CaseScenarios_DoNotContainTheSweepBlock()
    {
        Assert.All(Load(SweepFiles.Grid2x3).Cases, c => Assert.DoesNotContain("sweep", c.Scenario.ResolvedYaml));
    }
}
