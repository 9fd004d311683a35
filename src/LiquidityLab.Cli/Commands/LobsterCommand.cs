using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using LiquidityLab.Analytics.Microstructure;
using LiquidityLab.OrderBook.Lobster;
using LiquidityLab.Scenarios.Microstructure;
using Spectre.Console;

namespace LiquidityLab.Cli.Commands;

/// <summary><c>liqlab lobster check|stats|facts</c>: LOBSTER order-level data (lobsterdata.com).</summary>
internal static class LobsterCommand
{
    public static Command Create()
    {
        var lobster = new Command("lobster", "LOBSTER order-level data (lobsterdata.com): book reconstruction check and day statistics");
        lobster.Subcommands.Add(CreateCheck());
        lobster.Subcommands.Add(CreateStats());
        lobster.Subcommands.Add(CreateFacts());
        return lobster;
    }

    private static Command CreateCheck()
    {
        var cmd = new Command("check", "Rebuild the book from the first orderbook row plus the messages and report on how many rows its top levels equal the file's");
        var message = new Argument<string>("MESSAGE") { Description = "LOBSTER message file (..._message_N.csv)" };
        var orderbook = new Argument<string>("ORDERBOOK") { Description = "LOBSTER orderbook file (..._orderbook_N.csv)" };
        var levels = new Option<int?>("--levels") { Description = "levels per side to compare (default: the file's depth)" };
        var show = new Option<int>("--show") { Description = $"list this many mismatching rows of each mode (at most {LobsterCheck.MismatchesKept})", DefaultValueFactory = _ => 1 };
        cmd.Arguments.Add(message);
        cmd.Arguments.Add(orderbook);
        cmd.Options.Add(levels);
        cmd.Options.Add(show);
        cmd.SetAction(parse => Check(parse.GetValue(message)!, parse.GetValue(orderbook)!, parse.GetValue(levels), parse.GetValue(show)));
        // Reports both the strict reconstruction (first row + messages) and one that also learns levels entering the file's window.
        return cmd;
    }

    private static Command CreateStats()
    {
        var cmd = new Command("stats", "Event counts by type, traded volume, VWAP, mean quoted spread and mean level-1 depth of a LOBSTER day");
        var message = new Argument<string>("MESSAGE") { Description = "LOBSTER message file" };
        var orderbook = new Argument<string?>("ORDERBOOK")
        {
            Description = "LOBSTER orderbook file (default: the message file's name with 'message' replaced by 'orderbook', if it exists)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        cmd.Arguments.Add(message);
        cmd.Arguments.Add(orderbook);
        cmd.SetAction(parse => Stats(parse.GetValue(message)!, parse.GetValue(orderbook)));
        return cmd;
    }

    private static Command CreateFacts()
    {
        var cmd = new Command("facts", "Stylized facts of a LOBSTER day: fat tails and memory of clock-sampled mid returns, spread and trade-size distributions");
        var message = new Argument<string>("MESSAGE") { Description = "LOBSTER message file" };
        var orderbook = new Argument<string?>("ORDERBOOK")
        {
            Description = "LOBSTER orderbook file (default: the message file's name with 'message' replaced by 'orderbook')",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var interval = new Option<double>("--interval") { Description = "return sampling interval in seconds", DefaultValueFactory = _ => LobsterFacts.ReferenceIntervalSeconds };
        var json = new Option<bool>("--json") { Description = "print the facts as JSON" };
        cmd.Arguments.Add(message);
        cmd.Arguments.Add(orderbook);
        cmd.Options.Add(interval);
        cmd.Options.Add(json);
        cmd.SetAction(parse => Facts(parse.GetValue(message)!, parse.GetValue(orderbook), parse.GetValue(interval), parse.GetValue(json)));
        return cmd;
    }

    private static int Facts(string messagePath, string? bookPath, double interval, bool json)
    {
        if (!(interval > 0) || !double.IsFinite(interval)) return CliErrors.Input($"--interval {interval.ToString(CultureInfo.InvariantCulture)}: allowed are seconds > 0");
        bookPath ??= SiblingOrderbook(messagePath) ?? messagePath.Replace("_message_", "_orderbook_", StringComparison.Ordinal);
        if (!TryLoad(messagePath, bookPath, out var messages, out var rows, out var exit)) return exit;
        var facts = LobsterFacts.Compute(Path.GetFileName(messagePath), messages, rows!, interval);
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(facts, LobsterFacts.Json));
            return CliHost.Ok;
        }
        TableOutput.Prepare();
        var inv = CultureInfo.InvariantCulture;
        var r = facts.Returns;
        var t = new Table().Title(string.Create(inv, $"returns of the mid sampled every {interval:0.###} s")).AddColumns("measure", "value");
        t.AddRow("returns", r.Count.ToString("N0", inv));
        t.AddRow("standard deviation", r.StandardDeviation.ToString("G4", inv));
        t.AddRow("skewness", r.Skewness.ToString("F3", inv));
        t.AddRow("excess kurtosis (0 for a normal law)", r.ExcessKurtosis.ToString("F3", inv));
        t.AddRow("tail index (Hill, top 5% of |r|)", r.TailIndex.ToString("F2", inv));
        t.AddRow("autocorrelation of r, lags 1-5", string.Join("  ", r.ReturnAutocorrelation.Take(5).Select(a => a.ToString("F3", inv))));
        t.AddRow("autocorrelation of |r|, lags 1-5", string.Join("  ", r.AbsoluteReturnAutocorrelation.Take(5).Select(a => a.ToString("F3", inv))));
        t.AddRow("mean quoted spread (ticks, per book change)", facts.MeanSpreadTicks.ToString("F3", inv));
        t.AddRow("spread 1 / 2 / 3+ ticks", string.Join(" / ", new[] { 1L, 2L }.Select(k => Share(facts.SpreadTicks.Where(f => f.Value == k))).Append(Share(facts.SpreadTicks.Where(f => f.Value >= 3)))));
        var s = facts.TradeSizes;
        t.AddRow("trade sizes (executions)", string.Create(inv, $"{s.Count:N0}: mean {s.Mean:F1}, median {s.Median:F0}, p90 {s.P90:F0}, p99 {s.P99:F0}, max {s.Max:F0}"));
        AnsiConsole.Write(t);
        Console.WriteLine("data: LOBSTER sample data, lobsterdata.com, reconstructed from NASDAQ TotalView-ITCH");
        return CliHost.Ok;

        static string Share(IEnumerable<Frequency> f) => f.Sum(x => x.Share).ToString("P1", CultureInfo.InvariantCulture);
    }

