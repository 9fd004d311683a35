using LiquidityLab.Core.Domain;
using LiquidityLab.Scenarios.Running;
using LiquidityLab.Simulation.Alpha;

namespace LiquidityLab.Scenarios.Alpha;

/// <summary>
/// Publishes a multi-asset alpha run to the live feed, on the bar axis: when the feed is due (and at the
/// last bar), one frame with each instrument's mid, inventory and PnL, the portfolio's PnL and net
/// exposure, and a sample of the executions since the previous frame (the maker column names the
/// instrument). Quotes are left out: one price chart holds every instrument's mid, and six more lines
/// a bar would bury them.
/// </summary>
internal sealed class PortfolioLiveObserver(ILiveFeed feed, IReadOnlyList<string> symbols, int lastBar) : IPortfolioBarObserver
{
    private const string Portfolio = "portfolio", NetExposure = "net exposure";
    private readonly LiveFillSample<(int Bar, int Instrument, Execution Execution)> _fills = new();

    public void OnBar(int bar, PortfolioRunResult record, ReadOnlySpan<(int Instrument, Execution Execution)> executions)
    {
        foreach (var (i, e) in executions) _fills.Add((bar, i, e));
        if (!(feed.Due() || bar == lastBar)) return;
        var m = record.Instruments;
        var values = new List<LiveValue>(3 * m + 2);
        for (var i = 0; i < m; i++)
        {
            var k = bar * m + i;
            values.Add(new LiveValue("price", symbols[i], record.Mid[k]));
            values.Add(new LiveValue("inventory", symbols[i], record.Inventory[k]));
            values.Add(new LiveValue("pnl", symbols[i], record.Pnl[k]));
        }
        values.Add(new LiveValue("pnl", Portfolio, record.TotalPnl[bar]));
        values.Add(new LiveValue(NetExposure, "net", record.NetExposure[bar]));
        var fills = _fills.Take(f => new LiveFill(f.Bar, symbols[f.Instrument], f.Execution.Side == Side.Buy ? "buy" : "sell", f.Execution.Lots, f.Execution.Price));
        feed.Publish(new LiveFrame(bar, lastBar > 0 ? (double)bar / lastBar : 1, values, fills, _fills.Total));
    }
}
