using LiquidityLab.Analytics.Microstructure;

namespace LiquidityLab.Analytics.Tests.Microstructure;

public class PriceTimeHeatmapTests
{
    [Fact]
    public void Cells_AverageRestingOverSnapshotsAndSumTrades()
    {
        var map = new PriceTimeHeatmap(start: 0, binWidth: 10);
        map.BeginSnapshot(1); map.AddResting(1, 100, 4); map.AddResting(1, 101, 2);
        map.BeginSnapshot(6); map.AddResting(6, 100, 6);
        map.AddTrade(7, 101, 3); map.AddTrade(8, 101, 1);
        map.BeginSnapshot(12); map.AddResting(12, 99, 5);
        map.AddTrade(15, 100, 2);

        Assert.Equal(
            [new HeatmapCell(0, 100, 5, 0), new HeatmapCell(0, 101, 1, 4), new HeatmapCell(10, 99, 5, 0), new HeatmapCell(10, 100, 0, 2)],
            map.Cells());
    }
}
