using System.Runtime.Intrinsics;
using System.Runtime.CompilerServices;
using LiquidityLab.Core.Randomness;

namespace LiquidityLab.Simulation.MonteCarlo;

/// <summary>
/// The mid of <see cref="System.Runtime.Intrinsics.Vector512{T}.Count"/> (eight) paths, stepped together by the exact transition of its
/// regime over dt. Linear family: S' = a + b·S + c·√v·Z (+ jumps), with b = e^(−θdt),
/// a = (m + μ/θ)(1 − b), c = σ√((1 − b²)/2θ), or a = μdt, b = 1, c = σ√dt when θ = 0. Geometric:
/// S' = S·exp(μdt − c²v/2 + c·√v·Z (+ jumps)), c = σ√dt. v is the GARCH variance multiplier (1
/// without clustering). Every step draws a fixed number of values from the mid stream, whatever
/// happens, so the paths of two studies with the same seed stay in step. Built once per study (the
/// constructor precomputes the per-regime constants); each block of paths carries its own <see cref="MidState"/>.
/// </summary>
internal sealed class MidDynamics
{
    private readonly double[] _a, _b, _c, _sigma;
    private readonly double _a0, _b0, _c0, _sigma0; // regime 0's, read without an array in the common one-regime loop
    private readonly double[][] _switchCdf; // per regime: cumulative probability of ending the step in regime j
    private readonly double[] _jumpCountCdf;
    private readonly double _jumpMean, _jumpSd, _alpha, _beta;
    private readonly bool _geometric, _binomial, _switching, _jumps, _garch;

    private readonly double _initial;
    private readonly int _initialRegime;

    public MidDynamics(MidModelSpec spec, double dt)
    {
        var n = spec.Regimes.Count;
        _a = new double[n];
        _b = new double[n];
        _c = new double[n];
        _sigma = new double[n];
        _geometric = spec.Family == MidFamily.Geometric;
        _binomial = spec.Innovation == Innovation.Binomial;
        for (var i = 0; i < n; i++)
        {
            var r = spec.Regimes[i];
            _sigma[i] = r.Volatility;
            if (_geometric || r.MeanReversion == 0)
            {
                _a[i] = r.Drift * dt;
                _b[i] = 1;
                _c[i] = r.Volatility * Math.Sqrt(dt);
            }
            else
            {
                var b = Math.Exp(-r.MeanReversion * dt);
                _b[i] = b;
                _a[i] = (r.Mean + r.Drift / r.MeanReversion) * (1 - b);
                _c[i] = r.Volatility * Math.Sqrt((1 - b * b) / (2 * r.MeanReversion));
            }
        }

        (_a0, _b0, _c0, _sigma0) = (_a[0], _b[0], _c[0], _sigma[0]);
        _switching = n > 1;
        _switchCdf = new double[n][];
        for (var i = 0; i < n && _switching; i++)
        {
            var rates = spec.SwitchRates![i];
            double exit = 0;
            for (var j = 0; j < n; j++) if (j != i) exit += rates[j];
            var leave = 1 - Math.Exp(-exit * dt);
            var cdf = new double[n];
            double acc = 0;
            for (var j = 0; j < n; j++)
            {
                acc += j == i ? 1 - leave : exit > 0 ? leave * rates[j] / exit : 0;
                cdf[j] = acc;
            }
            cdf[n - 1] = 1;
            _switchCdf[i] = cdf;
        }

        _jumps = spec.Jumps is { Rate: > 0 };
        _jumpCountCdf = [];
        if (_jumps)
        {
            // Poisson(rate·dt) counts by inversion, up to the count whose tail is below 1e-16.
            var mean = spec.Jumps!.Rate * dt;
            var cdf = new List<double>();
            double p = Math.Exp(-mean), acc = p;
            for (var k = 1; 1 - acc > 1e-16 && k < 64; k++)
            {
                cdf.Add(acc);
                p *= mean / k;
                acc += p;
            }
            cdf.Add(acc);
            _jumpCountCdf = cdf.ToArray();
            _jumpMean = spec.Jumps.Mean;
            _jumpSd = spec.Jumps.StdDev;
        }

        _garch = spec.Garch is { } g && g.Alpha + g.Beta > 0;
        _alpha = spec.Garch?.Alpha ?? 0;
        _beta = spec.Garch?.Beta ?? 0;

        _initial = spec.Initial;
        _initialRegime = spec.InitialRegime;
    }

