using System.Globalization;
using LiquidityLab.Simulation.Alpha;
using LiquidityLab.Strategies.Signals;

namespace LiquidityLab.Scenarios.Alpha.Data;

/// <summary>
/// Reads bars from a CSV with a header row. Columns (any order, names case-insensitive):
/// <c>time</c> (ISO 8601 date-time, e.g. 2024-03-01T09:31:00, or seconds as a number), <c>mid</c> or
/// <c>close</c> (the price), and optionally <c>bid</c>, <c>ask</c>, <c>bid_size</c>, <c>ask_size</c>
/// (a top of book: all four or none) and <c>volume</c>. A row is bad when a number does not parse, a
/// price is not positive, or its time is not after the previous good row's; a bad row stops the load
/// with its file and line, or is skipped and counted.
/// </summary>
public static class CsvBars
{
    public static MarketData Load(string path, int barsPerDay, bool skipBadRows)
    {
        if (!File.Exists(path)) throw new MarketDataException(path, 0, "no such file");
        using var reader = new StreamReader(path);
        return Read(reader, path, barsPerDay, skipBadRows);
    }

    public static MarketData Read(TextReader reader, string file, int barsPerDay, bool skipBadRows)
    {
        var header = reader.ReadLine() ?? throw new MarketDataException(file, 1, "empty file: expected a header row (time, mid or close, ...)");
        var names = header.Split(',').Select(h => h.Trim().ToLowerInvariant()).ToArray();
        int Col(string name) => Array.IndexOf(names, name);
        var time = Col("time");
        var price = Col("mid") >= 0 ? Col("mid") : Col("close");
        if (time < 0 || price < 0)
            throw new MarketDataException(file, 1, $"the header must name a 'time' column and a 'mid' or 'close' column; found: {string.Join(", ", names)}");
        int bid = Col("bid"), ask = Col("ask"), bidSize = Col("bid_size"), askSize = Col("ask_size"), volume = Col("volume");
        var book = new[] { bid, ask, bidSize, askSize };
        if (book.Any(c => c >= 0) && book.Any(c => c < 0))
            throw new MarketDataException(file, 1, "a top of book needs all four of bid, ask, bid_size, ask_size");
        var hasBook = bid >= 0;

        var bad = new BadRows(file, skipBadRows);
        var bars = new List<MarketBar>();
        long? firstTime = null, lastTime = null;
        DateOnly? lastDate = null;
        var day = 0;
        var lineNo = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (line.Length == 0) continue;
            var parts = line.Split(',');
            if (parts.Length != names.Length)
            {
                bad.Report(lineNo, $"expected {names.Length} fields like the header, got {parts.Length}");
                continue;
            }
            if (!TryTime(parts[time].Trim(), out var nanos, out var date))
            {
                bad.Report(lineNo, $"time '{parts[time]}' is neither an ISO 8601 date-time nor a number of seconds");
                continue;
            }
            if (lastTime is { } previous && nanos <= previous)
            {
                bad.Report(lineNo, $"time '{parts[time]}' is not after the previous row's");
                continue;
            }
            if (!Positive(parts, price, names, lineNo, bad, out var mid)) continue;
            TopOfBook? top = null;
            if (hasBook)
            {
                if (!Positive(parts, bid, names, lineNo, bad, out var b) || !Positive(parts, ask, names, lineNo, bad, out var a)
                    || !NonNegative(parts, bidSize, names, lineNo, bad, out var bs) || !NonNegative(parts, askSize, names, lineNo, bad, out var @as))
                    continue;
                if (a < b)
                {
                    bad.Report(lineNo, $"ask {parts[ask]} is below bid {parts[bid]}");
                    continue;
                }
                top = new TopOfBook(b, bs, a, @as);
            }
            var vol = 0.0;
            if (volume >= 0 && !NonNegative(parts, volume, names, lineNo, bad, out vol)) continue;

            if (date is { } d)
            {
                if (lastDate is { } ld && d != ld) day++;
                lastDate = d;
            }
            firstTime ??= nanos;
            lastTime = nanos;
            bars.Add(new MarketBar(nanos - firstTime.Value, day, mid, top, vol));
        }
        if (bars.Count < 2) throw new MarketDataException(file, 0, $"{bars.Count} usable row(s): at least 2 bars are needed");
        return new MarketData(bars, barsPerDay, bad.Count, bad.First, $"CSV {Path.GetFileName(file)}: {bars.Count:N0} bars{(hasBook ? " with top of book" : "")}");
    }

    private static bool TryTime(string s, out long nanos, out DateOnly? date)
    {
        date = null;
        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && double.IsFinite(seconds))
        {
            nanos = (long)Math.Round(seconds * 1e9);
            return true;
        }
        if (DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t))
        {
            nanos = (t.Ticks - DateTime.UnixEpoch.Ticks) * 100;
            date = DateOnly.FromDateTime(t);
            return true;
        }
        nanos = 0;
        return false;
    }

    private static bool Positive(string[] parts, int col, string[] names, int line, BadRows bad, out double value)
    {
        if (!Number(parts, col, names, line, bad, out value)) return false;
        if (value > 0) return true;
        bad.Report(line, $"{names[col]} {parts[col].Trim()} is not a positive price");
        return false;
    }

    private static bool NonNegative(string[] parts, int col, string[] names, int line, BadRows bad, out double value)
    {
        if (!Number(parts, col, names, line, bad, out value)) return false;
        if (value >= 0) return true;
        bad.Report(line, $"{names[col]} {parts[col].Trim()} is negative");
        return false;
    }

    private static bool Number(string[] parts, int col, string[] names, int line, BadRows bad, out double value)
    {
        if (double.TryParse(parts[col].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value)) return true;
        bad.Report(line, $"{names[col]} '{parts[col].Trim()}' is not a number");
        return false;
    }
}
