using System.Text.Json;
using LiquidityLab.Scenarios;
using LiquidityLab.Scenarios.Running;
using LiquidityLab.Web.Live;

namespace LiquidityLab.Web.Tests.Live;

/// <summary>The live feed: throttled frames from a real dealer run, replayed to late browsers, streamed as server-sent events.</summary>
[Collection("dashboard")]
public class LiveHubTests(DashboardFixture f)
{
    private sealed class Collect : ThrottledLiveFeed
    {
        public Collect(double perSecond) : base(perSecond) { }
        public List<LiveFrame> Frames { get; } = [];
        public LiveRunInfo? Info;
        public string? End;
        public override void Started(LiveRunInfo info) => Info = info;
        public override void Publish(LiveFrame frame) => Frames.Add(frame);
        public override void PublishCurve(LiveCurve curve) { }
        public override void Finished(string status, string? message = null) => End = status;
    }

    [Fact]
    public void ADealerRun_PublishesFramesOfEveryMaker_TheLastAtTheEnd_AndWritesTheSameFiles()
    {
        using var dir = new TempDir();
        var loaded = ScenarioLoader.Load("dealer-competition", ["clients.count=3000"]);
        var feed = new Collect(1e9); // never throttled: every recorded step is a frame
        ScenarioRunner.Run(loaded, new RunOptions(dir["live"], Live: feed));
        ScenarioRunner.Run(loaded, new RunOptions(dir["plain"]));

        Assert.Equal("done", feed.End);
        Assert.Equal("dealer-competition", feed.Info!.Scenario);
        Assert.True(feed.Frames.Count > 10);
        var last = feed.Frames[^1];
        Assert.Equal(1.0, last.Progress);
        Assert.Equal(["inventory", "pnl", "price"], last.Values.Select(v => v.Chart).Distinct().Order());
        Assert.Equal(3, last.Values.Count(v => v.Chart == "pnl"));
        Assert.Contains(last.Values, v => v is { Chart: "price", Series: "mid" });
        Assert.True(feed.Frames.Zip(feed.Frames.Skip(1)).All(p => p.First.Time <= p.Second.Time), "frames in time order");
        Assert.True(feed.Frames.Sum(x => x.Fills.Count) > 0);
        foreach (var file in Directory.GetFiles(dir["plain"]))
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(dir["live"], Path.GetFileName(file))));
    }

    [Fact]
    public void TheThrottle_LetsThroughAtMostItsRate()
    {
        var feed = new Collect(10);
        var passed = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.ElapsedMilliseconds < 300) if (feed.Due()) passed++;
        // 300 ms at 10 per second: the first at once, then one per 100 ms
        Assert.InRange(passed, 1, 4);
    }

    [Fact]
    public void AnOptimalQuotingRun_PublishesEachFinishedCasesCurves()
    {
        using var dir = new TempDir();
        var hub = new LiveHub();
        var feed = new HubFeed(hub);
        ScenarioRunner.Run(ScenarioLoader.Load("as-paper", ["paths=100", "dt=0.02"]), new RunOptions(dir["q"], Live: feed));
        Assert.True(feed.Frames >= 6 * 5, $"{feed.Frames} curves"); // 6 cases × (pnl, inventory, mid, bid, ask)
    }

    [Fact]
    public async Task ABrowserConnectingLate_GetsTheRunSoFar_ThenNewEvents_AsServerSentEvents()
    {
        var hub = f.Hub;
        hub.Send("start", new LiveRunInfo("sse-test", "dealer", 1, 10, "time"));
        hub.Send("frame", new LiveFrame(1, 0.1, [new LiveValue("pnl", "MM1", 1.5)], [], 0));
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var response = await f.Http.GetAsync("/api/live/events", HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancel.Token));

        async Task<(string Type, JsonElement Data)> Next()
        {
            string? type = null;
            while (await reader.ReadLineAsync(cancel.Token) is { } line)
            {
                if (line.StartsWith("event: ", StringComparison.Ordinal)) type = line[7..];
                else if (line.StartsWith("data: ", StringComparison.Ordinal) && type != null) return (type, JsonDocument.Parse(line[6..]).RootElement.Clone());
            }
            throw new EndOfStreamException();
        }

        var start = await Next();
        Assert.Equal("start", start.Type);
        Assert.Equal("sse-test", start.Data.GetProperty("scenario").GetString());
        var frame = await Next();
        Assert.Equal(1.5, frame.Data.GetProperty("values")[0].GetProperty("value").GetDouble());
        hub.Send("frame", new LiveFrame(2, 0.5, [new LiveValue("pnl", "MM1", 2.5)], [new LiveFill(2, "MM1", "buy", 3, 99.5)], 1));
        var later = await Next();
        Assert.Equal(0.5, later.Data.GetProperty("progress").GetDouble());
        Assert.Equal("buy", later.Data.GetProperty("fills")[0].GetProperty("side").GetString());
        hub.Send("end", new { status = "done" });
        Assert.Equal("end", (await Next()).Type);
    }
}
