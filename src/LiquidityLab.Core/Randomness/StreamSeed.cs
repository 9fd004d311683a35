using System.Text;

namespace LiquidityLab.Core.Randomness;

/// <summary>
/// Derives the seed of a named random stream from the run seed. Each component draws only from
/// its own stream, so adding an agent never changes another agent's draws, and a run is the same
/// whatever the number of threads that execute it.
/// </summary>
public static class StreamSeed
{
    public static ulong Derive(ulong runSeed, string streamName)
    {
        ArgumentNullException.ThrowIfNull(streamName);
        return SplitMix64.Mix(SplitMix64.Mix(runSeed) ^ Fnv1a64(streamName));
    }

    /// <summary>Seed of the <paramref name="index"/>-th member of a family (a Monte Carlo path, an agent of a crowd).</summary>
    public static ulong Derive(ulong runSeed, string streamName, long index) => Member(Derive(runSeed, streamName), index);

    /// <summary>
    /// Seed of the <paramref name="index"/>-th member of the family whose seed is
    /// <paramref name="familySeed"/> = <c>Derive(runSeed, streamName)</c>: the same value as the
    /// three-argument <see cref="Derive(ulong, string, long)"/>, without hashing the name again.
    /// </summary>
    public static ulong Member(ulong familySeed, long index) =>
        SplitMix64.Mix(familySeed ^ SplitMix64.Mix(unchecked((ulong)index) + 0x632BE59BD9B4E019UL));

    private static ulong Fnv1a64(string text)
    {
        var hash = 0xCBF29CE484222325UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash *= 0x100000001B3UL;
        }
        return hash;
    }
}
