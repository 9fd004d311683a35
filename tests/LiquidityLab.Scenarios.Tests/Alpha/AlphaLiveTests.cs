using LiquidityLab.Scenarios.Tests.Running;

namespace LiquidityLab.Scenarios.Tests.Alpha;

public class AlphaLiveTests
{
    [Fact]
    public void ALiveRun_StreamsMidQuotesInventoryPnlAndFillsOnTheBarAxis_AndWritesTheSameFolder()
    {
        using var dir = new TempDir();
        var feed = LiveAndPlain.Run(dir, "alpha-gbm-day");

        LiveAndPlain.AssertCompleteBarRun(feed, "alpha");
        Assert.All(feed.Frames, f => Assert.Contains(f.Values, v => v.Chart == "price" && v.Series == "mid" && v.Value > 0));
        Assert.Contains(feed.Frames, f => f.Values.Any(v => v.Series == "bid") && f.Values.Any(v => v.Series == "ask"));
        Assert.Contains(feed.Frames[^1].Values, v => v.Chart == "inventory");

        // The last frame's PnL and fill count are the run's own.
        var timeseries = File.ReadAllLines(Path.Combine(dir["plain"], "timeseries.csv"));
        var header = timeseries[0].Split(',');
        var lastRow = timeseries[^1].Split(',');
        var pnl = double.Parse(lastRow[Array.IndexOf(header, "pnl")], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(pnl, feed.Frames[^1].Values.Single(v => v.Chart == "pnl").Value, 1e-6);
        var fills = LiveAndPlain.AssertFillsSampleTheTrades(dir, feed);
        Assert.All(fills, f => Assert.True(f.Side is "buy" or "sell" && f.Lots > 0 && f.Price > 0));

        LiveAndPlain.AssertSameFolders(dir);
    }
}