    private static string? SiblingOrderbook(string messagePath)
    {
        var sibling = Path.Combine(Path.GetDirectoryName(messagePath) ?? "", Path.GetFileName(messagePath).Replace("_message_", "_orderbook_", StringComparison.Ordinal));
        return sibling != messagePath && File.Exists(sibling) ? sibling : null;
    }

    private static bool TryLoad(string messagePath, string? bookPath, out List<LobsterMessage> messages, out List<LobsterBookRow>? rows, out int exit)
    {
        messages = new();
        rows = null;
        exit = CliHost.Ok;
        foreach (var p in new[] { messagePath, bookPath })
        {
            if (p is not null && !File.Exists(p)) { exit = CliErrors.Input($"LOBSTER file '{p}' does not exist"); return false; }
        }
        try
        {
            messages = LobsterReader.ReadMessages(messagePath).ToList();
            if (bookPath is not null) rows = LobsterReader.ReadBook(bookPath).ToList();
        }
        catch (LobsterFormatException e) { exit = CliErrors.Input(e.Message); return false; }
        catch (IOException e) { exit = CliErrors.Input(e.Message); return false; }
        if (rows is not null && rows.Count != messages.Count)
        {
            exit = CliErrors.Input($"'{messagePath}' has {messages.Count} rows but '{bookPath}' has {rows.Count}: LOBSTER writes one orderbook row per message");
            return false;
        }
        return true;
    }

    private static int Check(string messagePath, string bookPath, int? levelsOption, int show)
    {
        if (!TryLoad(messagePath, bookPath, out var messages, out var rows, out var exit)) return exit;
        var fileLevels = rows!.Count > 0 ? rows[0].Levels : 0;
        var levels = levelsOption ?? fileLevels;
        if (levels < 1 || levels > Math.Max(1, fileLevels))
            return CliErrors.Input($"--levels {levels}: the orderbook file has {fileLevels} levels per side; allowed are 1..{fileLevels}");

        var strict = LobsterCheck.Run(messages, rows, levels);
        var revealing = LobsterCheck.Run(messages, rows, levels, reveal: true);
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine($"message file     {messagePath}");
        Console.WriteLine($"orderbook file   {bookPath} ({fileLevels} level{(fileLevels == 1 ? "" : "s")} per side)");
        Console.WriteLine(string.Create(inv, $"compared         top {levels} level{(levels == 1 ? "" : "s")} per side, price and size, after each of {strict.Rows:N0} messages (tick {strict.TickSize})"));
        Console.WriteLine();
        if (show < 0 || show > LobsterCheck.MismatchesKept) return CliErrors.Input($"--show {show}: allowed are 0..{LobsterCheck.MismatchesKept}");
        Report("strict: the first orderbook row (first message undone) plus the messages", strict, show);
        Console.WriteLine();
        Report("window-aware: as strict, and price ranges entering the file's window are taken from the row", revealing, show);
        Console.WriteLine(string.Create(inv, $"  taken from rows {revealing.ResyncedLevels:N0} levels entering the window, {revealing.PrunedOrders:N0} stale orders removed there, on {revealing.SyncedRows:N0} rows"));
        Console.WriteLine(string.Create(inv, $"  message-only   {revealing.MatchingUnsyncedRows:N0} of {revealing.Rows - revealing.SyncedRows:N0} rows where nothing entered the window match"));
        if (strict.FirstMismatchRow >= 0)
        {
            Console.WriteLine();
            Console.WriteLine("note: a LOBSTER file of depth N only carries messages for its top N levels. Liquidity deeper than that");
            Console.WriteLine("      (resting before the open, or changed while it was outside the window) is invisible to the strict");
            Console.WriteLine("      reconstruction: messages about it are 'unresolved' and rows where it shows up cannot match. With a");
            Console.WriteLine("      depth-1 file almost every change of the best price uncovers such a level. The window-aware mode");
            Console.WriteLine("      takes only the price range that just entered the window from the row, and never touches prices");
            Console.WriteLine("      that were already inside it, so its matching rows still test every message-driven change.");
        }
        return CliHost.Ok;
    }

