using System.Globalization;
using LiquidityLab.Core.Domain;
using LiquidityLab.OrderBook.Matching;
using LiquidityLab.OrderBook.Orders;

namespace LiquidityLab.OrderBook.Views;

/// <summary>
/// A consistent copy of a book: its options and its resting orders, each side best level first and
/// each level in queue order. It round-trips through a small text format (<see cref="WriteTo"/>/<see cref="ReadFrom"/>).
/// </summary>
public sealed record BookSnapshot(BookOptions Options, IReadOnlyList<RestingOrder> Bids, IReadOnlyList<RestingOrder> Asks)
{
    private const string Header = "liqlab-book-snapshot 1";

    /// <summary>
    /// Text form: a header line, an options line <c>options MIN MAX TICK POSTONLY</c>, then one line per order
    /// <c>B|S ID OWNER PRICE QTY STP</c>, bids then asks, in priority order.
    /// </summary>
    public void WriteTo(TextWriter writer)
    {
        var inv = CultureInfo.InvariantCulture;
        writer.WriteLine(Header);
        writer.WriteLine(string.Create(inv, $"options {Options.MinPrice} {Options.MaxPrice} {Options.TickSize} {Options.PostOnly}"));
        foreach (var o in Bids) writer.WriteLine(string.Create(inv, $"B {o.OrderId} {o.Owner} {o.Price} {o.Quantity} {o.SelfTrade}"));
        foreach (var o in Asks) writer.WriteLine(string.Create(inv, $"S {o.OrderId} {o.Owner} {o.Price} {o.Quantity} {o.SelfTrade}"));
    }

    public static BookSnapshot ReadFrom(TextReader reader)
    {
        var inv = CultureInfo.InvariantCulture;
        if (reader.ReadLine() != Header) throw new InvalidDataException($"not a book snapshot: first line must be '{Header}'");
        var opt = (reader.ReadLine() ?? "").Split(' ');
        if (opt.Length != 5 || opt[0] != "options") throw new InvalidDataException("line 2: expected 'options MIN MAX TICK POSTONLY'");
        var options = new BookOptions(long.Parse(opt[1], inv), long.Parse(opt[2], inv), long.Parse(opt[3], inv))
        {
            PostOnly = Enum.Parse<PostOnlyMode>(opt[4]),
        };
        var bids = new List<RestingOrder>();
        var asks = new List<RestingOrder>();
        var lineNo = 2;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (line.Length == 0) continue;
            var f = line.Split(' ');
            if (f.Length != 6 || (f[0] != "B" && f[0] != "S")) throw new InvalidDataException($"line {lineNo}: expected 'B|S ID OWNER PRICE QTY STP', got '{line}'");
            var side = f[0] == "B" ? Side.Buy : Side.Sell;
            var o = new RestingOrder(long.Parse(f[1], inv), int.Parse(f[2], inv), side, long.Parse(f[3], inv), long.Parse(f[4], inv), Enum.Parse<SelfTradePrevention>(f[5]));
            (side == Side.Buy ? bids : asks).Add(o);
        }
        return new BookSnapshot(options, bids, asks);
    }
}
