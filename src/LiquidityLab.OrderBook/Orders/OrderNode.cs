using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using LiquidityLab.Core.Domain;

namespace LiquidityLab.OrderBook.Orders;

/// <summary>
/// A resting order as stored in <see cref="OrderStore"/>: a node of the intrusive doubly linked FIFO
/// of its price level. <see cref="Prev"/>/<see cref="Next"/> are node indexes, −1 for none.
/// 32 bytes, so two nodes share a cache line and none straddles two: level index (24 bits), side and
/// self-trade setting are packed into one int.
/// </summary>
[StructLayout(LayoutKind.Sequential, Size = 32)]
internal struct OrderNode
{
    public long Id;
    public long Quantity;
    public int Owner;
    public int Prev;
    public int Next;
    private int _levelAndFlags;

    public int Level
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        readonly get => _levelAndFlags & 0xFF_FFFF;
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        set => _levelAndFlags = (_levelAndFlags & ~0xFF_FFFF) | value;
    }

    public Side Side
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        readonly get => (Side)((_levelAndFlags >> 24) & 1);
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        set => _levelAndFlags = (_levelAndFlags & ~(1 << 24)) | ((int)value << 24);
    }

    public SelfTradePrevention SelfTrade
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        readonly get => (SelfTradePrevention)((_levelAndFlags >> 25) & 3);
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        set => _levelAndFlags = (_levelAndFlags & ~(3 << 25)) | ((int)value << 25);
    }
}
