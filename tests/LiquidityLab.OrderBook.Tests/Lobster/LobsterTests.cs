using LiquidityLab.Core.Domain;
using LiquidityLab.OrderBook.Lobster;

namespace LiquidityLab.OrderBook.Tests.Lobster;

public class LobsterReaderTests
{
    [Fact]
    public void ReadMessages_ParsesEveryColumn_TimeExactToTheNanosecond()
    {
        var m = LobsterReader.ReadMessages(new StringReader("34200.017459617,5,0,1,2238200,-1\n34200.18960767,1,11885113,21,2238100,1\n"), "t").ToList();
        Assert.Equal(2, m.Count);
        Assert.Equal(34_200_017_459_617L, m[0].Time.Nanoseconds);
        Assert.Equal(34_200_189_607_670L, m[1].Time.Nanoseconds);
        Assert.Equal(new LobsterMessage(m[1].Time, LobsterEventType.Submission, 11885113, 21, 2238100, 1), m[1]);
        Assert.Equal(Side.Buy, m[1].Side);
        Assert.False(m[0].ChangesVisibleBook);
    }

    [Theory]
    [InlineData("34200.1,9,1,1,100,1", "Type '9' must be 1..7")]
    [InlineData("34200.1,1,1,1,100,0", "Direction '0' must be 1 or -1")]
    [InlineData("34200.1,1,x,1,100,1", "OrderID 'x' is not an integer")]
    [InlineData("34200.1,1,1,1,100", "expected 6 columns")]
    [InlineData("noon,1,1,1,100,1", "Time 'noon'")]
    public void ReadMessages_BadLine_NamesFileLineValueAndWhatIsAllowed(string line, string expected)
    {
        var e = Assert.Throws<LobsterFormatException>(() => LobsterReader.ReadMessages(new StringReader("34200.0,1,1,1,100,1\n" + line), "msg.csv").ToList());
        Assert.Equal(2, e.Line);
        Assert.StartsWith("msg.csv:2: ", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void ReadBook_AnyDepth_DummyLevelsReadAsMissing()
    {
        var rows = LobsterReader.ReadBook(new StringReader("101,5,99,7,9999999999,0,-9999999999,0\n"), "b").ToList();
        var r = Assert.Single(rows);
        Assert.Equal(2, r.Levels);
        Assert.True(r.HasAsk(0));
        Assert.False(r.HasAsk(1));
        Assert.False(r.HasBid(1));
        Assert.Equal(7, r.BidSize(0));
    }

    [Fact]
    public void ReadQuotes_JoinsMessageTimesWithLevelOne()
    {
        var quotes = LobsterReader.ReadQuotes(RepoPaths.AmznMessages, RepoPaths.AmznOrderbook).Take(2).ToList();
        Assert.Equal(new LobsterQuote(quotes[0].Time, 2231800, 100, 2239500, 100), quotes[0]);
        Assert.Equal(2239500 - 2238100, quotes[1].Spread);
    }
}

public class LobsterCheckTests
{
    private static (List<LobsterMessage>, List<LobsterBookRow>) Load(string m, string b)
        => (LobsterReader.ReadMessages(m).ToList(), LobsterReader.ReadBook(b).ToList());

    [Fact]
    public void Aapl_Depth10_WindowAwareReconstruction_MatchesEveryRow()
    {
        var (messages, rows) = Load(RepoPaths.AaplMessages, RepoPaths.AaplOrderbook);
        var r = LobsterCheck.Run(messages, rows, 10, reveal: true);
        Assert.Equal(999, r.Rows);
        Assert.Equal(999, r.MatchingRows);
        Assert.Equal(r.Rows - r.SyncedRows, r.MatchingUnsyncedRows);
        Assert.Equal(0, r.Unresolved);
    }

    [Fact]
    public void Amzn_Depth1_WindowAwareReconstruction_MatchesEveryRow()
    {
        var (messages, rows) = Load(RepoPaths.AmznMessages, RepoPaths.AmznOrderbook);
        var r = LobsterCheck.Run(messages, rows, 1, reveal: true);
        Assert.Equal(57_515, r.Rows);
        Assert.Equal(57_515, r.MatchingRows);
        Assert.True(r.Rows - r.SyncedRows > 40_000, "most rows must be checked from the messages alone");
        Assert.Equal(0, r.CrossingSubmissions);
    }

    [Fact]
    public void Aapl_StrictReconstruction_MatchesUntilAnUnseenDeeperLevelEntersTheWindow()
    {
        var (messages, rows) = Load(RepoPaths.AaplMessages, RepoPaths.AaplOrderbook);
        var strict = LobsterCheck.Run(messages, rows, 10);
        Assert.Equal(12, strict.FirstMismatchRow); // row 13: a deletion at the top lets a level deeper than 10 into view
        Assert.Contains("level 10 ask", strict.FirstMismatch);
        // the top of the book does not depend on the unseen depth for much longer
        var top = LobsterCheck.Run(messages, rows, 1);
        Assert.True(top.MatchingRows > 900, $"top-of-book rows matching: {top.MatchingRows}");
    }

    [Fact]
    public void Stats_AmznDay_CountsVolumeAndVwap()
    {
        var (messages, rows) = Load(RepoPaths.AmznMessages, RepoPaths.AmznOrderbook);
        var s = LobsterStats.Compute(messages, rows);
        Assert.Equal(57_515, s.Messages);
        Assert.Equal(27_845, s.CountsByType[LobsterEventType.Submission]);
        Assert.Equal(8_974, s.CountsByType[LobsterEventType.Execution]);
        Assert.Equal(2_445, s.CountsByType[LobsterEventType.HiddenExecution]);
        Assert.Equal(810_755, s.TradedVolume);
        Assert.Equal(s.TradedVolume, s.BuyerInitiatedVolume + s.SellerInitiatedVolume);
        Assert.InRange(s.Vwap!.Value, 220.51, 226.03); // inside the day's price range
        Assert.InRange(s.MeanSpread!.Value, 0.01, 1.0);
    }
}
