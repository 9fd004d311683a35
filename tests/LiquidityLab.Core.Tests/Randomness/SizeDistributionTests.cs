using LiquidityLab.Core.Randomness;

namespace LiquidityLab.Core.Tests.Randomness;

public class SizeDistributionTests
{
    public static TheoryData<SizeDistribution> Distributions => new()
    {
        new FixedSize(5),
        new UniformSize(10, 20),
        new PoissonSize(4, 50),
        new ExponentialSize(3, 40),
        new LogNormalSize(5, 1.2, 100),
    };

    [Theory]
    [MemberData(nameof(Distributions))]
    public void EverySize_IsBetweenOneLotAndTheMaximum(SizeDistribution dist)
    {
        var rng = RandomStream.Create(1, "sizes");
        for (var i = 0; i < 50_000; i++) Assert.InRange(dist.Sample(rng), 1, dist.MaxLots);
    }

    [Fact]
    public void PoissonSize_HasTheConfiguredMean()
    {
        var rng = RandomStream.Create(1, "ps");
        var dist = new PoissonSize(4, 1000);
        var mean = Enumerable.Range(0, 100_000).Average(_ => (double)dist.Sample(rng));
        Assert.Equal(4.0, mean, 0.03);
    }

    [Fact]
    public void UniformSize_HitsBothEnds()
    {
        var rng = RandomStream.Create(1, "us");
        var dist = new UniformSize(10, 20);
        var draws = Enumerable.Range(0, 10_000).Select(_ => dist.Sample(rng)).ToHashSet();
        Assert.Contains(10L, draws);
        Assert.Contains(20L, draws);
    }
}
