using System.Runtime.InteropServices;
using LiquidityLab.Core.Domain;

namespace LiquidityLab.OrderBook.Orders;

/// <summary>
/// A resting order as stored in <see cref="OrderStore"/>: a node of the intrusive doubly linked FIFO
/// of its price level. <see cref="Prev"/>/<see cref="Next"/> are node indexes, −1 for none.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct OrderNode
{
    public long Id;
    public long Quantity;
    public int Owner;
    public int Prev;
    public int Next;
    public int Level;
    public Side Side;
    public SelfTradePrevention SelfTrade;
}
