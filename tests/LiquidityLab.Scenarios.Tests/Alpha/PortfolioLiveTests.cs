using System.Globalization;
using LiquidityLab.Scenarios.Tests.Running;

namespace LiquidityLab.Scenarios.Tests.Alpha;

public class PortfolioLiveTests
{
    [Fact]
    public void ALiveRun_StreamsEachInstrumentAndThePortfolioOnTheBarAxis_AndWritesTheSameFolder()
    {
        using var dir = new TempDir();
        var feed = LiveAndPlain.Run(dir, "alpha-multi-asset");

        LiveAndPlain.AssertCompleteBarRun(feed, "alpha_multi");

        // The last frame holds the run's last bar, instrument by instrument, as timeseries.csv has it.
        var rows = File.ReadAllLines(Path.Combine(dir["plain"], "timeseries.csv"));
        var header = rows[0].Split(',');
        int Column(string name) => Array.IndexOf(header, name);
        var lastBar = rows.Skip(1).Select(r => r.Split(',')).Where(r => r[Column("bar")] == rows[^1].Split(',')[Column("bar")]).ToList();
        var symbols = lastBar.Select(r => r[Column("instrument")]).ToList();
        Assert.True(symbols.Count >= 2, "several instruments");
        var last = feed.Frames[^1].Values;
        double Value(string chart, string series) => last.Single(v => v.Chart == chart && v.Series == series).Value;
        static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);
        foreach (var r in lastBar)
        {
            var symbol = r[Column("instrument")];
            Assert.Equal(D(r[Column("mid")]), Value("price", symbol));
            Assert.Equal(D(r[Column("inventory")]), Value("inventory", symbol));
            Assert.Equal(D(r[Column("pnl")]), Value("pnl", symbol));
        }
        Assert.Equal(D(lastBar[0][Column("portfolio_pnl")]), Value("pnl", "portfolio"));
        Assert.Equal(D(lastBar[0][Column("net_exposure")]), Value("net exposure", "net"));
        Assert.All(feed.Frames, f => Assert.All(symbols, s => Assert.Contains(f.Values, v => v.Chart == "price" && v.Series == s && v.Value > 0)));

        var fills = LiveAndPlain.AssertFillsSampleTheTrades(dir, feed);
        Assert.All(fills, f => Assert.True(symbols.Contains(f.Maker) && f.Side is "buy" or "sell" && f.Lots > 0 && f.Price > 0));

        LiveAndPlain.AssertSameFolders(dir);
    }
}
