using LiquidityLab.Core.Randomness;

namespace LiquidityLab.Optimization.Search;

/// <summary>Points drawn uniformly from the unit cube (so log-uniform on log parameters); trial i draws from its own stream (seed, "optimize.random", i).</summary>
public sealed class RandomSearch(ParameterSpace space, int budget, ulong seed) : ISearch
{
    public string Name => "random";
    public int Budget { get; } = budget >= 1 ? budget : throw new ArgumentOutOfRangeException(nameof(budget), budget, "must be >= 1");

    public double[] Propose(int index, IReadOnlyList<Trial> history) => space.FromUnit(Point(space.Dimensions, seed, "optimize.random", index));

    internal static double[] Point(int dimensions, ulong seed, string stream, int index)
    {
        var rng = RandomStream.Create(seed, stream, index);
        var u = new double[dimensions];
        for (var d = 0; d < u.Length; d++) u[d] = rng.NextDouble();
        return u;
    }
}
