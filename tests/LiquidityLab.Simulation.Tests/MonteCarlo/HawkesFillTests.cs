using LiquidityLab.Simulation.MonteCarlo;
using LiquidityLab.Strategies.Optimal;

namespace LiquidityLab.Simulation.Tests.MonteCarlo;

/// <summary>Self-exciting (Hawkes) fills: the excess intensity jumps after each fill and decays.</summary>
public class HawkesFillTests
{
    private const double A = 140, K = 1.5, Spread = 1.5, Horizon = 5;
    private const int Steps = 1000, Paths = 4000;

    private static MonteCarloSetup Setup(HawkesSpec? hawkes) =>
        new(new MidModelSpec(100, MidFamily.Linear, Innovation.Normal, [new MidRegime("calm", 0, 2)]),
            new FillModelSpec(A, K, Hawkes: hawkes), Horizon, Steps, Paths);

    [Fact]
    public void ZeroExcitation_GivesExactlyTheRunWithoutHawkes()
    {
        var plain = QuotingMonteCarlo.Run(Setup(null), new AvellanedaStoikov(0.1, K), seed: 3);
        var zero = QuotingMonteCarlo.Run(Setup(new HawkesSpec(0, 0, 50)), new AvellanedaStoikov(0.1, K), seed: 3);
        Assert.Equal(plain.FinalPnl, zero.FinalPnl);
        Assert.Equal(plain.BidFills, zero.BidFills);
    }

    /// <summary>
    /// With a constant quote distance δ (fixed spread, no skew) the expected fills obey a linear recursion:
    /// m_t = (A + ē_t)·e^(−kδ)·dt per side, ē_{t+1} = ρ·ē_t + (self + cross)·m_t with ρ = e^(−decay·dt), ē_0 = 0.
    /// The simulated mean count per path must match Σ m_t within four standard errors.
    /// </summary>
    [Fact]
    public void MeanFillCount_MatchesTheExactMeanRecursion()
    {
        var hawkes = new HawkesSpec(SelfExcitation: 30, CrossExcitation: 10, Decay: 100);
        var result = QuotingMonteCarlo.Run(Setup(hawkes), new FixedSpreadModel(Spread), seed: 5);

        var dt = Horizon / Steps;
        var reach = Math.Exp(-K * Spread / 2) * dt;
        var keep = Math.Exp(-hawkes.Decay * dt);
        double excitation = 0, expected = 0;
        for (var t = 0; t < Steps; t++)
        {
            var m = (A + excitation) * reach;
            expected += m;
            excitation = keep * excitation + (hawkes.SelfExcitation + hawkes.CrossExcitation) * m;
        }

        var counts = result.BidFills;
        var mean = counts.Average();
        var sd = Math.Sqrt(counts.Sum(c => (c - mean) * (c - mean)) / (counts.Length - 1));
        Assert.InRange(mean, expected - 4 * sd / Math.Sqrt(Paths), expected + 4 * sd / Math.Sqrt(Paths));
        // Far more fills than the unexcited flow's A·e^(−kδ)·T.
        Assert.True(mean > 1.1 * Steps * A * reach, $"mean {mean}");
    }

    [Fact]
    public void Excitation_ClustersFills_CountsBecomeOverdispersed()
    {
        static double DispersionIndex(double[] counts)
        {
            var mean = counts.Average();
            return counts.Sum(c => (c - mean) * (c - mean)) / (counts.Length - 1) / mean;
        }

        var plain = QuotingMonteCarlo.Run(Setup(null), new FixedSpreadModel(Spread), seed: 9);
        var excited = QuotingMonteCarlo.Run(Setup(new HawkesSpec(90, 0, 100)), new FixedSpreadModel(Spread), seed: 9);
        // Independent Bernoulli steps: variance n·p·(1 − p) below the mean. A Hawkes flow: well above it.
        Assert.InRange(DispersionIndex(plain.BidFills), 0.6, 0.9);
        Assert.True(DispersionIndex(excited.BidFills) > 1.2, $"dispersion {DispersionIndex(excited.BidFills)}");
    }

    [Fact]
    public void AnExplosiveFlow_IsRefused()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => QuotingMonteCarlo.Run(Setup(new HawkesSpec(80, 30, 100)), new FixedSpreadModel(Spread), seed: 1));
        Assert.Contains("(self + cross)/decay < 1", e.Message);
    }
}
