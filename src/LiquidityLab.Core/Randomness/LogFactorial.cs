namespace LiquidityLab.Core.Randomness;

/// <summary>ln(n!): a table for small n, Stirling's series (error below 1e-14) above.</summary>
public static class LogFactorial
{
    private const int TableSize = 256;
    private static readonly double[] Table = BuildTable();

    public static double Of(long n)
    {
        if (n < 0) throw new ArgumentOutOfRangeException(nameof(n), n, "must be >= 0");
        if (n < TableSize) return Table[n];
        var x = (double)n + 1; // ln Γ(x)
        var inv = 1.0 / x;
        var inv2 = inv * inv;
        return (x - 0.5) * Math.Log(x) - x + 0.5 * Math.Log(2 * Math.PI)
               + inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 * (1.0 / 1260 - inv2 / 1680)));
    }

    private static double[] BuildTable()
    {
        var t = new double[TableSize];
        for (var i = 2; i < TableSize; i++) t[i] = t[i - 1] + Math.Log(i);
        return t;
    }
}
