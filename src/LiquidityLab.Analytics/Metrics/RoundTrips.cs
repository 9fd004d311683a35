namespace LiquidityLab.Analytics.Metrics;

/// <summary>A trade for round-trip matching: signed lots (+ buy, − sell) at a price.</summary>
public readonly record struct SignedTrade(long Lots, double Price);

/// <summary>One closed round trip: lots opened and closed, and the PnL of that pair of legs.</summary>
public readonly record struct RoundTrip(long Lots, double OpenPrice, double ClosePrice, double Pnl);

/// <summary>
/// Matches trades first in, first out into round trips: a trade that reduces the position closes the
/// oldest open lots first (splitting a trade when needed); one that flips it closes everything and opens
/// the rest. Lots still open at the end form no round trip.
/// </summary>
public static class RoundTrips
{
    public static List<RoundTrip> Match(IEnumerable<SignedTrade> trades)
    {
        var open = new List<(long Lots, double Price)>(); // open[head..]: all the same sign, the position's, oldest first
        var head = 0;
        long position = 0;
        var trips = new List<RoundTrip>();
        foreach (var t in trades)
        {
            if (t.Lots == 0) continue;
            var remaining = t.Lots;
            while (remaining != 0 && position != 0 && Math.Sign(remaining) != Math.Sign(position))
            {
                var (lots, price) = open[head];
                var closing = Math.Min(Math.Abs(lots), Math.Abs(remaining));
                var sign = Math.Sign(position); // +1: a long closed by a sale
                trips.Add(new RoundTrip(closing, price, t.Price, sign * closing * (t.Price - price)));
                if (closing == Math.Abs(lots)) head++;
                else open[head] = (lots - sign * closing, price);
                position -= sign * closing;
                remaining += sign * closing;
            }
            if (head == open.Count)
            {
                open.Clear();
                head = 0;
            }
            if (remaining != 0)
            {
                open.Add((remaining, t.Price));
                position += remaining;
            }
        }
        return trips;
    }

    /// <summary>Share of round trips with PnL &gt; 0; NaN when there are none.</summary>
    public static double ProfitableShare(IReadOnlyList<RoundTrip> trips) =>
        trips.Count == 0 ? double.NaN : trips.Count(t => t.Pnl > 0) / (double)trips.Count;
}
