using System.Numerics;
using System.Runtime.CompilerServices;

namespace LiquidityLab.OrderBook.Matching;

/// <summary>A price level: the FIFO of its orders (node indexes, −1 when empty) and its totals.</summary>
internal struct PriceLevel
{
    public int Head;
    public int Tail;
    public int Count;
    public long Quantity;
}

/// <summary>
/// One side of the book: a level slot for every grid price in the band, indexed by grid offset from
/// the band's low end, and a two-level bitmap of the non-empty levels. <see cref="Best"/> is the index of
/// the best non-empty level (highest for bids, lowest for asks), −1 when the side is empty. Finding the
/// next level after one empties is a word scan of the bitmap, not a tree walk.
/// </summary>
internal sealed class PriceLadder
{
    public readonly PriceLevel[] Levels;
    public readonly bool IsBid;
    public int Best = -1;
    public int NonEmptyLevels;

    private readonly ulong[] _bits;
    private readonly ulong[] _summary;

    public PriceLadder(int levelCount, bool isBid)
    {
        IsBid = isBid;
        Levels = new PriceLevel[levelCount];
        Levels.AsSpan().Fill(new PriceLevel { Head = -1, Tail = -1 });
        var words = (levelCount + 63) >> 6;
        _bits = new ulong[words];
        _summary = new ulong[(words + 63) >> 6];
    }

    /// <summary>Marks level <paramref name="i"/> non-empty (it just received its first order).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Occupy(int i)
    {
        var w = i >> 6;
        _bits[w] |= 1UL << (i & 63);
        _summary[w >> 6] |= 1UL << (w & 63);
        NonEmptyLevels++;
        if (IsBid ? i > Best : (Best < 0 || i < Best)) Best = i;
    }

    /// <summary>Marks level <paramref name="i"/> empty (its last order just left).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Vacate(int i)
    {
        var w = i >> 6;
        var word = _bits[w] & ~(1UL << (i & 63));
        _bits[w] = word;
        if (word == 0) _summary[w >> 6] &= ~(1UL << (w & 63));
        NonEmptyLevels--;
        if (i == Best) Best = IsBid ? PrevSet(i - 1) : NextSet(i + 1);
    }

    /// <summary>The next non-empty level behind <paramref name="i"/> (further from the spread), or −1.</summary>
    public int Worse(int i) => IsBid ? PrevSet(i - 1) : NextSet(i + 1);

    /// <summary>Lowest non-empty index ≥ <paramref name="from"/>, or −1.</summary>
    public int NextSet(int from)
    {
        if (from >= Levels.Length) return -1;
        if (from < 0) from = 0;
        var w = from >> 6;
        var word = _bits[w] & (~0UL << (from & 63));
        if (word != 0) return (w << 6) + BitOperations.TrailingZeroCount(word);
        var sw = w + 1;
        if (sw >= _bits.Length) return -1;
        var s = sw >> 6;
        var m = _summary[s] & (~0UL << (sw & 63));
        while (m == 0)
        {
            if (++s >= _summary.Length) return -1;
            m = _summary[s];
        }
        var w2 = (s << 6) + BitOperations.TrailingZeroCount(m);
        return (w2 << 6) + BitOperations.TrailingZeroCount(_bits[w2]);
    }

    /// <summary>Highest non-empty index ≤ <paramref name="from"/>, or −1.</summary>
    public int PrevSet(int from)
    {
        if (from < 0) return -1;
        if (from >= Levels.Length) from = Levels.Length - 1;
        var w = from >> 6;
        var word = _bits[w] & (~0UL >> (63 - (from & 63)));
        if (word != 0) return (w << 6) + 63 - BitOperations.LeadingZeroCount(word);
        var sw = w - 1;
        if (sw < 0) return -1;
        var s = sw >> 6;
        var m = _summary[s] & (~0UL >> (63 - (sw & 63)));
        while (m == 0)
        {
            if (--s < 0) return -1;
            m = _summary[s];
        }
        var w2 = (s << 6) + 63 - BitOperations.LeadingZeroCount(m);
        return (w2 << 6) + 63 - BitOperations.LeadingZeroCount(_bits[w2]);
    }
}
