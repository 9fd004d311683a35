using System.Runtime.Intrinsics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using LiquidityLab.Core.Randomness;
using LiquidityLab.Strategies.Optimal;

namespace LiquidityLab.Simulation.MonteCarlo;

/// <summary>
/// The Monte Carlo engine of the model-based market-making lab. Per step, in this order: the maker
/// quotes from (T − t, q, σ); each side fills independently with probability p(λ(δ)·dt) for one
/// order at its quote price (bid s − δb, ask s + δa); then the mid moves and the inventory is marked
/// to it. This is the time line of Avellaneda and Stoikov's simulation.
/// Paths run <see cref="System.Runtime.Intrinsics.Vector512{T}.Count"/> (eight) at a time, one per SIMD lane, several such blocks
/// interleaved, with no allocation in the step loop; fixed chunks of paths run in parallel and their statistics are folded in chunk order,
/// so results are bit-identical whatever the thread count.
/// </summary>
public static class QuotingMonteCarlo
{
    /// <summary>Paths per unit of parallel work; fixed so that the folding order never depends on the threads.</summary>
    public const int ChunkPaths = 512;

    private const int Sums = 6; // per point: Σpnl, Σpnl², Σq, Σq², Σspread, Σmid

    public static MonteCarloResult Run<TQuoting>(MonteCarloSetup setup, TQuoting quoting, ulong seed, int threads = 0,
        IProgress<double>? progress = null, CancellationToken cancel = default)
        where TQuoting : struct, IModelQuoting =>
        Run(setup, quoting, seed, threads, progress, cancel, useTiltTable: true);

