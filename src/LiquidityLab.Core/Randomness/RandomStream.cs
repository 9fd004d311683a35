using System.Runtime.CompilerServices;

namespace LiquidityLab.Core.Randomness;

/// <summary>
/// One component's source of randomness, derived from (run seed, stream name), with the samplers
/// the models need. Not thread-safe: a stream belongs to exactly one component.
/// </summary>
public sealed class RandomStream
{
    private Xoshiro256 _engine;
    private double _spareNormal;
    private bool _hasSpareNormal;

    public RandomStream(ulong seed) => _engine = new Xoshiro256(seed);

    public static RandomStream Create(ulong runSeed, string streamName) => new(StreamSeed.Derive(runSeed, streamName));

    public static RandomStream Create(ulong runSeed, string streamName, long index) => new(StreamSeed.Derive(runSeed, streamName, index));

    public ulong NextUInt64() => _engine.NextUInt64();

    /// <summary>Uniform on [0, 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => _engine.NextDouble();

    /// <summary>Uniform on (0, 1].</summary>
    public double NextDoubleNonZero() => _engine.NextDoubleNonZero();

    /// <summary>Uniform on [min, max).</summary>
    public double Uniform(double min, double max) => min + (max - min) * _engine.NextDouble();

    /// <summary>Uniform integer on [0, n), without modulo bias (Lemire's method).</summary>
    public int NextInt(int n)
    {
        if (n <= 0) throw new ArgumentOutOfRangeException(nameof(n), n, "must be > 0");
        var bound = (ulong)n;
        var x = _engine.NextUInt64() >> 32;
        var m = x * bound;
        var low = (uint)m;
        if (low < bound)
        {
            var threshold = (uint)((0x1_0000_0000UL - bound) % bound);
            while (low < threshold)
            {
                x = _engine.NextUInt64() >> 32;
                m = x * bound;
                low = (uint)m;
            }
        }
        return (int)(m >> 32);
    }

    /// <summary>Uniform integer on [min, max] inclusive.</summary>
    public long NextLong(long min, long max)
    {
        if (max < min) throw new ArgumentOutOfRangeException(nameof(max), max, $"must be >= min ({min})");
        var span = (ulong)(max - min) + 1;
        if (span == 0) return (long)_engine.NextUInt64();
        var limit = ulong.MaxValue - ulong.MaxValue % span;
        ulong x;
        do x = _engine.NextUInt64(); while (x >= limit);
        return min + (long)(x % span);
    }

    public bool Bernoulli(double p) => _engine.NextDouble() < p;

    /// <summary>Standard normal, by the Box–Muller transform (the second value is kept for the next call).</summary>
    public double Normal()
    {
        if (_hasSpareNormal)
        {
            _hasSpareNormal = false;
            return _spareNormal;
        }
        var r = Math.Sqrt(-2.0 * Math.Log(_engine.NextDoubleNonZero()));
        var theta = 2.0 * Math.PI * _engine.NextDouble();
        var (sin, cos) = Math.SinCos(theta);
        _spareNormal = r * sin;
        _hasSpareNormal = true;
        return r * cos;
    }

    public double Normal(double mean, double stdDev) => mean + stdDev * Normal();

    /// <summary>Exponential with the given rate (mean 1/rate).</summary>
    public double Exponential(double rate)
    {
        if (!(rate > 0)) throw new ArgumentOutOfRangeException(nameof(rate), rate, "must be > 0");
        return -Math.Log(_engine.NextDoubleNonZero()) / rate;
    }

    /// <summary>Log-normal: exp(mu + sigma·Z).</summary>
    public double LogNormal(double mu, double sigma) => Math.Exp(mu + sigma * Normal());

    /// <summary>
    /// Poisson with the given mean: Knuth's product method below a mean of 30, Hörmann's
    /// transformed rejection (PTRS, 1993) above, so the cost stays flat for large means.
    /// </summary>
    public long Poisson(double mean)
    {
        if (!(mean >= 0) || double.IsInfinity(mean)) throw new ArgumentOutOfRangeException(nameof(mean), mean, "must be a finite number >= 0");
        if (mean == 0) return 0;
        if (mean < 30) return PoissonKnuth(mean);
        return PoissonPtrs(mean);
    }

    private long PoissonKnuth(double mean)
    {
        var limit = Math.Exp(-mean);
        long k = 0;
        var p = _engine.NextDouble();
        while (p > limit)
        {
            k++;
            p *= _engine.NextDouble();
        }
        return k;
    }

    private long PoissonPtrs(double mean)
    {
        var logMean = Math.Log(mean);
        var sqrtMean = Math.Sqrt(mean);
        var b = 0.931 + 2.53 * sqrtMean;
        var a = -0.059 + 0.02483 * b;
        var invAlpha = 1.1239 + 1.1328 / (b - 3.4);
        var vr = 0.9277 - 3.6224 / (b - 2);
        while (true)
        {
            var u = _engine.NextDouble() - 0.5;
            var v = _engine.NextDouble();
            var us = 0.5 - Math.Abs(u);
            var k = Math.Floor((2 * a / us + b) * u + mean + 0.43);
            if (us >= 0.07 && v <= vr) return (long)k;
            if (k < 0 || (us < 0.013 && v > us)) continue;
            if (Math.Log(v) + Math.Log(invAlpha) - Math.Log(a / (us * us) + b) <= -mean + k * logMean - LogFactorial.Of((long)k))
                return (long)k;
        }
    }
}
