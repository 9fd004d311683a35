namespace LiquidityLab.Core.Randomness;

/// <summary>
/// Draws vectors of standard normals with a given correlation matrix C: z = L·e with C = L·Lᵀ (the
/// Cholesky factor) and e independent standard normals from one stream. C must be symmetric with a
/// unit diagonal and positive definite.
/// </summary>
public sealed class CorrelatedNormals
{
    private readonly double[,] _factor;
    private readonly double[] _independent;

    public CorrelatedNormals(double[,] correlation)
    {
        _factor = Cholesky(correlation);
        _independent = new double[correlation.GetLength(0)];
    }

    public int Dimensions => _independent.Length;

    /// <summary>The lower-triangular L with L·Lᵀ = C.</summary>
    public double[,] Factor => (double[,])_factor.Clone();

    public void Next(RandomStream rng, Span<double> into)
    {
        var n = _independent.Length;
        for (var i = 0; i < n; i++) _independent[i] = rng.Normal();
        for (var i = 0; i < n; i++)
        {
            var z = 0.0;
            for (var j = 0; j <= i; j++) z += _factor[i, j] * _independent[j];
            into[i] = z;
        }
    }

    /// <summary>Cholesky–Banachiewicz; throws when the matrix is not a symmetric positive-definite correlation matrix.</summary>
    public static double[,] Cholesky(double[,] c)
    {
        var n = c.GetLength(0);
        if (c.GetLength(1) != n) throw new ArgumentException($"a correlation matrix must be square, not {n}x{c.GetLength(1)}");
        var l = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            if (Math.Abs(c[i, i] - 1) > 1e-12) throw new ArgumentException($"diagonal entry [{i}][{i}] is {c[i, i]}, must be 1");
            for (var j = 0; j <= i; j++)
            {
                if (Math.Abs(c[i, j] - c[j, i]) > 1e-12) throw new ArgumentException($"not symmetric at [{i}][{j}]");
                var sum = c[i, j];
                for (var k = 0; k < j; k++) sum -= l[i, k] * l[j, k];
                if (i == j)
                {
                    if (!(sum > 1e-12)) throw new ArgumentException("not positive definite: some combination of the instruments would have no variance");
                    l[i, i] = Math.Sqrt(sum);
                }
                else l[i, j] = sum / l[j, j];
            }
        }
        return l;
    }
}
