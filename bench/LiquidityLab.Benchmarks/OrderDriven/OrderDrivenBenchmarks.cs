using BenchmarkDotNet.Attributes;
using LiquidityLab.OrderDriven.Agents;
using LiquidityLab.OrderDriven.Kernel;
using LiquidityLab.Scenarios;
using LiquidityLab.Scenarios.OrderDriven;
using LiquidityLab.Scenarios.Schema.OrderDriven;

namespace LiquidityLab.Benchmarks.OrderDriven;

/// <summary>
/// The order-driven kernel alone on a bundled day: agents built before the timed call, no observer (no
/// files), one whole session per invocation. Divide by the run's kernel events (printed by liqlab run:
/// 203,538 for abides-rmsc04) for the time per event; the allocated column is the pools growing to
/// their peak over the day.
/// </summary>
[MemoryDiagnoser]
public class OrderDrivenBenchmarks
{
    private OrderDrivenScenario _scenario = null!;
    private MarketSetup _setup = null!;
    private List<Agent> _agents = null!;

    [Params("abides-rmsc04", "lob-two-makers")]
    public string Scenario { get; set; } = "";

    [GlobalSetup]
    public void Load() => _scenario = (OrderDrivenScenario)ScenarioLoader.Load(Scenario).Scenario;

    [IterationSetup]
    public void Build()
    {
        _setup = OrderDrivenBuilder.Setup(_scenario);
        _agents = OrderDrivenBuilder.Agents(_scenario);
    }

    [Benchmark]
    public long Day()
    {
        var kernel = new MarketKernel(_setup, _agents);
        kernel.Run();
        return kernel.Counters.Events;
    }
}
