namespace LiquidityLab.Optimization.Search;

/// <summary>
/// Proposes the next point to evaluate from the trials so far. Deterministic: the same seed, trial
/// number and history give the same point, so a resumed optimisation retraces the interrupted one.
/// </summary>
public interface ISearch
{
    string Name { get; }

    /// <summary>How many trials the search will run (a grid's size; otherwise the budget).</summary>
    int Budget { get; }

    /// <summary>The parameter values of trial <paramref name="index"/>.</summary>
    double[] Propose(int index, IReadOnlyList<Trial> history);
}
