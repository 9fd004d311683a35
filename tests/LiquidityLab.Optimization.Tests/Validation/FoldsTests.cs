using LiquidityLab.Optimization.Validation;

namespace LiquidityLab.Optimization.Tests.Validation;

public class FoldsTests
{
    [Fact]
    public void TrainTest_CutsInTime()
    {
        var f = Assert.Single(Folds.TrainTest(390, 0.7));
        Assert.Equal(new BarRange(0, 273), f.Train);
        Assert.Equal(new BarRange(273, 390), f.Test);
    }

    [Fact]
    public void WalkForward_TestsEachFoldOnTheBlockAfterItsTraining()
    {
        var folds = Folds.WalkForward(100, folds: 3, trainBlocks: 2); // 5 blocks of 20
        Assert.Equal([new BarRange(0, 40), new BarRange(20, 60), new BarRange(40, 80)], folds.Select(f => f.Train));
        Assert.Equal([new BarRange(40, 60), new BarRange(60, 80), new BarRange(80, 100)], folds.Select(f => f.Test!.Value));
        Assert.All(folds, f => Assert.True(f.Test!.Value.Start >= f.Train.End));
    }

    [Fact]
    public void WalkForward_GivesTheRemainderToTheLastBlock()
    {
        var folds = Folds.WalkForward(103, folds: 4);
        Assert.Equal(new BarRange(80, 103), folds[^1].Test);
    }
}
