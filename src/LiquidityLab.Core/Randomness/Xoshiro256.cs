using System.Runtime.CompilerServices;

namespace LiquidityLab.Core.Randomness;

/// <summary>
/// xoshiro256** (Blackman and Vigna): a fast 64-bit generator with a 2^256 − 1 period, held in a
/// mutable struct so that hot loops can keep one per path in an array without allocation.
/// Seeded through SplitMix64, as its authors recommend, so that nearby seeds give unrelated states.
/// </summary>
public struct Xoshiro256
{
    private ulong _s0, _s1, _s2, _s3;

    public Xoshiro256(ulong seed)
    {
        var sm = seed;
        _s0 = SplitMix64.Next(ref sm);
        _s1 = SplitMix64.Next(ref sm);
        _s2 = SplitMix64.Next(ref sm);
        _s3 = SplitMix64.Next(ref sm);
        if ((_s0 | _s1 | _s2 | _s3) == 0) _s0 = 1; // the all-zero state is the one fixed point
    }

    /// <summary>The four state words, for the lane-parallel generator that continues this sequence.</summary>
    internal readonly (ulong S0, ulong S1, ulong S2, ulong S3) State => (_s0, _s1, _s2, _s3);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform on [0, 1) with 53 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform on (0, 1]: safe under a logarithm.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDoubleNonZero() => ((NextUInt64() >> 11) + 1) * (1.0 / (1UL << 53));
}

/// <summary>SplitMix64 (Steele, Lea and Flood): the standard seed expander for the xoshiro family.</summary>
public static class SplitMix64
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Next(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>One SplitMix64 output for a given input: a good 64-bit mixing function.</summary>
    public static ulong Mix(ulong value)
    {
        var s = value;
        return Next(ref s);
    }
}
