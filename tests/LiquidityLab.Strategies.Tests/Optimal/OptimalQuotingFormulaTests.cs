using System.Runtime.Intrinsics;
using LiquidityLab.Strategies.Optimal;

namespace LiquidityLab.Strategies.Tests.Optimal;

public class OptimalQuotingFormulaTests
{
    [Fact]
    public void AvellanedaStoikov_ReservationPriceAndSpread_MatchHandComputedValues()
    {
        // s = 100, q = 3, γ = 0.1, σ = 2, T − t = 0.5: r = 100 − 3·0.1·4·0.5 = 99.4
        Assert.Equal(99.4, AvellanedaStoikov.ReservationPrice(100, 3, 0.1, 2, 0.5), 12);
        // spread = 0.1·4·0.5 + (2/0.1)·ln(1 + 0.1/1.5) = 0.2 + 20·0.0645385211 = 1.490770422
        Assert.Equal(1.4907704227, AvellanedaStoikov.Spread(0.1, 1.5, 2, 0.5), 9);
        // at the horizon only the liquidity term is left: 2·ln(1 + 1/1.5) = 1.02165124753 for γ = 1
        Assert.Equal(1.02165124753, AvellanedaStoikov.Spread(1, 1.5, 2, 0), 10);
    }

    [Fact]
    public void AvellanedaStoikov_LiquiditySpread_TendsTo2OverK_AsRiskAversionVanishes() =>
        Assert.Equal(2 / 1.5, AvellanedaStoikov.LiquiditySpread(1e-9, 1.5), 6);

    [Theory]
    [InlineData(0.1, 200)]
    [InlineData(0.01, 200)]
    [InlineData(1.0, 37)]
    public void AverageSpread_IsTheTimeAverageOfTheSpreadOverTheQuotingGrid(double gamma, int steps)
    {
        const double horizon = 1, k = 1.5, sigma = 2;
        var dt = horizon / steps;
        var direct = Enumerable.Range(0, steps).Average(t => AvellanedaStoikov.Spread(gamma, k, sigma, horizon - t * dt));
        Assert.Equal(direct, AvellanedaStoikov.AverageSpread(gamma, k, sigma, horizon, steps), 12);
    }

    [Fact]
    public void AvellanedaStoikov_VectorQuotes_AreTheScalarFormulas_ForEveryLane()
    {
        const double gamma = 0.1, k = 1.5, sigma = 2, tau = 0.3;
        var q = Vector512.Create<double>(Enumerable.Range(0, Vector512<double>.Count).Select(i => (double)(i * 3 - 4)).ToArray());
        new AvellanedaStoikov(gamma, k).Quote(tau, q, Vector512.Create<double>(sigma), out var bid, out var ask);
        var spread = AvellanedaStoikov.Spread(gamma, k, sigma, tau);
        for (var i = 0; i < Vector512<double>.Count; i++)
        {
            var r = AvellanedaStoikov.ReservationPrice(100, q[i], gamma, sigma, tau);
            Assert.Equal(r - spread / 2, 100 - bid[i], 10);
            Assert.Equal(r + spread / 2, 100 + ask[i], 10);
        }
    }

    [Fact]
    public void Glft_Omega_MatchesAHandComputedValue()
    {
        // σ²γ/(2kA) = 4·0.1/420 = 9.5238e-4; (1 + γ/k)^(1 + k/γ) = (16/15)^16 = 2.80840; ω = √(2.67467e-3) = 0.0517172
        Assert.Equal(0.0517172, GlftQuoting.Omega(0.1, 1.5, 140, 2), 6);
    }

    [Fact]
    public void Glft_VectorQuotes_AreTheClosedForm_AndSkewOneOmegaPerUnit()
    {
        const double gamma = 0.1, k = 1.5, a = 140, sigma = 2;
        var q = Vector512.Create<double>(Enumerable.Range(0, Vector512<double>.Count).Select(i => (double)(i - 2)).ToArray());
        new GlftQuoting(gamma, k, a).Quote(0.7, q, Vector512.Create<double>(sigma), out var bid, out var ask);
        var omega = GlftQuoting.Omega(gamma, k, a, sigma);
        for (var i = 0; i < Vector512<double>.Count; i++)
        {
            Assert.Equal(GlftQuoting.BidDistance(gamma, k, a, sigma, q[i]), bid[i], 12);
            Assert.Equal(GlftQuoting.AskDistance(gamma, k, a, sigma, q[i]), ask[i], 12);
            // the spread does not depend on inventory: (2/γ)·ln(1 + γ/k) + ω
            Assert.Equal(2 / gamma * Math.Log(1 + gamma / k) + omega, bid[i] + ask[i], 12);
        }
        // one more unit long: the bid moves ω further away, the ask ω closer
        Assert.Equal(omega, bid[1] - bid[0], 12);
        Assert.Equal(-omega, ask[1] - ask[0], 12);
    }

    [Fact]
    public void FixedSpreadModel_IsSymmetric_WithoutSkew_AndLeansAgainstInventory_WithIt()
    {
        var q = Vector512.Create<double>(5);
        new FixedSpreadModel(1.2).Quote(1, q, Vector512<double>.One, out var bid, out var ask);
        Assert.Equal(0.6, bid[0], 12);
        Assert.Equal(0.6, ask[0], 12);
        new FixedSpreadModel(1.2, 0.05).Quote(1, q, Vector512<double>.One, out bid, out ask);
        Assert.Equal(0.85, bid[0], 12); // long 5: bid 0.25 further from the mid
        Assert.Equal(0.35, ask[0], 12); // and the ask 0.25 closer, to sell
    }

    [Fact]
    public void Constructors_RejectNonPositiveParameters()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AvellanedaStoikov(0, 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GlftQuoting(0.1, -1, 140));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FixedSpreadModel(-1));
    }
}
