using System.Runtime.Intrinsics;
using LiquidityLab.Core.Randomness;

namespace LiquidityLab.Core.Tests.Randomness;

public class Xoshiro256LanesTests
{
    private static ulong[] Seeds() => Enumerable.Range(0, Vector512<ulong>.Count).Select(i => StreamSeed.Derive(77, "lane", i)).ToArray();

    [Fact]
    public void EveryLane_ProducesTheScalarGeneratorsSequence()
    {
        var seeds = Seeds();
        var lanes = new Xoshiro256Lanes(seeds);
        var scalar = seeds.Select(s => new Xoshiro256(s)).ToArray();
        for (var draw = 0; draw < 1000; draw++)
        {
            var x = lanes.Next();
            for (var i = 0; i < seeds.Length; i++) Assert.Equal(scalar[i].NextUInt64(), x[i]);
        }
    }

    [Fact]
    public void Uniforms_AreTheScalarOnes_AndThePairSplitsOneDrawIntoItsHalves()
    {
        var seeds = Seeds();
        var lanes = new Xoshiro256Lanes(seeds);
        var scalar = seeds.Select(s => new Xoshiro256(s)).ToArray();
        var u = lanes.NextDouble();
        var nz = lanes.NextDoubleNonZero();
        lanes.NextPair(out var high, out var low);
        for (var i = 0; i < seeds.Length; i++)
        {
            Assert.Equal(scalar[i].NextDouble(), u[i]);
            Assert.Equal(scalar[i].NextDoubleNonZero(), nz[i]);
            var x = scalar[i].NextUInt64();
            Assert.Equal((x >> 32) / 4294967296.0, high[i]);
            Assert.Equal((x & 0xFFFF_FFFF) / 4294967296.0, low[i]);
            Assert.InRange(high[i], 0, 1 - 1e-12);
        }
    }

    [Fact]
    public void FillPairs_GivesTheSamePairsAsDrawingOneByOne_AndContinuesTheStream()
    {
        var bulk = new Xoshiro256Lanes(Seeds());
        var single = new Xoshiro256Lanes(Seeds());
        var high = new Vector512<double>[37];
        var low = new Vector512<double>[37];
        bulk.FillPairs(high, low);
        for (var j = 0; j < high.Length; j++)
        {
            single.NextPair(out var h, out var l);
            Assert.Equal(h, high[j]);
            Assert.Equal(l, low[j]);
        }
        Assert.Equal(single.Next(), bulk.Next());
        Assert.Throws<ArgumentException>(() => bulk.FillPairs(new Vector512<double>[2], new Vector512<double>[3]));
    }

    [Fact]
    public void TheWrongNumberOfSeeds_IsRejected() =>
        Assert.Throws<ArgumentException>(() => new Xoshiro256Lanes(new ulong[3]));
}
