using LiquidityLab.Optimization.Search;

namespace LiquidityLab.Optimization.Tests.Search;

public class SearchTests
{
    // A constructed objective with a known optimum at (0.3, 2.0): a smooth bump.
    private static double Objective(double[] x) => -Math.Pow(x[0] - 0.3, 2) / 0.04 - Math.Pow(Math.Log(x[1] / 2.0), 2);

    private static readonly ParameterSpace Space = new([new Parameter("a", 0, 1), new Parameter("b", 0.1, 10, Log: true)]);

    private static OptimizationResult Run(ISearch search) =>
        Optimizer.Run(search, (_, x) => new TrialScores(Objective(x), double.NaN));

    [Fact]
    public void Grid_VisitsEveryCombination_EndsIncluded_FirstParameterOutermost()
    {
        var grid = new GridSearch(Space, 3);
        Assert.Equal(9, grid.Budget);
        var points = Enumerable.Range(0, 9).Select(i => grid.Propose(i, [])).ToArray();
        Assert.Equal([0.0, 0.1], points[0]);
        Assert.Equal(0.0, points[1][0]);
        Assert.Equal(1.0, points[1][1], 12);  // log-midpoint of 0.1 and 10
        Assert.Equal([1.0, 10.0], points[8].Select(v => Math.Round(v, 12)));
    }

    [Fact]
    public void Random_IsDeterministicPerSeed_AndStaysInRange()
    {
        var a = new RandomSearch(Space, 50, 7);
        var b = new RandomSearch(Space, 50, 7);
        var c = new RandomSearch(Space, 50, 8);
        for (var i = 0; i < 50; i++)
        {
            var p = a.Propose(i, []);
            Assert.Equal(p, b.Propose(i, []));
            Assert.InRange(p[0], 0, 1);
            Assert.InRange(p[1], 0.1, 10);
        }
        Assert.NotEqual(a.Propose(0, []), c.Propose(0, []));
    }

    [Fact]
    public void Bayesian_FindsTheKnownOptimum_WithFewEvaluations()
    {
        var result = Run(new BayesianSearch(Space, budget: 30, initial: 8, seed: 3));
        var best = result.Best!;
        Assert.InRange(best.Values[0], 0.3 - 0.05, 0.3 + 0.05);
        Assert.InRange(best.Values[1], 2.0 / 1.25, 2.0 * 1.25);
        Assert.True(best.Scores.InSample > -0.1);
    }

    [Fact]
    public void Bayesian_BeatsRandomSearch_OnTheSameBudget()
    {
        var bayes = Run(new BayesianSearch(Space, 30, 8, 3)).Best!.Scores.InSample;
        var random = Run(new RandomSearch(Space, 30, 3)).Best!.Scores.InSample;
        Assert.True(bayes > random, $"bayesian {bayes} vs random {random}");
    }

    [Fact]
    public void Bayesian_IsDeterministic_SoAResumedRunRetracesTheSamePoints()
    {
        var first = Run(new BayesianSearch(Space, 15, 5, 11));
        var again = Run(new BayesianSearch(Space, 15, 5, 11));
        Assert.Equal(first.Trials.Select(t => t.Values), again.Trials.Select(t => t.Values));
    }

    [Fact]
    public void IntegerParameters_AreRoundedBeforeEvaluation()
    {
        var space = new ParameterSpace([new Parameter("n", 2, 40, Integer: true)]);
        var result = Optimizer.Run(new BayesianSearch(space, 12, 4, 1), (_, x) => new TrialScores(-Math.Abs(x[0] - 17), double.NaN));
        Assert.All(result.Trials, t => Assert.Equal(Math.Round(t.Values[0]), t.Values[0]));
        Assert.Equal(17, result.Best!.Values[0]);
    }
}
