using LiquidityLab.Core.Domain;
using LiquidityLab.Core.Randomness;
using LiquidityLab.Markets.Dealer;

namespace LiquidityLab.Markets.Tests.Dealer;

public class QuoteRouterTests
{
    private static DealerQuote Q(long bid, long ask) => new(new Price(bid), new Price(ask));

    [Fact]
    public void ClientBuy_GoesToTheLowestAsk_ClientSell_ToTheHighestBid()
    {
        var router = new QuoteRouter(3, new RandomStream(1));
        DealerQuote[] quotes = [Q(99, 103), Q(98, 101), Q(100, 102)];
        Assert.Equal([1, 2, 0], router.Rank(quotes, Side.Buy).ToArray());
        Assert.Equal([2, 0, 1], router.Rank(quotes, Side.Sell).ToArray());
    }

    [Fact]
    public void TiesAtTheBestPrice_AreSplitEvenly()
    {
        var router = new QuoteRouter(3, new RandomStream(9));
        DealerQuote[] quotes = [Q(99, 101), Q(99, 101), Q(99, 101)];
        var wins = new int[3];
        const int n = 30_000;
        for (var i = 0; i < n; i++) wins[router.Rank(quotes, Side.Buy)[0]]++;
        Assert.All(wins, w => Assert.InRange(w, n / 3 - 500, n / 3 + 500));
    }

    [Fact]
    public void TieBreaking_NeverPutsAWorsePriceAhead()
    {
        var rng = new RandomStream(4);
        var router = new QuoteRouter(5, rng);
        for (var t = 0; t < 2000; t++)
        {
            var quotes = Enumerable.Range(0, 5).Select(_ => { var b = rng.NextLong(95, 100); return Q(b, b + rng.NextLong(1, 3)); }).ToArray();
            var order = router.Rank(quotes, Side.Buy).ToArray();
            for (var i = 1; i < order.Length; i++) Assert.True(quotes[order[i - 1]].Ask <= quotes[order[i]].Ask);
        }
    }
}
