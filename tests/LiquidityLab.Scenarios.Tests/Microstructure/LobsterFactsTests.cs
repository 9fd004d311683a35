using System.Text.Json;
using LiquidityLab.OrderBook.Lobster;
using LiquidityLab.Scenarios.Microstructure;

namespace LiquidityLab.Scenarios.Tests.Microstructure;

public class LobsterFactsTests
{
    [Fact]
    public void TheBundledReference_IsWhatTheSampleFilesGive()
    {
        var messages = LobsterReader.ReadMessages(RepoPaths.AmznMessages).ToList();
        var rows = LobsterReader.ReadBook(RepoPaths.AmznOrderbook).ToList();
        var computed = LobsterFacts.Compute(LobsterFacts.Reference.Source, messages, rows, LobsterFacts.ReferenceIntervalSeconds);
        Assert.Equal(JsonSerializer.Serialize(computed, LobsterFacts.Json), JsonSerializer.Serialize(LobsterFacts.Reference, LobsterFacts.Json));
    }

    [Fact]
    public void TheRealDay_ShowsTheStylizedFacts()
    {
        var r = LobsterFacts.Reference.Returns;
        Assert.Equal(389, r.Count); // 09:30-16:00 in one-minute steps
        Assert.True(r.ExcessKurtosis > 1, $"fat tails: excess kurtosis {r.ExcessKurtosis}");
        Assert.True(r.AbsoluteReturnAutocorrelation[0] > 0.1, "volatility clustering");
        Assert.True(Math.Abs(r.ReturnAutocorrelation[0]) < 0.1, "no linear memory");
    }
}
