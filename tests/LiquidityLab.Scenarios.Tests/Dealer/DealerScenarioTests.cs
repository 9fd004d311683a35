using System.Globalization;
using System.Text.Json;
using LiquidityLab.Scenarios.Running;

namespace LiquidityLab.Scenarios.Tests.Dealer;

/// <summary>Golden values and report contents of the bundled dealer scenarios at their own seeds.</summary>
public class DealerScenarioTests
{
    private static JsonElement RunSummary(TempDir dir, string name, params string[] overrides)
    {
        var outcome = ScenarioRunner.Run(ScenarioLoader.Load(name, overrides), new RunOptions(dir["run"]));
        return JsonDocument.Parse(File.ReadAllText(Path.Combine(outcome.Folder, "summary.json"))).RootElement;
    }

    [Fact]
    public void DealerSingle_ServesItsHundredClients_WithinTheLimit()
    {
        using var dir = new TempDir();
        var s = RunSummary(dir, "dealer-single");
        Assert.Equal(100, s.GetProperty("market").GetProperty("clients").GetInt64());
        var maker = s.GetProperty("makers")[0];
        Assert.True(maker.GetProperty("inventory").GetProperty("max_absolute").GetInt64() <= 20);
        Assert.Equal(0, maker.GetProperty("trading").GetProperty("hedges").GetInt64());
        Assert.True(maker.GetProperty("pnl").GetProperty("spread_capture").GetDecimal() > 0, "a maker earns the spread");
    }

    [Fact]
    public void DealerHedging_HedgesAndNeverHoldsMoreThanThresholdAfterAStep()
    {
        using var dir = new TempDir();
        var s = RunSummary(dir, "dealer-hedging");
        var maker = s.GetProperty("makers")[0];
        Assert.True(maker.GetProperty("trading").GetProperty("hedges").GetInt64() > 0);
        Assert.True(maker.GetProperty("pnl").GetProperty("hedge_cost").GetDecimal() > 0);
        Assert.True(maker.GetProperty("inventory").GetProperty("max_absolute").GetInt64() <= 10);
        // the time series agrees: inventory after every step is within the threshold
        foreach (var line in File.ReadLines(Path.Combine(dir["run"], "timeseries.csv")).Skip(1))
            Assert.InRange(long.Parse(line.Split(',')[6], CultureInfo.InvariantCulture), -10, 10);
    }

    [Fact]
    public void DealerHedging_ReportsThatTheLimitCannotBind()
    {
        using var dir = new TempDir();
        var s = RunSummary(dir, "dealer-hedging");
        var note = Assert.Single(s.GetProperty("notes").EnumerateArray()).GetString();
        Assert.Contains("the limit can never bind", note);
    }

    [Fact]
    public void DealerCompetition_SharesTheMarket_AndCountsRejections()
    {
        using var dir = new TempDir();
        var s = RunSummary(dir, "dealer-competition");
        var makers = s.GetProperty("makers").EnumerateArray().ToArray();
        Assert.Equal(3, makers.Length);
        var share = makers.Sum(m => m.GetProperty("trading").GetProperty("market_share").GetDouble());
        Assert.Equal(1.0, share, 9);
        Assert.True(makers[0].GetProperty("trading").GetProperty("rejections").GetInt64() > 0, "the tight maker with limit 10 must decline some clients");
        var served = s.GetProperty("market").GetProperty("served").GetInt64();
        var unserved = s.GetProperty("market").GetProperty("unserved").GetInt64();
        Assert.Equal(2000, served + unserved);
    }

    [Fact]
    public void TradeLog_RecordsRejectionsWithTheirReason()
    {
        using var dir = new TempDir();
        RunSummary(dir, "dealer-single");
        var rejected = File.ReadLines(Path.Combine(dir["run"], "trades.csv")).Where(l => l.Contains(",rejected,")).ToArray();
        Assert.NotEmpty(rejected);
        Assert.All(rejected, l => Assert.Contains("inventory limit 20", l));
    }
}