    /// <summary>The engine with the tilt table where the study allows one, or without it (every tilt computed): the tests compare the two.</summary>
    internal static MonteCarloResult Run<TQuoting>(MonteCarloSetup setup, TQuoting quoting, ulong seed, int threads,
        IProgress<double>? progress, CancellationToken cancel, bool useTiltTable)
        where TQuoting : struct, IModelQuoting
    {
        Validate(setup);
        var stride = Math.Max(1, (setup.Steps + setup.MaxPoints - 1) / Math.Max(1, setup.MaxPoints));
        var points = setup.Steps / stride + 1 + (setup.Steps % stride == 0 ? 0 : 1);
        var result = new MonteCarloResult(setup, points);
        for (var p = 0; p < points; p++) result.PointStep[p] = Math.Min(p * stride, setup.Steps);

        var samples = new SamplePath[Math.Min(setup.SamplePaths, setup.Paths)];
        for (var i = 0; i < samples.Length; i++) samples[i] = new SamplePath(setup.Steps);
        result.Samples = samples;

        var dynamics = new MidDynamics(setup.Mid, setup.Dt);
        var tilts = useTiltTable ? TiltTable.TryBuild(setup, quoting, dynamics.ConstantSigma) : null;
        var families = (StreamSeed.Derive(seed, "mid"), StreamSeed.Derive(seed, "fills"));
        var chunks = (setup.Paths + ChunkPaths - 1) / ChunkPaths;
        // One slice of sums per chunk, in one array; one lane accumulator per worker, cleared per chunk.
        var chunkSums = new double[chunks * points * Sums];
        var done = 0;
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = threads > 0 ? threads : Environment.ProcessorCount, CancellationToken = cancel },
            () => new Workspace(points * Sums),
            (chunk, _, workspace) =>
            {
                var acc = workspace.Sums.Span;
                acc.Clear();
                var first = chunk * ChunkPaths;
                var end = Math.Min(setup.Paths, first + ChunkPaths);
                var tilePaths = TileBlocks * Vector512<double>.Count;
                for (var p0 = first; p0 < end; p0 += tilePaths)
                    RunTile(setup, quoting, dynamics, tilts, families, p0, Math.Min(end, p0 + tilePaths), stride, acc, workspace.Tile.Span, workspace.Market.Span, result, samples);
                var sums = chunkSums.AsSpan(chunk * points * Sums, points * Sums);
                for (var i = 0; i < sums.Length; i++) sums[i] = Vector512.Sum(acc[i]);
                progress?.Report(Interlocked.Increment(ref done) / (double)chunks);
                return workspace;
            },
            _ => { });

        Fold(chunkSums, points, setup.Paths, result);
        return result;
    }

    /// <summary>
    /// Blocks of lanes stepped together, interleaved step by step: each block's step is one long
    /// dependency chain (quote → exp → fill → inventory), so several independent chains in flight
    /// keep the core busy. Interleaving changes no number: every block keeps its own paths and streams.
    /// </summary>
    private const int TileBlocks = 4;

    /// <summary>
    /// Steps per segment. The mid never depends on the maker, so each block's market for a segment
    /// (its mids, the σ its maker quotes with, its fill uniforms) is drawn first, in loops that keep
    /// the generators in registers; then the maker steps through it. A tile's segment stays in L1.
    /// </summary>
    private const int SegmentSteps = 32;

    /// <summary>Per block and segment: SegmentSteps + 1 mids, then SegmentSteps each of σ, bid and ask uniforms.</summary>
    private const int MarketVectors = 4 * SegmentSteps + 1;

    /// <summary>One worker's scratch, cache-line aligned (a straddling vector costs a split load or store each time it is touched).</summary>
    private sealed class Workspace(int sums)
    {
        public readonly AlignedScratch<Vector512<double>> Sums = new(sums);
        public readonly AlignedScratch<BlockState> Tile = new(TileBlocks);
        public readonly AlignedScratch<Vector512<double>> Market = new(TileBlocks * MarketVectors);
    }

    /// <summary>One block's market for the current segment, views into the workspace.</summary>
    private readonly ref struct BlockMarket(Span<Vector512<double>> market, int block)
    {
        public const int SigmaOffset = SegmentSteps + 1, BidOffset = 2 * SegmentSteps + 1, AskOffset = 3 * SegmentSteps + 1;
        private readonly Span<Vector512<double>> _all = market.Slice(block * MarketVectors, MarketVectors);
        public Span<Vector512<double>> Mids => _all[..(SegmentSteps + 1)];
        public Span<Vector512<double>> Sigmas => _all.Slice(SigmaOffset, SegmentSteps);
        public Span<Vector512<double>> BidUniforms => _all.Slice(BidOffset, SegmentSteps);
        public Span<Vector512<double>> AskUniforms => _all.Slice(AskOffset, SegmentSteps);
    }

    /// <summary>Everything one block of lanes carries from step to step: plain values, kept in the worker's aligned tile.</summary>
    private struct BlockState
    {
        public MidState Mid;
        public Xoshiro256Lanes MidRng, FillRng;
        public Vector512<double> Q, Cash, SpreadCapture, InventoryPnl, SpreadSum, BidFills, AskFills, MaxAbs, SigmaSquared, StartValue, Weight;
        public Vector512<double> BidExcitation, AskExcitation; // Hawkes excess intensity of the flow that hits each side
        public Vector512<double> BidDistance, AskDistance, Tilt, BidLevel, AskLevel; // this step's, passed between the passes
        public Vector512<double> BidProbability, AskProbability; // this step's, with p = 1 − e^(−λ·dt)
        public int P0, Live;
    }

    // Fully optimised from the first call: the whole study is this loop, so there is nothing for tiering to learn.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RunTile<TQuoting>(MonteCarloSetup setup, TQuoting quoting, MidDynamics mid, TiltTable? tilts, (ulong Mid, ulong Fills) families,
        int tileStart, int tileEnd, int stride, Span<Vector512<double>> acc, Span<BlockState> tile, Span<Vector512<double>> market, MonteCarloResult result, SamplePath[] samples)
        where TQuoting : struct, IModelQuoting
    {
        var lanes = Vector512<double>.Count;
        var blocks = (tileEnd - tileStart + lanes - 1) / lanes;
        Span<ulong> seeds = stackalloc ulong[lanes];
        Span<double> liveMask = stackalloc double[lanes];
        var q0 = Vector512.Create<double>(setup.InitialInventory);
        for (var b = 0; b < blocks; b++)
        {
            ref var st = ref tile[b];
            st = default; // the worker's tile is reused from tile to tile
            st.P0 = tileStart + b * lanes;
            st.Live = Math.Min(lanes, setup.Paths - st.P0);
            for (var i = 0; i < lanes; i++) seeds[i] = StreamSeed.Member(families.Mid, st.P0 + i);
            st.MidRng = new Xoshiro256Lanes(seeds);
            for (var i = 0; i < lanes; i++) seeds[i] = StreamSeed.Member(families.Fills, st.P0 + i);
            st.FillRng = new Xoshiro256Lanes(seeds);
            // Lanes past the last path run on (their own streams) but are masked out of every statistic.
            for (var i = 0; i < lanes; i++) liveMask[i] = i < st.Live ? 1 : 0;
            st.Weight = Vector512.Create<double>(liveMask);
            st.Mid = mid.Start();
            st.Q = q0;
            st.Cash = st.SpreadCapture = st.InventoryPnl = st.SpreadSum = st.BidFills = st.AskFills = Vector512<double>.Zero;
            st.BidExcitation = st.AskExcitation = Vector512<double>.Zero;
            st.MaxAbs = Vector512.Abs(q0);
            var sigma0 = mid.Sigma(st.Mid);
            st.SigmaSquared = sigma0 * sigma0; // an estimate starts at the true σ²
            st.StartValue = q0 * st.Mid.Mid;
            Accumulate(acc, 0, Vector512<double>.Zero, st.Q, Vector512<double>.Zero, st.Mid.Mid, st.Weight, st.Live == lanes);
            if (st.P0 < samples.Length) RecordStart(samples, st.P0, st.Live, st.Mid.Mid, st.Q);
        }

        var fills = setup.Fills;
        var dt = setup.Dt;
        var a = Vector512.Create<double>(fills.A);
        var dtV = Vector512.Create<double>(dt);
        var negK = Vector512.Create<double>(-fills.K);
        var aDt = a * dtV;
        var size = Vector512.Create<double>(fills.OrderSize);
        var bounded = fills.InventoryBound is not null;
        var maxLong = Vector512.Create<double>((fills.InventoryBound ?? 0) - fills.OrderSize);
        var maxShort = -maxLong;
        var exponential = fills.Probability == FillProbability.Exponential;
        var hawkes = fills.Hawkes is not null;
        var excitationKeep = hawkes ? Math.Exp(-fills.Hawkes!.Decay * dt) : 0;
        var selfJump = fills.Hawkes?.SelfExcitation ?? 0;
        var crossJump = fills.Hawkes?.CrossExcitation ?? 0;
        var estimate = setup.VolatilityEstimate is not null;
        var decay = estimate ? Math.Pow(0.5, 1 / setup.VolatilityEstimate!.HalfLifeSteps) : 0;
        var recording = tileStart < samples.Length;
        var cachedHalf = double.NaN;
        var cachedLevel = Vector512<double>.Zero;

        ref var marketStart = ref MemoryMarshal.GetReference(market);
        var tabled = tilts is not null;
        var tiltReader = tilts?.Reader ?? default;
        ref var tiltRows = ref tabled ? ref MemoryMarshal.GetReference(tilts!.Rows) : ref Unsafe.NullRef<Vector512<double>>();
        for (var t0 = 0; t0 < setup.Steps; t0 += SegmentSteps)
        {
            var n = Math.Min(SegmentSteps, setup.Steps - t0);
            for (var b = 0; b < blocks; b++)
            {
                ref var st = ref tile[b];
                var m = new BlockMarket(market, b);
                mid.StepSegment(ref st.Mid, ref st.MidRng, m.Mids[..(n + 1)], m.Sigmas[..n]);
                if (estimate)
                {
                    // The maker's σ is an EWMA of the squared moves so far, not the model's.
                    var mids = m.Mids;
                    var sigmas = m.Sigmas;
                    for (var i = 0; i < n; i++)
                    {
                        sigmas[i] = Vector512.Sqrt(st.SigmaSquared);
                        var move = mids[i + 1] - mids[i];
                        st.SigmaSquared = st.SigmaSquared * decay + move * move * ((1 - decay) / dt);
                    }
                }
                st.FillRng.FillPairs(m.BidUniforms[..n], m.AskUniforms[..n]);
            }

            for (var i = 0; i < n; i++)
            {
                var t = t0 + i;
                var timeLeft = setup.Horizon - t * dt;
                var stepsDone = t + 1;
                var record = stepsDone % stride == 0 || stepsDone == setup.Steps;
                var point = record ? (stepsDone + stride - 1) / stride : 0;
                // The step runs as three passes over the tile's blocks: quotes; the out-of-line vector
                // exponentials, called from a short loop with little else alive (on this ABI every vector
                // register is lost across a call, and one long body spilled them all at each call); then
                // fills and marks, with no call. Each pass does the same arithmetic per lane as one fused
                // body would; only the order of independent work changes.
                for (var b = 0; b < blocks; b++)
                {
                    ref var st = ref tile[b];
                    // Unchecked reads of the market: b < TileBlocks and i < SegmentSteps, so they stay inside the workspace.
                    ref var m = ref Unsafe.Add(ref marketStart, b * MarketVectors);
                    quoting.Quote(timeLeft, st.Q, Unsafe.Add(ref m, BlockMarket.SigmaOffset + i), out st.BidDistance, out st.AskDistance);
                }

                // λb·dt = level·tilt and λa·dt = level/tilt, with level = A·dt·e^(−k·half) and tilt = e^(−k·skew):
                // one vector exponential per block instead of two. The half-spread is usually the same in
                // every lane (it depends on σ and T − t, not on q), so its exponential is computed once per
                // distinct value, by the same vector routine, so that no lane's numbers depend on its neighbours.
                // With a tilt table (quotes from T − t and q alone) the tilt is read, not computed, when every lane's inventory is in it.
                for (var b = 0; b < blocks; b++)
                {
                    ref var st = ref tile[b];
                    if (!tabled || !tiltReader.TryRead(ref Unsafe.Add(ref tiltRows, t * TiltTable.RowVectors), st.Q, out st.Tilt))
                        st.Tilt = Vector512.Exp(negK * ((st.BidDistance - st.AskDistance) * 0.5));
                    var half = (st.BidDistance + st.AskDistance) * 0.5;
                    var half0 = half.ToScalar();
                    Vector512<double> level;
                    if (!Vector512.EqualsAll(half, Vector512.Create(half0))) level = Vector512.Exp(negK * half);
                    else
                    {
                        if (half0 != cachedHalf)
                        {
                            cachedHalf = half0;
                            cachedLevel = Vector512.Exp(negK * half);
                        }
                        level = cachedLevel;
                    }
                    // Each side's level carries its own Hawkes excitation (this step's fill pass has not run yet).
                    st.BidLevel = (hawkes ? (a + st.BidExcitation) * dtV : aDt) * level;
                    st.AskLevel = (hawkes ? (a + st.AskExcitation) * dtV : aDt) * level;
                    if (exponential)
                    {
                        // p = 1 − e^(−λ·dt), here too so that the fill pass below makes no call.
                        st.BidProbability = Vector512<double>.One - Vector512.Exp(-(st.BidLevel * st.Tilt));
                        st.AskProbability = Vector512<double>.One - Vector512.Exp(-(st.AskLevel / st.Tilt));
                    }
                }

                for (var b = 0; b < blocks; b++)
                {
                    ref var st = ref tile[b];
                    var q = st.Q;
                    var bidDistance = st.BidDistance;
                    var askDistance = st.AskDistance;
                    ref var m = ref Unsafe.Add(ref marketStart, b * MarketVectors);
                    var uBid = Unsafe.Add(ref m, BlockMarket.BidOffset + i);
                    var uAsk = Unsafe.Add(ref m, BlockMarket.AskOffset + i);
                    Vector512<double> bought, sold;
                    if (exponential)
                    {
                        bought = Vector512.LessThan(uBid, st.BidProbability);
                        sold = Vector512.LessThan(uAsk, st.AskProbability);
                    }
                    else
                    {
                        // u < λ·dt; a probability above one fills for sure, as capping it would. The ask's test
                        // u < askLevel/tilt is taken as u·tilt < askLevel (tilt > 0), which saves the division.
                        var tilt = st.Tilt;
                        bought = Vector512.LessThan(uBid, st.BidLevel * tilt);
                        sold = Vector512.LessThan(uAsk * tilt, st.AskLevel);
                    }
                    if (bounded)
                    {
                        bought &= Vector512.LessThanOrEqual(q, maxLong);
                        sold &= Vector512.GreaterThanOrEqual(q, maxShort);
                    }
                    var buyQty = Vector512.ConditionalSelect(bought, size, Vector512<double>.Zero);
                    var sellQty = Vector512.ConditionalSelect(sold, size, Vector512<double>.Zero);

                    var s = Unsafe.Add(ref m, i);
                    st.Cash += sellQty * (s + askDistance) - buyQty * (s - bidDistance);
                    st.SpreadCapture += buyQty * bidDistance + sellQty * askDistance;
                    q += buyQty - sellQty;
                    st.Q = q;
                    st.SpreadSum += bidDistance + askDistance;
                    var bidFill = Vector512.ConditionalSelect(bought, Vector512<double>.One, Vector512<double>.Zero);
                    var askFill = Vector512.ConditionalSelect(sold, Vector512<double>.One, Vector512<double>.Zero);
                    st.BidFills += bidFill;
                    st.AskFills += askFill;
                    if (hawkes)
                    {
                        // This step's fills excite the flow from the next step on.
                        st.BidExcitation = st.BidExcitation * excitationKeep + bidFill * selfJump + askFill * crossJump;
                        st.AskExcitation = st.AskExcitation * excitationKeep + askFill * selfJump + bidFill * crossJump;
                    }
                    st.MaxAbs = Vector512.Max(st.MaxAbs, Vector512.Abs(q));

                    var next = Unsafe.Add(ref m, i + 1);
                    st.InventoryPnl += q * (next - s);

                    if (record)
                        Accumulate(acc, point, st.Cash + q * next - st.StartValue, q, bidDistance + askDistance, next, st.Weight, st.Live == lanes);
                    if (recording && st.P0 < samples.Length)
                        RecordStep(samples, st.P0, st.Live, t, s, bidDistance, askDistance, bought, sold, next, q, st.Cash + q * next - st.StartValue);
                }
            }
        }

        for (var b = 0; b < blocks; b++)
        {
            ref var st = ref tile[b];
            var pnl = st.Cash + st.Q * st.Mid.Mid - st.StartValue;
            for (var i = 0; i < st.Live; i++)
            {
                var path = st.P0 + i;
                result.FinalPnl[path] = pnl[i];
                result.FinalInventory[path] = st.Q[i];
                result.SpreadCapture[path] = st.SpreadCapture[i];
                result.InventoryPnl[path] = st.InventoryPnl[i];
                result.MeanQuotedSpread[path] = st.SpreadSum[i] / setup.Steps;
                result.BidFills[path] = st.BidFills[i];
                result.AskFills[path] = st.AskFills[i];
                result.MaxAbsInventory[path] = st.MaxAbs[i];
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Accumulate(Span<Vector512<double>> acc, int point, Vector512<double> pnl, Vector512<double> q, Vector512<double> spread,
        Vector512<double> mid, Vector512<double> weight, bool full)
    {
        var sums = acc.Slice(point * Sums, Sums);
        if (!full)
        {
            // Masked lanes (past the last path) add zeros.
            pnl *= weight;
            q *= weight;
            spread *= weight;
            mid *= weight;
        }
        sums[0] += pnl;
        sums[1] += pnl * pnl;
        sums[2] += q;
        sums[3] += q * q;
        sums[4] += spread;
        sums[5] += mid;
    }

    private static void RecordStart(SamplePath[] samples, int p0, int live, Vector512<double> mid, Vector512<double> q)
    {
        for (var i = 0; i < live && p0 + i < samples.Length; i++)
        {
            samples[p0 + i].Mid[0] = mid[i];
            samples[p0 + i].Inventory[0] = q[i];
        }
    }

    private static void RecordStep(SamplePath[] samples, int p0, int live, int t, Vector512<double> mid, Vector512<double> bidDistance,
        Vector512<double> askDistance, Vector512<double> bought, Vector512<double> sold, Vector512<double> next, Vector512<double> q, Vector512<double> pnl)
    {
        for (var i = 0; i < live && p0 + i < samples.Length; i++)
        {
            var path = samples[p0 + i];
            path.Bid[t] = mid[i] - bidDistance[i];
            path.Ask[t] = mid[i] + askDistance[i];
            path.BidFilled[t] = bought.AsUInt64()[i] != 0;
            path.AskFilled[t] = sold.AsUInt64()[i] != 0;
            path.Mid[t + 1] = next[i];
            path.Inventory[t + 1] = q[i];
            path.Pnl[t + 1] = pnl[i];
        }
    }

    private static void Fold(double[] chunkSums, int points, int paths, MonteCarloResult result)
    {
        var total = new double[points * Sums];
        for (var o = 0; o < chunkSums.Length; o += total.Length)
            for (var i = 0; i < total.Length; i++) total[i] += chunkSums[o + i];
        for (var p = 0; p < points; p++)
        {
            var o = p * Sums;
            result.MeanPnl[p] = total[o] / paths;
            result.StdPnl[p] = StdDev(total[o], total[o + 1], paths);
            result.MeanInventory[p] = total[o + 2] / paths;
            result.StdInventory[p] = StdDev(total[o + 2], total[o + 3], paths);
            result.MeanSpread[p] = p == 0 ? double.NaN : total[o + 4] / paths;
            result.MeanMid[p] = total[o + 5] / paths;
        }
    }

    private static double StdDev(double sum, double sumSquares, int n) =>
        n < 2 ? double.NaN : Math.Sqrt(Math.Max(0, (sumSquares - sum * sum / n) / (n - 1)));

    private static void Validate(MonteCarloSetup setup)
    {
        if (setup.Paths < 1) throw new ArgumentOutOfRangeException(nameof(setup), setup.Paths, "paths must be >= 1");
        if (setup.Steps < 1) throw new ArgumentOutOfRangeException(nameof(setup), setup.Steps, "steps must be >= 1");
        if (!(setup.Horizon > 0)) throw new ArgumentOutOfRangeException(nameof(setup), setup.Horizon, "horizon must be > 0");
        if (setup.Mid.Regimes.Count == 0) throw new ArgumentException("the mid needs at least one regime", nameof(setup));
        if (setup.Fills.Hawkes is { } h && !(h.Decay > 0 && h.SelfExcitation >= 0 && h.CrossExcitation >= 0 && h.BranchingBound < 1))
            throw new ArgumentOutOfRangeException(nameof(setup), h, "Hawkes excitation needs decay > 0, excitations >= 0 and (self + cross)/decay < 1");
    }
}
