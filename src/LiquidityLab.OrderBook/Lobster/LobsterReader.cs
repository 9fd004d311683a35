using System.Globalization;
using LiquidityLab.Core.Time;

namespace LiquidityLab.OrderBook.Lobster;

/// <summary>
/// Readers for LOBSTER files (comma separated, no header). Streams line by line; every malformed line
/// raises <see cref="LobsterFormatException"/> naming the file, line, value and what is allowed.
/// </summary>
public static class LobsterReader
{
    /// <summary>Reads a message file: Time, Type, OrderID, Size, Price, Direction.</summary>
    public static IEnumerable<LobsterMessage> ReadMessages(string path)
    {
        using var reader = new StreamReader(path);
        foreach (var m in ReadMessages(reader, path)) yield return m;
    }

    public static IEnumerable<LobsterMessage> ReadMessages(TextReader reader, string fileName)
    {
        var lineNo = 0;
        var fields = new string[6];
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (line.Length == 0) continue;
            Split(line, fields, 6, fileName, lineNo, "Time,Type,OrderID,Size,Price,Direction");
            var time = ParseTime(fields[0], fileName, lineNo);
            var type = Long(fields[1], "Type", fileName, lineNo);
            if (type < 1 || type > 7) throw new LobsterFormatException(fileName, lineNo, $"Type '{fields[1]}' must be 1..7");
            var direction = Long(fields[5], "Direction", fileName, lineNo);
            if (direction != 1 && direction != -1) throw new LobsterFormatException(fileName, lineNo, $"Direction '{fields[5]}' must be 1 or -1");
            yield return new LobsterMessage(time, (LobsterEventType)type, Long(fields[2], "OrderID", fileName, lineNo),
                Long(fields[3], "Size", fileName, lineNo), Long(fields[4], "Price", fileName, lineNo), (int)direction);
        }
    }

    /// <summary>Reads an orderbook file of any depth (4 columns per level; every row must have the same count).</summary>
    public static IEnumerable<LobsterBookRow> ReadBook(string path)
    {
        using var reader = new StreamReader(path);
        foreach (var r in ReadBook(reader, path)) yield return r;
    }

    public static IEnumerable<LobsterBookRow> ReadBook(TextReader reader, string fileName)
    {
        var lineNo = 0;
        var columns = -1;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (line.Length == 0) continue;
            var parts = line.Split(',');
            if (columns < 0)
            {
                if (parts.Length % 4 != 0)
                    throw new LobsterFormatException(fileName, lineNo, $"an orderbook row has 4 columns per level (AskPrice,AskSize,BidPrice,BidSize); got {parts.Length}");
                columns = parts.Length;
            }
            else if (parts.Length != columns)
            {
                throw new LobsterFormatException(fileName, lineNo, $"expected {columns} columns like the first row, got {parts.Length}");
            }
            var values = new long[columns];
            for (var i = 0; i < columns; i++) values[i] = Long(parts[i], $"column {i + 1}", fileName, lineNo);
            yield return new LobsterBookRow(values);
        }
    }

    /// <summary>
    /// The level-1 quote stream: each message's time joined with the best bid/ask of the orderbook row after it.
    /// The two files must have the same number of rows.
    /// </summary>
    public static IEnumerable<LobsterQuote> ReadQuotes(string messagePath, string orderbookPath)
    {
        using var messages = ReadMessages(messagePath).GetEnumerator();
        using var rows = ReadBook(orderbookPath).GetEnumerator();
        var row = 0;
        while (true)
        {
            var hasMessage = messages.MoveNext();
            var hasRow = rows.MoveNext();
            if (!hasMessage && !hasRow) yield break;
            row++;
            if (hasMessage != hasRow)
                throw new LobsterFormatException(hasMessage ? orderbookPath : messagePath, row,
                    $"the message and orderbook files must have the same number of rows; this one ends at row {row - 1}");
            var m = messages.Current;
            var b = rows.Current;
            yield return new LobsterQuote(m.Time,
                b.HasBid(0) ? b.BidPrice(0) : null, b.HasBid(0) ? b.BidSize(0) : 0,
                b.HasAsk(0) ? b.AskPrice(0) : null, b.HasAsk(0) ? b.AskSize(0) : 0);
        }
    }

    private static void Split(string line, string[] into, int expected, string file, int lineNo, string shape)
    {
        var parts = line.Split(',');
        if (parts.Length != expected) throw new LobsterFormatException(file, lineNo, $"expected {expected} columns ({shape}), got {parts.Length}: '{line}'");
        parts.CopyTo(into, 0);
    }

    private static long Long(string s, string what, string file, int line)
        => long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new LobsterFormatException(file, line, $"{what} '{s}' is not an integer");

    /// <summary>Seconds after midnight with up to 9 decimals, converted exactly to nanoseconds.</summary>
    internal static SimTime ParseTime(string s, string file, int line)
    {
        var dot = s.IndexOf('.');
        var whole = dot < 0 ? s : s[..dot];
        var frac = dot < 0 ? "" : s[(dot + 1)..];
        if (frac.Length > 9 || !long.TryParse(whole, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || (frac.Length > 0 && !long.TryParse(frac, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            throw new LobsterFormatException(file, line, $"Time '{s}' must be seconds after midnight with at most 9 decimals");
        var nanos = frac.Length == 0 ? 0 : long.Parse(frac.PadRight(9, '0'), CultureInfo.InvariantCulture);
        return new SimTime(checked(seconds * SimTime.NanosPerSecond + nanos));
    }
}
