namespace LiquidityLab.Strategies.Signals;

/// <summary>
/// Binary logistic regression P(y = 1 | x) = 1 / (1 + e^(−(b₀ + b·x))), fitted by Newton's method
/// (iteratively reweighted least squares) with an optional L2 penalty on the slopes (not the intercept).
/// </summary>
public sealed class LogisticRegression
{
    private LogisticRegression(double[] weights, int iterations)
    {
        Weights = weights;
        Iterations = iterations;
    }

    /// <summary>Intercept first, then one slope per feature.</summary>
    public double[] Weights { get; }

    public int Iterations { get; }

    public double Probability(ReadOnlySpan<double> features)
    {
        var z = Weights[0];
        for (var j = 0; j < features.Length; j++) z += Weights[j + 1] * features[j];
        return 1 / (1 + Math.Exp(-z));
    }

    public static LogisticRegression Fit(IReadOnlyList<double[]> features, IReadOnlyList<bool> labels, double l2 = 0, int maxIterations = 100, double tolerance = 1e-10)
    {
        if (features.Count != labels.Count) throw new ArgumentException($"{features.Count} feature rows but {labels.Count} labels", nameof(labels));
        if (features.Count == 0) throw new ArgumentException("no observations", nameof(features));
        if (l2 < 0) throw new ArgumentOutOfRangeException(nameof(l2), l2, "must be >= 0");
        var p = features[0].Length + 1;
        var w = new double[p];
        var gradient = new double[p];
        var hessian = new double[p, p];
        var x = new double[p];
        var iterations = 0;
        for (; iterations < maxIterations; iterations++)
        {
            Array.Clear(gradient);
            Array.Clear(hessian);
            for (var i = 0; i < features.Count; i++)
            {
                x[0] = 1;
                features[i].CopyTo(x, 1);
                var z = 0.0;
                for (var j = 0; j < p; j++) z += w[j] * x[j];
                var mu = 1 / (1 + Math.Exp(-z));
                var r = (labels[i] ? 1 : 0) - mu;
                var v = mu * (1 - mu);
                for (var j = 0; j < p; j++)
                {
                    gradient[j] += r * x[j];
                    for (var k = 0; k <= j; k++) hessian[j, k] += v * x[j] * x[k];
                }
            }
            for (var j = 1; j < p; j++)
            {
                gradient[j] -= l2 * w[j];
                hessian[j, j] += l2;
            }
            for (var j = 0; j < p; j++)
            for (var k = j + 1; k < p; k++)
                hessian[j, k] = hessian[k, j];
            var step = SolveSymmetric(hessian, gradient, p);
            var change = 0.0;
            for (var j = 0; j < p; j++)
            {
                w[j] += step[j];
                change = Math.Max(change, Math.Abs(step[j]));
            }
            if (change < tolerance) break;
        }
        return new LogisticRegression(w, iterations + 1);
    }

    // Gaussian elimination with partial pivoting; a tiny ridge keeps separable data from blowing up.
    private static double[] SolveSymmetric(double[,] a, double[] b, int n)
    {
        var m = new double[n, n + 1];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++) m[i, j] = a[i, j];
            m[i, i] += 1e-12;
            m[i, n] = b[i];
        }
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < n; r++) if (Math.Abs(m[r, col]) > Math.Abs(m[pivot, col])) pivot = r;
            if (pivot != col)
                for (var j = 0; j <= n; j++) (m[col, j], m[pivot, j]) = (m[pivot, j], m[col, j]);
            for (var r = col + 1; r < n; r++)
            {
                var f = m[r, col] / m[col, col];
                for (var j = col; j <= n; j++) m[r, j] -= f * m[col, j];
            }
        }
        var x = new double[n];
        for (var i = n - 1; i >= 0; i--)
        {
            var s = m[i, n];
            for (var j = i + 1; j < n; j++) s -= m[i, j] * x[j];
            x[i] = s / m[i, i];
        }
        return x;
    }
}
