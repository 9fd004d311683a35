using System.Text.Json;
using LiquidityLab.Scenarios.Alpha;
using LiquidityLab.Scenarios.Running;
using LiquidityLab.Scenarios.Schema.Alpha;

namespace LiquidityLab.Scenarios.Tests.Alpha;

public class AlphaPortfolioTests
{
    private static AlphaPortfolioScenario Load(params string[] set) => (AlphaPortfolioScenario)ScenarioLoader.Load("alpha-multi-asset", set).Scenario;

    [Fact]
    public void MultiAsset_RunsEndToEnd_WithTheRequestedCorrelation()
    {
        using var dir = new TempDir();
        var outcome = ScenarioRunner.Run(ScenarioLoader.Load("alpha-multi-asset"), new RunOptions(dir["run"]));
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outcome.Folder, "summary.json")));
        var rho = summary.RootElement.GetProperty("realised_correlation")[0][1].GetDouble();
        Assert.InRange(rho, 0.7, 0.9);
        Assert.True(summary.RootElement.GetProperty("hedges").GetInt32() > 0);
        Assert.Contains("Net exposure", File.ReadAllText(Path.Combine(outcome.Folder, "report.html")));
    }

    [Fact]
    public void CrossHedge_KeepsTheNetExposureBelowTheThreshold_AtTheEndOfEveryBar()
    {
        var (r, _) = AlphaPortfolioRunner.Evaluate(Load("portfolio.skew=0"));
        Assert.All(r.NetExposure, e => Assert.True(Math.Abs(e) < 4));
        Assert.True(r.Hedges > 0);
        var (free, _) = AlphaPortfolioRunner.Evaluate(Load("portfolio.skew=0", "portfolio.hedge_with=\"\""));
        Assert.Contains(free.NetExposure, e => Math.Abs(e) >= 4);
    }

    [Fact]
    public void PortfolioSkew_LeansTheOtherInstrumentsQuotes_AgainstAPositionInACorrelatedOne()
    {
        // positive correlation: long AAA with BBB flat → BBB's reservation below its mid
        var (r, _) = AlphaPortfolioRunner.Evaluate(Load("quoting.alpha_skew=0", "portfolio.hedge_with=\"\""));
        var checkedBars = 0;
        for (var t = 30; t < r.Bars; t++)
        {
            long qa = r.Inventory[(t - 1) * 2], qb = r.Inventory[(t - 1) * 2 + 1];
            var bid = r.Bid[t * 2 + 1];
            var ask = r.Ask[t * 2 + 1];
            if (qb != 0 || qa < 3 || double.IsNaN(bid) || double.IsNaN(ask)) continue;
            Assert.True(0.5 * (bid + ask) < r.Mid[t * 2 + 1] - 0.01, $"bar {t}: BBB centre {0.5 * (bid + ask)} vs mid {r.Mid[t * 2 + 1]} with q_AAA {qa}");
            checkedBars++;
        }
        Assert.True(checkedBars > 3, $"only {checkedBars} bars to check");
    }

    [Fact]
    public void BadCorrelation_IsRejectedWithItsKey()
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load("alpha-multi-asset", ["correlation=[[1, 1.2], [1.2, 1]]"]));
        Assert.Contains(e.Errors, x => x.Path == "correlation" && x.Message.Contains("positive definite"));
    }
}