    private static void Report(string title, LobsterCheckResult r, int show)
    {
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(title);
        Console.WriteLine(string.Create(inv, $"  matching rows  {r.MatchingRows:N0} of {r.Rows:N0} ({100 * r.MatchingFraction:F2}%)"));
        if (r.FirstMismatches.Count == 0 || show == 0) Console.WriteLine(string.Create(inv, $"  first mismatch {r.FirstMismatch ?? "none"}"));
        for (var i = 0; i < Math.Min(show, r.FirstMismatches.Count); i++)
            Console.WriteLine($"  {(i == 0 ? "first mismatch" : "then          ")} {r.FirstMismatches[i]}");
        if (r.FirstMismatchRow >= 0)
            Console.WriteLine(string.Create(inv, $"  mismatched     {r.MismatchesAtUnseenLevel:N0} rows show a price level the reconstruction holds nothing at, {r.MismatchesOther:N0} other"));
        Console.WriteLine(string.Create(inv, $"  seed           {r.SyntheticOrders} synthetic orders, one per level of the first row"));
        Console.WriteLine(string.Create(inv, $"  unknown ids    {r.SyntheticHits:N0} applied to a synthetic level, {r.Unresolved:N0} unresolved (no liquidity known at that price)"));
        Console.WriteLine(string.Create(inv, $"  anomalies      {r.Oversized:N0} oversized reductions, {r.CrossingSubmissions:N0} crossing submissions, {r.DuplicateSubmissions:N0} duplicate ids"));
    }

    private static int Stats(string messagePath, string? bookPath)
    {
        bookPath ??= SiblingOrderbook(messagePath);
        TableOutput.Prepare();
        if (!TryLoad(messagePath, bookPath, out var messages, out var rows, out var exit)) return exit;
        var s = LobsterStats.Compute(messages, rows);
        var inv = CultureInfo.InvariantCulture;
        string F(double? v, string fmt) => v is { } x ? x.ToString(fmt, inv) : "n/a";

        var counts = new Table().Title("events by type").AddColumns("type", "name", "count");
        foreach (var (type, n) in s.CountsByType) counts.AddRow(((int)type).ToString(inv), type.ToString(), n.ToString("N0", inv));
        counts.AddRow("", "total", s.Messages.ToString("N0", inv));
        AnsiConsole.Write(counts);

        var t = new Table().Title("trading").AddColumns("measure", "value");
        t.AddRow("file", Markup.Escape(messagePath));
        t.AddRow("period", string.Create(inv, $"{TimeOfDay(s.FirstTimeSeconds)} - {TimeOfDay(s.LastTimeSeconds)}"));
        t.AddRow("traded volume (types 4+5, shares)", s.TradedVolume.ToString("N0", inv));
        t.AddRow("  visible / hidden", string.Create(inv, $"{s.VisibleExecutedVolume:N0} / {s.HiddenExecutedVolume:N0}"));
        t.AddRow("  buyer- / seller-initiated", string.Create(inv, $"{s.BuyerInitiatedVolume:N0} / {s.SellerInitiatedVolume:N0}"));
        t.AddRow("cross-trade volume (type 6)", s.CrossVolume.ToString("N0", inv));
        t.AddRow("VWAP (USD)", F(s.Vwap, "F4"));
        if (rows is null)
        {
            t.AddRow("spread, depth", "n/a (no orderbook file)");
        }
        else
        {
            t.AddRow("mean quoted spread (USD, per row)", F(s.MeanSpread, "F5"));
            t.AddRow("mean quoted spread (USD, time-weighted)", F(s.TimeWeightedSpread, "F5"));
            t.AddRow("mean best-bid depth (shares, per row / time-weighted)", $"{F(s.MeanBidDepth, "F1")} / {F(s.TimeWeightedBidDepth, "F1")}");
            t.AddRow("mean best-ask depth (shares, per row / time-weighted)", $"{F(s.MeanAskDepth, "F1")} / {F(s.TimeWeightedAskDepth, "F1")}");
        }
        AnsiConsole.Write(t);
        Console.WriteLine("data: LOBSTER sample data, lobsterdata.com, reconstructed from NASDAQ TotalView-ITCH");
        return CliHost.Ok;
    }

    private static string TimeOfDay(double seconds) => TimeSpan.FromSeconds(seconds).ToString(@"hh\:mm\:ss\.fff", CultureInfo.InvariantCulture);
}
