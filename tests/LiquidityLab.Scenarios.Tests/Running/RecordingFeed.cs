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

    /// <summary>The feed changed nothing: every file of the plain run has the same bytes in the live one.</summary>
    public static void AssertSameFolders(TempDir dir)
    {
        foreach (var file in Directory.GetFiles(dir["plain"]).Select(Path.GetFileName))
            Assert.Equal(File.ReadAllBytes(Path.Combine(dir["plain"], file!)), File.ReadAllBytes(Path.Combine(dir["live"], file!)));
    }
}
