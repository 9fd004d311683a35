namespace LiquidityLab.Optimization.Search;

/// <summary>
/// Every combination of <c>pointsPerAxis</c> evenly spaced values of each parameter (ends included,
/// on the log scale where asked), first parameter outermost. Integer parameters may repeat a value
/// after rounding.
/// </summary>
public sealed class GridSearch : ISearch
{
    private readonly ParameterSpace _space;
    private readonly int _points;

    public GridSearch(ParameterSpace space, int pointsPerAxis)
    {
        if (pointsPerAxis < 1) throw new ArgumentOutOfRangeException(nameof(pointsPerAxis), pointsPerAxis, "must be >= 1");
        var size = Math.Pow(pointsPerAxis, space.Dimensions);
        if (size > 1_000_000) throw new ArgumentOutOfRangeException(nameof(pointsPerAxis), pointsPerAxis, $"a grid of {size:G3} points is too large (at most 1,000,000)");
        _space = space;
        _points = pointsPerAxis;
        Budget = (int)size;
    }

    public string Name => "grid";
    public int Budget { get; }

    public double[] Propose(int index, IReadOnlyList<Trial> history)
    {
        var u = new double[_space.Dimensions];
        for (var d = _space.Dimensions - 1; d >= 0; d--)
        {
            var k = index % _points;
            index /= _points;
            u[d] = _points == 1 ? 0.5 : k / (double)(_points - 1);
        }
        return _space.FromUnit(u);
    }
}
