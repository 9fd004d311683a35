using System.Globalization;
using LiquidityLab.Core.Domain;
using LiquidityLab.OrderBook.Events;
using LiquidityLab.OrderBook.Matching;
using LiquidityLab.OrderBook.Orders;

namespace LiquidityLab.OrderBook.Replay;

public enum ReplayKind : byte
{
    /// <summary><c>A id B|S price qty</c>: a good-till-cancelled limit order (it may cross).</summary>
    Add = 0,

    /// <summary><c>C id</c>: cancel a resting order.</summary>
    Cancel = 1,

    /// <summary><c>M id B|S qty</c>: a market order (never rests).</summary>
    Market = 2,
}

/// <summary>One line of a replay file.</summary>
public readonly record struct ReplayEvent(ReplayKind Kind, long OrderId, Side Side, long Price, long Quantity);

/// <summary>A line of a replay file that does not follow the format.</summary>
public sealed class ReplayFormatException(string file, int line, string message)
    : FormatException($"{file}:{line}: {message}")
{
    public string File { get; } = file;
    public int Line { get; } = line;
}

/// <summary>
/// A whole replay file in memory (parsed before any timing starts), with the price range it uses.
/// <para>Format: one event per line, fields separated by spaces or tabs; blank lines and lines starting
/// with <c>#</c> are ignored. <c>A id B|S price qty</c> (limit order, may cross), <c>C id</c> (cancel),
/// <c>M id B|S qty</c> (market order). Ids, prices (integer ticks) and quantities (lots) are integers;
/// quantities must be positive.</para>
/// </summary>
public sealed class ReplayStream
{
    private ReplayStream(ReplayEvent[] events, long minPrice, long maxPrice)
    {
        Events = events;
        MinPrice = minPrice;
        MaxPrice = maxPrice;
    }

    public ReplayEvent[] Events { get; }

    /// <summary>Lowest limit price in the file (0 when it has no limit orders).</summary>
    public long MinPrice { get; }

    /// <summary>Highest limit price in the file (0 when it has no limit orders).</summary>
    public long MaxPrice { get; }

    /// <summary>Book options whose band covers every price of the file, tick 1.</summary>
    public BookOptions BookOptions(int initialCapacity = 1 << 16) => new(MinPrice, MaxPrice) { InitialOrderCapacity = initialCapacity };

    public static ReplayStream Load(string path)
    {
        using var reader = new StreamReader(path);
        return Parse(reader, path);
    }

