using LiquidityLab.Core.Domain;
using LiquidityLab.Scenarios.Running;
using LiquidityLab.Simulation.Dealer;

namespace LiquidityLab.Scenarios.Dealer;

/// <summary>
/// Passes every record on to the run's own observer and, when the live feed is due, publishes one frame
/// of the recorded step: the mid, each maker's quotes, inventory and PnL, and a sample of the fills since
/// the previous frame (the first few). Between frames it only counts fills (no allocation), so the feed
/// costs the simulation a timestamp read per recorded step and a compare per fill.
/// </summary>
internal sealed class DealerLiveObserver : IDealerRunObserver
{
    private readonly IDealerRunObserver _inner;
    private readonly ILiveFeed _feed;
    private readonly int _makers;
    private readonly long _lastStep;
    private readonly LiveFillSample<DealerTradeRecord> _fills = new();
    private long _frameStep = -1;
    private int _frameMakers;
    private List<LiveValue>? _values;
    private double _frameTime;

    public DealerLiveObserver(IDealerRunObserver inner, ILiveFeed feed, int makers, long lastStep)
    {
        _inner = inner;
        _feed = feed;
        _makers = makers;
        _lastStep = lastStep;
    }

    public void OnTrade(in DealerTradeRecord trade)
    {
        _inner.OnTrade(trade);
        if (trade.Kind != DealerEventKind.Fill) return;
        _fills.Add(trade);
    }

    public void OnStep(in DealerStepRecord step)
    {
        _inner.OnStep(step);
        // a frame takes every maker's record of one step: chosen at the step's first record
        if (step.Step != _frameStep)
        {
            if (!(_feed.Due() || step.Step == _lastStep)) return;
            _frameStep = step.Step;
            _frameMakers = 0;
            _frameTime = step.Time;
            _values = new List<LiveValue>(1 + 4 * _makers) { new("price", "mid", (double)step.Mid) };
        }
        var values = _values!;
        values.Add(new LiveValue("price", step.Maker + " bid", (double)step.Bid));
        values.Add(new LiveValue("price", step.Maker + " ask", (double)step.Ask));
        values.Add(new LiveValue("inventory", step.Maker, step.Inventory));
        values.Add(new LiveValue("pnl", step.Maker, (double)step.TotalPnl));
        if (++_frameMakers == _makers) Flush();
    }

    private void Flush()
    {
        var fills = _fills.Take(t => new LiveFill(t.Time, t.Maker ?? "", t.MakerSide == Side.Buy ? "buy" : "sell", t.Lots, (double)t.Price));
        _feed.Publish(new LiveFrame(_frameTime, _lastStep > 0 ? Math.Min(1.0, (double)_frameStep / _lastStep) : 1.0, _values!, fills, _fills.Total));
        _values = null;
    }
}
