using System.Text.Json;
using LiquidityLab.Scenarios.Alpha;
using LiquidityLab.Scenarios.Alpha.Data;
using LiquidityLab.Scenarios.Running;
using LiquidityLab.Scenarios.Schema.Alpha;

namespace LiquidityLab.Scenarios.Tests.Alpha;

public class AlphaScenarioTests
{
    private static readonly string[] ExpectedFiles = ["report.html", "risk_events.csv", "scenario.yaml", "summary.json", "timeseries.csv", "trades.csv"];

    private static string[] Lobster => [$"market_data.message={RepoPaths.AmznMessages}", $"market_data.orderbook={RepoPaths.AmznOrderbook}"];

    [Fact]
    public void GbmDay_RunsEndToEnd_390Bars_WithDailyVolatilityNear02()
    {
        using var dir = new TempDir();
        var outcome = ScenarioRunner.Run(ScenarioLoader.Load("alpha-gbm-day"), new RunOptions(dir["run"]));
        foreach (var file in ExpectedFiles)
            Assert.True(new FileInfo(Path.Combine(outcome.Folder, file)).Length > 0, $"{file} is missing or empty");
        var rows = File.ReadAllLines(Path.Combine(outcome.Folder, "timeseries.csv"));
        Assert.Equal(391, rows.Length);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outcome.Folder, "summary.json")));
        Assert.Equal(390, summary.RootElement.GetProperty("bars").GetInt32());
        Assert.Contains("390 bars/day × 252 days/year", summary.RootElement.GetProperty("annualisation").GetString());
        var html = File.ReadAllText(Path.Combine(outcome.Folder, "report.html"));
        foreach (var part in new[] { "with risk interventions", "forward log return (IC", "Distance of sent quotes", "Inventory" }) Assert.Contains(part, html);
        Assert.Contains(outcome.Metrics, m => m.Key == "sharpe");
        Assert.Contains(outcome.Metrics, m => m.Key == "ic_5");
        // the flatten at the close leaves no position
        var inventory = Array.IndexOf(rows[0].Split(','), "inventory");
        Assert.Equal("0", rows[^1].Split(',')[inventory]);
    }

    [Fact]
    public void WalkForwardLogisticSignal_WarmsUpAndTradesInAFullRun()
    {
        using var dir = new TempDir();
        var loaded = ScenarioLoader.Load("alpha-gbm-day", ["signals[1]={kind: logistic, weight: 1, horizon: 5, train_window: 100, retrain_every: 20, features: [{kind: momentum, periods: 5}, {kind: rsi, periods: 7}]}"]);
        var outcome = ScenarioRunner.Run(loaded, new RunOptions(dir["run"]));
        Assert.DoesNotContain(outcome.Notes, n => n.Contains("never finished warming up"));
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outcome.Folder, "summary.json")));
        var ic = summary.RootElement.GetProperty("signal_ic").EnumerateArray().First(e => e.GetProperty("signal").GetString()!.StartsWith("logistic("));
        Assert.Equal(JsonValueKind.Number, ic.GetProperty("ic").ValueKind);
    }

    [Fact]
    public void SyntheticBars_HaveTheStatedDailyVolatility()
    {
        var s = (AlphaScenario)ScenarioLoader.Load("alpha-gbm-day", ["market_data.days=200"]).Scenario;
        var bars = AlphaRunner.LoadData(s, false).Bars;
        var daily = Enumerable.Range(0, 200).Select(d => Math.Log(bars[d * 390 + 389].Mid / bars[d * 390].Mid)).ToArray();
        var sd = Math.Sqrt(daily.Sum(x => x * x) / daily.Length * 390 / 389); // 389 steps within a day
        Assert.InRange(sd, 0.2 * 0.85, 0.2 * 1.15);
    }

    [Fact]
    public void SameSeed_GivesByteIdenticalRunFolders()
    {
        using var dir = new TempDir();
        var a = ScenarioRunner.Run(ScenarioLoader.Load("alpha-gbm-day"), new RunOptions(dir["a"]));
        var b = ScenarioRunner.Run(ScenarioLoader.Load("alpha-gbm-day"), new RunOptions(dir["b"]));
        foreach (var file in ExpectedFiles)
            Assert.Equal(File.ReadAllBytes(Path.Combine(a.Folder, file)), File.ReadAllBytes(Path.Combine(b.Folder, file)));
        var c = ScenarioRunner.Run(ScenarioLoader.Load("alpha-gbm-day", seed: 8), new RunOptions(dir["c"]));
        Assert.NotEqual(File.ReadAllBytes(Path.Combine(a.Folder, "timeseries.csv")), File.ReadAllBytes(Path.Combine(c.Folder, "timeseries.csv")));
    }

    [Fact]
    public void LobsterAmzn_RunsOnTheSharedSample_InTenSecondBars_WithOrderFlow()
    {
        using var dir = new TempDir();
        var loaded = ScenarioLoader.Load("alpha-lobster-amzn", Lobster);
        var outcome = ScenarioRunner.Run(loaded, new RunOptions(dir["run"]));
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outcome.Folder, "summary.json")));
        Assert.Equal(2340, summary.RootElement.GetProperty("bars").GetInt32());
        var ofi = summary.RootElement.GetProperty("signal_ic").EnumerateArray().First(e => e.GetProperty("signal").GetString() == "ofi(6)");
        Assert.Equal(JsonValueKind.Number, ofi.GetProperty("ic").ValueKind);
        Assert.Empty(outcome.Notes);
    }

    [Fact]
    public void LobsterBars_TakeTheLastTwoSidedQuoteOfEachBar()
    {
        var data = AlphaRunner.LoadData((AlphaScenario)ScenarioLoader.Load("alpha-lobster-amzn", Lobster).Scenario, false);
        var first = data.Bars[0];
        Assert.Equal(0, first.TimeNanos);
        Assert.InRange(first.Mid, 223, 224.5); // AMZN opened near 223.9 on 2012-06-21
        Assert.All(data.Bars, b => Assert.True(b.Quote!.Value.AskPrice > b.Quote.Value.BidPrice));
        Assert.Equal(390 * 6, data.BarsPerDay);
    }

    [Fact]
    public void LobsterBars_CarryTheOrderFlowOfEveryUpdate_NotOnlyOfTheSnapshots()
    {
        var data = AlphaRunner.LoadData((AlphaScenario)ScenarioLoader.Load("alpha-lobster-amzn", Lobster).Scenario, false);
        // a naive reference: every two-sided row of the orderbook file against the previous two-sided one
        Strategies.Signals.TopOfBook? previous = null;
        var total = 0.0;
        foreach (var line in File.ReadLines(RepoPaths.AmznOrderbook))
        {
            var f = line.Split(',').Select(long.Parse).ToArray();
            if (f[0] == 9_999_999_999 || f[2] == -9_999_999_999 || f[1] <= 0 || f[3] <= 0 || f[0] <= f[2]) continue;
            var q = new Strategies.Signals.TopOfBook(f[2] / 10_000.0, f[3], f[0] / 10_000.0, f[1]);
            if (previous is { } p) total += Strategies.Signals.OrderFlowImbalanceSignal.Contribution(p, q);
            previous = q;
        }
        Assert.Equal(total, data.Bars.Sum(b => b.OrderFlow), 6);
        Assert.All(data.Bars, b => Assert.True(b.Depth > 0));
    }

    private const string Csv = """
        name: csv-day
        kind: alpha
        market_data: { kind: csv, path: PATH, bars_per_day: 5 }
        signals: [ { kind: momentum, periods: 2 } ]
        quoting: { half_spread: 0.1 }
        """;

    private static AlphaScenario CsvScenario(string path) => (AlphaScenario)ScenarioLoader.Parse(Csv.Replace("PATH", path), "csv.yaml").Scenario;

    [Fact]
    public void CsvBars_ReadTimeMidAndTheOptionalColumns_DaysFromDates()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir["bars.csv"], """
            time,close,volume
            2024-03-01T09:31:00,100.5,10
            2024-03-01T09:32:00,100.7,0
            2024-03-04T09:31:00,101,3
            """);
        var data = AlphaRunner.LoadData(CsvScenario(dir["bars.csv"]), false);
        Assert.Equal([100.5, 100.7, 101], data.Bars.Select(b => b.Mid));
        Assert.Equal([0, 0, 1], data.Bars.Select(b => b.Day));
        Assert.Equal(60_000_000_000L, data.Bars[1].TimeNanos);
        Assert.Equal(10, data.Bars[0].Volume);
        Assert.Equal(5, data.BarsPerDay);
    }

    [Theory]
    [InlineData("3,abc", 4, "mid 'abc' is not a number")]
    [InlineData("2,100.2", 4, "is not after the previous row's")]
    [InlineData("3,-1", 4, "mid -1 is not a positive price")]
    [InlineData("x,100", 4, "is neither an ISO 8601 date-time nor a number of seconds")]
    public void CsvBadRow_StopsTheRun_NamingFileAndLine(string row, int line, string message)
    {
        using var dir = new TempDir();
        var path = dir["bars.csv"];
        File.WriteAllText(path, $"time,mid\n1,100\n2,100.1\n{row}\n4,100.3\n");
        var e = Assert.Throws<MarketDataException>(() => AlphaRunner.LoadData(CsvScenario(path), false));
        Assert.Equal(path, e.File);
        Assert.Equal(line, e.Line);
        Assert.Contains(message, e.Message);
        Assert.StartsWith($"{path}:{line}: ", e.Message);
    }

    [Fact]
    public void CsvBadRows_AreSkippedAndCounted_WhenAsked_AndTheRunSaysSo()
    {
        using var dir = new TempDir();
        var path = dir["bars.csv"];
        File.WriteAllText(path, "time,mid\n1,100\n2,abc\n0.5,100\n3,100.2\n4,-3\n5,100.4\n6,100.3\n7,100.1\n");
        var data = AlphaRunner.LoadData(CsvScenario(path), true);
        Assert.Equal(5, data.Bars.Count);
        Assert.Equal(3, data.SkippedRows);
        Assert.StartsWith($"{path}:3: ", data.FirstSkipped);
        var loaded = ScenarioLoader.Parse(Csv.Replace("PATH", path), "csv.yaml");
        var outcome = ScenarioRunner.Run(loaded, new RunOptions(dir["run"], SkipBadRows: true));
        Assert.Contains(outcome.Notes, n => n.StartsWith("skipped 3 bad row(s)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("quoting.min_size=5", "quoting.min_size", "above quoting.max_size")]
    [InlineData("signals[0]={kind: logistic, features: [{kind: ofi}]}", "signals[0].features[0].kind", "features are price signals")]
    [InlineData("fills={kind: linear, at_mid: 0.5}", "fills.reach", "missing required key")]
    [InlineData("market_data.kind=parquet", "market_data.kind", "unknown kind")]
    public void SchemaErrors_NameTheKey(string set, string path, string message)
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(Csv.Replace("PATH", "x.csv"), "csv.yaml", [set, "quoting.max_size=2"]));
        Assert.Contains(e.Errors, x => x.Path == path && x.Message.Contains(message));
    }
}