    /// <summary>The state every path starts from.</summary>
    public MidState Start() => new()
    {
        Mid = Vector512.Create<double>(_initial),
        Regime = Vector512.Create<double>(_initialRegime),
        Variance = Vector512<double>.One,
    };

    /// <summary>The σ of every lane at every step when it never changes (one regime, no clustering, arithmetic); otherwise null.</summary>
    public double? ConstantSigma => _switching || _garch || _geometric ? null : _sigma0;

    /// <summary>Absolute volatility of the mid per lane now (price units per √time): what a maker who knows the model would use.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector512<double> Sigma(in MidState s)
    {
        var sigma = _switching ? Pick(_sigma, s.Regime) : Vector512.Create<double>(_sigma0);
        if (_garch) sigma *= Vector512.Sqrt(s.Variance);
        return _geometric ? sigma * s.Mid : sigma;
    }

    /// <summary>
    /// Steps every lane <c>sigmas.Length</c> times: <paramref name="mids"/>[0] is the mid now and
    /// mids[i + 1] the mid after step i; sigmas[i] is the σ a maker who knows the model would use at
    /// step i (<see cref="Sigma"/>, before the step). mids holds one element more than sigmas.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // the Monte Carlo's hot loop: optimised from the first call
    public void StepSegment(ref MidState s, ref Xoshiro256Lanes rng, Span<Vector512<double>> mids, Span<Vector512<double>> sigmas)
    {
        if (mids.Length != sigmas.Length + 1) throw new ArgumentException($"mids has {mids.Length} elements for {sigmas.Length} steps; it needs one more", nameof(mids));
        // Local copies, and no address of them passed to any call (the switch and the jump take and give
        // values): so the generator and the state stay in registers, not stored and reloaded at every draw.
        var state = s;
        var lanes = rng;
        mids[0] = state.Mid;
        if (_switching || _jumps || _garch || _geometric)
            for (var i = 0; i < sigmas.Length; i++)
            {
                sigmas[i] = Sigma(state);
                mids[i + 1] = Step(ref state, ref lanes);
            }
        else
        {
            // The common case, a random walk or OU in one regime, as a loop with its constants in registers.
            var (a, b, c) = (Vector512.Create(_a0), Vector512.Create(_b0), Vector512.Create(_c0));
            var sigma = Vector512.Create(_sigma0);
            if (_binomial) state.Mid = BinomialWalk(state.Mid, a, b, c, sigma, ref lanes, mids, sigmas);
            else
            {
                var mid = state.Mid;
                for (var i = 0; i < sigmas.Length; i++)
                {
                    sigmas[i] = sigma;
                    mid = a + b * mid + c * NextNormal(ref state, ref lanes);
                    mids[i + 1] = mid;
                }
                state.Mid = mid;
            }
        }
        s = state;
        rng = lanes;
    }

