using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using LiquidityLab.OrderBook.Events;
using LiquidityLab.OrderBook.Matching;
using LiquidityLab.OrderBook.Replay;
using Spectre.Console;

namespace LiquidityLab.Cli.Commands;

/// <summary>
/// <c>liqlab bench ...</c>: speed measurements. Other benchmarks join as extra subcommands:
/// <c>BenchCommand.Create(BookBench(), OtherBench())</c>, or <see cref="Create"/> with extra commands.
/// </summary>
internal static class BenchCommand
{
    /// <summary>The <c>bench</c> parent with <c>book</c> and any <paramref name="extra"/> subcommands.</summary>
    public static Command Create(params Command[] extra)
    {
        var bench = new Command("bench", "Speed measurements (use a Release build: dotnet run -c Release --project src/LiquidityLab.Cli -- bench ...)");
        bench.Subcommands.Add(CreateBook());
        foreach (var c in extra) bench.Subcommands.Add(c);
        return bench;
    }

    public static Command CreateBook()
    {
        var cmd = new Command("book",
            "Matching engine throughput and per-operation latency on deterministic synthetic streams " +
            "(50% limit orders, 40% cancels, 10% market orders): 'shallow' (~4,000 resting orders) and 'deep' (~200,000 resting in ~1,000-deep queues)");
        var events = new Option<int>("--events") { Description = "measured events per stream (after the warm-up that fills the book)", DefaultValueFactory = _ => 2_000_000 };
        var profile = new Option<string>("--profile") { Description = "shallow, deep or both", DefaultValueFactory = _ => "both" };
        var seed = new Option<ulong>("--seed") { Description = "generator seed", DefaultValueFactory = _ => 42UL };
        var repeat = new Option<int>("--repeat") { Description = "throughput runs per stream (the best is reported)", DefaultValueFactory = _ => 5 };
        cmd.Options.Add(events);
        cmd.Options.Add(profile);
        cmd.Options.Add(seed);
        var save = new Option<string?>("--save") { Description = "also write each generated stream (warm-up included) to DIR/<profile>.txt in the 'book replay' format, for other engines" };
        cmd.Options.Add(repeat);
        cmd.Options.Add(save);
        cmd.SetAction(parse => Run(parse.GetValue(events), parse.GetValue(profile)!, parse.GetValue(seed), parse.GetValue(repeat), parse.GetValue(save)));
        return cmd;
    }

