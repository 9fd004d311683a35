using LiquidityLab.Core.Randomness;
using LiquidityLab.OrderDriven.Kernel;

namespace LiquidityLab.OrderDriven.Tests.Kernel;

public class EventQueueTests
{
    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    public void Pop_RandomPushesAndPops_YieldsTimeThenSequenceOrderLikeASortedList(ulong seed)
    {
        var rng = new RandomStream(seed);
        var queue = new EventQueue(4);
        var reference = new List<(long Time, long Seq, int Slot)>();
        long seq = 0;
        for (var step = 0; step < 20_000; step++)
        {
            if (reference.Count == 0 || rng.NextDouble() < 0.55)
            {
                var time = rng.NextLong(0, 50); // many ties: the sequence number must break them
                var slot = (int)rng.NextLong(0, 1_000_000);
                queue.Push(time, seq, slot);
                reference.Add((time, seq, slot));
                seq++;
            }
            else
            {
                var min = reference.MinBy(e => (e.Time, e.Seq));
                reference.Remove(min);
                Assert.True(queue.TryPop(out var t, out var s));
                Assert.Equal((min.Time, min.Slot), (t, s));
            }
            Assert.Equal(reference.Count, queue.Count);
        }
    }

    [Fact]
    public void TryPop_Empty_ReturnsFalse() => Assert.False(new EventQueue().TryPop(out _, out _));
}