    /// <summary>
    /// The paper's ±σ√dt walk (or its OU form) over a segment; returns the last mid. A method of its
    /// own, with no call inside, so the mid and the generator stay in registers from step to step.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Vector512<double> BinomialWalk(Vector512<double> mid, Vector512<double> a, Vector512<double> b, Vector512<double> c,
        Vector512<double> sigma, ref Xoshiro256Lanes rng, Span<Vector512<double>> mids, Span<Vector512<double>> sigmas)
    {
        var lanes = rng;
        for (var i = 0; i < sigmas.Length; i++)
        {
            sigmas[i] = sigma;
            mid = a + b * mid + c * Coin(ref lanes);
            mids[i + 1] = mid;
        }
        rng = lanes;
        return mid;
    }

    /// <summary>Advances every lane by one step and returns the new mids.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Vector512<double> Step(ref MidState s, ref Xoshiro256Lanes rng)
    {
        if (_switching) s.Regime = Switched(s.Regime, rng.NextDouble());
        var z = _binomial ? Coin(ref rng) : NextNormal(ref s, ref rng);
        Vector512<double> a, b, c;
        if (_switching)
        {
            a = Pick(_a, s.Regime);
            b = Pick(_b, s.Regime);
            c = Pick(_c, s.Regime);
        }
        else
        {
            a = Vector512.Create<double>(_a0);
            b = Vector512.Create<double>(_b0);
            c = Vector512.Create<double>(_c0);
        }
        if (_garch)
        {
            var v = s.Variance;
            c *= Vector512.Sqrt(v);
            s.Variance = Vector512.Create<double>(1 - _alpha - _beta) + z * z * v * _alpha + v * _beta;
        }

        var shock = c * z;
        if (_jumps)
        {
            var u = rng.NextDouble();
            shock += JumpSize(u, NextNormal(ref s, ref rng));
        }
        if (_geometric)
            s.Mid *= Vector512.Exp(a - c * c * 0.5 + shock);
        else
            s.Mid = a + b * s.Mid + shock;
        return s.Mid;
    }

    /// <summary>The regime each lane is in at the end of the step, from the one it started in and a uniform.</summary>
    private Vector512<double> Switched(Vector512<double> regime, Vector512<double> u)
    {
        var next = Vector512<double>.Zero;
        for (var i = 0; i < _switchCdf.Length; i++)
        {
            var inRegime = Vector512.Equals(regime, Vector512.Create<double>(i));
            var cdf = _switchCdf[i];
            var target = Vector512<double>.Zero;
            for (var j = 0; j < cdf.Length - 1; j++)
                target += Step01(u, cdf[j]);
            next = Vector512.ConditionalSelect(inRegime, target, next);
        }
        return next;
    }

    /// <summary>The sum of the step's jumps: a Poisson count by inversion of u, then normal sizes given the count, from z.</summary>
    private Vector512<double> JumpSize(Vector512<double> u, Vector512<double> z)
    {
        var count = Vector512<double>.Zero;
        foreach (var threshold in _jumpCountCdf.AsSpan(0, _jumpCountCdf.Length - 1))
            count += Step01(u, threshold);
        return count * _jumpMean + Vector512.Sqrt(count) * z * _jumpSd;
    }

    /// <summary>1 where u ≥ threshold, else 0: summed over a CDF's thresholds it inverts the CDF.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Step01(Vector512<double> u, double threshold) =>
        Vector512.ConditionalSelect(Vector512.GreaterThanOrEqual(u, Vector512.Create<double>(threshold)), Vector512<double>.One, Vector512<double>.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Pick(double[] perRegime, Vector512<double> regime)
    {
        var value = Vector512.Create<double>(perRegime[0]);
        for (var i = 1; i < perRegime.Length; i++)
            value = Vector512.ConditionalSelect(Vector512.Equals(regime, Vector512.Create<double>(i)), Vector512.Create<double>(perRegime[i]), value);
        return value;
    }

    /// <summary>±1 with equal probability, from the top bit of one draw.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Coin(ref Xoshiro256Lanes rng) =>
        Vector512<double>.One - Vector512.ConvertToDouble(Vector512.AsInt64(rng.Next() >> 63)) * 2.0;

    /// <summary>Standard normals by Box–Muller: each pair of uniforms gives two, the second kept for the next call.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> NextNormal(ref MidState s, ref Xoshiro256Lanes rng)
    {
        if (s.HasSpare)
        {
            s.HasSpare = false;
            return s.SpareNormal;
        }
        var r = Vector512.Sqrt(Vector512.Log(rng.NextDoubleNonZero()) * -2.0);
        var (sin, cos) = Vector512.SinCos(rng.NextDouble() * (2 * Math.PI));
        s.SpareNormal = r * sin;
        s.HasSpare = true;
        return r * cos;
    }
}

/// <summary>The mid of one block of lanes: plain values, so a tile of blocks can live on the stack.</summary>
internal struct MidState
{
    public Vector512<double> Mid;
    public Vector512<double> Regime;     // regime index per lane, as a double
    public Vector512<double> Variance;   // GARCH multiplier v
    public Vector512<double> SpareNormal;
    public bool HasSpare;
}
