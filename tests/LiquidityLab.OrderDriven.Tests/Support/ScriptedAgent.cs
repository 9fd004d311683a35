using LiquidityLab.Core.Domain;
using LiquidityLab.OrderBook.Orders;
using LiquidityLab.OrderDriven.Agents;
using LiquidityLab.OrderDriven.Kernel;

namespace LiquidityLab.OrderDriven.Tests.Support;

/// <summary>One step of a script: at a time, send an order, or cancel the order sent at script step <see cref="CancelStep"/>.</summary>
public sealed record ScriptStep(long TimeNs, Side Side, OrderType Type, long Price, long Quantity, int CancelStep = -1);

/// <summary>An agent that does exactly what its script says, at the script's times; remembers the ids it got.</summary>
public sealed class ScriptedAgent(string name, IReadOnlyList<ScriptStep> script) : Agent(name)
{
    private readonly long[] _ids = new long[script.Count];
    private int _next;

    public List<OrderReport> Reports { get; } = [];
    public IReadOnlyList<long> Ids => _ids;

    protected internal override void OnStart(MarketKernel kernel)
    {
        if (script.Count > 0) kernel.WakeAt(this, script[0].TimeNs);
    }

    protected internal override void OnWake(MarketKernel kernel, int tag)
    {
        while (_next < script.Count && script[_next].TimeNs <= kernel.Now)
        {
            var s = script[_next];
            if (s.CancelStep >= 0) kernel.Cancel(this, _ids[s.CancelStep]);
            else _ids[_next] = kernel.Submit(this, s.Side, s.Type, s.Price, s.Quantity);
            _next++;
        }
        if (_next < script.Count) kernel.WakeAt(this, script[_next].TimeNs);
    }

    protected internal override void OnReport(MarketKernel kernel, in OrderReport report) => Reports.Add(report);
}
