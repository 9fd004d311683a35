using LiquidityLab.Scenarios.Tests.Running;

namespace LiquidityLab.Scenarios.Tests.OrderDriven;

public class OrderDrivenLiveTests
{
    [Fact]
    public void ALiveRun_StreamsMidQuotesInventoryPnlAndFills_AndWritesTheSameFolder()
    {
        using var dir = new TempDir();
        var feed = LiveAndPlain.Run(dir, "lob-two-makers", "session.close_s=120");

        Assert.Equal("order_driven", feed.Info!.Kind);
        Assert.Equal(120, feed.Info.Horizon);
        Assert.Equal("done", feed.Status);
        Assert.True(feed.Frames.Count > 40, $"{feed.Frames.Count} frames");
        Assert.Equal(1.0, feed.Frames[^1].Progress);
        Assert.True(feed.Frames.Zip(feed.Frames.Skip(1)).All(p => p.First.Time < p.Second.Time), "frames in time order");
        var last = feed.Frames[^1].Values;
        Assert.Contains(last, v => v.Chart == "price" && v.Series == "mid" && v.Value > 0);
        foreach (var maker in new[] { "MM1", "MM2" })
        {
            Assert.Contains(last, v => v.Chart == "inventory" && v.Series == maker);
            Assert.Contains(last, v => v.Chart == "pnl" && v.Series == maker);
        }
        Assert.True(feed.Frames[^1].FillCount > 0);
        Assert.Contains(feed.Frames.SelectMany(f => f.Fills), f => f.Maker is "MM1" or "MM2" && f.Side is "buy" or "sell" && f.Lots > 0);

        LiveAndPlain.AssertSameFolders(dir);
    }
}
