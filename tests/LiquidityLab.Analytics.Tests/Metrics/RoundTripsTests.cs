using LiquidityLab.Analytics.Metrics;

namespace LiquidityLab.Analytics.Tests.Metrics;

public class RoundTripsTests
{
    [Fact]
    public void FifoMatching_SplitsTradesAndFlipsThroughZero()
    {
        var trips = RoundTrips.Match([new(2, 10), new(1, 11), new(-2, 12), new(-3, 9), new(2, 8)]);
        // buy 2@10, buy 1@11 | sell 2@12 closes 2@10 (+4) | sell 3@9 closes 1@11 (−2), opens −2@9 | buy 2@8 closes (+2)
        Assert.Equal([new RoundTrip(2, 10, 12, 4), new RoundTrip(1, 11, 9, -2), new RoundTrip(2, 9, 8, 2)], trips);
        Assert.Equal(2 / 3.0, RoundTrips.ProfitableShare(trips), 12);
    }

    [Fact]
    public void OpenLotsAtTheEnd_MakeNoRoundTrip()
    {
        Assert.Empty(RoundTrips.Match([new(3, 10), new(2, 11)]));
        Assert.True(double.IsNaN(RoundTrips.ProfitableShare([])));
    }
}
