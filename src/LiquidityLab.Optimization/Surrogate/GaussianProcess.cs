using MathNet.Numerics.LinearAlgebra;

namespace LiquidityLab.Optimization.Surrogate;

/// <summary>
/// Gaussian-process regression with the squared-exponential kernel
/// k(a, b) = σf²·exp(−|a − b|² / (2ℓ²)) and Gaussian noise σn². Given observations (X, y) the posterior
/// at x is normal with mean k*ᵀ(K + σn²I)⁻¹y and variance k(x, x) − k*ᵀ(K + σn²I)⁻¹k*, solved through the
/// Cholesky factor of K + σn²I. With <c>normalise</c> the targets are standardised first and the
/// posterior mapped back, so σf² = 1 suits any objective's scale.
/// </summary>
public sealed class GaussianProcess
{
    private readonly double[][] _x;
    private readonly Vector<double> _alpha;
    private readonly MathNet.Numerics.LinearAlgebra.Factorization.Cholesky<double> _cholesky;
    private readonly double _mean, _scale;

    private GaussianProcess(double[][] x, Vector<double> alpha, MathNet.Numerics.LinearAlgebra.Factorization.Cholesky<double> cholesky,
        double mean, double scale, double lengthScale, double signalVariance, double noiseVariance, double logLikelihood)
    {
        _x = x;
        _alpha = alpha;
        _cholesky = cholesky;
        _mean = mean;
        _scale = scale;
        LengthScale = lengthScale;
        SignalVariance = signalVariance;
        NoiseVariance = noiseVariance;
        LogMarginalLikelihood = logLikelihood;
    }

    public double LengthScale { get; }
    public double SignalVariance { get; }
    public double NoiseVariance { get; }

    /// <summary>log p(y | X) of the (standardised, when normalised) targets under these hyperparameters.</summary>
    public double LogMarginalLikelihood { get; }

    public static GaussianProcess Fit(IReadOnlyList<double[]> x, IReadOnlyList<double> y, double lengthScale, double signalVariance, double noiseVariance, bool normalise)
    {
        if (x.Count != y.Count || x.Count == 0) throw new ArgumentException($"{x.Count} points but {y.Count} targets; at least one of each is needed");
        if (!(lengthScale > 0 && signalVariance > 0 && noiseVariance >= 0)) throw new ArgumentOutOfRangeException(nameof(lengthScale), "hyperparameters must be positive (noise >= 0)");
        var n = x.Count;
        double mean = 0, scale = 1;
        if (normalise)
        {
            mean = y.Average();
            var sd = Math.Sqrt(y.Sum(v => (v - mean) * (v - mean)) / n);
            scale = sd > 0 ? sd : 1;
        }
        var target = Vector<double>.Build.Dense(n, i => (y[i] - mean) / scale);
        var k = Matrix<double>.Build.Dense(n, n, (i, j) => Kernel(x[i], x[j], lengthScale, signalVariance) + (i == j ? noiseVariance + 1e-10 : 0));
        var cholesky = k.Cholesky();
        var alpha = cholesky.Solve(target);
        var logDet = 0.0;
        for (var i = 0; i < n; i++) logDet += Math.Log(cholesky.Factor[i, i]);
        var lml = -0.5 * target.DotProduct(alpha) - logDet - 0.5 * n * Math.Log(2 * Math.PI);
        return new GaussianProcess(x.Select(p => p.ToArray()).ToArray(), alpha, cholesky, mean, scale, lengthScale, signalVariance, noiseVariance, lml);
    }

    /// <summary>Fits σf² = 1 on standardised targets, choosing ℓ and σn² from small grids by the marginal likelihood.</summary>
    public static GaussianProcess FitWithHyperparameters(IReadOnlyList<double[]> x, IReadOnlyList<double> y)
    {
        GaussianProcess? best = null;
        foreach (var length in new[] { 0.05, 0.1, 0.2, 0.35, 0.6, 1.0 })
        foreach (var noise in new[] { 1e-6, 1e-3, 1e-2, 1e-1 })
        {
            var gp = Fit(x, y, length, 1, noise, normalise: true);
            if (best is null || gp.LogMarginalLikelihood > best.LogMarginalLikelihood) best = gp;
        }
        return best!;
    }

    /// <summary>Posterior mean and standard deviation of the objective at <paramref name="point"/> (noise-free: of the function, not of an observation).</summary>
    public (double Mean, double StdDev) Predict(ReadOnlySpan<double> point)
    {
        var n = _x.Length;
        var kStar = Vector<double>.Build.Dense(n);
        for (var i = 0; i < n; i++) kStar[i] = Kernel(_x[i], point, LengthScale, SignalVariance);
        var mean = kStar.DotProduct(_alpha);
        var v = _cholesky.Solve(kStar);
        var variance = Math.Max(0, SignalVariance - kStar.DotProduct(v));
        return (_mean + _scale * mean, _scale * Math.Sqrt(variance));
    }

    public static double Kernel(ReadOnlySpan<double> a, ReadOnlySpan<double> b, double lengthScale, double signalVariance)
    {
        var d2 = 0.0;
        for (var i = 0; i < a.Length; i++) d2 += (a[i] - b[i]) * (a[i] - b[i]);
        return signalVariance * Math.Exp(-d2 / (2 * lengthScale * lengthScale));
    }
}
