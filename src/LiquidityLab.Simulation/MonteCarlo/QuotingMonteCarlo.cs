using System.Numerics;
using System.Runtime.CompilerServices;
using LiquidityLab.Core.Randomness;
using LiquidityLab.Strategies.Optimal;

namespace LiquidityLab.Simulation.MonteCarlo;

/// <summary>
/// The Monte Carlo engine of the model-based market-making lab. Per step, in this order: the maker
/// quotes from (T − t, q, σ); each side fills independently with probability p(λ(δ)·dt) for one
/// order at its quote price (bid s − δb, ask s + δa); then the mid moves and the inventory is marked
/// to it. This is the time line of Avellaneda and Stoikov's simulation.
/// Paths run <see cref="Vector{T}.Count"/> at a time, one per SIMD lane, with no allocation in the
/// step loop; fixed chunks of paths run in parallel and their statistics are folded in chunk order,
/// so results are bit-identical whatever the thread count.
/// </summary>
public static class QuotingMonteCarlo
{
    /// <summary>Paths per unit of parallel work; fixed so that the folding order never depends on the threads.</summary>
    public const int ChunkPaths = 512;

    private const int Sums = 6; // per point: Σpnl, Σpnl², Σq, Σq², Σspread, Σmid

    public static MonteCarloResult Run<TQuoting>(MonteCarloSetup setup, TQuoting quoting, ulong seed, int threads = 0,
        IProgress<double>? progress = null, CancellationToken cancel = default)
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

