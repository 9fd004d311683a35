using LiquidityLab.Optimization.Search;

namespace LiquidityLab.Optimization;

/// <summary>The trials of an optimisation in order, and the best one by in-sample score (null if none scored).</summary>
public sealed record OptimizationResult(IReadOnlyList<Trial> Trials, Trial? Best);

/// <summary>
/// Drives a search: trial i asks the search for a point given trials 0 … i − 1, evaluates it, and
/// appends it. Selection uses the in-sample score only; the out-of-sample score rides along so that
/// overfitting shows, and never steers the search. Trials run one after another (each proposal
/// depends on all earlier scores), so the result is the same whatever the machine.
/// </summary>
public static class Optimizer
{
    /// <param name="evaluate">Scores trial (index, values); it may return remembered scores (a resumed run).</param>
    public static OptimizationResult Run(ISearch search, Func<int, double[], TrialScores> evaluate, IProgress<double>? progress = null, CancellationToken cancel = default)
    {
        var trials = new List<Trial>(search.Budget);
        for (var i = 0; i < search.Budget; i++)
        {
            cancel.ThrowIfCancellationRequested();
            var values = search.Propose(i, trials);
            trials.Add(new Trial(i, values, evaluate(i, values)));
            progress?.Report((i + 1) / (double)search.Budget);
        }
        return new OptimizationResult(trials, Best(trials));
    }

    public static Trial? Best(IEnumerable<Trial> trials) =>
        trials.Where(t => double.IsFinite(t.Scores.InSample)).OrderByDescending(t => t.Scores.InSample).ThenBy(t => t.Index).FirstOrDefault();
}
