using BenchmarkDotNet.Attributes;
using LiquidityLab.Core.Domain;
using LiquidityLab.Core.Processes;
using LiquidityLab.Core.Randomness;
using LiquidityLab.Simulation.Dealer;
using LiquidityLab.Strategies.Hedging;
using LiquidityLab.Strategies.Quoting;

namespace LiquidityLab.Benchmarks.Dealer;

/// <summary>
/// Client arrivals per second of the dealer market loop (no files): three competing makers, one
/// hedging, exact decimal books. Allocation per run is the per-step PnL and inventory paths.
/// </summary>
[MemoryDiagnoser]
public class DealerSimulationBenchmarks
{
    private DealerSimulation _simulation = null!;

    [Params(100_000)]
    public int Clients { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var makers = new MakerSetup[]
        {
            new("tight", new FixedSpreadQuoting(0.04), 10, null),
            new("skewed", new InventorySkewQuoting(0.06, 0.002, 0.02), 30, null),
            new("hedged", new FixedSpreadQuoting(0.10), 60, new HedgeSetup(new ThresholdHedger(40), 0.01m, 0m)),
        };
        _simulation = new DealerSimulation(new DealerMarketSetup(new Instrument("XYZ", 0.01m), 100, new ArithmeticRandomWalk(0, 0.3),
            Clients, 1, 0.5, new PoissonSize(3, 20), makers, 1));
    }

    [Benchmark]
    public decimal RunWithoutObserver() => _simulation.Run(42).Makers[0].Total;
}
