using LiquidityLab.Simulation.MonteCarlo;
using LiquidityLab.Strategies.Optimal;

namespace LiquidityLab.Simulation.Tests.MonteCarlo;

public class QuotingMonteCarloTests
{
    private const double Sigma = 2, K = 1.5, A = 140;

    /// <summary>The paper's set-up (section 3.3): s0 = 100, T = 1, σ = 2, dt = 0.005, A = 140, k = 1.5.</summary>
    internal static MonteCarloSetup Paper(int paths, Innovation innovation = Innovation.Binomial, double? bound = null, int samples = 0,
        FillProbability probability = FillProbability.Linear) =>
        new(new MidModelSpec(100, MidFamily.Linear, innovation, [new MidRegime("calm", 0, Sigma)]),
            new FillModelSpec(A, K, probability, 1, bound), 1.0, 200, paths, SamplePaths: samples);

    [Theory]
    [InlineData(Innovation.Binomial, 0.1, null)]
    [InlineData(Innovation.Normal, 0.01, null)]
    [InlineData(Innovation.Normal, 1.0, 3.0)]
    public void AvellanedaStoikov_MatchesThePlainScalarSimulation_PathByPath(Innovation innovation, double gamma, double? bound)
    {
        const int paths = 37; // not a multiple of the lane count: the last block has masked lanes
        var result = QuotingMonteCarlo.Run(Paper(paths, innovation, bound), new AvellanedaStoikov(gamma, K), seed: 11);
        for (var p = 0; p < paths; p++)
        {
            var r = ReferenceAvellanedaStoikov.Run(11, p, gamma, K, A, Sigma, 100, 1.0, 200, innovation == Innovation.Binomial, bound);
            Assert.Equal(r.Inventory, result.FinalInventory[p]);
            Assert.Equal(r.Pnl, result.FinalPnl[p], 1e-9);
            Assert.Equal(r.SpreadCapture, result.SpreadCapture[p], 1e-9);
            Assert.Equal(r.InventoryPnl, result.InventoryPnl[p], 1e-9);
            Assert.Equal(r.MeanSpread, result.MeanQuotedSpread[p], 1e-12);
        }
    }

    [Fact]
    public void Results_AreBitIdentical_WhateverTheThreadCount()
    {
        var setup = Paper(3000, Innovation.Normal, samples: 3);
        var one = QuotingMonteCarlo.Run(setup, new AvellanedaStoikov(0.1, K), 5, threads: 1);
        var two = QuotingMonteCarlo.Run(setup, new AvellanedaStoikov(0.1, K), 5, threads: 2);
        Assert.Equal(one.FinalPnl, two.FinalPnl);
        Assert.Equal(one.FinalInventory, two.FinalInventory);
        Assert.Equal(one.MeanPnl, two.MeanPnl);
        Assert.Equal(one.StdInventory, two.StdInventory);
        Assert.Equal(one.Samples[2].Pnl, two.Samples[2].Pnl);
    }

    [Fact]
    public void DifferentSeeds_GiveDifferentPaths()
    {
        var a = QuotingMonteCarlo.Run(Paper(64), new AvellanedaStoikov(0.1, K), 1);
        var b = QuotingMonteCarlo.Run(Paper(64), new AvellanedaStoikov(0.1, K), 2);
        Assert.NotEqual(a.FinalPnl, b.FinalPnl);
    }

    [Fact]
    public void Strategies_OnTheSameSeed_SeeTheSameMidPaths()
    {
        var setup = Paper(16, Innovation.Normal, samples: 4);
        var inventory = QuotingMonteCarlo.Run(setup, new AvellanedaStoikov(0.1, K), 3);
        var symmetric = QuotingMonteCarlo.Run(setup, new FixedSpreadModel(1.49), 3);
        for (var p = 0; p < 4; p++) Assert.Equal(inventory.Samples[p].Mid, symmetric.Samples[p].Mid);
        Assert.NotEqual(inventory.Samples[0].Inventory, symmetric.Samples[0].Inventory);
    }

