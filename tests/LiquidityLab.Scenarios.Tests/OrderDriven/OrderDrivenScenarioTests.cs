using System.Globalization;
using System.Text.Json;
using LiquidityLab.Scenarios.Running;

namespace LiquidityLab.Scenarios.Tests.OrderDriven;

public class OrderDrivenScenarioTests
{
    private static readonly string[] Short = ["session.close_s=300"];

    private static RunOutcome Run(string name, string folder, params string[] overrides) =>
        ScenarioRunner.Run(ScenarioLoader.Load(name, overrides), new RunOptions(folder));

    private static string Message(ScenarioException e) => string.Join("\n", e.Errors.Select(x => x.Format(e.ScenarioSource)));

    [Fact]
    public void LobTwoMakers_RunsEndToEnd_WithTheDashboardFilesAndExactBooks()
    {
        using var dir = new TempDir();
        var outcome = Run("lob-two-makers", dir["run"], Short);
        string[] expected = ["MM1_market_impact.csv", "MM1_metrics.csv", "MM2_market_impact.csv", "MM2_metrics.csv", "book_depth.csv", "book_heatmap.csv",
            "market.csv", "market_impact.csv", "report.html", "report.json", "scenario.yaml", "summary.json", "trades.csv"];
        Assert.Equal(expected, outcome.Files);
        string[] Lines(string file) => File.ReadAllLines(Path.Combine(outcome.Folder, file));
        // the contract with the dashboard: exact headers, sides bid/ask, decimal prices
        var depth = Lines("book_depth.csv");
        Assert.Equal("time_s,side,price,quantity", depth[0]);
        Assert.All(depth.Skip(1), l =>
        {
            var f = l.Split(',');
            Assert.Contains(f[1], new[] { "bid", "ask" });
            Assert.True(decimal.Parse(f[2], CultureInfo.InvariantCulture) > 0 && long.Parse(f[3], CultureInfo.InvariantCulture) > 0);
        });
        var heat = Lines("book_heatmap.csv");
        Assert.Equal("time_s,price,resting_quantity,traded_quantity", heat[0]);
        Assert.All(heat.Skip(1), l => Assert.True(l.Split(',')[2..].Select(x => long.Parse(x, CultureInfo.InvariantCulture)).Sum() > 0));
        Assert.Contains(heat.Skip(1), l => long.Parse(l.Split(',')[3], CultureInfo.InvariantCulture) > 0);
        Assert.StartsWith("time_s,agent,side,size,filled,mid_before,mid_after,mid_horizon", Lines("MM1_market_impact.csv")[0]);
        Assert.True(Lines("market_impact.csv").Length > Lines("MM1_market_impact.csv").Length);
        Assert.Equal(302, Lines("MM1_metrics.csv").Length); // header + a sample every second, 0..300

        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outcome.Folder, "summary.json")));
        var market = summary.RootElement.GetProperty("market");
        Assert.Equal(0m, market.GetProperty("cash_conservation_residual").GetDecimal());
        Assert.Equal(0, market.GetProperty("shares_conservation_residual").GetInt64());
        foreach (var m in summary.RootElement.GetProperty("makers").EnumerateArray())
        {
            Assert.Equal(0m, m.GetProperty("pnl").GetProperty("attribution_residual").GetDecimal());
            Assert.False(m.GetProperty("inventory").GetProperty("limit_ever_breached").GetBoolean());
            Assert.True(m.GetProperty("activity").GetProperty("fills").GetInt64() > 0);
        }
        Assert.Contains(outcome.Metrics, m => m.Key == "MM1.total_pnl");
        Assert.Contains(outcome.Metrics, m => m.Key == "MM2.markout_10s");
        Assert.Contains("Market impact", File.ReadAllText(Path.Combine(outcome.Folder, "report.html")));
    }

    [Fact]
    public void LobTwoMakers_ShockLeansAgainstMM1_AndMM1HitsItsLimitWithoutPassingIt()
    {
        using var dir = new TempDir();
        var outcome = Run("lob-two-makers", dir["run"], Short);
        var rows = File.ReadAllLines(Path.Combine(outcome.Folder, "MM1_metrics.csv")).Skip(1).Select(l => long.Parse(l.Split(',')[1], CultureInfo.InvariantCulture)).ToArray();
        Assert.True(rows.Max(Math.Abs) <= 20);
        Assert.Contains(rows, q => Math.Abs(q) > 10);
    }

    [Fact]
    public void Regime_SetToTrending_MakesTheLatentValueDrift()
    {
        using var dir = new TempDir();
        var up = Run("lob-two-makers", dir["up"], [.. Short, "market.regime=trending", "market.drift=0.01", "market.volatility=0.001"]);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(up.Folder, "summary.json")));
        var final = summary.RootElement.GetProperty("market").GetProperty("final_latent_value").GetDouble();
        Assert.InRange(final, 102.5, 103.5); // 100 + 0.01 × 300 s, the noise is ±0.02
        Assert.Contains("regime: trending", File.ReadAllText(Path.Combine(up.Folder, "scenario.yaml")));
    }

    [Fact]
    public void Regime_CustomSwitchBetweenMeanReversionAndTrend_Runs()
    {
        using var dir = new TempDir();
        var outcome = Run("lob-two-makers", dir["switch"], [.. Short, "market.regime=custom",
            "market.process={kind: regime, regimes: [{name: calm, process: {kind: ou, mean_reversion: 0.002, mean: 100, volatility: 0.005}}, " +
            "{name: rally, process: {kind: abm, drift: 0.02, volatility: 0.005}}], switch_rates: [[0, 0], [0, 0]], initial: rally}"]);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outcome.Folder, "summary.json")));
        // it starts (and, with zero switch rates, stays) in the rally: 100 + 0.02 × 300 s
        Assert.InRange(summary.RootElement.GetProperty("market").GetProperty("final_latent_value").GetDouble(), 105, 107);
    }

    [Fact]
    public void Runs_InParallelOrOneAfterAnother_AreByteIdentical()
    {
        using var dir = new TempDir();
        var folders = new[] { dir["a"], dir["b"], dir["c"], dir["d"] };
        Parallel.For(0, 2, i => Run("lob-two-makers", folders[i], Short));
        Run("lob-two-makers", folders[2], Short);
        Run("lob-two-makers", folders[3], Short);
        var files = Directory.GetFiles(folders[0]).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.True(files.Length >= 12);
        foreach (var f in folders.Skip(1))
        foreach (var file in files)
            Assert.True(File.ReadAllBytes(Path.Combine(folders[0], file!)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(f, file!))), $"{file} differs in {f}");
    }

    [Fact]
    public void AbidesRmsc04_RunsTheWholeDay_WithAbidesShapedCounts()
    {
        using var dir = new TempDir();
        var outcome = Run("abides-rmsc04", dir["run"]);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outcome.Folder, "summary.json")));
        Assert.Equal(1116, summary.RootElement.GetProperty("agent_count").GetInt32());
        var orders = summary.RootElement.GetProperty("kernel").GetProperty("orders").GetInt64();
        Assert.InRange(orders, 20_000, 80_000); // ABIDES: about 40,000
        Assert.True(summary.RootElement.GetProperty("kernel").GetProperty("trades").GetInt64() > 5_000);
    }

    [Theory]
    [InlineData("agents[6].against_maker=MM9", "agents[6].against_maker", "'MM9'")]
    [InlineData("market.regime=custom", "market.process", "required when regime is custom")]
    [InlineData("latency.order_entry.jitter=gaussian", "latency.order_entry.jitter", "one of: none, uniform, exponential, log_normal")]
    [InlineData("agents[0].inventory_limit=0", "agents[0].inventory_limit", "must be >= 1")]
    [InlineData("session.close_s=-5", "session.close_s", "must be >= 0")]
    public void BadValues_AreNamedWithTheirKeyPath(string assignment, string key, string text)
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load("lob-two-makers", [assignment]));
        var message = Message(e);
        Assert.Contains(key, message);
        Assert.Contains(text, message);
    }
}
