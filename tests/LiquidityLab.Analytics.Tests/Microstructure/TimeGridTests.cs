using LiquidityLab.Analytics.Microstructure;

namespace LiquidityLab.Analytics.Tests.Microstructure;

public class TimeGridTests
{
    [Fact]
    public void LastAt_TakesTheValueInForceAtEachGridTime()
    {
        double[] times = [0.5, 1.0, 1.2, 3.7];
        double[] values = [10, 11, 12, 13];
        // Grid 0, 1, 2, 3, 4: 0 has no observation yet; 1 sees 11 (at or before); 2 and 3 see 12; 4 sees 13.
        Assert.Equal([11, 12, 12, 13], TimeGrid.LastAt(times, values, 0, 4, 1));
    }

    [Fact]
    public void LastAt_RejectsTimesGoingBackwards()
    {
        var e = Assert.Throws<ArgumentException>(() => TimeGrid.LastAt([1, 0.5], [1, 2], 0, 2, 1));
        Assert.Contains("non-decreasing", e.Message);
    }
}
