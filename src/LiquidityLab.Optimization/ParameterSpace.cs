namespace LiquidityLab.Optimization;

/// <summary>
/// One tuned parameter: a range [Min, Max], searched on a log scale when <see cref="Log"/> (Min &gt; 0),
/// rounded to whole numbers when <see cref="Integer"/>. Searches work in the unit interval; this maps
/// u ∈ [0, 1] to the parameter and back.
/// </summary>
public sealed record Parameter(string Key, double Min, double Max, bool Log = false, bool Integer = false)
{
    public double FromUnit(double u)
    {
        u = Math.Clamp(u, 0, 1);
        // the ends exactly, whatever the scale (exp(log(x)) is not always x)
        var x = u == 0 ? Min : u == 1 ? Max : Log ? Math.Exp(Math.Log(Min) + u * (Math.Log(Max) - Math.Log(Min))) : Min + u * (Max - Min);
        return Integer ? Math.Round(x, MidpointRounding.AwayFromZero) : x;
    }

    public double ToUnit(double x)
    {
        if (Max == Min) return 0.5;
        var u = Log ? (Math.Log(x) - Math.Log(Min)) / (Math.Log(Max) - Math.Log(Min)) : (x - Min) / (Max - Min);
        return Math.Clamp(u, 0, 1);
    }
}

/// <summary>The parameters tuned together; a point of the space is one value per parameter, in this order.</summary>
public sealed class ParameterSpace
{
    public ParameterSpace(IReadOnlyList<Parameter> parameters)
    {
        if (parameters.Count == 0) throw new ArgumentException("at least one parameter is required", nameof(parameters));
        foreach (var p in parameters)
        {
            if (!(p.Max >= p.Min)) throw new ArgumentException($"parameter {p.Key}: max {p.Max} is below min {p.Min}");
            if (p.Log && !(p.Min > 0)) throw new ArgumentException($"parameter {p.Key}: a log scale needs min > 0");
        }
        Parameters = parameters.ToArray();
    }

    public IReadOnlyList<Parameter> Parameters { get; }
    public int Dimensions => Parameters.Count;

    /// <summary>The parameter values at a unit-cube point (rounded where integer).</summary>
    public double[] FromUnit(ReadOnlySpan<double> u)
    {
        var x = new double[Dimensions];
        for (var i = 0; i < x.Length; i++) x[i] = Parameters[i].FromUnit(u[i]);
        return x;
    }

    /// <summary>The unit-cube point of parameter values (after rounding, so the surrogate sees what was evaluated).</summary>
    public double[] ToUnit(ReadOnlySpan<double> x)
    {
        var u = new double[Dimensions];
        for (var i = 0; i < u.Length; i++) u[i] = Parameters[i].ToUnit(x[i]);
        return u;
    }
}
