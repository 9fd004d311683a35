using LiquidityLab.Analytics.Metrics;

namespace LiquidityLab.Analytics.Tests.Metrics;

public class InformationCoefficientTests
{
    [Fact]
    public void Pearson_MatchesAHandComputedCase_AndSkipsUndefinedPairs()
    {
        // x = 1, 2, 3; y = 1, 3, 2: cov 0.5·2/2..., r = 0.5
        Assert.Equal(0.5, InformationCoefficient.Pearson([1, 2, 3, double.NaN], [1, 3, 2, 7]), 12);
        Assert.True(double.IsNaN(InformationCoefficient.Pearson([1, 1, 1], [1, 2, 3])));
    }

    [Fact]
    public void Spearman_UsesMeanRanksForTies()
    {
        // ranks x: 1, 2.5, 2.5, 4; y: 1, 2, 3, 4
        var expected = InformationCoefficient.Pearson([1, 2.5, 2.5, 4], [1, 2, 3, 4]);
        Assert.Equal(expected, InformationCoefficient.Spearman([10, 20, 20, 30], [0.1, 0.2, 0.3, 0.9]), 12);
    }

    [Fact]
    public void AScoreThatIsTheNextReturn_HasIcOneAtHorizonOne()
    {
        double[] p = [100, 101, 99, 102, 103, 101];
        var next = InformationCoefficient.ForwardReturns(p, 1);
        Assert.True(double.IsNaN(next[^1]));
        Assert.Equal(Math.Log(101 / 100.0), next[0], 12);
        Assert.Equal(1.0, InformationCoefficient.AtHorizon(next, p, 1), 12);
    }
}
