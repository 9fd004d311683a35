using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using LiquidityLab.Scenarios;
using LiquidityLab.Scenarios.Running;
using LiquidityLab.Web;
using LiquidityLab.Web.Live;

namespace LiquidityLab.Cli.Commands;

/// <summary>
/// <c>liqlab bench live [FILE] [--repeat N]</c>: what <c>--live</c> costs a run. Runs the scenario
/// (default dealer-large) alternately without a feed and with the real one (hub, Kestrel server and one
/// browser-like client reading the event stream), and compares the best and median wall times of the
/// run itself (server start-up excluded, as <c>liqlab run</c> times it).
/// </summary>
internal static class LiveBench
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "scenario (default dealer-large)", DefaultValueFactory = _ => "dealer-large" };
        var repeat = new Option<int>("--repeat") { Description = "runs of each variant, interleaved", DefaultValueFactory = _ => 5 };
        var set = RunCommand.SetOption();
        var cmd = new Command("live", "The cost of liqlab run --live: the same run with and without the live feed, interleaved") { file, repeat, set };
        cmd.SetAction(parse => CliHost.Guard(() =>
        {
            var n = parse.GetValue(repeat);
            if (n < 1) return CliErrors.Input("--repeat must be at least 1");
            var loaded = ScenarioLoader.Load(parse.GetValue(file)!, parse.GetValue(set));
            var temp = Path.Combine(Path.GetTempPath(), "liqlab-bench-live-" + Guid.NewGuid().ToString("N"));
            var hub = new LiveHub();
            using var server = ServeCommand.Start(new DashboardOptions(null, "127.0.0.1", 0, hub));
            using var stop = new CancellationTokenSource();
            var reader = Task.Run(() => Read(server.Server.Url + "api/live/events", stop.Token));
            try
            {
                var plain = new List<double>();
                var live = new List<double>();
                long frames = 0;
                ScenarioRunner.Run(loaded, new RunOptions(Path.Combine(temp, "warm-up")));
                for (var i = 0; i < 2 * n; i++)
                {
                    // A B B A ...: neither variant always runs first
                    if ((i % 4 is 0 or 3))
                    {
                        plain.Add(Time(() => ScenarioRunner.Run(loaded, new RunOptions(Path.Combine(temp, "plain")))));
                        continue;
                    }
                    var feed = new HubLiveFeed(hub, LiveDashboard.FramesPerSecond);
                    live.Add(Time(() => ScenarioRunner.Run(loaded, new RunOptions(Path.Combine(temp, "live"), Live: feed))));
                    frames += feed.Frames;
                }
                stop.Cancel();
                var received = reader.GetAwaiter().GetResult();
                static double Median(List<double> x) { var s = x.Order().ToArray(); return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2; }
                var inv = CultureInfo.InvariantCulture;
                Console.WriteLine(string.Format(inv, "{0}: {1} runs each after a warm-up, interleaved A B B A; {2:0.#} frames per live run, {3} events read by the client",
                    loaded.Scenario.Name, n, (double)frames / n, received));
                Console.WriteLine(string.Format(inv, "without --live: best {0:0.000} s, median {1:0.000} s", plain.Min(), Median(plain)));
                Console.WriteLine(string.Format(inv, "with --live:    best {0:0.000} s, median {1:0.000} s", live.Min(), Median(live)));
                Console.WriteLine(string.Format(inv, "overhead: {0:+0.0;-0.0;+0.0}% (best), {1:+0.0;-0.0;+0.0}% (median)",
                    100 * (live.Min() / plain.Min() - 1), 100 * (Median(live) / Median(plain) - 1)));
                return CliHost.Ok;
            }
            finally
            {
                stop.Cancel();
                try { Directory.Delete(temp, recursive: true); }
                catch (IOException) { }
            }
        }));
        return cmd;
    }

    private static double Time(Action run)
    {
        var clock = Stopwatch.StartNew();
        run();
        return clock.Elapsed.TotalSeconds;
    }

    // A browser stand-in: reads the event stream and counts events.
    private static async Task<long> Read(string url, CancellationToken cancel)
    {
        long events = 0;
        try
        {
            using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancel).ConfigureAwait(false);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancel).ConfigureAwait(false));
            while (await reader.ReadLineAsync(cancel).ConfigureAwait(false) is { } line)
                if (line.StartsWith("event: ", StringComparison.Ordinal)) events++;
        }
        catch (OperationCanceledException) { }
        catch (HttpRequestException) { }
        return events;
    }
}
