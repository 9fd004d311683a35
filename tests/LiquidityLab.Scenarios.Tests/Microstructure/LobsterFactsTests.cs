using System.Text.Json;
using LiquidityLab.OrderBook.Lobster;
using LiquidityLab.Scenarios.Microstructure;

namespace LiquidityLab.Scenarios.Tests.Microstructure;

public class LobsterFactsTests
{
    private static string Samples => Path.Combine(FindRoot(), "data", "samples", "lobster");

    [Fact]
    public void TheBundledReference_IsWhatTheSampleFilesGive()
    {
        var messages = LobsterReader.ReadMessages(Path.Combine(Samples, "AMZN_2012-06-21_34200000_57600000_message_1.csv")).ToList();
        var rows = LobsterReader.ReadBook(Path.Combine(Samples, "AMZN_2012-06-21_34200000_57600000_orderbook_1.csv")).ToList();
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

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "LiquidityLab.sln"))) return dir.FullName;
        throw new InvalidOperationException($"LiquidityLab.sln not found above {AppContext.BaseDirectory}");
    }
}
