using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace LiquidityLab.OrderBook.Orders;

/// <summary>Software prefetch: a hint, never a correctness matter (a stale address only wastes the hint).</summary>
internal static class CacheHint
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Prefetch<T>(ref T location)
    {
        if (Sse.IsSupported) Sse.Prefetch0(Unsafe.AsPointer(ref location));
    }
}
