using LiquidityLab.Core.Processes;
using LiquidityLab.Core.Randomness;

namespace LiquidityLab.Core.Tests.Processes;

public class MidProcessTests
{
    private const int Paths = 100_000;

    private static double[] Terminal(IMidProcess proto, double s0, double horizon, int steps, string stream)
    {
        var rng = RandomStream.Create(123, stream);
        var result = new double[Paths];
        var dt = horizon / steps;
        for (var p = 0; p < Paths; p++)
        {
            var process = proto.Fresh();
            var s = s0;
            for (var i = 0; i < steps; i++) s = process.Step(s, dt, rng);
            result[p] = s;
        }
        return result;
    }

    private static (double Mean, double Var) Moments(double[] xs)
    {
        var mean = xs.Average();
        return (mean, xs.Sum(x => (x - mean) * (x - mean)) / (xs.Length - 1));
    }

    [Fact]
    public void ArithmeticWalk_HasMeanS0PlusMuT_AndVarianceSigmaSquaredT()
    {
        var (mean, variance) = Moments(Terminal(new ArithmeticRandomWalk(2.0, 0.5), 100, 3.0, 30, "abm"));
        Assert.Equal(106.0, mean, 5 * Math.Sqrt(0.75 / Paths));
        Assert.Equal(0.75, variance, 0.02);
    }

    [Fact]
    public void Gbm_HasLogNormalMean_AndStaysPositive()
    {
        var xs = Terminal(new GeometricBrownianMotion(0.1, 0.3), 50, 1.0, 10, "gbm");
        Assert.All(xs, x => Assert.True(x > 0));
        var (mean, variance) = Moments(xs);
        var expectedMean = 50 * Math.Exp(0.1);
        var expectedVar = 50 * 50 * Math.Exp(0.2) * (Math.Exp(0.09) - 1);
        Assert.Equal(expectedMean, mean, 5 * Math.Sqrt(expectedVar / Paths));
        Assert.Equal(expectedVar, variance, 0.03 * expectedVar);
    }

    [Fact]
    public void OrnsteinUhlenbeck_RevertsToItsMean_WithStationaryVariance()
    {
        const double kappa = 2, sigma = 1;
        var xs = Terminal(new OrnsteinUhlenbeck(kappa, 100, sigma), 110, 5.0, 50, "ou");
        var (mean, variance) = Moments(xs);
        var expectedMean = 100 + 10 * Math.Exp(-kappa * 5);
        var expectedVar = sigma * sigma / (2 * kappa) * (1 - Math.Exp(-2 * kappa * 5));
        Assert.Equal(expectedMean, mean, 5 * Math.Sqrt(expectedVar / Paths));
        Assert.Equal(expectedVar, variance, 0.02 * expectedVar);
    }

    [Fact]
    public void ExactTransitions_DoNotDependOnTheStepSize()
    {
        var coarse = Moments(Terminal(new OrnsteinUhlenbeck(1, 0, 1), 3, 2.0, 1, "ou-step"));
        var fine = Moments(Terminal(new OrnsteinUhlenbeck(1, 0, 1), 3, 2.0, 200, "ou-step"));
        Assert.Equal(coarse.Mean, fine.Mean, 0.02);
        Assert.Equal(coarse.Var, fine.Var, 0.02);
    }

    [Fact]
    public void RegimeSwitch_SpendsTimeInEachRegime_InProportionToTheStationaryDistribution()
    {
        // Two regimes, rates 1 (calm→turbulent) and 3 (turbulent→calm): stationary (0.75, 0.25).
        var process = new RegimeSwitchingProcess(
            [new Regime("calm", new ArithmeticRandomWalk(0, 1)), new Regime("turbulent", new ArithmeticRandomWalk(0, 5))],
            [[0, 1], [3, 0]]);
        var rng = RandomStream.Create(8, "regime");
        const int steps = 400_000;
        const double dt = 0.01;
        var inCalm = 0;
        var s = 100.0;
        for (var i = 0; i < steps; i++)
        {
            s = process.Step(s, dt, rng);
            if (process.Current == 0) inCalm++;
        }
        Assert.Equal(0.75, inCalm / (double)steps, 0.02);
    }

    [Fact]
    public void RegimeSwitch_VolatilityFollowsTheCurrentRegime()
    {
        var process = new RegimeSwitchingProcess(
            [new Regime("a", new ArithmeticRandomWalk(0, 1)), new Regime("b", new ArithmeticRandomWalk(0, 5))],
            [[0, 0], [0, 0]], initialRegime: 1);
        Assert.Equal(5.0, process.Volatility(100));
        Assert.Equal("b", process.CurrentRegime.Name);
    }

    [Fact]
    public void NegativeVolatility_IsRejectedWithItsName()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new GeometricBrownianMotion(0, -1));
        Assert.Equal("volatility", ex.ParamName);
    }
}
