using LiquidityLab.Core.Domain;
using LiquidityLab.Core.Randomness;
using LiquidityLab.Markets.Dealer;

namespace LiquidityLab.Markets.Tests.Dealer;

public class ClientFlowTests
{
    [Fact]
    public void Arrivals_ArePoissonAtTheConfiguredRate()
    {
        var flow = new ClientFlow(4.0, 0.5, new FixedSize(1), RandomStream.Create(1, "clients"));
        ClientOrder last = default;
        const int n = 100_000;
        for (var i = 0; i < n; i++) last = flow.Next();
        Assert.Equal(n / 4.0, last.Time, n / 4.0 * 0.02);
        Assert.Equal(n, last.Id);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.7)]
    public void BuyShare_MatchesTheBuyProbability(double p)
    {
        var flow = new ClientFlow(1, p, new UniformSize(1, 5), RandomStream.Create(2, "clients"));
        const int n = 100_000;
        var buys = Enumerable.Range(0, n).Count(_ => flow.Next().ClientSide == Side.Buy);
        Assert.Equal(p, buys / (double)n, 0.01);
    }
}