        var template = new LaneMid(setup.Mid, setup.Dt);
        var families = (StreamSeed.Derive(seed, "mid"), StreamSeed.Derive(seed, "fills"));
        var chunks = (setup.Paths + ChunkPaths - 1) / ChunkPaths;
        var chunkSums = new double[chunks][];
        var done = 0;
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = threads > 0 ? threads : Environment.ProcessorCount, CancellationToken = cancel },
            chunk =>
            {
                var acc = new Vector<double>[points * Sums];
                var first = chunk * ChunkPaths;
                var end = Math.Min(setup.Paths, first + ChunkPaths);
                for (var p0 = first; p0 < end; p0 += Vector<double>.Count)
                    RunBlock(setup, quoting, template, families, p0, stride, acc, result, samples);
                var sums = new double[points * Sums];
                for (var i = 0; i < sums.Length; i++) sums[i] = Vector.Sum(acc[i]);
                chunkSums[chunk] = sums;
                progress?.Report(Interlocked.Increment(ref done) / (double)chunks);
            });

        Fold(chunkSums, points, setup.Paths, result);
        return result;
    }

    // Fully optimised from the first call: the whole study is this loop, so there is nothing for tiering to learn.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RunBlock<TQuoting>(MonteCarloSetup setup, TQuoting quoting, LaneMid mid, (ulong Mid, ulong Fills) seeds0, int p0, int stride,
        Vector<double>[] acc, MonteCarloResult result, SamplePath[] samples)
        where TQuoting : struct, IModelQuoting
    {
        var lanes = Vector<double>.Count;
        var live = Math.Min(lanes, setup.Paths - p0);
        Span<ulong> seeds = stackalloc ulong[lanes];
        for (var i = 0; i < lanes; i++) seeds[i] = StreamSeed.Member(seeds0.Mid, p0 + i);
        var midRng = new Xoshiro256Lanes(seeds);
        for (var i = 0; i < lanes; i++) seeds[i] = StreamSeed.Member(seeds0.Fills, p0 + i);
        var fillRng = new Xoshiro256Lanes(seeds);

        // Lanes past the last path run on (their own streams) but are masked out of every statistic.
        Span<double> liveMask = stackalloc double[lanes];
        for (var i = 0; i < lanes; i++) liveMask[i] = i < live ? 1 : 0;
        var weight = new Vector<double>(liveMask);
        var recording = p0 < samples.Length;

        var fills = setup.Fills;
        var dt = setup.Dt;
        var a = new Vector<double>(fills.A);
        var dtV = new Vector<double>(dt);
        var negK = new Vector<double>(-fills.K);
        var size = new Vector<double>(fills.OrderSize);
        var bounded = fills.InventoryBound is not null;
        var maxLong = new Vector<double>((fills.InventoryBound ?? 0) - fills.OrderSize);
        var maxShort = -maxLong;
        var exponential = fills.Probability == FillProbability.Exponential;

        var estimate = setup.VolatilityEstimate is not null;
        var decay = estimate ? Math.Pow(0.5, 1 / setup.VolatilityEstimate!.HalfLifeSteps) : 0;
        var variance = mid.Sigma() * mid.Sigma(); // the estimate starts at the true σ²

        var s0 = mid.Mid;
        var q0 = new Vector<double>(setup.InitialInventory);
        var q = q0;
        var cash = Vector<double>.Zero;
        var spreadCapture = Vector<double>.Zero;
        var inventoryPnl = Vector<double>.Zero;
        var spreadSum = Vector<double>.Zero;
        var bidFills = Vector<double>.Zero;
        var askFills = Vector<double>.Zero;
        var maxAbs = Vector.Abs(q);
        var startValue = q0 * s0;

        Accumulate(acc, 0, Vector<double>.Zero, q, Vector<double>.Zero, s0, weight);
        if (recording) RecordStart(samples, p0, live, s0, q);

        for (var t = 0; t < setup.Steps; t++)
        {
            var sigma = estimate ? Vector.SquareRoot(variance) : mid.Sigma();
            quoting.Quote(setup.Horizon - t * dt, q, sigma, out var bidDistance, out var askDistance);

            var bidIntensity = a * Vector.Exp(negK * bidDistance);
            var askIntensity = a * Vector.Exp(negK * askDistance);
            Vector<double> bidProbability, askProbability;
            if (exponential)
            {
                bidProbability = Vector<double>.One - Vector.Exp(-(bidIntensity * dtV));
                askProbability = Vector<double>.One - Vector.Exp(-(askIntensity * dtV));
            }
            else
            {
                bidProbability = bidIntensity * dtV; // a probability above one fills for sure, as capping it would
                askProbability = askIntensity * dtV;
            }

            fillRng.NextPair(out var uBid, out var uAsk);
            var bought = Vector.LessThan(uBid, bidProbability);
            var sold = Vector.LessThan(uAsk, askProbability);
            if (bounded)
            {
                bought &= Vector.LessThanOrEqual(q, maxLong);
                sold &= Vector.GreaterThanOrEqual(q, maxShort);
            }
            var buyQty = Vector.ConditionalSelect(bought, size, Vector<double>.Zero);
            var sellQty = Vector.ConditionalSelect(sold, size, Vector<double>.Zero);

            var s = mid.Mid;
            cash += sellQty * (s + askDistance) - buyQty * (s - bidDistance);
            spreadCapture += buyQty * bidDistance + sellQty * askDistance;
            q += buyQty - sellQty;
            var spread = bidDistance + askDistance;
            spreadSum += spread;
            bidFills += Vector.ConditionalSelect(bought, Vector<double>.One, Vector<double>.Zero);
            askFills += Vector.ConditionalSelect(sold, Vector<double>.One, Vector<double>.Zero);
            maxAbs = Vector.Max(maxAbs, Vector.Abs(q));

            var next = mid.Step(ref midRng);
            var move = next - s;
            inventoryPnl += q * move;
            if (estimate) variance = variance * decay + move * move * ((1 - decay) / dt);

            var stepsDone = t + 1;
            if (stepsDone % stride == 0 || stepsDone == setup.Steps)
                Accumulate(acc, (stepsDone + stride - 1) / stride, cash + q * next - startValue, q, spread, next, weight);
            if (recording) RecordStep(samples, p0, live, t, s, bidDistance, askDistance, bought, sold, next, q, cash + q * next - startValue);
        }

        var pnl = cash + q * mid.Mid - startValue;
        for (var i = 0; i < live; i++)
        {
            var path = p0 + i;
            result.FinalPnl[path] = pnl[i];
            result.FinalInventory[path] = q[i];
            result.SpreadCapture[path] = spreadCapture[i];
            result.InventoryPnl[path] = inventoryPnl[i];
            result.MeanQuotedSpread[path] = spreadSum[i] / setup.Steps;
            result.BidFills[path] = bidFills[i];
            result.AskFills[path] = askFills[i];
            result.MaxAbsInventory[path] = maxAbs[i];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Accumulate(Vector<double>[] acc, int point, Vector<double> pnl, Vector<double> q, Vector<double> spread,
        Vector<double> mid, Vector<double> weight)
    {
        var o = point * Sums;
        var wp = pnl * weight;
        var wq = q * weight;
        acc[o] += wp;
        acc[o + 1] += wp * pnl;
        acc[o + 2] += wq;
        acc[o + 3] += wq * q;
        acc[o + 4] += spread * weight;
        acc[o + 5] += mid * weight;
    }

    private static void RecordStart(SamplePath[] samples, int p0, int live, Vector<double> mid, Vector<double> q)
    {
        for (var i = 0; i < live && p0 + i < samples.Length; i++)
        {
            samples[p0 + i].Mid[0] = mid[i];
            samples[p0 + i].Inventory[0] = q[i];
        }
    }

    private static void RecordStep(SamplePath[] samples, int p0, int live, int t, Vector<double> mid, Vector<double> bidDistance,
        Vector<double> askDistance, Vector<long> bought, Vector<long> sold, Vector<double> next, Vector<double> q, Vector<double> pnl)
    {
        for (var i = 0; i < live && p0 + i < samples.Length; i++)
        {
            var path = samples[p0 + i];
            path.Bid[t] = mid[i] - bidDistance[i];
            path.Ask[t] = mid[i] + askDistance[i];
            path.BidFilled[t] = bought[i] != 0;
            path.AskFilled[t] = sold[i] != 0;
            path.Mid[t + 1] = next[i];
            path.Inventory[t + 1] = q[i];
            path.Pnl[t + 1] = pnl[i];
        }
    }

    private static void Fold(double[][] chunkSums, int points, int paths, MonteCarloResult result)
    {
        var total = new double[points * Sums];
        foreach (var sums in chunkSums)
            for (var i = 0; i < total.Length; i++) total[i] += sums[i];
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
    }
}
