using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using LiquidityLab.Simulation.MonteCarlo;
using LiquidityLab.Strategies.Optimal;

namespace LiquidityLab.Simulation.Tests.MonteCarlo;

public class TiltTableTests
{
    private const double K = 1.5;

    private static MonteCarloSetup Setup(double q0 = 0, double size = 1, int steps = 200) =>
        QuotingMonteCarloTests.Paper(64) with { InitialInventory = q0, Fills = new FillModelSpec(140, K, FillProbability.Linear, size), Steps = steps };

    // What the engine computes when it has no table.
    private static Vector512<double> Computed<TQuoting>(TQuoting quoting, MonteCarloSetup setup, int t, Vector512<double> q, double sigma)
        where TQuoting : struct, IModelQuoting
    {
        quoting.Quote(setup.Horizon - t * setup.Dt, q, Vector512.Create(sigma), out var bid, out var ask);
        return Vector512.Exp(Vector512.Create(-K) * ((bid - ask) * 0.5));
    }

    public static TheoryData<string, double, double> Makers => new()
    {
        { "as", 0, 1 }, { "as", 3, 1 }, { "glft", 0, 1 }, { "as", -0.5, 0.25 }, { "glft", 2, 3 },
    };

    [Theory]
    [MemberData(nameof(Makers))]
    public void ATiltRead_IsBitIdenticalToTheComputedOne_ForEveryInventoryInTheTable(string maker, double q0, double size)
    {
        if (!Avx512F.IsSupported) return; // no table is built without AVX-512 (asserted below)
        var setup = Setup(q0, size);
        var random = new Random(5);
        var lanes = new double[Vector512<double>.Count];
        for (var trial = 0; trial < 400; trial++)
        {
            var t = random.Next(setup.Steps);
            for (var i = 0; i < lanes.Length; i++) lanes[i] = q0 + random.Next(-16, 16) * size;
            var q = Vector512.Create<double>(lanes);
            var (read, expected) = maker == "as"
                ? Read(new AvellanedaStoikov(0.1, K), setup, t, q)
                : Read(new GlftQuoting(0.1, K, 140), setup, t, q);
            Assert.Equal(expected.AsUInt64(), read.AsUInt64());
        }
    }

    private static (Vector512<double> Read, Vector512<double> Computed) Read<TQuoting>(TQuoting quoting, MonteCarloSetup setup, int t, Vector512<double> q)
        where TQuoting : struct, IModelQuoting
    {
        var table = TiltTable.TryBuild(setup, quoting, constantSigma: 2)!;
        Assert.True(table.Reader.TryRead(ref table.Rows[t * TiltTable.RowVectors], q, out var tilt), $"q = {q} is in the table");
        return (tilt, Computed(quoting, setup, t, q, 2));
    }

    [Theory]
    [InlineData(16)]   // one past the top entry
    [InlineData(-17)]  // one below the bottom entry
    [InlineData(0.5)]  // between two orders: off the inventory grid
    public void ABlockWithAnyLaneOutsideTheTable_IsNotRead(double orders)
    {
        if (!Avx512F.IsSupported) return;
        var setup = Setup();
        var table = TiltTable.TryBuild(setup, new AvellanedaStoikov(0.1, K), constantSigma: 2)!;
        var q = Vector512.Create(0.0).WithElement(5, orders);
        Assert.False(table.Reader.TryRead(ref table.Rows[0], q, out _));
        Assert.True(table.Reader.TryRead(ref table.Rows[0], Vector512.Create(15.0).WithElement(5, -16), out _));
    }

    [Fact]
    public void NoTable_WhenTheQuotesDependOnMoreThanTimeAndInventory()
    {
        var quoting = new AvellanedaStoikov(0.1, K);
        Assert.Null(TiltTable.TryBuild(Setup(), quoting, constantSigma: null)); // σ varies by path or step
        Assert.Null(TiltTable.TryBuild(Setup() with { VolatilityEstimate = new VolatilityEstimateSpec(20) }, quoting, constantSigma: 2));
        Assert.Null(TiltTable.TryBuild(Setup(steps: TiltTable.MaxSteps + 1), quoting, constantSigma: 2));
        Assert.Equal(Avx512F.IsSupported, TiltTable.TryBuild(Setup(), quoting, constantSigma: 2) is not null);
    }

    [Theory]
    [InlineData(0.1, FillProbability.Linear, false)]       // every inventory inside the table
    [InlineData(0.001, FillProbability.Exponential, true)] // a nearly risk-neutral maker: inventories leave it
    public void TheEngine_GivesTheSameResultsWithAndWithoutTheTable(double gamma, FillProbability probability, bool leavesTheTable)
    {
        var setup = QuotingMonteCarloTests.Paper(300, probability: probability, samples: 3);
        var quoting = new AvellanedaStoikov(gamma, K);
        var with = QuotingMonteCarlo.Run(setup, quoting, 21, 0, null, default, useTiltTable: true);
        var without = QuotingMonteCarlo.Run(setup, quoting, 21, 0, null, default, useTiltTable: false);
        Assert.Equal(without.FinalPnl, with.FinalPnl);
        Assert.Equal(without.FinalInventory, with.FinalInventory);
        Assert.Equal(without.SpreadCapture, with.SpreadCapture);
        Assert.Equal(without.MeanPnl, with.MeanPnl);
        Assert.Equal(without.StdInventory, with.StdInventory);
        Assert.Equal(without.Samples[2].Bid, with.Samples[2].Bid);
        Assert.Equal(leavesTheTable, with.MaxAbsInventory.Any(m => m >= 16));
    }
}
