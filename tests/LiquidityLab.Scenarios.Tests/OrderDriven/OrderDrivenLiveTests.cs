using LiquidityLab.Scenarios.Running;

namespace LiquidityLab.Scenarios.Tests.OrderDriven;

public class OrderDrivenLiveTests
{
    /// <summary>Keeps every frame; <see cref="Due"/> lets every second sample through, whatever the wall clock.</summary>
    private sealed class RecordingFeed : ILiveFeed
    {
        private int _asked;
        public LiveRunInfo? Info;
        public readonly List<LiveFrame> Frames = [];
        public string? Status;
        public void Started(LiveRunInfo info) => Info = info;
        public bool Due() => _asked++ % 2 == 0;
        public void Publish(LiveFrame frame) => Frames.Add(frame);
        public void PublishCurve(LiveCurve curve) { }
        public void Finished(string status, string? message = null) => Status = status;
    }

    [Fact]
    public void ALiveRun_StreamsMidQuotesInventoryPnlAndFills_AndWritesTheSameFolder()
    {
        using var dir = new TempDir();
        var feed = new RecordingFeed();
        string[] overrides = ["session.close_s=120"];
        ScenarioRunner.Run(ScenarioLoader.Load("lob-two-makers", overrides), new RunOptions(dir["live"], Live: feed));
        ScenarioRunner.Run(ScenarioLoader.Load("lob-two-makers", overrides), new RunOptions(dir["plain"]));

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

        foreach (var file in Directory.GetFiles(dir["plain"]).Select(Path.GetFileName))
            Assert.Equal(File.ReadAllBytes(Path.Combine(dir["plain"], file!)), File.ReadAllBytes(Path.Combine(dir["live"], file!)));
    }
}