    private static int Run(int events, string profileName, ulong seed, int repeat, string? saveDir)
    {
        if (events <= 0) return CliErrors.Input($"--events {events}: must be a positive number of events");
        if (repeat <= 0) return CliErrors.Input($"--repeat {repeat}: must be >= 1");
        var profiles = profileName switch
        {
            "shallow" => new[] { StreamProfile.Shallow },
            "deep" => new[] { StreamProfile.Deep },
            "both" => new[] { StreamProfile.Shallow, StreamProfile.Deep },
            _ => null,
        };
        if (profiles is null) return CliErrors.Input($"--profile '{profileName}': allowed are shallow, deep, both");

        TableOutput.Prepare();
#if DEBUG
        AnsiConsole.MarkupLine("[yellow]warning: Debug build; measure with -c Release[/]");
#endif
        var inv = CultureInfo.InvariantCulture;
        SyntheticStream? lastStream = null;
        var throughput = new Table().AddColumns("stream", "resting (start/end)", "events", "best events/s (wall)", "ns/event", "median events/s (wall)", "best events/s (thread CPU)", "ns/event (CPU)", "allocated B/event");
        var latency = new Table().AddColumns("stream", "operation", "count", "p50 ns", "p99 ns", "p99.9 ns", "max ns");
        foreach (var (profile, prefetch) in profiles.SelectMany(p => new[] { (p, false), (p, true) }))
        {
            var name = prefetch ? profile.Name + " +prefetch" : profile.Name;
            if (!prefetch) AnsiConsole.MarkupLine($"generating [bold]{profile.Name}[/] stream ({events:N0} events, seed {seed})...");
            var s = prefetch ? lastStream! : SyntheticStream.Generate(profile, events, seed);
            lastStream = s;
            if (!prefetch && saveDir is not null)
            {
                try
                {
                    Directory.CreateDirectory(saveDir);
                    var path = Path.Combine(saveDir, profile.Name + ".txt");
                    using (var w = new StreamWriter(path)) ReplayStream.Write(w, s.Stream.Events);
                    AnsiConsole.MarkupLine($"wrote {Markup.Escape(path)} ({s.Stream.Events.Length:N0} events, the first {s.WarmupCount:N0} fill the book)");
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    return CliErrors.Input($"--save '{saveDir}': {e.Message}");
                }
            }
            var options = s.Stream.BookOptions(profile.TargetResting * 2);

            var rates = new List<double>();
            var cpuRates = new List<double>();
            int restingStart = 0, restingEnd = 0;
            double allocatedPerEvent = 0;
            for (var r = 0; r < repeat + 1; r++) // the first run only warms up the JIT
            {
                var book = new LimitOrderBook<NullSink>(options, default);
                s.Stream.ApplyTo(book, 0, s.WarmupCount);
                restingStart = book.OrderCount;
                var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
                var cpuStart = ThreadCpuClock.NowNanoseconds();
                var start = Stopwatch.GetTimestamp();
                s.Stream.ApplyTo(book, s.WarmupCount, s.MeasuredCount, prefetch);
                var elapsed = Stopwatch.GetElapsedTime(start);
                var cpuEnd = ThreadCpuClock.NowNanoseconds();
                if (r > 0 && cpuStart is { } c0 && cpuEnd is { } c1 && c1 > c0) cpuRates.Add(s.MeasuredCount / ((c1 - c0) / 1e9));
                allocatedPerEvent = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)s.MeasuredCount;
                restingEnd = book.OrderCount;
                if (r > 0) rates.Add(s.MeasuredCount / elapsed.TotalSeconds);
            }
            rates.Sort();
            cpuRates.Sort();
            var best = rates[^1];
            var bestCpu = cpuRates.Count > 0 ? cpuRates[^1] : double.NaN;
            throughput.AddRow(name, $"{restingStart:N0} / {restingEnd:N0}", s.MeasuredCount.ToString("N0", inv),
                best.ToString("N0", inv), (1e9 / best).ToString("F1", inv), rates[rates.Count / 2].ToString("N0", inv),
                cpuRates.Count > 0 ? bestCpu.ToString("N0", inv) : "n/a", cpuRates.Count > 0 ? (1e9 / bestCpu).ToString("F1", inv) : "n/a",
                allocatedPerEvent.ToString("F3", inv));

            if (prefetch) continue; // per-event timing would defeat the look-ahead
            foreach (var row in MeasureLatency(s, options)) latency.AddRow(profile.Name, row.Op, row.Count.ToString("N0", inv), row.P50, row.P99, row.P999, row.Max);
        }
        AnsiConsole.Write(throughput);
        AnsiConsole.Write(latency);
        AnsiConsole.MarkupLine($"[grey]latencies time each event alone with Stopwatch.GetTimestamp (timer overhead ≈ {TimerOverheadNs():F0} ns, included); machine: {Environment.ProcessorCount} logical cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}[/]");
        return CliHost.Ok;
    }

    private static IEnumerable<(string Op, int Count, string P50, string P99, string P999, string Max)> MeasureLatency(SyntheticStream s, BookOptions options)
    {
        var book = new LimitOrderBook<NullSink>(options, default);
        s.Stream.ApplyTo(book, 0, s.WarmupCount);
        var samples = new[] { new List<long>(), new List<long>(), new List<long>() };
        foreach (var list in samples) list.Capacity = s.MeasuredCount / 2;
        var events = s.Stream.Events;
        var toNs = 1e9 / Stopwatch.Frequency;
        for (var i = s.WarmupCount; i < events.Length; i++)
        {
            var t0 = Stopwatch.GetTimestamp();
            s.Stream.ApplyTo(book, i, 1);
            var t1 = Stopwatch.GetTimestamp();
            samples[(int)events[i].Kind].Add(t1 - t0);
        }
        var names = new[] { "limit (A)", "cancel (C)", "market (M)" };
        for (var k = 0; k < 3; k++)
        {
            var list = samples[k];
            if (list.Count == 0) continue;
            list.Sort();
            string P(double q) => (list[Math.Min(list.Count - 1, (int)(q * list.Count))] * toNs).ToString("F0", CultureInfo.InvariantCulture);
            yield return (names[k], list.Count, P(0.50), P(0.99), P(0.999), (list[^1] * toNs).ToString("F0", CultureInfo.InvariantCulture));
        }
    }

    private static double TimerOverheadNs()
    {
        const int n = 1_000_000;
        long sink = 0;
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < n; i++) sink += Stopwatch.GetTimestamp();
        var elapsed = Stopwatch.GetElapsedTime(start);
        GC.KeepAlive(sink);
        return elapsed.TotalNanoseconds / n;
    }
}