    [Theory]
    [InlineData(FillProbability.Linear)]
    [InlineData(FillProbability.Exponential)]
    public void PnlAttribution_AddsUpToTheTotal_OnEveryPath(FillProbability probability)
    {
        var result = QuotingMonteCarlo.Run(Paper(500, Innovation.Normal, probability: probability), new GlftQuoting(0.1, K, A), 9);
        for (var p = 0; p < 500; p++)
        {
            var total = result.FinalPnl[p];
            var parts = result.SpreadCapture[p] + result.InventoryPnl[p];
            Assert.True(Math.Abs(total - parts) <= 1e-9 * Math.Max(1, Math.Abs(total)), $"path {p}: {total} vs {parts}");
        }
    }

    [Fact]
    public void AMakerAtItsBound_StopsQuotingThatSide_SoInventoryNeverPassesIt()
    {
        // A fixed spread with no skew wanders far; the bound must hold it.
        var result = QuotingMonteCarlo.Run(Paper(400, Innovation.Normal, bound: 4, samples: 8), new FixedSpreadModel(0.5), 4);
        Assert.All(result.MaxAbsInventory, m => Assert.True(m <= 4, $"max |q| {m}"));
        Assert.Contains(result.MaxAbsInventory, m => m == 4);
        foreach (var path in result.Samples)
            for (var t = 0; t < path.BidFilled.Length; t++)
            {
                if (path.Inventory[t] == 4) Assert.False(path.BidFilled[t]);
                if (path.Inventory[t] == -4) Assert.False(path.AskFilled[t]);
            }
    }

    [Fact]
    public void SamplePaths_AgreeWithThePerPathTotals()
    {
        var result = QuotingMonteCarlo.Run(Paper(20, Innovation.Normal, samples: 20), new AvellanedaStoikov(0.1, K), 8);
        for (var p = 0; p < 20; p++)
        {
            var path = result.Samples[p];
            Assert.Equal(result.FinalPnl[p], path.Pnl[^1], 1e-12);
            Assert.Equal(result.FinalInventory[p], path.Inventory[^1]);
            Assert.Equal(result.BidFills[p], path.BidFilled.Count(f => f));
            for (var t = 0; t < path.Bid.Length; t++) Assert.True(path.Bid[t] < path.Ask[t]);
            for (var t = 0; t < path.Bid.Length; t++)
                Assert.Equal(path.Inventory[t] + (path.BidFilled[t] ? 1 : 0) - (path.AskFilled[t] ? 1 : 0), path.Inventory[t + 1]);
        }
    }

    [Fact]
    public void CrossPathStatistics_MatchThePerPathArrays_AtTheHorizon()
    {
        var result = QuotingMonteCarlo.Run(Paper(1000, Innovation.Normal), new AvellanedaStoikov(0.1, K), 8);
        Assert.Equal(result.FinalPnl.Average(), result.MeanPnl[^1], 1e-9);
        var mean = result.FinalInventory.Average();
        var sd = Math.Sqrt(result.FinalInventory.Sum(x => (x - mean) * (x - mean)) / 999);
        Assert.Equal(sd, result.StdInventory[^1], 1e-9);
        Assert.Equal(200, result.PointStep[^1]);
    }

    [Fact]
    public void TheSymmetricStrategy_CarriesMoreInventoryRisk_ThanTheInventoryStrategy()
    {
        var setup = Paper(2000);
        var spread = AvellanedaStoikov.AverageSpread(0.1, K, Sigma, 1.0, 200);
        var inventory = QuotingMonteCarlo.Run(setup, new AvellanedaStoikov(0.1, K), 2008);
        var symmetric = QuotingMonteCarlo.Run(setup, new FixedSpreadModel(spread), 2008);
        Assert.True(StdDev(symmetric.FinalInventory) > 2 * StdDev(inventory.FinalInventory));
        Assert.True(StdDev(symmetric.FinalPnl) > 1.5 * StdDev(inventory.FinalPnl));
        // Both quote the same average spread; the engine measures what the closed form says.
        Assert.Equal(spread, inventory.MeanQuotedSpread.Average(), 1e-9);
        Assert.Equal(spread, symmetric.MeanQuotedSpread.Average(), 1e-12);
    }

