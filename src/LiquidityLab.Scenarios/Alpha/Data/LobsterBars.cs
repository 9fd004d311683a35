using System.Globalization;
using LiquidityLab.Simulation.Alpha;
using LiquidityLab.Strategies.Signals;

namespace LiquidityLab.Scenarios.Alpha.Data;

/// <summary>
/// LOBSTER level-1 data as bars: the message file gives each event's time (seconds after midnight),
/// the orderbook file's row beside it the best ask price, ask size, bid price and bid size after the
/// event. Each bar holds the last quote with both sides present at or before its end (earlier bars'
/// quote carried forward), and the order flow of every two-sided update within it (the sum of the
/// Cont–Kukanov–Stoikov contributions) with their mean depth, so the ofi signal loses no update. A row is bad when a field does not parse, a price is negative, or time goes
/// backwards (events within one nanosecond stamp are normal in LOBSTER and kept).
/// </summary>
public static class LobsterBars
{
    private const long EmptyAsk = 9_999_999_999, EmptyBid = -9_999_999_999;

    public static MarketData Load(string messagePath, string orderbookPath, double barSeconds, double priceScale, double sessionSeconds, bool skipBadRows)
    {
        foreach (var p in new[] { messagePath, orderbookPath })
            if (!File.Exists(p)) throw new MarketDataException(p, 0, "no such file");
        using var messages = new StreamReader(messagePath);
        using var book = new StreamReader(orderbookPath);
        var badMessages = new BadRows(messagePath, skipBadRows);
        var badBook = new BadRows(orderbookPath, skipBadRows);
        var barNanos = (long)Math.Round(barSeconds * 1e9);
        var bars = new List<MarketBar>();
        TopOfBook? last = null;
        double flow = 0, depthSum = 0;
        var updates = 0;
        long start = 0, barEnd = 0, lastTime = long.MinValue;
        var started = false;
        var line = 0;
        while (true)
        {
            var m = messages.ReadLine();
            var b = book.ReadLine();
            if (m is null && b is null) break;
            line++;
            if (m is null || b is null)
                throw new MarketDataException(m is null ? messagePath : orderbookPath, line, "the message and orderbook files must have the same number of rows; this one ends early");
            var mf = m.Split(',');
            if (mf.Length != 6 || !double.TryParse(mf[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !(seconds >= 0))
            {
                badMessages.Report(line, $"expected 6 fields starting with the time in seconds after midnight: '{m}'");
                continue;
            }
            var time = (long)Math.Round(seconds * 1e9);
            if (time < lastTime)
            {
                badMessages.Report(line, $"time {mf[0]} goes backwards");
                continue;
            }
            var bf = b.Split(',');
            if (bf.Length < 4 || !long.TryParse(bf[0], out var askPx) || !long.TryParse(bf[1], out var askSz)
                || !long.TryParse(bf[2], out var bidPx) || !long.TryParse(bf[3], out var bidSz))
            {
                badBook.Report(line, $"expected ask price, ask size, bid price, bid size as integers: '{b}'");
                continue;
            }
            if ((askPx < 0 && askPx != EmptyBid) || (bidPx < 0 && bidPx != EmptyBid) || askSz < 0 || bidSz < 0)
            {
                badBook.Report(line, $"negative price or size: '{b}'");
                continue;
            }
            if (!started)
            {
                started = true;
                start = time / barNanos * barNanos;
                barEnd = start + barNanos;
            }
            while (time >= barEnd)
            {
                if (last is { } q) bars.Add(Bar(barEnd - start - barNanos, q, flow, updates > 0 ? depthSum / updates : 0.5 * (q.BidSize + q.AskSize)));
                flow = depthSum = 0;
                updates = 0;
                barEnd += barNanos;
            }
            lastTime = time;
            var hasBoth = askPx != EmptyAsk && bidPx != EmptyBid && askSz > 0 && bidSz > 0 && askPx > bidPx;
            if (hasBoth)
            {
                var quote = new TopOfBook(bidPx / priceScale, bidSz, askPx / priceScale, askSz);
                if (last is { } before)
                {
                    flow += OrderFlowImbalanceSignal.Contribution(before, quote);
                    depthSum += 0.5 * (quote.BidSize + quote.AskSize);
                    updates++;
                }
                last = quote;
            }
        }
        if (last is { } final) bars.Add(Bar(barEnd - start - barNanos, final, flow, updates > 0 ? depthSum / updates : 0.5 * (final.BidSize + final.AskSize)));
        if (bars.Count < 2) throw new MarketDataException(messagePath, 0, $"{bars.Count} bar(s) with a two-sided quote: at least 2 are needed");
        var skipped = badMessages.Count + badBook.Count;
        return new MarketData(bars, sessionSeconds / barSeconds, skipped, badMessages.First ?? badBook.First,
            $"LOBSTER {Path.GetFileName(messagePath)}: {line:N0} events in {bars.Count:N0} bars of {barSeconds:G4} s");
    }

    private static MarketBar Bar(long time, TopOfBook q, double flow, double depth) => new(time, 0, 0.5 * (q.BidPrice + q.AskPrice), q, 0, flow, depth);
}
