using LiquidityLab.Core.Domain;
using LiquidityLab.OrderBook.Events;
using LiquidityLab.OrderBook.Matching;
using LiquidityLab.OrderBook.Orders;
using LiquidityLab.OrderBook.Views;

namespace LiquidityLab.OrderBook.Lobster;

/// <summary>
/// Rebuilds the visible LOBSTER book in a <see cref="LimitOrderBook{TSink}"/> from the first orderbook row plus
/// the messages.
/// <para>Orders resting before the file starts have no id in the messages. The seed book holds one synthetic
/// order (negative id, owner −1) per level of the first row; the first message is undone on the seed first
/// (so its own order, if it adds one, gets its real id). A cancellation, deletion or execution of an id the
/// book does not know is applied to the synthetic order of that side and price; if there is none (the order
/// rested at a level deeper than the file shows), it is counted as unresolved and skipped.</para>
/// <para>Types 5 (hidden execution), 6 (cross trade) and 7 (halt) do not change the visible book. Executions and
/// deletions reduce the named order in place, which keeps the queue order of everything else.</para>
/// </summary>
public sealed class LobsterBookReconstructor
{
    private readonly Dictionary<(Side, long), long> _synthetic = new();
    private long _nextSyntheticId = -1;

    /// <param name="firstRow">the orderbook row after <paramref name="firstMessage"/>.</param>
    /// <param name="options">the band and tick of the book; see <see cref="OptionsFor"/>.</param>
    public LobsterBookReconstructor(LobsterBookRow firstRow, LobsterMessage firstMessage, BookOptions options)
    {
        ArgumentNullException.ThrowIfNull(firstRow);
        var levels = new Dictionary<(Side, long), long>();
        foreach (var side in new[] { Side.Buy, Side.Sell })
            for (var k = 0; k < firstRow.Levels; k++)
                if (firstRow.Has(side, k)) levels[(side, firstRow.Price(side, k))] = firstRow.Size(side, k);

        // Undo the first message: its effect is already in the first row.
        var key = (firstMessage.Side, firstMessage.Price);
        switch (firstMessage.Type)
        {
            case LobsterEventType.Submission:
                if (levels.TryGetValue(key, out var q)) levels[key] = q - firstMessage.Size;
                break;
            case LobsterEventType.Cancellation or LobsterEventType.Deletion or LobsterEventType.Execution:
                levels[key] = levels.GetValueOrDefault(key) + firstMessage.Size;
                break;
        }

        var bids = new List<RestingOrder>();
        var asks = new List<RestingOrder>();
        foreach (var ((side, price), size) in levels.OrderBy(l => l.Key.Item2))
        {
            if (size <= 0) continue;
            var id = _nextSyntheticId--;
            _synthetic[(side, price)] = id;
            (side == Side.Buy ? bids : asks).Add(new RestingOrder(id, -1, side, price, size));
        }
        bids.Reverse(); // best (highest) bid first
        Book = LimitOrderBook<CountingSink>.Restore(new BookSnapshot(options, bids, asks), default);
        SyntheticOrders = bids.Count + asks.Count;
    }

    /// <summary>The reconstructed book (its sink counts the engine's events).</summary>
    public LimitOrderBook<CountingSink> Book { get; }

    /// <summary>Synthetic orders seeded from the first row.</summary>
    public int SyntheticOrders { get; }

    /// <summary>Messages about unknown ids that were applied to a synthetic order.</summary>
    public long SyntheticHits { get; private set; }

    /// <summary>Messages about unknown ids at a price with no synthetic liquidity: skipped.</summary>
    public long Unresolved { get; private set; }

    /// <summary>Reductions larger than what the order had left (the order is removed).</summary>
    public long Oversized { get; private set; }

    /// <summary>New orders whose price crossed the reconstructed opposite best (they traded in the engine).</summary>
    public long CrossingSubmissions { get; private set; }

    /// <summary>New orders reusing the id of an order still resting: skipped.</summary>
    public long DuplicateSubmissions { get; private set; }

    /// <summary>
    /// A band covering every visible price of the messages and the first row with 1,000 ticks to spare,
    /// on a one-cent grid (100 in LOBSTER units) when all those prices lie on it, else on a grid of 1.
    /// </summary>
    public static BookOptions OptionsFor(IReadOnlyList<LobsterMessage> messages, LobsterBookRow firstRow)
    {
        long min = long.MaxValue, max = long.MinValue;
        var onCent = true;
        void See(long p)
        {
            if (p < min) min = p;
            if (p > max) max = p;
            if (p % 100 != 0) onCent = false;
        }
        foreach (var m in messages)
            if (m.ChangesVisibleBook) See(m.Price);
        for (var k = 0; k < firstRow.Levels; k++)
        {
            if (firstRow.HasAsk(k)) See(firstRow.AskPrice(k));
            if (firstRow.HasBid(k)) See(firstRow.BidPrice(k));
        }
        if (min > max) min = max = 0;
        var tick = onCent ? 100L : 1L;
        var lo = Math.Max(0, (min / tick - 1000) * tick);
        var hi = (max / tick + 1000) * tick;
        return new BookOptions(lo, hi, tick) { InitialOrderCapacity = 1 << 14 };
    }

