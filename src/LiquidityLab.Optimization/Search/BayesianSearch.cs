using LiquidityLab.Core.Randomness;
using LiquidityLab.Optimization.Surrogate;

namespace LiquidityLab.Optimization.Search;

/// <summary>
/// Bayesian optimisation: the first <c>initial</c> trials are random; after that a Gaussian process
/// is fitted to the in-sample scores so far (hyperparameters by marginal likelihood) and the next
/// point is the candidate with the largest expected improvement, among random candidates and
/// perturbations of the best points seen (all drawn from streams of the seed and the trial number).
/// </summary>
public sealed class BayesianSearch : ISearch
{
    private const int RandomCandidates = 1500;
    private const int LocalCandidates = 300;
    private readonly ParameterSpace _space;
    private readonly int _initial;
    private readonly ulong _seed;
    private readonly double _xi;

    public BayesianSearch(ParameterSpace space, int budget, int initial, ulong seed, double xi = 0.01)
    {
        if (budget < 1) throw new ArgumentOutOfRangeException(nameof(budget), budget, "must be >= 1");
        if (initial < 1) throw new ArgumentOutOfRangeException(nameof(initial), initial, "must be >= 1");
        _space = space;
        Budget = budget;
        _initial = initial;
        _seed = seed;
        _xi = xi;
    }

    public string Name => "bayesian";
    public int Budget { get; }

    /// <summary>The surrogate fitted for the last proposal (null while the search is still random).</summary>
    public GaussianProcess? LastSurrogate { get; private set; }

    public double[] Propose(int index, IReadOnlyList<Trial> history)
    {
        var scored = history.Where(t => double.IsFinite(t.Scores.InSample)).ToArray();
        if (index < _initial || scored.Length < 2)
            return _space.FromUnit(RandomSearch.Point(_space.Dimensions, _seed, "optimize.bayes.initial", index));

        var x = scored.Select(t => _space.ToUnit(t.Values.ToArray())).ToArray();
        var y = scored.Select(t => t.Scores.InSample).ToArray();
        var gp = GaussianProcess.FitWithHyperparameters(x, y);
        LastSurrogate = gp;
        var best = y.Max();
        var rng = RandomStream.Create(_seed, "optimize.bayes.candidates", index);
        var leaders = scored.OrderByDescending(t => t.Scores.InSample).Take(3).Select(t => _space.ToUnit(t.Values.ToArray())).ToArray();
        double[]? choice = null;
        var bestEi = double.NegativeInfinity;
        var u = new double[_space.Dimensions];
        for (var c = 0; c < RandomCandidates + LocalCandidates; c++)
        {
            if (c < RandomCandidates)
                for (var d = 0; d < u.Length; d++) u[d] = rng.NextDouble();
            else
            {
                var around = leaders[c % leaders.Length];
                for (var d = 0; d < u.Length; d++) u[d] = Math.Clamp(around[d] + 0.05 * rng.Normal(), 0, 1);
            }
            // score the point that would actually be evaluated (integers rounded)
            var snapped = _space.ToUnit(_space.FromUnit(u));
            var (mean, sd) = gp.Predict(snapped);
            var ei = ExpectedImprovement.Of(mean, sd, best, _xi);
            if (ei > bestEi)
            {
                bestEi = ei;
                choice = snapped;
            }
        }
        return _space.FromUnit(choice!);
    }
}
