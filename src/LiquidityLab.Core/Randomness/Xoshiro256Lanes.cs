using System.Runtime.Intrinsics;
using System.Runtime.CompilerServices;

namespace LiquidityLab.Core.Randomness;

/// <summary>
/// <see cref="System.Runtime.Intrinsics.Vector512{T}.Count"/> (eight) independent xoshiro256** generators advanced together, one per SIMD
/// lane, so a Monte Carlo loop can draw for several paths with one instruction stream. Lane i gives
/// exactly the sequence of <c>new Xoshiro256(seeds[i])</c>: a path's draws do not depend on which
/// lane or block it runs in, so results are the same whatever the vector width or thread count.
/// A mutable struct: keep it in a local and pass it by reference.
/// </summary>
public struct Xoshiro256Lanes
{
    private const double Inv32 = 1.0 / 4294967296.0;
    private const double Inv53 = 1.0 / 9007199254740992.0;

    private Vector512<ulong> _s0, _s1, _s2, _s3;

    /// <summary>Lanes seeded from <paramref name="seeds"/>; it must hold exactly <see cref="System.Runtime.Intrinsics.Vector512{T}.Count"/> (eight) seeds.</summary>
    public Xoshiro256Lanes(ReadOnlySpan<ulong> seeds)
    {
        if (seeds.Length != Vector512<ulong>.Count)
            throw new ArgumentException($"expected {Vector512<ulong>.Count} seeds, one per lane, got {seeds.Length}", nameof(seeds));
        Span<ulong> s0 = stackalloc ulong[Vector512<ulong>.Count], s1 = stackalloc ulong[Vector512<ulong>.Count];
        Span<ulong> s2 = stackalloc ulong[Vector512<ulong>.Count], s3 = stackalloc ulong[Vector512<ulong>.Count];
        for (var i = 0; i < seeds.Length; i++) (s0[i], s1[i], s2[i], s3[i]) = new Xoshiro256(seeds[i]).State;
        _s0 = Vector512.Create<ulong>(s0);
        _s1 = Vector512.Create<ulong>(s1);
        _s2 = Vector512.Create<ulong>(s2);
        _s3 = Vector512.Create<ulong>(s3);
    }

    /// <summary>The next 64-bit output of every lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<ulong> Next()
    {
        var x = _s1 + (_s1 << 2);                    // s1 * 5
        x = (x << 7) | (x >> 57);                     // rotl 7
        var result = x + (x << 3);                    // * 9
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = (_s3 << 45) | (_s3 >> 19);
        return result;
    }

    /// <summary>Uniform on [0, 1) with 53 bits, the same value <see cref="Xoshiro256.NextDouble"/> gives.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<double> NextDouble() => ToUnit53(Next());

    /// <summary>
    /// Two uniforms on [0, 1) with 32 bits each from one draw: the high and the low half of the
    /// output. Enough resolution for comparing against a fill probability, at half the cost.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void NextPair(out Vector512<double> high, out Vector512<double> low)
    {
        var x = Next();
        high = Vector512.ConvertToDouble(Vector512.AsInt64(x >> 32)) * Inv32;
        low = Vector512.ConvertToDouble(Vector512.AsInt64(x & Vector512.Create<ulong>(0xFFFF_FFFFUL))) * Inv32;
    }

    /// <summary>
    /// <see cref="NextPair"/> for every element of <paramref name="high"/> and <paramref name="low"/> (equal
    /// lengths), in order. The state is held in locals for the loop: a generator kept in memory across
    /// draws puts a store and a reload on the chain from one draw to the next.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a hot loop: optimised from the first call
    public void FillPairs(Span<Vector512<double>> high, Span<Vector512<double>> low)
    {
        if (high.Length != low.Length) throw new ArgumentException($"high has {high.Length} elements, low {low.Length}; they must match", nameof(low));
        var lanes = this;
        for (var i = 0; i < high.Length; i++) lanes.NextPair(out high[i], out low[i]);
        this = lanes;
    }

    /// <summary>Uniform on (0, 1] with 53 bits: safe under a logarithm.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<double> NextDoubleNonZero() => Vector512.ConvertToDouble(Vector512.AsInt64((Next() >> 11) + Vector512<ulong>.One)) * Inv53;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> ToUnit53(Vector512<ulong> x) => Vector512.ConvertToDouble(Vector512.AsInt64(x >> 11)) * Inv53;
}