    internal static double StdDev(IReadOnlyList<double> xs)
    {
        var mean = xs.Average();
        return Math.Sqrt(xs.Sum(x => (x - mean) * (x - mean)) / (xs.Count - 1));
    }
}

public class LongRunReferenceTests
{
    /// <summary>
    /// Reference values computed once with 400,000 paths (seed 999) by
    /// <c>liqlab run as-paper --set paths=400000 --set sample_paths=1 --seed 999</c>:
    /// inventory strategy γ = 0.1: mean profit 64.8953, sd 6.5385, sd of final q 2.9275; symmetric
    /// strategy: mean profit 68.2120, sd 13.4520. A 4,000-path run with another seed must land within
    /// four standard errors of them.
    /// </summary>
    [Theory]
    [InlineData(true, 64.8953, 6.5385)]
    [InlineData(false, 68.2120, 13.4520)]
    public void ThePaperStudy_MatchesItsLongRunMeans(bool inventoryStrategy, double referenceMean, double referenceSd)
    {
        var setup = QuotingMonteCarloTests.Paper(4000);
        var result = inventoryStrategy
            ? QuotingMonteCarlo.Run(setup, new AvellanedaStoikov(0.1, 1.5), 12345)
            : QuotingMonteCarlo.Run(setup, new FixedSpreadModel(AvellanedaStoikov.AverageSpread(0.1, 1.5, 2, 1, 200)), 12345);
        var se = referenceSd / Math.Sqrt(4000);
        Assert.InRange(result.FinalPnl.Average(), referenceMean - 4 * se, referenceMean + 4 * se);
        var sd = QuotingMonteCarloTests.StdDev(result.FinalPnl);
        Assert.InRange(sd, referenceSd * 0.93, referenceSd * 1.07);
    }
}

public class VolatilityEstimateTests
{
    [Fact]
    public void AnEstimatedSigma_TracksTheTrueOne_SoTheAverageSpreadStaysClose_ButTheQuotesDiffer()
    {
        var truth = QuotingMonteCarloTests.Paper(2000, Innovation.Normal, samples: 1);
        var estimated = truth with { VolatilityEstimate = new VolatilityEstimateSpec(20) };
        var a = QuotingMonteCarlo.Run(truth, new AvellanedaStoikov(0.1, 1.5), 21);
        var b = QuotingMonteCarlo.Run(estimated, new AvellanedaStoikov(0.1, 1.5), 21);
        // The EWMA of squared changes is unbiased for σ²·dt, and the AS spread is linear in σ².
        Assert.InRange(b.MeanQuotedSpread.Average(), a.MeanQuotedSpread.Average() * 0.97, a.MeanQuotedSpread.Average() * 1.03);
        Assert.NotEqual(a.Samples[0].Bid, b.Samples[0].Bid);
        Assert.Equal(a.Samples[0].Mid, b.Samples[0].Mid); // the estimate changes the quotes, never the market
    }

    [Fact]
    public void AGarchMarket_GivesTheAsMakerATimeVaryingSigma()
    {
        var setup = QuotingMonteCarloTests.Paper(8, Innovation.Normal, samples: 1) is var s
            ? s with { Mid = s.Mid with { Garch = new GarchSpec(0.2, 0.7) } }
            : null!;
        var path = QuotingMonteCarlo.Run(setup, new AvellanedaStoikov(0.1, 1.5), 4).Samples[0];
        // AS's spread depends on t and σ only: with a constant σ it would fall strictly with t; GARCH makes it jump around.
        var spreads = Enumerable.Range(0, path.Bid.Length).Select(t => path.Ask[t] - path.Bid[t]).ToArray();
        Assert.Contains(Enumerable.Range(1, spreads.Length - 1), t => spreads[t] > spreads[t - 1] + 1e-9);
    }
}
