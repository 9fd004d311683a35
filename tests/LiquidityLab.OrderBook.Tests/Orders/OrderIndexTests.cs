using LiquidityLab.Core.Randomness;
using LiquidityLab.OrderBook.Orders;

namespace LiquidityLab.OrderBook.Tests.Orders;

public class OrderIndexTests
{
    [Theory]
    [InlineData(1UL, 64L)]        // dense ids, many collisions per slot range
    [InlineData(2UL, 1L << 40)]   // sparse ids
    public void RandomAddsAndRemoves_AgreeWithADictionary_ThroughGrowthAndBackwardShifts(ulong seed, long idRange)
    {
        var rng = RandomStream.Create(seed, "order-index");
        var index = new OrderIndex(4);
        var truth = new Dictionary<long, int>();
        for (var step = 0; step < 200_000; step++)
        {
            var key = rng.NextLong(-idRange, idRange);
            if (truth.ContainsKey(key))
            {
                Assert.Equal(truth[key], index.Find(key));
                if (rng.Bernoulli(0.5))
                {
                    var slot = index.FindSlot(key);
                    Assert.Equal(truth[key], index.NodeAt(slot));
                    index.RemoveAt(slot);
                }
                else
                {
                    index.Remove(key);
                }
                truth.Remove(key);
            }
            else
            {
                Assert.Equal(-1, index.Find(key));
                var node = step;
                if (rng.Bernoulli(0.5))
                {
                    Assert.Equal(-1, index.FindForInsert(key, out var insertSlot));
                    index.AddAt(insertSlot, index.Version, key, node);
                }
                else
                {
                    index.Add(key, node);
                }
                truth[key] = node;
            }
            Assert.Equal(truth.Count, index.Count);
        }
        foreach (var (k, v) in truth) Assert.Equal(v, index.Find(k));
    }

    [Fact]
    public void AddAt_WithAStaleSlot_FallsBackToAFullInsert()
    {
        var index = new OrderIndex(16);
        index.Add(1, 10);
        index.FindForInsert(2, out var slot);
        var version = index.Version;
        index.Remove(1); // entries may move: the slot is stale
        index.AddAt(slot, version, 2, 20);
        Assert.Equal(20, index.Find(2));
        Assert.Equal(-1, index.Find(1));
    }
}
