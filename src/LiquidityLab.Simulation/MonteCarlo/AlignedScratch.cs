using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LiquidityLab.Simulation.MonteCarlo;

/// <summary>
/// A buffer of <typeparamref name="T"/> whose first element sits on a 64-byte boundary, for 512-bit
/// vectors. Managed arrays and stackalloc only promise 8 or 16 bytes, and a <c>Vector512</c> that
/// straddles two cache lines costs a split load or store every time it is touched. The bytes live
/// on the pinned object heap, so the address found at construction stays valid.
/// </summary>
internal sealed class AlignedScratch<T> where T : unmanaged
{
    private const int Alignment = 64;
    private readonly byte[] _bytes;
    private readonly int _offset;

    public AlignedScratch(int length)
    {
        Length = length;
        _bytes = GC.AllocateArray<byte>(length * Unsafe.SizeOf<T>() + Alignment, pinned: true);
        var address = Marshal.UnsafeAddrOfPinnedArrayElement(_bytes, 0);
        _offset = (int)((Alignment - (address & (Alignment - 1))) & (Alignment - 1));
    }

    public int Length { get; }

    /// <summary>The elements, zeroed at construction.</summary>
    public Span<T> Span => MemoryMarshal.Cast<byte, T>(_bytes.AsSpan(_offset, Length * Unsafe.SizeOf<T>()));
}
