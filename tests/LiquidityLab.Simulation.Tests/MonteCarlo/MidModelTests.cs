using LiquidityLab.Simulation.MonteCarlo;
using LiquidityLab.Strategies.Optimal;

namespace LiquidityLab.Simulation.Tests.MonteCarlo;

/// <summary>
/// The Monte Carlo mids have the stated laws: checked on terminal values and increments of many
/// sample paths, with tolerances of several standard errors. A quote far from the mid keeps every
/// path flat, so only the mid is exercised.
/// </summary>
public class MidModelTests
{
    private static IReadOnlyList<SamplePath> Mids(MidModelSpec mid, int paths = 4000, int steps = 100, double horizon = 1, ulong seed = 3) =>
        QuotingMonteCarlo.Run(new MonteCarloSetup(mid, new FillModelSpec(1, 1), horizon, steps, paths, SamplePaths: paths),
            new FixedSpreadModel(1e6), seed).Samples;

    private static (double Mean, double Var) Moments(IEnumerable<double> xs)
    {
        var a = xs.ToArray();
        var mean = a.Average();
        return (mean, a.Sum(x => (x - mean) * (x - mean)) / (a.Length - 1));
    }

    [Fact]
    public void TheBinomialMid_StepsExactlyPlusOrMinusSigmaRootDt()
    {
        var paths = Mids(new MidModelSpec(100, MidFamily.Linear, Innovation.Binomial, [new MidRegime("paper", 0, 2)]), paths: 50, steps: 200);
        var step = 2 * Math.Sqrt(1.0 / 200);
        var ups = 0;
        var total = 0;
        foreach (var p in paths)
            for (var t = 0; t < 200; t++)
            {
                var d = p.Mid[t + 1] - p.Mid[t];
                Assert.Equal(step, Math.Abs(d), 9);
                if (d > 0) ups++;
                total++;
            }
        Assert.InRange(ups / (double)total, 0.5 - 4 * 0.5 / Math.Sqrt(total), 0.5 + 4 * 0.5 / Math.Sqrt(total));
    }

    [Fact]
    public void TheArithmeticWalk_HasMeanS0PlusMuT_AndVarianceSigmaSquaredT()
    {
        var (mean, variance) = Moments(Mids(new MidModelSpec(100, MidFamily.Linear, Innovation.Normal, [new MidRegime("trend", 3, 2)])).Select(p => p.Mid[^1]));
        Assert.InRange(mean, 103 - 4 * 2 / Math.Sqrt(4000), 103 + 4 * 2 / Math.Sqrt(4000));
        Assert.InRange(variance, 4 * (1 - 4 * Math.Sqrt(2.0 / 3999)), 4 * (1 + 4 * Math.Sqrt(2.0 / 3999)));
    }

    [Fact]
    public void TheOrnsteinUhlenbeckMid_RevertsToItsMean_WithTheExactVariance()
    {
        // From 110 towards 100 at speed 2 over T = 1: mean 100 + 10·e^(−2), variance σ²(1 − e^(−4))/(2·2).
        var (mean, variance) = Moments(Mids(new MidModelSpec(110, MidFamily.Linear, Innovation.Normal, [new MidRegime("ou", 0, 3, 2, 100)])).Select(p => p.Mid[^1]));
        var expectedVar = 9 * (1 - Math.Exp(-4)) / 4;
        Assert.InRange(mean, 100 + 10 * Math.Exp(-2) - 4 * Math.Sqrt(expectedVar / 4000), 100 + 10 * Math.Exp(-2) + 4 * Math.Sqrt(expectedVar / 4000));
        Assert.InRange(variance, expectedVar * (1 - 4 * Math.Sqrt(2.0 / 3999)), expectedVar * (1 + 4 * Math.Sqrt(2.0 / 3999)));
    }

    [Fact]
    public void TheGeometricMid_HasLogNormalReturns_WithDriftMinusHalfSigmaSquared()
    {
        var (mean, variance) = Moments(Mids(new MidModelSpec(50, MidFamily.Geometric, Innovation.Normal, [new MidRegime("gbm", 0.1, 0.3)])).Select(p => Math.Log(p.Mid[^1] / 50)));
        Assert.InRange(mean, 0.1 - 0.045 - 4 * 0.3 / Math.Sqrt(4000), 0.1 - 0.045 + 4 * 0.3 / Math.Sqrt(4000));
        Assert.InRange(variance, 0.09 * (1 - 4 * Math.Sqrt(2.0 / 3999)), 0.09 * (1 + 4 * Math.Sqrt(2.0 / 3999)));
    }

    [Fact]
    public void Jumps_AddRateTimesSecondMomentToTheVariance()
    {
        // σ = 1 plus jumps at rate 5 with N(0.2, 0.5²): Var = 1 + 5·(0.2² + 0.5²) = 2.45, mean shift 5·0.2 = 1.
        var spec = new MidModelSpec(0, MidFamily.Linear, Innovation.Normal, [new MidRegime("j", 0, 1)], Jumps: new JumpSpec(5, 0.2, 0.5));
        var (mean, variance) = Moments(Mids(spec, paths: 8000).Select(p => p.Mid[^1]));
        Assert.InRange(mean, 1 - 4 * Math.Sqrt(2.45 / 8000), 1 + 4 * Math.Sqrt(2.45 / 8000));
        Assert.InRange(variance, 2.45 * 0.9, 2.45 * 1.1);
    }

    [Fact]
    public void Garch_KeepsTheLongRunVariance_AndFattensTheTails()
    {
        var spec = new MidModelSpec(0, MidFamily.Linear, Innovation.Normal, [new MidRegime("g", 0, 1)], Garch: new GarchSpec(0.15, 0.8));
        var increments = Mids(spec, paths: 400, steps: 500).SelectMany(p => Enumerable.Range(0, 500).Select(t => p.Mid[t + 1] - p.Mid[t])).ToArray();
        var (_, variance) = Moments(increments);
        var dt = 1.0 / 500;
        Assert.InRange(variance / dt, 0.85, 1.15);
        var kurtosis = increments.Average(x => Math.Pow(x, 4)) / (variance * variance);
        Assert.True(kurtosis > 3.5, $"kurtosis {kurtosis}: volatility clustering should fatten the tails");
    }

    [Fact]
    public void RegimeSwitching_SpendsTheStationaryShareOfTimeInEachRegime()
    {
        // Rates 1 (calm → wild) and 3 (wild → calm): stationary shares 3/4 and 1/4. The wild regime has
        // σ = 3, the calm one σ = 1, so the per-step variance averages 3/4·1 + 1/4·9 = 3 per unit time.
        var spec = new MidModelSpec(0, MidFamily.Linear, Innovation.Normal, [new MidRegime("calm", 0, 1), new MidRegime("wild", 0, 3)],
            [[0, 1], [3, 0]]);
        var increments = Mids(spec, paths: 1000, steps: 400, horizon: 20).SelectMany(p => Enumerable.Range(0, 400).Select(t => p.Mid[t + 1] - p.Mid[t])).ToArray();
        var (_, variance) = Moments(increments);
        // starts calm: the expected share of time in the wild regime over [0, 20] is 1/4·(1 − (1 − e^(−4·20))/(4·20)) ≈ 0.2469
        var wildShare = 0.25 * (1 - (1 - Math.Exp(-80)) / 80);
        Assert.InRange(variance / (20.0 / 400), (1 + 8 * wildShare) * 0.92, (1 + 8 * wildShare) * 1.08);
    }
}
