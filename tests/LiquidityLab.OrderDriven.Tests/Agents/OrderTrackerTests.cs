using LiquidityLab.Core.Domain;
using LiquidityLab.OrderDriven.Agents;
using LiquidityLab.OrderDriven.Kernel;

namespace LiquidityLab.OrderDriven.Tests.Agents;

public class OrderTrackerTests
{
    [Fact]
    public void Tracker_FillsAndCancels_MoveLotsFromOpenToPositionOnlyWhenReported()
    {
        var t = new OrderTracker();
        t.Sent(1, Side.Buy, 100, 10, 0);
        t.Sent(2, Side.Sell, 102, 4, 0);
        Assert.Equal((0L, 10L, 4L, 10L, -4L), (t.Position, t.OpenBuy, t.OpenSell, t.WorstLong, t.WorstShort));
        t.Apply(new OrderReport(ReportKind.Accepted, 1, Side.Buy, 100, 10, false, 1));
        t.Apply(new OrderReport(ReportKind.Filled, 1, Side.Buy, 100, 3, false, 2));
        Assert.Equal((3L, 7L, 10L), (t.Position, t.OpenBuy, t.WorstLong));
        t.CancelSent(1);
        Assert.Equal(7, t.OpenBuy); // a cancel in flight does not free the lots: they may still fill
        t.Apply(new OrderReport(ReportKind.Filled, 1, Side.Buy, 100, 2, false, 3));
        t.Apply(new OrderReport(ReportKind.Cancelled, 1, Side.Buy, 100, 5, false, 4));
        Assert.Equal((5L, 0L, 1), (t.Position, t.OpenBuy, t.Count));
        t.Apply(new OrderReport(ReportKind.Rejected, 2, default, 0, 0, false, 5));
        Assert.Equal((0L, 0), (t.OpenSell, t.Count));
    }
}
