using LiquidityLab.Core.Domain;
using LiquidityLab.Core.Randomness;
using LiquidityLab.OrderBook.Events;
using LiquidityLab.OrderBook.Matching;

namespace LiquidityLab.OrderBook.Replay;

/// <summary>
/// Shape of a synthetic benchmark stream: how many orders rest in steady state and over how many price
/// levels per side they spread (orders per level ≈ <see cref="TargetResting"/> / (2 × <see cref="LevelsPerSide"/>)).
/// </summary>
public sealed record StreamProfile(string Name, int TargetResting, int LevelsPerSide, long MaxQuantity)
{
    /// <summary>A few thousand resting orders over 50 levels a side: the cache-friendly case.</summary>
    public static readonly StreamProfile Shallow = new("shallow", 4_000, 50, 100);

    /// <summary>200,000 resting orders over 100 levels a side: queues about 1,000 orders deep.</summary>
    public static readonly StreamProfile Deep = new("deep", 200_000, 100, 100);
}

/// <summary>A generated stream: <see cref="WarmupCount"/> events that fill the book, then the measured mix.</summary>
public sealed record SyntheticStream(StreamProfile Profile, ReplayStream Stream, int WarmupCount)
{
    public int MeasuredCount => Stream.Events.Length - WarmupCount;

    /// <summary>
    /// Generates, deterministically from <paramref name="seed"/>, a warm-up that rests
    /// <see cref="StreamProfile.TargetResting"/> passive orders, then <paramref name="count"/> events mixing
    /// 50% limit orders, 40% cancels of random resting orders and 10% market orders. Limit orders are
    /// passive except a fraction that crosses, which grows when the book holds more than its target, so the
    /// resting count stays near the target. The generator runs the engine itself to know which orders still rest.
    /// </summary>
    public static SyntheticStream Generate(StreamProfile profile, int count, ulong seed)
    {
        var rng = RandomStream.Create(seed, "book-bench-" + profile.Name);
        const long mid = 1_000_000;
        var events = new List<ReplayEvent>(profile.TargetResting + count);
        var filled = new FillTracker();
        var book = new LimitOrderBook<FillTracker>(new BookOptions(mid - 4L * profile.LevelsPerSide, mid + 4L * profile.LevelsPerSide) { InitialOrderCapacity = profile.TargetResting * 2 }, filled);
        var live = new List<long>(profile.TargetResting * 2);
        var position = new Dictionary<long, int>(profile.TargetResting * 2);
        long nextId = 1;

        void Track(long id)
        {
            if (book.TryGetOrder(id, out _)) { position[id] = live.Count; live.Add(id); }
        }

        void Untrack(long id)
        {
            var at = position[id];
            var last = live[^1];
            live[at] = last;
            position[last] = at;
            live.RemoveAt(live.Count - 1);
            position.Remove(id);
        }

        void Emit(in ReplayEvent e)
        {
            events.Add(e);
            filled.Ids.Clear();
            switch (e.Kind)
            {
                case ReplayKind.Add: book.Submit(Orders.OrderRequest.Limit(e.OrderId, e.Side, e.Price, e.Quantity)); break;
                case ReplayKind.Cancel: book.Cancel(e.OrderId); Untrack(e.OrderId); return;
                default: book.Submit(Orders.OrderRequest.Market(e.OrderId, e.Side, e.Quantity)); break;
            }
            foreach (var id in filled.Ids) Untrack(id);
            if (e.Kind == ReplayKind.Add) Track(e.OrderId);
        }

        long Passive(Side side) => side == Side.Buy ? mid - 1 - rng.NextInt(profile.LevelsPerSide) : mid + 1 + rng.NextInt(profile.LevelsPerSide);

        for (var i = 0; i < profile.TargetResting; i++)
        {
            var side = (i & 1) == 0 ? Side.Buy : Side.Sell;
            Emit(new ReplayEvent(ReplayKind.Add, nextId++, side, Passive(side), rng.NextLong(1, profile.MaxQuantity)));
        }
        var warmup = events.Count;
        for (var i = 0; i < count; i++)
        {
            var roll = rng.NextDouble();
            if (roll < 0.4 && live.Count > 0)
            {
                Emit(new ReplayEvent(ReplayKind.Cancel, live[rng.NextInt(live.Count)], Side.Buy, 0, 0));
                continue;
            }
            var side = rng.Bernoulli(0.5) ? Side.Buy : Side.Sell;
            var qty = rng.NextLong(1, profile.MaxQuantity);
            if (roll < 0.9)
            {
                var excess = (live.Count - profile.TargetResting) / (double)profile.TargetResting;
                var crossing = rng.Bernoulli(Math.Clamp(0.05 + 2 * excess, 0, 0.6));
                var price = crossing ? (side == Side.Buy ? mid + 1 + rng.NextInt(3) : mid - 1 - rng.NextInt(3)) : Passive(side);
                Emit(new ReplayEvent(ReplayKind.Add, nextId++, side, price, qty));
            }
            else
            {
                Emit(new ReplayEvent(ReplayKind.Market, nextId++, side, 0, qty));
            }
        }
        return new SyntheticStream(profile, ReplayStream.FromEvents(events.ToArray()), warmup);
    }

    /// <summary>Notes the resting orders that a fill used up.</summary>
    private sealed class FillTracker : IBookEventSink
    {
        public readonly List<long> Ids = new();
        public void OnAccepted(in OrderAccepted e) { }
        public void OnRejected(in OrderRejected e) { }
        public void OnTrade(in Trade e) { if (e.RestingRemaining == 0) Ids.Add(e.RestingOrderId); }
        public void OnCancelled(in OrderCancelled e) { }
        public void OnModified(in OrderModified e) { }
        public void OnBookChanged(in BookLevelChanged e) { }
    }
}
