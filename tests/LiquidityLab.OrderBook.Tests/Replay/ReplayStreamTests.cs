using LiquidityLab.Core.Domain;
using LiquidityLab.OrderBook.Events;
using LiquidityLab.OrderBook.Matching;
using LiquidityLab.OrderBook.Replay;

namespace LiquidityLab.OrderBook.Tests.Replay;

public class ReplayStreamTests
{
    [Fact]
    public void Parse_AllThreeEventKinds_CommentsAndBlankLinesSkipped_BandFromLimitPrices()
    {
        var s = ReplayStream.Parse(new StringReader("# header\nA 1 B 100 5\n\nA 2 S 105 3\nC 1\nM 3 S 2\n"), "f");
        Assert.Equal(new[]
        {
            new ReplayEvent(ReplayKind.Add, 1, Side.Buy, 100, 5),
            new ReplayEvent(ReplayKind.Add, 2, Side.Sell, 105, 3),
            new ReplayEvent(ReplayKind.Cancel, 1, Side.Buy, 0, 0),
            new ReplayEvent(ReplayKind.Market, 3, Side.Sell, 0, 2),
        }, s.Events);
        Assert.Equal((100, 105), (s.MinPrice, s.MaxPrice));
    }

    [Theory]
    [InlineData("X 1", "unknown event 'X'")]
    [InlineData("A 1 B 100", "expected 'A id B|S price qty'")]
    [InlineData("A 1 Q 100 5", "side 'Q' must be B (buy) or S (sell)")]
    [InlineData("A 1 B 1.5 5", "price '1.5' is not an integer")]
    [InlineData("M 1 B 0", "quantity '0' must be a positive integer")]
    [InlineData("C", "expected 'C id'")]
    public void Parse_BadLine_NamesFileLineValueAndWhatIsAllowed(string line, string expected)
    {
        var e = Assert.Throws<ReplayFormatException>(() => ReplayStream.Parse(new StringReader("A 7 B 10 1\n" + line + "\n"), "orders.txt"));
        Assert.Equal(2, e.Line);
        Assert.StartsWith("orders.txt:2: ", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Replay_SmallStream_FillsAtRestingPricesAndCancelsByRule()
    {
        var s = ReplayStream.Parse(new StringReader("A 1 B 100 5\nA 2 S 102 3\nA 3 S 101 2\nM 4 B 4\nC 1\nC 99\nA 5 B 103 10\n"), "f");
        var sink = new CollectingSink();
        var book = new LimitOrderBook<CollectingSink>(s.BookOptions(), sink);
        s.ApplyTo(book);
        var trades = sink.Events.Where(e => e.Kind == BookEventKind.Trade).Select(e => (e.OtherOrderId, e.Price, e.Quantity));
        Assert.Equal(new[] { (3L, 101L, 2L), (2L, 102L, 2L), (2L, 102L, 1L) }, trades);
        Assert.Single(sink.Events, e => e.Kind == BookEventKind.Rejected);
        Assert.Equal(1, book.OrderCount);
        Assert.Equal(9, book.BestBid!.Value.Quantity);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SyntheticStream_IsDeterministic_AndPrefetchChangesNoEvent(bool deep)
    {
        var profile = deep ? StreamProfile.Deep with { TargetResting = 20_000 } : StreamProfile.Shallow;
        var a = SyntheticStream.Generate(profile, 20_000, 5);
        var b = SyntheticStream.Generate(profile, 20_000, 5);
        Assert.Equal(a.Stream.Events, b.Stream.Events);
        var kinds = a.Stream.Events.Skip(a.WarmupCount).GroupBy(e => e.Kind).ToDictionary(g => g.Key, g => g.Count() / (double)a.MeasuredCount);
        Assert.InRange(kinds[ReplayKind.Add], 0.45, 0.55);
        Assert.InRange(kinds[ReplayKind.Cancel], 0.35, 0.45);
        Assert.InRange(kinds[ReplayKind.Market], 0.07, 0.13);

        var plain = new CollectingSink();
        var hinted = new CollectingSink();
        a.Stream.ApplyTo(new LimitOrderBook<CollectingSink>(a.Stream.BookOptions(), plain), 0, a.Stream.Events.Length);
        var book = new LimitOrderBook<CollectingSink>(a.Stream.BookOptions(), hinted);
        a.Stream.ApplyTo(book, 0, a.Stream.Events.Length, prefetch: true);
        Assert.Equal(plain.Events, hinted.Events);
        Assert.DoesNotContain(plain.Events, e => e.Kind == BookEventKind.Rejected); // cancels only name resting orders
        Assert.InRange(book.OrderCount, profile.TargetResting * 0.8, profile.TargetResting * 1.2);
    }
}

/// <summary>Golden run: the shallow benchmark stream with seed 42 pins its headline numbers (generator and engine together).</summary>
public class ReplayGoldenTests
{
    [Fact]
    public void ShallowStream_Seed42_100kEvents_HasPinnedFillsVolumeAndRestingOrders()
    {
        var s = SyntheticStream.Generate(StreamProfile.Shallow, 100_000, 42);
        var book = new LimitOrderBook<CountingSink>(s.Stream.BookOptions(), default);
        s.Stream.ApplyTo(book);
        Assert.Equal(104_000, s.Stream.Events.Length);
        Assert.Equal(19_767, book.Sink.Trades);
        Assert.Equal(504_332, book.Sink.TradedQuantity);
        Assert.Equal(3_881, book.OrderCount);
        Assert.Equal(0, book.Sink.Rejected);
    }
}