    /// <summary>Levels taken from a row by <see cref="SyncEnteringLevels"/>.</summary>
    public long ResyncedLevels { get; private set; }

    /// <summary>Orders removed by <see cref="SyncEnteringLevels"/> (they had changed while out of the file's window).</summary>
    public long PrunedOrders { get; private set; }

    /// <summary>
    /// A LOBSTER file of depth N only has messages for the top N levels: whatever happens deeper is not reported.
    /// When a price range enters the window (the window reaches deeper than at the previous row, e.g. after the best
    /// level emptied), the book's content there is stale; this replaces it with the row's levels (one synthetic order
    /// per level). Prices that were already inside the previous row's window are never touched, so comparing the
    /// book with the row still tests every message-driven change.
    /// </summary>
    /// <param name="previous">the row before <paramref name="current"/> (for the first message: the first row itself).</param>
    /// <returns>true if anything entered the window (the row then partly describes itself).</returns>
    public bool SyncEnteringLevels(LobsterBookRow previous, LobsterBookRow current)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);
        Span<(long From, long To)> regions = stackalloc (long, long)[2];
        var before = ResyncedLevels + PrunedOrders;
        for (var s = 0; s < 2; s++)
        {
            var side = s == 0 ? Side.Buy : Side.Sell;
            regions[s] = EnteringRegion(side, previous, current);
            if (regions[s].From > regions[s].To) continue;
            foreach (var o in Book.Orders(side))
            {
                if (o.Price < regions[s].From || o.Price > regions[s].To) continue;
                Book.Cancel(o.OrderId);
                PrunedOrders++;
            }
        }
        for (var s = 0; s < 2; s++)
        {
            var side = s == 0 ? Side.Buy : Side.Sell;
            if (regions[s].From > regions[s].To) continue;
            for (var k = 0; k < current.Levels && current.Has(side, k); k++)
            {
                var price = current.Price(side, k);
                if (price < regions[s].From || price > regions[s].To) continue;
                var id = _nextSyntheticId--;
                _synthetic[(side, price)] = id;
                Book.Submit(OrderRequest.PostOnly(id, side, price, current.Size(side, k), owner: -1));
                ResyncedLevels++;
            }
        }
        return ResyncedLevels + PrunedOrders != before;
    }

    /// <summary>The closed price range of one side that is inside the current window but was outside the previous one (empty: From &gt; To).</summary>
    private static (long From, long To) EnteringRegion(Side side, LobsterBookRow previous, LobsterBookRow current)
    {
        var n = previous.Levels;
        // A side showing fewer than N levels shows all of it: the window then covered every price.
        if (!previous.Has(side, n - 1)) return (1, 0);
        var prevWorst = previous.Price(side, n - 1);
        if (side == Side.Buy)
        {
            // bids: the window is [worst shown, +inf); a lower worst bid widens it downwards
            var curWorst = current.Has(side, n - 1) ? current.Price(side, n - 1) : long.MinValue;
            return curWorst < prevWorst ? (curWorst, prevWorst - 1) : (1, 0);
        }
        var curWorstAsk = current.Has(side, n - 1) ? current.Price(side, n - 1) : long.MaxValue;
        return curWorstAsk > prevWorst ? (prevWorst + 1, curWorstAsk) : (1, 0);
    }

    /// <summary>Applies one message to the book.</summary>
    public void Apply(in LobsterMessage m)
    {
        switch (m.Type)
        {
            case LobsterEventType.Submission:
                if (Book.TryGetOrder(m.OrderId, out _)) { DuplicateSubmissions++; return; }
                if (m.Side == Side.Buy ? Book.BestAsk is { } a && a.Price <= m.Price : Book.BestBid is { } b && b.Price >= m.Price)
                    CrossingSubmissions++;
                Book.Submit(OrderRequest.Limit(m.OrderId, m.Side, m.Price, m.Size));
                return;
            case LobsterEventType.Cancellation:
            case LobsterEventType.Execution:
                Reduce(m, m.Size);
                return;
            case LobsterEventType.Deletion:
                Reduce(m, long.MaxValue);
                return;
            default:
                return; // hidden executions, cross trades and halts leave the visible book alone
        }
    }

    private void Reduce(in LobsterMessage m, long by)
    {
        var id = m.OrderId;
        if (!Book.TryGetOrder(id, out var order))
        {
            if (!_synthetic.TryGetValue((m.Side, m.Price), out id) || !Book.TryGetOrder(id, out order))
            {
                Unresolved++;
                return;
            }
            SyntheticHits++;
            if (by == long.MaxValue) by = m.Size; // deleting an unknown order removes its size from the synthetic remainder
        }
        if (by != long.MaxValue && by > order.Quantity) Oversized++;
        if (by >= order.Quantity) Book.Cancel(id);
        else Book.Modify(id, order.Price, order.Quantity - by);
    }
}
