using BenchmarkDotNet.Attributes;
using LiquidityLab.Simulation.MonteCarlo;
using LiquidityLab.Strategies.Optimal;

namespace LiquidityLab.Benchmarks.MonteCarlo;

/// <summary>
/// Path-steps per second of the Monte Carlo engine for Avellaneda–Stoikov (the paper's A, k, σ, γ = 0.1):
/// 100,000 paths × 200 steps = 20 M path-steps per operation, so M path-steps/s = 20,000 / (mean in ms).
/// The memory diagnoser shows the per-run allocation (per-path result arrays), nothing per step.
/// </summary>
[MemoryDiagnoser]
public class QuotingMonteCarloBenchmarks
{
    private MonteCarloSetup _setup = null!;

    [Params(Innovation.Binomial, Innovation.Normal)]
    public Innovation Mid { get; set; }

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup() =>
        _setup = new MonteCarloSetup(new MidModelSpec(100, MidFamily.Linear, Mid, [new MidRegime("calm", 0, 2)]),
            new FillModelSpec(140, 1.5), 1.0, 200, 100_000);

    [Benchmark]
    public double AvellanedaStoikov() => QuotingMonteCarlo.Run(_setup, new AvellanedaStoikov(0.1, 1.5), 1, Threads).MeanPnl[^1];
}
