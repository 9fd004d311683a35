using LiquidityLab.Scenarios.Running;

namespace LiquidityLab.Scenarios.Tests.Running;

/// <summary>A live feed that keeps every frame; <see cref="Due"/> lets every second sample through, whatever the wall clock.</summary>
internal sealed class RecordingFeed : ILiveFeed
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

/// <summary>A bundled scenario run twice, with a <see cref="RecordingFeed"/> and without one.</summary>
internal static class LiveAndPlain
{
    public static RecordingFeed Run(TempDir dir, string scenario, params string[] overrides)
    {
        var feed = new RecordingFeed();
        ScenarioRunner.Run(ScenarioLoader.Load(scenario, overrides), new RunOptions(dir["live"], Live: feed));
        ScenarioRunner.Run(ScenarioLoader.Load(scenario, overrides), new RunOptions(dir["plain"]));
        return feed;
    }

    /// <summary>A run on the bar axis went to its end: many frames, in bar order, the last at the last bar.</summary>
    public static void AssertCompleteBarRun(RecordingFeed feed, string kind)
    {
        Assert.Equal(kind, feed.Info!.Kind);
        Assert.Equal("bar", feed.Info.TimeLabel);
        Assert.Equal("done", feed.Status);
        Assert.True(feed.Frames.Count > 100, $"{feed.Frames.Count} frames");
        Assert.Equal(feed.Info.Horizon, feed.Frames[^1].Time);
        Assert.Equal(1.0, feed.Frames[^1].Progress);
        Assert.True(feed.Frames.Zip(feed.Frames.Skip(1)).All(p => p.First.Time < p.Second.Time), "frames in bar order");
    }

    /// <summary>The last frame counts every execution in the plain run's trades.csv, and the frames' fills are a sample of them, which it returns.</summary>
    public static List<LiveFill> AssertFillsSampleTheTrades(TempDir dir, RecordingFeed feed)
    {
        var executions = File.ReadAllLines(Path.Combine(dir["plain"], "trades.csv")).Length - 1;
        Assert.Equal(executions, feed.Frames[^1].FillCount);
        var fills = feed.Frames.SelectMany(f => f.Fills).ToList();
        Assert.True(fills.Count > 0 && fills.Count <= executions);
        return fills;
    }

    /// <summary>The feed changed nothing: every file of the plain run has the same bytes in the live one.</summary>
    public static void AssertSameFolders(TempDir dir)
    {
        foreach (var file in Directory.GetFiles(dir["plain"]).Select(Path.GetFileName))
            Assert.Equal(File.ReadAllBytes(Path.Combine(dir["plain"], file!)), File.ReadAllBytes(Path.Combine(dir["live"], file!)));
    }
}
