using LiquidityLab.Core.Domain;
using LiquidityLab.Scenarios.Running;
using LiquidityLab.Simulation.Alpha;

namespace LiquidityLab.Scenarios.Alpha;

/// <summary>
/// Publishes an alpha run to the live feed, on the bar axis: when the feed is due (and at the last bar),
/// one frame with the mid, the quotes sent (a side withheld is left out), the inventory and the PnL, and
/// a sample of the executions since the previous frame. Between frames it only counts executions.
/// </summary>
internal sealed class AlphaLiveObserver(ILiveFeed feed, int lastBar) : IAlphaBarObserver
{
    private const string Maker = "maker";
    private readonly LiveFillSample<(int Bar, Execution Execution)> _fills = new();

    public void OnBar(in AlphaBar bar, ReadOnlySpan<Execution> executions)
    {
        foreach (var e in executions) _fills.Add((bar.Bar, e));
        if (!(feed.Due() || bar.Bar == lastBar)) return;
        var values = new List<LiveValue>(5) { new("price", "mid", bar.Mid) };
        if (!double.IsNaN(bar.Bid)) values.Add(new LiveValue("price", "bid", bar.Bid));
        if (!double.IsNaN(bar.Ask)) values.Add(new LiveValue("price", "ask", bar.Ask));
        values.Add(new LiveValue("inventory", Maker, bar.Inventory));
        values.Add(new LiveValue("pnl", Maker, bar.Pnl));
        var fills = _fills.Take(f => new LiveFill(f.Bar, Maker, f.Execution.Side == Side.Buy ? "buy" : "sell", f.Execution.Lots, f.Execution.Price));
        feed.Publish(new LiveFrame(bar.Bar, lastBar > 0 ? (double)bar.Bar / lastBar : 1, values, fills, _fills.Total));
    }
}