    /// <exception cref="ReplayFormatException">a line is malformed (message names file, line, value and what is allowed).</exception>
    public static ReplayStream Parse(TextReader reader, string fileName)
    {
        var events = new List<ReplayEvent>();
        long min = long.MaxValue, max = long.MinValue;
        var lineNo = 0;
        Span<Range> parts = stackalloc Range[6];
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            var span = line.AsSpan().Trim();
            if (span.IsEmpty || span[0] == '#') continue;
            var n = SplitFields(span, parts);
            var kind = span[parts[0]];
            if (kind.SequenceEqual("A"))
            {
                Expect(n, 5, "A id B|S price qty", fileName, lineNo, line);
                var price = Int(span[parts[3]], "price", fileName, lineNo);
                events.Add(new ReplayEvent(ReplayKind.Add, Int(span[parts[1]], "id", fileName, lineNo), ParseSide(span[parts[2]], fileName, lineNo), price, Qty(span[parts[4]], fileName, lineNo)));
                if (price < min) min = price;
                if (price > max) max = price;
            }
            else if (kind.SequenceEqual("C"))
            {
                Expect(n, 2, "C id", fileName, lineNo, line);
                events.Add(new ReplayEvent(ReplayKind.Cancel, Int(span[parts[1]], "id", fileName, lineNo), Side.Buy, 0, 0));
            }
            else if (kind.SequenceEqual("M"))
            {
                Expect(n, 4, "M id B|S qty", fileName, lineNo, line);
                events.Add(new ReplayEvent(ReplayKind.Market, Int(span[parts[1]], "id", fileName, lineNo), ParseSide(span[parts[2]], fileName, lineNo), 0, Qty(span[parts[3]], fileName, lineNo)));
            }
            else
            {
                throw new ReplayFormatException(fileName, lineNo, $"unknown event '{kind}': allowed are A (limit order), C (cancel), M (market order)");
            }
        }
        if (min > max) min = max = 0;
        if (max - min >= MaxBandLevels)
            throw new ReplayFormatException(fileName, lineNo, $"prices span {min}..{max}, more than {MaxBandLevels} ticks: the book's band cannot cover them");
        return new ReplayStream(events.ToArray(), min, max);
    }

    private const long MaxBandLevels = Matching.BookOptions.MaxLevels;

    private static int SplitFields(ReadOnlySpan<char> span, Span<Range> parts)
    {
        var count = 0;
        var i = 0;
        while (i < span.Length)
        {
            while (i < span.Length && (span[i] == ' ' || span[i] == '\t')) i++;
            if (i >= span.Length) break;
            var start = i;
            while (i < span.Length && span[i] != ' ' && span[i] != '\t') i++;
            if (count < parts.Length) parts[count] = new Range(start, i);
            count++;
        }
        return count;
    }

    private static void Expect(int n, int expected, string shape, string file, int line, string text)
    {
        if (n != expected) throw new ReplayFormatException(file, line, $"expected '{shape}' ({expected} fields), got {n} fields: '{text}'");
    }

    private static long Int(ReadOnlySpan<char> s, string what, string file, int line)
        => long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new ReplayFormatException(file, line, $"{what} '{s}' is not an integer");

    private static long Qty(ReadOnlySpan<char> s, string file, int line)
    {
        var q = Int(s, "quantity", file, line);
        return q > 0 ? q : throw new ReplayFormatException(file, line, $"quantity '{s}' must be a positive integer");
    }

    private static Side ParseSide(ReadOnlySpan<char> s, string file, int line)
        => s.SequenceEqual("B") ? Side.Buy
            : s.SequenceEqual("S") ? Side.Sell
            : throw new ReplayFormatException(file, line, $"side '{s}' must be B (buy) or S (sell)");

    /// <summary>Applies every event to <paramref name="book"/> in order: the timed loop of a replay.</summary>
    public void ApplyTo<TSink>(LimitOrderBook<TSink> book) where TSink : IBookEventSink => ApplyTo(book, 0, Events.Length);

    /// <summary>
    /// Applies events [<paramref name="start"/>, <paramref name="start"/> + <paramref name="count"/>) in order.
    /// With <paramref name="prefetch"/>, cache hints for the events 4, 8 and 16 ahead are issued first
    /// (same results; faster when the book is larger than the CPU caches).
    /// </summary>
    public void ApplyTo<TSink>(LimitOrderBook<TSink> book, int start, int count, bool prefetch = false) where TSink : IBookEventSink
    {
        var events = Events;
        var end = start + count;
        // Chunks, so that the loop method is entered often and gets fully optimised code (not on-stack replacement).
        for (var from = start; from < end; from += ChunkSize)
        {
            var to = Math.Min(end, from + ChunkSize);
            if (prefetch) ApplyRangeWithHints(book, events, from, to, end);
            else ApplyRange(book, events, from, to);
        }
    }

    private const int ChunkSize = 4096;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining | System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void ApplyRange<TSink>(LimitOrderBook<TSink> book, ReplayEvent[] events, int from, int to) where TSink : IBookEventSink
    {
        for (var i = from; i < to; i++) Apply(book, events[i]);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining | System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void ApplyRangeWithHints<TSink>(LimitOrderBook<TSink> book, ReplayEvent[] events, int from, int to, int end) where TSink : IBookEventSink
    {
        for (var i = from; i < to; i++)
        {
            Hint(book, events, i, end);
            Apply(book, events[i]);
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static void Apply<TSink>(LimitOrderBook<TSink> book, in ReplayEvent e) where TSink : IBookEventSink
    {
        switch (e.Kind)
        {
            case ReplayKind.Add: book.Submit(new OrderRequest(e.OrderId, 0, e.Side, OrderType.Limit, e.Price, e.Quantity)); break;
            case ReplayKind.Cancel: book.Cancel(e.OrderId); break;
            default: book.Submit(new OrderRequest(e.OrderId, 0, e.Side, OrderType.Market, 0, e.Quantity)); break;
        }
    }

    private const int FarAhead = 16;
    private const int MidAhead = 8;
    private const int NearAhead = 4;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static void Hint<TSink>(LimitOrderBook<TSink> book, ReplayEvent[] events, int i, int end) where TSink : IBookEventSink
    {
        if (i + FarAhead < end && events[i + FarAhead].Kind != ReplayKind.Market) book.PrefetchId(events[i + FarAhead].OrderId);
        if (i + MidAhead < end)
        {
            ref readonly var mid = ref events[i + MidAhead];
            if (mid.Kind == ReplayKind.Cancel) book.PrefetchOrder(mid.OrderId);
            else if (mid.Kind == ReplayKind.Add) book.PrefetchLevelTail(mid.Side, mid.Price);
        }
        if (i + NearAhead < end && events[i + NearAhead].Kind == ReplayKind.Cancel) book.PrefetchNeighbours(events[i + NearAhead].OrderId);
    }

    /// <summary>Writes the stream back in the text format.</summary>
    public static void Write(TextWriter writer, IEnumerable<ReplayEvent> events)
    {
        var inv = CultureInfo.InvariantCulture;
        foreach (var e in events)
        {
            var side = e.Side == Side.Buy ? "B" : "S";
            writer.WriteLine(e.Kind switch
            {
                ReplayKind.Add => string.Create(inv, $"A {e.OrderId} {side} {e.Price} {e.Quantity}"),
                ReplayKind.Cancel => string.Create(inv, $"C {e.OrderId}"),
                _ => string.Create(inv, $"M {e.OrderId} {side} {e.Quantity}"),
            });
        }
    }

    /// <summary>A stream over events already in memory (e.g. generated); the band is computed from them.</summary>
    public static ReplayStream FromEvents(ReplayEvent[] events)
    {
        long min = long.MaxValue, max = long.MinValue;
        foreach (var e in events)
        {
            if (e.Kind != ReplayKind.Add) continue;
            if (e.Price < min) min = e.Price;
            if (e.Price > max) max = e.Price;
        }
        if (min > max) min = max = 0;
        return new ReplayStream(events, min, max);
    }
}
